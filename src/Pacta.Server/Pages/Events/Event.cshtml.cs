using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Events;

/// <summary>An event or meeting: when, where, who, what it produced, and claims about it.</summary>
public sealed class EventModel(IStore store) : PageModel
{
    public Event Event { get; private set; } = null!;
    public Place? Place { get; private set; }
    public RecordNames Names { get; private set; } = null!;
    public IReadOnlyList<Claim> Claims { get; private set; } = [];

    public IActionResult OnGet(string id)
    {
        if (!RecordId.IsValid(id) || store.Find(new RecordId(id)) is not Event e) return NotFound();
        Event = e;
        Names = new RecordNames(store);
        Place = e.Place?.Ref is { } at ? store.Find(at) as Place : null;
        Claims = store.All<Claim>().Where(c => c.Subject == e.Id).OrderBy(c => c.Asserter).ThenBy(c => c.Date).ToList();
        return Page();
    }

    public string DocumentTitle(RecordId id) => (store.Find(id) as Document)?.DisplayTitle ?? id.Value;
}
