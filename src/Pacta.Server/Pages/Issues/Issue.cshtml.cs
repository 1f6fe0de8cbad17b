using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Issues;

/// <summary>An issue: its options and each party's positions over time, one column per party.</summary>
public sealed class IssueModel(IStore store) : PageModel
{
    public Issue Issue { get; private set; } = null!;
    public RecordNames Names { get; private set; } = null!;
    public IReadOnlyList<Issue> Linked { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id) || store.Find(new RecordId(id)) is not Issue issue) return NotFound();
        Issue = issue;
        Names = new RecordNames(store);
        Linked = issue.LinkedIssues.Select(l => store.Find(l)).OfType<Issue>().ToList();
        return Page();
    }

    public string Option(string? id) => Issue.Options.FirstOrDefault(o => o.Id == id)?.Label ?? "";
}
