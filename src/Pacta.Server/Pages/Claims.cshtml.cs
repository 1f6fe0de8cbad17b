using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Claims;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages;

/// <summary>Every subject with all its claims side by side, each with how many times it was changed and a link to its history.</summary>
public sealed class ClaimsModel(IStore store) : PageModel
{
    public IReadOnlyList<ContestedSet> Sets { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;

    private Dictionary<RecordId, int> updates = [];

    public void OnGet()
    {
        Names = new RecordNames(store);
        var claims = store.All<Claim>();
        Sets = ContestedSet.Group(claims);
        updates = claims.ToDictionary(c => c.Id, c => store.History(c.Id).Count(change => change.Operation == ChangeOperation.Updated));
    }

    /// <summary>How many times the claim was changed since it was recorded.</summary>
    public int Updates(Claim claim) => updates.GetValueOrDefault(claim.Id);
}
