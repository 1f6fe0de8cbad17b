using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Json;
using Pacta.Model;
using Pacta.Server.Accounts;
using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Server.Api;

/// <summary>
/// The review of contributions under <c>/api/v1/drafts</c>. Contributors see their own drafts, reviewers and admins every
/// one; a draft someone may not see is a 404, so no one learns that another's draft exists. A reviewer or admin other than
/// a draft's author publishes it (the record is written with the draft's base version expected: 412 when it changed since)
/// or rejects it with a reason; its author may withdraw it. A decided draft stays decided (409).
/// </summary>
public static class DraftsApi
{
    /// <summary>The value of <c>?state=</c> that lists drafts in every state.</summary>
    public const string AllStates = "all";

    public static RouteGroupBuilder MapDraftsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var drafts = api.MapGroup("/drafts").WithTags("Drafts").RequireAuthorization(Role.Contributor.Text());
        drafts.MapGet("/", (HttpContext http, IStore store, [Description("pending (the default), published, rejected, withdrawn or all")] string? state) =>
                List(http.User, store, state))
            .WithName("ListDrafts")
            .WithSummary("Drafts, oldest first: a reviewer's or admin's list holds everyone's, a contributor's their own; pending ones unless ?state= says otherwise.")
            .Produces<JsonArray>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        drafts.MapGet("/{number:long}", (HttpContext http, IStore store, [Description("the draft's number")] long number) => Get(http.User, store, number))
            .WithName("GetDraft")
            .WithSummary("One draft, with the record it proposes and the JSON paths it changes in the published record; 404 unless it is yours or you review.")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        drafts.MapPost("/{number:long}/publish", (HttpContext http, IStore store, [Description("the draft's number")] long number) =>
                Decide(http, store, number, user => store.PublishDraft(number, user, RecordWritesApi.Command).Draft))
            .WithName("PublishDraft")
            .WithSummary("Publishes a pending draft (a reviewer or admin other than its author): writes its record if it is still at the version the draft was made from (412 if not; nothing is written).")
            .RequireAuthorization(Role.Reviewer.Text())
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        drafts.MapPost("/{number:long}/reject", (HttpContext http, IStore store, [Description("the draft's number")] long number) => Reject(http, store, number))
            .WithName("RejectDraft")
            .WithSummary("Rejects a pending draft (a reviewer or admin other than its author), with a reason for its author: {\"reason\": \"…\"}.")
            .RequireAuthorization(Role.Reviewer.Text())
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        drafts.MapPost("/{number:long}/withdraw", (HttpContext http, IStore store, [Description("the draft's number")] long number) =>
                Decide(http, store, number, user => store.WithdrawDraft(number, user)))
            .WithName("WithdrawDraft")
            .WithSummary("Withdraws a pending draft: its author only.")
            .Produces<JsonObject>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The answer to a contribution kept as a draft: 202, the draft's address, the draft.</summary>
    public static IResult Accepted(IStore store, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return TypedResults.Accepted($"{ApiRoutes.Prefix}/drafts/{draft.Number.ToString(CultureInfo.InvariantCulture)}", Shape(store, draft, whole: true));
    }

    /// <summary>Whether <paramref name="user"/> may see the draft: its author, a reviewer or an admin.</summary>
    public static bool MaySee(ClaimsPrincipal user, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.IsBy(user?.Identity?.Name) || MayReview(user);
    }

    public static bool MayReview(ClaimsPrincipal? user) => user is not null && AccountClaims.RoleOf(user) is { } role && role.Includes(Role.Reviewer);

    /// <summary>The drafts <paramref name="user"/> may see in a state (null: every state).</summary>
    public static IReadOnlyList<Draft> Visible(ClaimsPrincipal user, IStore store, DraftState? state)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Drafts(state, MayReview(user) ? null : RecordWrites.UserName(user));
    }

    /// <summary>A state named in a query (null for <see cref="AllStates"/>), or false when the text names none.</summary>
    public static bool TryState(string? text, out DraftState? state)
    {
        state = DraftState.Pending;
        if (string.IsNullOrEmpty(text)) return true;
        if (text == AllStates)
        {
            state = null;
            return true;
        }
        foreach (var candidate in Enum.GetValues<DraftState>())
        {
            if (StateText(candidate) != text) continue;
            state = candidate;
            return true;
        }
        return false;
    }

    public static string StateText(DraftState state) => state.ToString().ToLowerInvariant();

    /// <summary>
    /// A draft as the API shows it; <paramref name="whole"/> adds the record it proposes, the published version now, and
    /// <c>changes</c>: each JSON path that differs from the published record (as <c>pacta history --json</c> lists them).
    /// </summary>
    public static JsonObject Shape(IStore store, Draft draft, bool whole)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(draft);
        var kind = WritableKind.Of(draft.Record);
        var shape = new JsonObject
        {
            ["number"] = draft.Number,
            ["state"] = StateText(draft.State),
            ["kind"] = kind.Segment,
            ["recordId"] = draft.RecordId.Value,
            ["baseVersion"] = draft.BaseVersion,
            ["author"] = draft.Author,
            ["createdAt"] = draft.CreatedAt,
            ["decidedBy"] = draft.DecidedBy,
            ["decidedAt"] = draft.DecidedAt,
            ["reason"] = draft.Reason,
        };
        if (!whole) return shape;
        var published = store.FindVersioned(draft.RecordId);
        shape["publishedVersion"] = published?.Version ?? 0;
        shape["stale"] = draft.Pending && (published?.Version ?? 0) != draft.BaseVersion;
        shape["record"] = Shapes.Record(draft.Record);
        shape["changes"] = Changes(published?.Record, draft);
        return shape;
    }

    /// <summary>The paths the draft changes in the published record (a new record: one change at <c>$</c>).</summary>
    public static IReadOnlyList<JsonChange> Diff(IRecord? published, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return JsonDiff.Compare(published is null ? null : JsonSerializer.Serialize(published, published.GetType(), PactaJson.Options), draft.Body);
    }

    private static JsonArray Changes(IRecord? published, Draft draft)
    {
        var changes = new JsonArray();
        foreach (var change in Diff(published, draft))
        {
            changes.Add(new JsonObject
            {
                ["path"] = change.Path,
                ["before"] = change.Before is null ? null : JsonNode.Parse(change.Before),
                ["after"] = change.After is null ? null : JsonNode.Parse(change.After),
            });
        }
        return changes;
    }

    private static IResult List(ClaimsPrincipal user, IStore store, string? state)
    {
        if (!TryState(state, out var wanted))
        {
            var parameters = new Parameters();
            parameters.Add("state", $"'{state}' is not a state of a draft: use pending, published, rejected, withdrawn or {AllStates}");
            return parameters.Problem();
        }
        return TypedResults.Ok(new JsonArray([.. Visible(user, store, wanted).Select(d => (JsonNode)Shape(store, d, whole: false))]));
    }

    private static IResult Get(ClaimsPrincipal user, IStore store, long number) =>
        store.FindDraft(number) is { } draft && MaySee(user, draft) ? TypedResults.Ok(Shape(store, draft, whole: true)) : NotFound(number);

    private static async Task<IResult> Reject(HttpContext http, IStore store, long number)
    {
        // Whether the draft may be seen comes first: a body's problems must not tell that someone else's draft exists.
        if (store.FindDraft(number) is not { } found || !MaySee(http.User, found)) return NotFound(number);
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "the body must be JSON (Content-Type: application/json): {\"reason\": \"…\"}");
        }
        string? reason;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            reason = body is JsonObject o && o["reason"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "the body is not JSON: send {\"reason\": \"…\"}");
        }
        catch (BadHttpRequestException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content too large" : "Bad request",
                detail: e.Message);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["$.reason"] = ["a rejection needs a reason, for the draft's author"] })
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = "Invalid rejection", Detail = "a rejection needs a reason, for the draft's author",
            });
        }
        return Decide(http, store, number, user => store.RejectDraft(number, user, reason));
    }

    /// <summary>Decides a draft the user may see; each refusal of the store as its status, nothing written.</summary>
    private static IResult Decide(HttpContext http, IStore store, long number, Func<string, Draft> decide)
    {
        if (store.FindDraft(number) is not { } found || !MaySee(http.User, found)) return NotFound(number);
        try
        {
            var decided = decide(RecordWrites.UserName(http.User));
            return TypedResults.Ok(Shape(store, decided, whole: true));
        }
        catch (DraftException e)
        {
            var status = e.Refusal switch
            {
                DraftRefusal.NotFound => StatusCodes.Status404NotFound,
                DraftRefusal.Decided => StatusCodes.Status409Conflict,
                DraftRefusal.OwnDraft or DraftRefusal.NotAuthor => StatusCodes.Status403Forbidden,
                DraftRefusal.NoReason => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(statusCode: status, title: status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status409Conflict => "Conflict",
                StatusCodes.Status403Forbidden => "Forbidden",
                _ => "Invalid request",
            }, detail: e.Message);
        }
        catch (VersionConflictException e)
        {
            return RecordWritesApi.Refused(http, new RecordWrites.Refusal(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"draft {number.ToString(CultureInfo.InvariantCulture)} is stale: it was made from version {found.BaseVersion} of '{found.RecordId}', " +
                $"but {e.Message}. Make a new draft from the record as it is now.", [], e.Current));
        }
        catch (StoreException e)
        {
            return RecordWritesApi.Refused(http, RecordWrites.Refused(e));
        }
    }

    private static IResult NotFound(long number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"you have no draft {number.ToString(CultureInfo.InvariantCulture)} to see");
}
