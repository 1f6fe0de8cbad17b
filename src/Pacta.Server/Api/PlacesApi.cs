using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/places</c>: places with every name in use; a search finds one by any name, in any script.</summary>
public static class PlacesApi
{
    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var places = api.MapGroup("/places").WithTags("Places");
        places.MapGet("/", List)
            .WithName("ListPlaces").WithSummary("Places, or with q those with a name that matches, in any script, diacritics optional.");
        places.MapGet("/{id}", Get)
            .WithName("GetPlace").WithSummary("One place with all its names and its geometry (GeoJSON).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<IReadOnlyList<Place>>, ValidationProblem> List(
        IStore store,
        [Description("any name of the place: Stepanakert, Khankendi, Xankəndi, Ստեփանակերտ …")] string? q)
    {
        var parameters = new Parameters();
        var query = parameters.Text(nameof(q), q);
        if (!parameters.Valid) return parameters.Problem();
        return TypedResults.Ok(query is null ? store.All<Place>() : store.FindPlaces(query));
    }

    private static Results<Ok<Place>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, IStore store, [Description("the place's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Place place } found) return Problems.NotFound("place", id);
        ETags.Set(http, found);
        return TypedResults.Ok(place);
    }
}
