using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Documents;

public sealed class IndexModel(IStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Document Document, IReadOnlyList<ObligationRow> Obligations)> Documents { get; private set; } = [];

    public void OnGet()
    {
        var documents = store.All<Document>().OrderBy(d => d.Dates.Earliest).ThenBy(d => d.Id).ToList();
        var rows = ObligationRow.Of(documents, store, ObligationRow.Today(clock)).ToLookup(r => r.Document.Id);
        Documents = documents.Select(d => (d, (IReadOnlyList<ObligationRow>)rows[d.Id].ToList())).ToList();
    }
}
