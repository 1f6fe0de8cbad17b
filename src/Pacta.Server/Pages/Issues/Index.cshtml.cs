using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Pages.Issues;

public sealed class IndexModel(IStore store) : PageModel
{
    public IReadOnlyList<Issue> Issues { get; private set; } = [];

    public void OnGet() => Issues = store.All<Issue>();
}
