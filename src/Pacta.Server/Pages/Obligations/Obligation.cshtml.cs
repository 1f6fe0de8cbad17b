using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Obligations;

/// <summary>One obligation: where it comes from, who owes it by when, what it is linked to, every assessment and claim.</summary>
public sealed class ObligationModel(IStore store, TimeProvider clock) : PageModel
{
    public ObligationInContext Context { get; private set; } = null!;
    public ObligationState State { get; private set; } = null!;
    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];
    public IReadOnlyList<Claim> Claims { get; private set; } = [];
    /// <summary>The obligations it is reciprocal to, each with its own state, to be shown beside this one.</summary>
    public IReadOnlyList<(ObligationInContext Context, ObligationState State)> Partners { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id) || store.FindObligation(new RecordId(id)) is not { } context) return NotFound();
        Context = context;
        Names = new RecordNames(store);
        Assessments = store.All<Assessment>().Where(a => a.Obligation == context.Obligation.Id).OrderBy(a => a.AsOf).ThenBy(a => a.Assessor).ToList();
        var compliance = ObligationRow.Compliance(store);
        var today = ObligationRow.Today(clock);
        State = compliance.State(context.Obligation.Id, today);
        Partners = [.. State.ReciprocalPartners.Select(p => (store.FindObligation(p), compliance.State(p, today))).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.Item2))];
        Claims = store.All<Claim>().Where(c => c.Subject == context.Obligation.Id).OrderBy(c => c.Asserter).ThenBy(c => c.Date).ToList();
        return Page();
    }

    public string Action(RecordId obligation) => store.FindObligation(obligation)?.Obligation.Action ?? obligation.Value;
}
