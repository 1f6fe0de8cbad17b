using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Documents;

/// <summary>A document: its provisions, their obligations with derived status, signatories, texts and sources.</summary>
public sealed class DocumentModel(IStore store, TimeProvider clock) : PageModel
{
    public Document Document { get; private set; } = null!;
    public IReadOnlyDictionary<RecordId, ObligationRow> Obligations { get; private set; } = new Dictionary<RecordId, ObligationRow>();
    public RecordNames Names { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id) || store.Find(new RecordId(id)) is not Document document) return NotFound();
        Document = document;
        Names = new RecordNames(store);
        // Reciprocal partners may sit in another document: their states are derived too, so a pair shows side by side.
        var compliance = ObligationRow.Compliance(store);
        Obligations = ObligationRow.Of(compliance.Documents, compliance, ObligationRow.Today(clock)).ToDictionary(r => r.State.Obligation.Id);
        return Page();
    }

    public string Title(RecordId document) => (store.Find(document) as Document)?.DisplayTitle ?? document.Value;
}
