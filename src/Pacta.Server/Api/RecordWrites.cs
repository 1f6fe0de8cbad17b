using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary>A kind of record the API and the edit pages write, and where it lives under <c>/api/v1</c>.</summary>
public sealed record WritableKind(string Segment, RecordKind Kind, string Term, bool Meetings = false)
{
    public static readonly IReadOnlyList<WritableKind> All =
    [
        new("documents", RecordKind.Document, "document"),
        new("actors", RecordKind.Actor, "actor"),
        new("sources", RecordKind.Source, "source"),
        new("places", RecordKind.Place, "place"),
        new("events", RecordKind.Event, "event"),
        new("meetings", RecordKind.Event, "meeting", Meetings: true),
        new("claims", RecordKind.Claim, "claim"),
        new("issues", RecordKind.Issue, "issue"),
        new("assessments", RecordKind.Assessment, "assessment"),
        new("topics", RecordKind.Topic, "topic"),
    ];

    public static WritableKind? Named(string? segment) => All.FirstOrDefault(k => k.Segment == segment);

    /// <summary>The kind a stored record is written under: a meeting is an event with a meeting block.</summary>
    public static WritableKind Of(IRecord record) =>
        All.First(k => k.Kind == record.Kind && (record is not Event e || (e.Meeting is not null) == k.Meetings));

    /// <summary>Whether a record of the right type also is of this kind (events and meetings share one type).</summary>
    public bool Holds(IRecord record) => record.Kind == Kind && (record is not Event e || (e.Meeting is not null) == Meetings);
}

/// <summary>
/// The checks and the write that the API and the edit pages share: the body read as a record of the kind, the id,
/// the kind, every reference looked up (each problem at its JSON path; a <c>restricted</c> placeholder is the store's to put
/// back or refuse, as only it knows what the writer could not see), then a draft kept from the published version the
/// writer read, which the store refuses when that version is stale. A reviewer's publication (<see cref="DraftsApi"/>)
/// writes the record later; its change names the draft's author and the reviewer.
/// </summary>
public static class RecordWrites
{
    /// <summary>Keys the read API adds to a record and a write ignores: a document's obligations carry their derived state.</summary>
    private static readonly string[] DerivedKeys = ["state"];

    /// <summary>What went wrong with a write, and the status the API answers it with.</summary>
    public sealed record Refusal(int Status, string Title, string Detail, IReadOnlyList<InputProblem> Problems, VersionedRecord? Current = null);

    /// <summary>
    /// Reads and checks a contribution, then keeps it as a draft made from the published version the writer read:
    /// either the draft, or why nothing was kept. Nothing reaches the records until a reviewer publishes the draft.
    /// </summary>
    /// <param name="urlId">The id the address names (an update), or null (a creation: the id is the body's).</param>
    /// <param name="expectedVersion">0 for a creation; else the published version the writer read.</param>
    public static (Draft? Draft, Refusal? Refusal) Submit(
        IStore store, WritableKind kind, JsonNode? body, string? urlId, long expectedVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (record, refusal) = Check(store, kind, body, urlId);
        if (record is null) return (null, refusal);
        try
        {
            return (store.AddDraft(record, expectedVersion, author), null);
        }
        catch (VersionConflictException e)
        {
            return (null, Conflict(e, record, expectedVersion));
        }
        catch (PlaceholderWriteException e)
        {
            return (null, Invalid($"the {kind.Term} holds '{Restriction.Placeholder}' where the record as stored cites no record hidden from you", e.Problems));
        }
        catch (StoreException e)
        {
            // A reference removed between the check above and the draft's trial write, or an id another document's obligation has.
            return (null, Refused(e));
        }
    }

    /// <summary>A conditional write or draft refused: 409 when a creation's id is taken, else 412 (the record changed since it was read).</summary>
    public static Refusal Conflict(VersionConflictException e, IRecord record, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(record);
        return e.Current is { } current && expectedVersion == 0
            ? new Refusal(StatusCodes.Status409Conflict, "Conflict", e.Message, [new InputProblem("$.id", $"'{record.Id}' is taken")], current)
            : new Refusal(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message, [], e.Current);
    }

    /// <summary>Reads the body as a record of the kind and checks its id, its kind and every reference; the record, or why it is refused.</summary>
    public static (IRecord? Record, Refusal? Refusal) Check(IStore store, WritableKind kind, JsonNode? body, string? urlId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kind);
        if (body is not JsonObject node)
            return (null, Bad("the body must be a JSON object: the record, as GET gives it", [new InputProblem("$", "expected a JSON object")]));
        node = (JsonObject)node.DeepClone();
        if (kind.Kind == RecordKind.Document) DropDerived(node);
        if (urlId is not null)
        {
            if (!node.ContainsKey("id")) node["id"] = urlId;
            else if (node["id"] is not JsonValue value || !value.TryGetValue<string>(out var bodyId) || bodyId != urlId)
                return (null, Bad($"the body's id is not '{urlId}', the id in the address; an id cannot be changed",
                    [new InputProblem("$.id", $"expected '{urlId}'")]));
        }
        var record = RecordInput.Read(node, kind.Kind, out var problems);
        if (record is null) return (null, Invalid($"the body is not a valid {kind.Term}", problems));
        if (!kind.Holds(record))
        {
            var belongs = WritableKind.Of(record);
            return (null, Bad($"the body is {Article(belongs.Term)} {belongs.Term}, not {Article(kind.Term)} {kind.Term}: write it under /api/v1/{belongs.Segment}",
                [new InputProblem(kind.Meetings ? "$" : "$.meeting", kind.Meetings
                    ? "a meeting needs a meeting block (format, host, mediators, participants, outcomes)"
                    : "an event with a meeting block is a meeting")]));
        }
        var dangling = Dangling(store, record);
        if (dangling.Count > 0) return (null, Invalid($"the {kind.Term} names records that do not exist or are of another kind", dangling));
        return (record, null);
    }

    /// <summary>The store refused a record (a reference removed since it was checked, an id an obligation of another document has).</summary>
    public static Refusal Refused(StoreException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Its message names the store's file, which is not the client's business: the problems alone go back.
        return Invalid("the store refused the write", e.Problems.Select(p => new InputProblem("$", p)).ToList());
    }

    /// <summary>Who writes: the signed-in user (or the token's).</summary>
    public static string UserName(ClaimsPrincipal user) =>
        user?.Identity?.Name ?? throw new InvalidOperationException("a write needs a signed-in user");

    private static List<InputProblem> Dangling(IStore store, IRecord record)
    {
        var problems = new List<InputProblem>();
        var ownObligations = record is Document d ? d.Obligations.Select(o => o.Id).ToHashSet() : [];
        foreach (var reference in record.References())
        {
            // The store puts a placeholder back to the hidden record the stored version cites there, or refuses it at its path.
            if (reference.Target == Restriction.Placeholder) continue;
            // A document's obligations may name each other: they are written with it.
            var kind = ownObligations.Contains(reference.Target) ? RecordKind.Obligation
                : reference.Target == record.Id ? record.Kind
                : store.KindOf(reference.Target);
            if (kind is null)
                problems.Add(new InputProblem("$." + reference.Path, $"'{reference.Target}' names no record: expected {Expected(reference.Expected)}"));
            else if (!reference.Expected.Contains(kind.Value))
                problems.Add(new InputProblem("$." + reference.Path, $"'{reference.Target}' is {Article(Term(kind.Value))} {Term(kind.Value)}, but {Expected(reference.Expected)} is expected here"));
        }
        return problems;
    }

    private static void DropDerived(JsonObject document)
    {
        if (document["provisions"] is not JsonArray provisions) return;
        foreach (var provision in provisions.OfType<JsonObject>())
        {
            if (provision["obligations"] is not JsonArray obligations) continue;
            foreach (var obligation in obligations.OfType<JsonObject>())
            {
                foreach (var key in DerivedKeys) obligation.Remove(key);
            }
        }
    }

    private static Refusal Bad(string detail, IReadOnlyList<InputProblem> problems) =>
        new(StatusCodes.Status400BadRequest, "Bad request", detail, problems);

    private static Refusal Invalid(string detail, IReadOnlyList<InputProblem> problems) =>
        new(StatusCodes.Status422UnprocessableEntity, "Invalid record", detail, problems);

    private static string Expected(IReadOnlyList<RecordKind> kinds) =>
        kinds.Count > 4 ? "any record but a source" : string.Join(" or ", kinds.Select(k => $"{Article(Term(k))} {Term(k)}"));

    private static string Term(RecordKind kind) => JsonKebab(kind.ToString());

    private static string JsonKebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static string Article(string term) => term[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    /// <summary>Problems as problem details' <c>errors</c>: each JSON path with its messages.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<InputProblem> problems) =>
        problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The record as the read API shows it (a document with its obligations' state as of today).</summary>
    public static JsonNode Shape(IStore store, IRecord record, TimeProvider clock) => record switch
    {
        Document document => Shapes.Document(document, store.All<Assessment>(), DocumentsApi.Today(clock)),
        Issue issue => Shapes.Issue(issue),
        _ => Shapes.Record(record),
    };
}

/// <summary>
/// Entity tags of records: strong, quoted, the record's stored version (<c>"3"</c>). They name the stored record, not the
/// bytes of one answer: a document's derived state (as of today) may change while its tag stays, as its record does.
/// </summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext http, VersionedRecord found)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(found);
        http.Response.Headers.ETag = Of(found.Version);
    }

    /// <summary>The wildcard <c>If-Match: *</c>: any version of a record that exists.</summary>
    public const long AnyVersion = -1;

    /// <summary>
    /// The versions an <c>If-Match</c> header lists: null when there is no header; <c>*</c> as <see cref="AnyVersion"/>.
    /// A weak tag is left out, as it never matches (RFC 9110 compares If-Match strongly), and so is a tag not of ours.
    /// </summary>
    public static IReadOnlyList<long>? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch;
        if (header.Count == 0) return null;
        var versions = new List<long>();
        foreach (var value in header)
        {
            if (value is null) continue;
            if (value.Trim() == "*")
            {
                versions.Add(AnyVersion);
                continue;
            }
            if (!EntityTagHeaderValue.TryParseList([value], out var tags)) continue;
            foreach (var tag in tags)
            {
                if (tag.Tag == "*") versions.Add(AnyVersion);
                else if (!tag.IsWeak && long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0)
                    versions.Add(v);
            }
        }
        return versions;
    }
}
