using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Api;

/// <summary>
/// Contributions under <c>/api/v1/{kind}</c> for every kind of record: <c>POST</c> proposes a new record, <c>PUT {id}</c>
/// a replacement of the published version the writer names in <c>If-Match</c> (428 without it, 412 when someone changed it
/// since). Contributors and above only. Either is kept as a draft (202, <c>Location: /api/v1/drafts/{n}</c>) until a
/// reviewer other than its author publishes it (<see cref="DraftsApi"/>): the records themselves do not change.
/// Also <c>GET {id}</c> for the kinds the read API listed without one (claims, meetings, assessments, topics).
/// </summary>
public static class RecordWritesApi
{
    /// <summary>The command of a change a reviewer publishes through the API.</summary>
    public const string Command = "api";

    private static readonly string[] WithoutGetOne = ["claims", "meetings", "assessments", "topics"];

    public static RouteGroupBuilder MapRecordWritesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var kind in WritableKind.All)
        {
            var name = char.ToUpperInvariant(kind.Term[0]) + kind.Term[1..];
            var group = api.MapGroup("/" + kind.Segment).WithTags(char.ToUpperInvariant(kind.Segment[0]) + kind.Segment[1..]);
            if (WithoutGetOne.Contains(kind.Segment))
            {
                group.MapGet("/{id}", (HttpContext http, IStore store, TimeProvider clock, [Description("the record's id")] string id) => Get(http, store, clock, kind, id))
                    .WithName("Get" + name).WithSummary($"One {kind.Term}, with its version as ETag.")
                    .Produces<JsonObject>(StatusCodes.Status200OK)
                    .ProducesProblem(StatusCodes.Status400BadRequest)
                    .ProducesProblem(StatusCodes.Status404NotFound);
            }
            group.MapPost("/", (HttpContext http, IStore store) => Create(http, store, kind))
                .WithName("Create" + name)
                .WithSummary($"Proposes a new {kind.Term} from its JSON (the data format's): kept as a draft until a reviewer other than its author publishes it; answers 202 with the draft's Location.")
                .RequireAuthorization(Role.Contributor.Text())
                .Accepts<JsonObject>("application/json")
                .Produces<JsonObject>(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            group.MapPut("/{id}", (HttpContext http, IStore store, [Description("the record's id")] string id,
                    [FromHeader(Name = "If-Match"), Description("the ETag of the version the edit starts from (required)")] string? ifMatch) =>
                    Replace(http, store, kind, id))
                .WithName("Replace" + name)
                .WithSummary($"Proposes a replacement of {(kind.Term[0] is 'a' or 'e' or 'i' or 'o' ? "an" : "a")} {kind.Term} whose published version If-Match names, kept as a draft (202, Location of the draft): 428 without If-Match, 412 if it changed since; nothing is kept then.")
                .RequireAuthorization(Role.Contributor.Text())
                .Accepts<JsonObject>("application/json")
                .Produces<JsonObject>(StatusCodes.Status202Accepted)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        }
        return api;
    }

    private static IResult Get(HttpContext http, IStore store, TimeProvider clock, WritableKind kind, string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { } found || !kind.Holds(found.Record)) return Problems.NotFound(kind.Term, id);
        ETags.Set(http, found);
        return TypedResults.Ok(RecordWrites.Shape(store, found.Record, clock));
    }

    private static async Task<IResult> Create(HttpContext http, IStore store, WritableKind kind)
    {
        var (body, bodyProblem) = await ReadBody(http);
        if (bodyProblem is not null) return bodyProblem;
        var (draft, refusal) = RecordWrites.Submit(store, kind, body, null, 0, RecordWrites.UserName(http.User));
        return refusal is not null ? Refused(http, refusal) : DraftsApi.Accepted(store, draft!);
    }

    private static async Task<IResult> Replace(HttpContext http, IStore store, WritableKind kind, string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (ETags.IfMatch(http.Request) is not { } wanted)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Precondition required",
                detail: "a replacement needs If-Match with the ETag of the version it starts from (GET the record for it), so that no one's edit is overwritten unseen");
        }
        if (store.FindVersioned(recordId) is not { } current) return Problems.NotFound(kind.Term, id);
        if (!kind.Holds(current.Record))
        {
            var actual = WritableKind.Of(current.Record);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: $"'{id}' is {(actual.Term[0] is 'a' or 'e' or 'i' or 'o' ? "an" : "a")} {actual.Term}, not {(kind.Term[0] is 'a' or 'e' or 'i' or 'o' ? "an" : "a")} {kind.Term}: write it under {ApiRoutes.Prefix}/{actual.Segment}/{id}");
        }
        // The version the edit starts from; the store checks it again in the write's own transaction.
        var expected = wanted.Contains(ETags.AnyVersion) || wanted.Contains(current.Version) ? current.Version : 0;
        if (expected == 0)
        {
            return Refused(http, new RecordWrites.Refusal(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"'{id}' is at version {current.Version}, not the one If-Match names: {current.ChangedBy ?? "someone"} changed it at " +
                $"{current.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}; nothing was written", [], current));
        }
        var (body, bodyProblem) = await ReadBody(http);
        if (bodyProblem is not null) return bodyProblem;
        var (draft, refusal) = RecordWrites.Submit(store, kind, body, recordId.Value, expected, RecordWrites.UserName(http.User));
        return refusal is not null ? Refused(http, refusal) : DraftsApi.Accepted(store, draft!);
    }

    /// <summary>The body as JSON, or the answer to a body that is not: 415 for another media type, 400 for bad JSON, 413 past the limit.</summary>
    private static async Task<(JsonNode? Body, IResult? Problem)> ReadBody(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "the body must be JSON (Content-Type: application/json)"));
        }
        try
        {
            return (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted), null);
        }
        catch (JsonException e)
        {
            var at = $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";
            var problems = new[] { new InputProblem(e.Path is { Length: > 0 } path ? path : "$", $"malformed JSON at {at}") };
            return (null, TypedResults.Problem(new HttpValidationProblemDetails(RecordWrites.Errors(problems))
            {
                Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = $"the body is not JSON: malformed at {at}",
            }));
        }
        catch (BadHttpRequestException e)
        {
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content too large" : "Bad request",
                detail: e.Message));
        }
    }

    internal static IResult Refused(HttpContext http, RecordWrites.Refusal refusal)
    {
        var details = new HttpValidationProblemDetails(RecordWrites.Errors(refusal.Problems))
        {
            Status = refusal.Status,
            Title = refusal.Title,
            Detail = refusal.Detail,
        };
        if (refusal.Current is { } current)
        {
            http.Response.Headers.ETag = ETags.Of(current.Version);
            details.Extensions["currentVersion"] = current.Version;
            details.Extensions["changedBy"] = current.ChangedBy;
            details.Extensions["changedAt"] = current.UpdatedAt;
        }
        return TypedResults.Problem(details);
    }
}
