using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/sources</c>: what records cite, each with its reliability grade (A–F).</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/", (IStore store) => TypedResults.Ok(store.All<Source>()))
            .WithName("ListSources").WithSummary("Sources with their reliability, ordered by id.");
        sources.MapGet("/{id}", Get)
            .WithName("GetSource").WithSummary("One source.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<Source>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, IStore store, [Description("the source's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Source source } found) return Problems.NotFound("source", id);
        ETags.Set(http, found);
        return TypedResults.Ok(source);
    }
}
