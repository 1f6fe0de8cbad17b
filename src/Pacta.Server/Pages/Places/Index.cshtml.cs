using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Places;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Places;

/// <summary>Places found by any of their names, each shown with all its names under the chosen naming policy.</summary>
public sealed class IndexModel(IStore store) : PageModel
{
    public string Query { get; private set; } = "";
    public NamingPolicy Policy { get; private set; } = NamingPolicy.All;
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public RecordNames Names { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Label)> Policies { get; private set; } = [];

    public void OnGet(string? q, string? naming)
    {
        Names = new RecordNames(store);
        Query = q?.Trim() ?? "";
        // An unreadable policy falls back to the default, all names: the page still answers the search.
        Policy = NamingPolicy.Parse(naming) ?? NamingPolicy.All;
        Places = Query.Length > 0 ? store.FindPlaces(Query) : store.All<Place>();
        Policies = PolicyChoices(store.All<Place>());
    }

    /// <summary>All names, each party that uses a name, each language a name is in.</summary>
    private List<(string, string)> PolicyChoices(IReadOnlyList<Place> places)
    {
        var names = places.SelectMany(p => p.Names).ToList();
        return
        [
            ("all", "All names"),
            .. names.SelectMany(n => n.UsedBy).Distinct().Order().Select(a => ($"party:{a}", $"Names {Names.Actor(a)} uses")),
            .. names.Select(n => n.Lang).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Select(l => ($"lang:{l}", $"Names in {l}")),
        ];
    }
}
