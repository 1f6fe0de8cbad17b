using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;
using Pacta.Server.Api;
using Pacta.Store;

namespace Pacta.Server.Pages.Records;

/// <summary>
/// Edits (or creates) one record as its JSON, for contributors and above. Saving keeps a draft (the API's checks,
/// <see cref="RecordWrites"/>) and goes to it: a reviewer other than its author publishes it (<see cref="DraftModel"/>).
/// The form carries the published version it was opened at: if someone published a change since, nothing is kept and
/// the page says who and when, beside the record as it is now.
/// </summary>
[Authorize(Policy = "contributor")]
public sealed class EditModel(IStore store) : PageModel
{
    /// <summary>The command of a change a reviewer publishes through the web app.</summary>
    public const string Command = "web";

    public WritableKind Kind { get; private set; } = null!;

    /// <summary>The id edited; null on the "new" form.</summary>
    public string? Id { get; private set; }

    [BindProperty]
    public string Text { get; set; } = "";

    [BindProperty]
    public long Version { get; set; }

    /// <summary>Every problem, each with the JSON path it concerns ("$" for the whole).</summary>
    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public string? Summary { get; private set; }

    /// <summary>After a refused save because someone else saved first: the record as it is now.</summary>
    public VersionedRecord? Current { get; private set; }

    public string? CurrentText => Current is null ? null : Pretty(Current.Record);

    public IActionResult OnGet(string kind, string? id)
    {
        if (Load(kind, id) is { } missing) return missing;
        if (id is null)
        {
            Text = Template(Kind);
            Version = 0;
        }
        return Page();
    }

    public IActionResult OnPost(string kind, string? id)
    {
        var typed = Text;
        var version = Version;
        if (Load(kind, id) is { } missing) return missing;
        Text = typed;
        Version = version;
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(Text);
        }
        catch (JsonException e)
        {
            Summary = "The text is not JSON.";
            Problems = [new InputProblem("$", $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, character {(e.BytePositionInLine ?? 0) + 1}")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (draft, refusal) = RecordWrites.Submit(store, Kind, body, Id, Id is null ? 0 : Version, RecordWrites.UserName(User));
        if (refusal is null) return Redirect($"/drafts/{draft!.Number.ToString(CultureInfo.InvariantCulture)}?saved=true");
        Summary = refusal.Detail;
        Problems = refusal.Problems;
        if (refusal.Status == StatusCodes.Status412PreconditionFailed && refusal.Current is { } current)
        {
            Current = current;
            Summary = $"{current.ChangedBy ?? "Someone"} changed this {Kind.Term} at {When(current.UpdatedAt)} since you opened it (it is now at version " +
                      $"{current.Version}). Nothing was saved. Compare with the record as it is now, below; saving again replaces that version with your text.";
            Version = current.Version;
        }
        Response.StatusCode = refusal.Status;
        return Page();
    }

    /// <summary>Where a record is shown: its own page, or its history for the kinds without one.</summary>
    public static string PageOf(IRecord record) => record switch
    {
        Document => $"/documents/{record.Id}",
        Event => $"/events/{record.Id}",
        Place => $"/places/{record.Id}",
        Issue => $"/issues/{record.Id}",
        Claim => $"/claims#{record.Id}",
        _ => $"/history/{record.Id}",
    };

    /// <summary>The keys the kind takes, the optional ones marked with '?': the schema hint beside the text.</summary>
    public string Keys => string.Join(", ", PactaJson.Options.GetTypeInfo(RecordInput.TypeOf(Kind.Kind)).Properties
        .Where(p => p.AssociatedParameter is not null)
        .Select(p => p.Name + (p.AssociatedParameter!.IsNullable || p.AssociatedParameter.HasDefaultValue ? "?" : "")));

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private IActionResult? Load(string kind, string? id)
    {
        if (WritableKind.Named(kind) is not { } writable) return NotFound();
        Kind = writable;
        if (id is null) return null;
        if (!RecordId.IsValid(id) || store.FindVersioned(new RecordId(id)) is not { } found || !writable.Holds(found.Record)) return NotFound();
        Id = id;
        Text = Pretty(found.Record);
        Version = found.Version;
        return null;
    }

    private static string Pretty(IRecord record) => Shapes.Write(Shapes.Record(record));

    /// <summary>A new record's starting text: every key the kind requires, empty.</summary>
    private static string Template(WritableKind kind)
    {
        var node = new JsonObject();
        foreach (var property in PactaJson.Options.GetTypeInfo(RecordInput.TypeOf(kind.Kind)).Properties)
        {
            if (property.AssociatedParameter is not { IsNullable: false, HasDefaultValue: false }) continue;
            var info = PactaJson.Options.GetTypeInfo(property.PropertyType);
            node[property.Name] = info.Kind switch
            {
                JsonTypeInfoKind.Enumerable => new JsonArray(),
                JsonTypeInfoKind.Object => new JsonObject(),
                _ => "",
            };
        }
        if (kind.Meetings) node["meeting"] = new JsonObject { ["format"] = "bilateral", ["participants"] = new JsonArray() };
        return Shapes.Write(node);
    }
}
