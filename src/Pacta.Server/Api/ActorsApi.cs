using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/actors</c>: states, organisations, courts, armed forces, authorities, bodies, NGOs and people.</summary>
public static class ActorsApi
{
    public static RouteGroupBuilder MapActorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("/", (IStore store) => TypedResults.Ok(store.All<Actor>()))
            .WithName("ListActors").WithSummary("Actors with their roles over time, ordered by id.");
        actors.MapGet("/{id}", Get)
            .WithName("GetActor").WithSummary("One actor.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<Actor>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, IStore store, [Description("the actor's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Actor actor } found) return Problems.NotFound("actor", id);
        ETags.Set(http, found);
        return TypedResults.Ok(actor);
    }
}
