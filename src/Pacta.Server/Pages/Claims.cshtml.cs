using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Claims;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages;

/// <summary>Every subject with all its claims side by side.</summary>
public sealed class ClaimsModel(IStore store) : PageModel
{
    public IReadOnlyList<ContestedSet> Sets { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;

    public void OnGet()
    {
        Names = new RecordNames(store);
        Sets = ContestedSet.Group(store.All<Claim>());
    }
}
