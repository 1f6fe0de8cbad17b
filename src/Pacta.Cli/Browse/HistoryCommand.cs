using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Browse;

/// <summary>
/// <c>pacta history ID [--json]</c>: the changes recorded for one record, oldest first, each with who, when, which
/// command and why, and for an update the JSON paths that changed, old → new (<see cref="JsonDiff"/>). An obligation's
/// history is its document's.
/// </summary>
public sealed class HistoryCommand : Command<HistoryCommand.Settings>
{
    public sealed class Settings : ReadingSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The id of a record (an obligation's gives its document's history).")]
        public string Id { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print JSON: each change with its hash and, as 'changes', every path that changed with its value before and after.")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        RecordId.IsValid(settings.Id) ? ValidationResult.Success() : ValidationResult.Error($"'{settings.Id}' is not a valid id");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        var id = new RecordId(settings.Id);
        var changes = store.History(id);
        if (changes.Count == 0 && store.FindObligation(id) is { } obligation) changes = store.History(obligation.Document.Id);
        if (changes.Count == 0) throw new CommandFailedException($"no change has been recorded for '{settings.Id}'");
        if (settings.Json)
        {
            Console.Out.WriteLine(Shapes.Write(Json(changes)));
            return ExitCodes.Ok;
        }
        foreach (var change in changes)
        {
            Output.Console.Write(Heading(change));
            if (change.Operation == ChangeOperation.Updated)
            {
                var diff = JsonDiff.Compare(change.Before, change.After);
                var table = new Table().Border(TableBorder.Simple);
                foreach (var header in new[] { "path", "before", "after" }) table.AddColumn(new TableColumn(new Text(header)));
                foreach (var line in diff) table.AddRow(new Text(line.Path), new Text(Value(line.Before)), new Text(Value(line.After)));
                Output.Console.Write(table);
            }
            Output.Console.WriteLine();
        }
        return ExitCodes.Ok;
    }

    /// <summary>A value as the table shows it: long ones (a geometry, a whole list) cut short; --json gives them whole.</summary>
    private static string Value(string? json) => json is null ? "(none)" : json.Length <= ValueWidth ? json : json[..(ValueWidth - 1)] + "…";

    private const int ValueWidth = 200;

    /// <summary>"#12  2026-11-29 10:00:00 UTC  updated by alice  pacta import …  (reason)".</summary>
    private static Text Heading(Change change)
    {
        var line = $"#{change.Sequence.ToString(CultureInfo.InvariantCulture)}  {change.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC  "
            + $"{Tables.Term(change.Operation)} by {change.Author}  with '{change.Command}'"
            + (change.Reason is null ? "" : $"  because: {change.Reason}")
            + "\n";
        return new Text(line);
    }

    private static JsonArray Json(IReadOnlyList<Change> changes)
    {
        var array = new JsonArray();
        foreach (var change in changes)
        {
            var paths = new JsonArray();
            foreach (var line in JsonDiff.Compare(change.Before, change.After))
            {
                paths.Add(new JsonObject
                {
                    ["path"] = line.Path,
                    ["before"] = line.Before is null ? null : JsonNode.Parse(line.Before),
                    ["after"] = line.After is null ? null : JsonNode.Parse(line.After),
                });
            }
            array.Add(new JsonObject
            {
                ["sequence"] = change.Sequence,
                ["recordedAt"] = change.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                ["author"] = change.Author,
                ["command"] = change.Command,
                ["reason"] = change.Reason,
                ["record"] = change.RecordId.Value,
                ["kind"] = Tables.Term(change.Kind),
                ["operation"] = Tables.Term(change.Operation),
                ["hash"] = change.Hash,
                ["changes"] = paths,
            });
        }
        return array;
    }
}
