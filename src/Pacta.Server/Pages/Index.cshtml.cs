using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Claims;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages;

/// <summary>The dashboard: what the store holds, what happened last, what is overdue, what is contested.</summary>
public sealed class IndexModel(IStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyDictionary<RecordKind, int> Counts { get; private set; } = new Dictionary<RecordKind, int>();
    public IReadOnlyList<Event> Latest { get; private set; } = [];
    public IReadOnlyList<ObligationRow> Overdue { get; private set; } = [];
    public IReadOnlyList<(Document Document, RollUp RollUp)> Scorecards { get; private set; } = [];
    public IReadOnlyList<ContestedSet> Contested { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public void OnGet()
    {
        Names = new RecordNames(store);
        Today = ObligationRow.Today(clock);
        Counts = store.Counts();
        Latest = store.QueryEvents(new EventFilter(), limit: 10, newestFirst: true).Events;
        var compliance = ObligationRow.Compliance(store);
        Scorecards = [.. compliance.Documents.Where(d => d.Obligations.Any()).Select(d => (d, compliance.ForDocument(d.Id, Today)))];
        Overdue = ObligationRow.Of(compliance.Documents, compliance, Today).Where(r => r.State.Overdue)
            .OrderBy(r => r.State.Obligation.Deadline ?? r.State.Obligation.Period?.To).ToList();
        Contested = ContestedSet.Group(store.All<Claim>()).Where(s => s.IsContested).ToList();
    }
}
