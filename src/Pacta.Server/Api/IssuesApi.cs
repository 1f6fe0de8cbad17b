using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/issues</c>: negotiation issues, their options, and each party's positions over time.</summary>
public static class IssuesApi
{
    public static RouteGroupBuilder MapIssuesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var issues = api.MapGroup("/issues").WithTags("Issues");
        issues.MapGet("/", (IStore store) => TypedResults.Ok(store.All<Issue>()))
            .WithName("ListIssues").WithSummary("Negotiation issues with their options and positions, ordered by id.");
        issues.MapGet("/{id}", Get)
            .WithName("GetIssue").WithSummary("One issue, with each party's positions grouped by actor, oldest first (positionsByActor).")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, IStore store, [Description("the issue's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Issue issue } found) return Problems.NotFound("issue", id);
        ETags.Set(http, found);
        return TypedResults.Ok(Shapes.Issue(issue));
    }
}
