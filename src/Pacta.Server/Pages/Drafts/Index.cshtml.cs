using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Server.Api;
using Pacta.Store;

namespace Pacta.Server.Pages.Drafts;

/// <summary>The drafts the reader may see: every one for reviewers and admins, their own for contributors; pending ones unless asked for another state.</summary>
[Authorize(Policy = "contributor")]
public sealed class IndexModel(IStore store) : PageModel
{
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>The state listed; null for every state.</summary>
    public DraftState? State { get; private set; }

    public bool Reviews => DraftsApi.MayReview(User);

    public IActionResult OnGet(string? state)
    {
        if (!DraftsApi.TryState(state, out var wanted)) return NotFound();
        State = wanted;
        Drafts = DraftsApi.Visible(User, store, wanted);
        return Page();
    }

    public static string Term(Draft draft) => WritableKind.Of(draft.Record).Term;
}
