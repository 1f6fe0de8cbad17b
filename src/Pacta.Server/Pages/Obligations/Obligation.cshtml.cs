using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Obligations;

/// <summary>One obligation: where it comes from, who owes it by when, what it is linked to, every assessment and claim.</summary>
public sealed class ObligationModel(SqliteStore store, TimeProvider clock) : PageModel
{
    public ObligationInContext Context { get; private set; } = null!;
    public ObligationState State { get; private set; } = null!;
    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];
    public IReadOnlyList<Claim> Claims { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id) || store.FindObligation(new RecordId(id)) is not { } context) return NotFound();
        Context = context;
        Names = new RecordNames(store);
        Assessments = store.All<Assessment>().Where(a => a.Obligation == context.Obligation.Id).OrderBy(a => a.AsOf).ThenBy(a => a.Assessor).ToList();
        State = ObligationState.Of(context.Obligation, Assessments, ObligationRow.Today(clock));
        Claims = store.All<Claim>().Where(c => c.Subject == context.Obligation.Id).OrderBy(c => c.Asserter).ThenBy(c => c.Date).ToList();
        return Page();
    }

    public string Action(RecordId obligation) => store.FindObligation(obligation)?.Obligation.Action ?? obligation.Value;
}
