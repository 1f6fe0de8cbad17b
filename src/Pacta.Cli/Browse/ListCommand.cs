using System.ComponentModel;
using System.Text.Json.Nodes;
using Pacta.Compliance;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Browse;

/// <summary><c>pacta list KIND [--json]</c>: one kind of record, as a table or as the API's JSON.</summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    public sealed class Settings : ReadingSettings
    {
        [CommandArgument(0, "<KIND>")]
        [Description("documents, obligations, events, meetings, claims, issues, places, actors, sources, topics or assessments.")]
        public string Kind { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print JSON, in the shapes the HTTP API serves.")]
        public bool Json { get; init; }
    }

    private static readonly string[] Kinds =
        ["documents", "obligations", "events", "meetings", "claims", "issues", "places", "actors", "sources", "topics", "assessments"];

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        Kinds.Contains(settings.Kind)
            ? ValidationResult.Success()
            : ValidationResult.Error($"'{settings.Kind}' is not a kind to list; choose one of: {string.Join(", ", Kinds)}");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        if (settings.Kind == "obligations")
        {
            var obligations = store.All<Document>()
                .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (Document: d, Provision: p, Obligation: o))))
                .ToList();
            if (settings.Json)
            {
                var assessments = store.All<Assessment>();
                var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
                WriteJson(new JsonArray(obligations.Select(x =>
                    (JsonNode)Shapes.Obligation(x.Document, x.Provision, ObligationState.Of(x.Obligation, assessments, today))).ToArray()));
            }
            else
                Output.Console.Write(Tables.Obligations(obligations, Tables.ActorNames(store)));
            return ExitCodes.Ok;
        }

        var records = settings.Kind switch
        {
            "meetings" => store.All<Event>().Where(e => e.Meeting is not null).Cast<IRecord>().ToList(),
            "events" => store.All<Event>().Where(e => e.Meeting is null).Cast<IRecord>().ToList(),
            _ => store.All(Enum.Parse<RecordKind>(settings.Kind[..^1], ignoreCase: true)).ToList(),
        };
        if (settings.Json)
            WriteJson(new JsonArray(records.Select(Shapes.Record).ToArray()));
        else
            Output.Console.Write(Tables.Of(records, Tables.ActorNames(store)));
        return ExitCodes.Ok;
    }

    private static void WriteJson(JsonNode node) => Console.Out.WriteLine(Shapes.Write(node));
}
