using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Server.Api;
using Pacta.Server.Pages.Shared;
using Pacta.Store;

namespace Pacta.Server.Pages.Places;

/// <summary>The routes with their geodesic lengths beside the lengths that claims give, each claim attributed.</summary>
public sealed class RoutesModel(IStore store) : PageModel
{
    public RouteComparisonTable Table { get; private set; } = null!;
    public RecordNames Names { get; private set; } = null!;

    public void OnGet()
    {
        Table = RouteComparisonTable.From(store);
        Names = new RecordNames(store);
    }
}
