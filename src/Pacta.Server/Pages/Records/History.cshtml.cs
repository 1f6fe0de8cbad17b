using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Server.Api;
using Pacta.Store;

namespace Pacta.Server.Pages.Records;

/// <summary>
/// Every recorded change of a record, newest first: when, who, through which command, what kind of change, and for an
/// update each JSON path it changed, before and after (as <c>pacta history</c> prints them). A published draft's change
/// names its author as the change's author and the reviewer in its reason.
/// </summary>
public sealed class HistoryModel(IStore store) : PageModel
{
    public RecordId Id { get; private set; } = null!;

    public VersionedRecord? Current { get; private set; }

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id)) return NotFound();
        Id = new RecordId(id);
        Current = store.FindVersioned(Id);
        Changes = store.History(Id).Reverse().ToList();
        return Current is null && Changes.Count == 0 ? NotFound() : Page();
    }

    public WritableKind? Kind => Current is null ? null : WritableKind.Of(Current.Record);
}
