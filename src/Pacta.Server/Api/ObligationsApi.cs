using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Compliance;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/obligations</c>: every obligation in its document and provision, with where it stands as of a date.</summary>
public static class ObligationsApi
{
    public static RouteGroupBuilder MapObligationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var obligations = api.MapGroup("/obligations").WithTags("Obligations");
        obligations.MapGet("/", List)
            .WithName("ListObligations")
            .WithSummary("Obligations with their document, provision and state as of a date (today by default), "
                + "filtered by status, bearer, document or overdue.")
            .Produces<JsonArray>(StatusCodes.Status200OK);
        obligations.MapGet("/{id}", Get)
            .WithName("GetObligation")
            .WithSummary("One obligation with its document, provision, state as of a date, and every assessment of it.")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<JsonArray>, ValidationProblem> List(
        IStore store,
        TimeProvider clock,
        [Description("not-started, in-progress, implemented, violated, disputed, lapsed or unassessed")] string? status,
        [Description("an actor id: obligations this actor bears")] string? bearer,
        [Description("a document id: obligations of this document")] string? document,
        [Description("true: only overdue obligations; false: only those not overdue")] string? overdue,
        [Description("the date the state is derived for (YYYY-MM-DD); today by default")] string? asOf)
    {
        var parameters = new Parameters();
        var wantedStatus = parameters.OneOf(nameof(status), status, ObligationState.Statuses);
        var wantedBearer = parameters.Id(nameof(bearer), bearer);
        var wantedDocument = parameters.Id(nameof(document), document);
        var wantedOverdue = parameters.Boolean(nameof(overdue), overdue);
        var date = parameters.Date(nameof(asOf), asOf) ?? DocumentsApi.Today(clock);
        if (!parameters.Valid) return parameters.Problem();

        var assessments = store.All<Assessment>();
        var items = store.All<Document>()
            .Where(d => wantedDocument is null || d.Id == wantedDocument)
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations
                .Where(o => wantedBearer is null || o.Bearers.Contains(wantedBearer))
                .Select(o => (Document: d, Provision: p, State: ObligationState.Of(o, assessments, date)))))
            .Where(x => (wantedStatus is null || x.State.Status == wantedStatus) && (wantedOverdue is null || x.State.Overdue == wantedOverdue))
            .Select(x => (JsonNode)Shapes.Obligation(x.Document, x.Provision, x.State))
            .ToArray();
        return TypedResults.Ok(new JsonArray(items));
    }

    private static Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Get(
        IStore store,
        TimeProvider clock,
        [Description("the obligation's id")] string id,
        [Description("the date the state is derived for (YYYY-MM-DD); today by default")] string? asOf)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        var date = parameters.Date(nameof(asOf), asOf) ?? DocumentsApi.Today(clock);
        if (recordId is null || !parameters.Valid) return parameters.Problem();
        if (store.FindObligation(recordId) is not { } found) return Problems.NotFound("obligation", id);

        var assessments = store.All<Assessment>();
        var state = ObligationState.Of(found.Obligation, assessments, date);
        return TypedResults.Ok(Shapes.Obligation(found.Document, found.Provision, state, assessments));
    }
}
