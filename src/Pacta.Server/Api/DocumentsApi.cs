using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/documents</c>: agreements, statements, proposals … and, for one, provisions → obligations → state.</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", List)
            .WithName("ListDocuments").WithSummary("Documents, optionally of one kind or status, ordered by id.");
        documents.MapGet("/{id}", Get)
            .WithName("GetDocument")
            .WithSummary("One document with its provisions and their obligations, each obligation with its state as of a date (today by default).")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<IReadOnlyList<Document>>, ValidationProblem> List(
        IStore store,
        [Description("agreement, statement, proposal, draft-treaty, resolution or judgment")] string? kind,
        [Description("proposed, initialled, signed, adopted, in-force, superseded, rejected or expired")] string? status)
    {
        var parameters = new Parameters();
        var wantedKind = parameters.Term<DocumentKind>(nameof(kind), kind);
        var wantedStatus = parameters.Term<DocumentStatus>(nameof(status), status);
        if (!parameters.Valid) return parameters.Problem();
        IReadOnlyList<Document> found = store.All<Document>()
            .Where(d => (wantedKind is null || d.Kind == wantedKind) && (wantedStatus is null || d.Status == wantedStatus))
            .ToList();
        return TypedResults.Ok(found);
    }

    private static Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult> Get(
        HttpContext http,
        IStore store,
        TimeProvider clock,
        [Description("the document's id")] string id,
        [Description("the date the obligations' state is derived for (YYYY-MM-DD); today by default")] string? asOf)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        var date = parameters.Date(nameof(asOf), asOf) ?? Today(clock);
        if (recordId is null || !parameters.Valid) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Document document } found) return Problems.NotFound("document", id);
        ETags.Set(http, found);
        return TypedResults.Ok(Shapes.Document(document, store.All<Assessment>(), date));
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
