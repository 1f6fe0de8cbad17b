using System.ComponentModel;
using System.Text.Json.Nodes;
using Pacta.Claims;
using Pacta.Cli.Compliance;
using Pacta.Compliance;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Browse;

/// <summary><c>pacta show ID [--json]</c>: one record; a document with its provisions and their obligations.</summary>
public sealed class ShowCommand : Command<ShowCommand.Settings>
{
    public sealed class Settings : ReadingSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The id of any record, or of an obligation.")]
        public string Id { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print JSON, in the shape the HTTP API serves.")]
        public bool Json { get; init; }
    }

    public override ValidationResult Validate(CommandContext context, Settings settings) =>
        RecordId.IsValid(settings.Id)
            ? ValidationResult.Success()
            : ValidationResult.Error($"'{settings.Id}' is not a valid id: ids use lower-case letters, digits and single hyphens");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        var id = new RecordId(settings.Id);
        if (store.FindObligation(id) is { } found)
        {
            var state = StateText.CaseOf(store).State(id, Today());
            var node = Shapes.Obligation(found.Document, found.Provision, state, store.All<Assessment>());
            if (settings.Json) Console.Out.WriteLine(Shapes.Write(node));
            else
            {
                Output.Console.Write(new Text($"Obligation {id} — {found.Document.DisplayTitle}, provision {found.Provision.Number}\n\n{Yaml(node)}\n"));
                Output.Console.Write(StateText.Of(state, found.Document, Tables.ActorNames(store)));
            }
            return ExitCodes.Ok;
        }
        var record = store.Find(id) ?? throw new CommandFailedException($"no record has the id '{id}'");
        if (settings.Json)
        {
            var json = record switch
            {
                Document shown => Shapes.Document(shown, store.All<Assessment>(), Today()),
                Issue shownIssue => Shapes.Issue(shownIssue),
                _ => Shapes.Record(record),
            };
            Console.Out.WriteLine(Shapes.Write(json));
            return ExitCodes.Ok;
        }
        if (record is Document document) ShowDocument(store, document);
        else Output.Console.Write(new Text($"{Tables.Term(record.Kind)} {id}\n\n{Yaml(Shapes.Record(record))}"));
        if (record is Event { Origins: { } origins } shownEvent) ShowOrigins(shownEvent, origins);
        if (record is Claim or Topic or Event or Place) ShowContestedSet(store, record.Id);
        return ExitCodes.Ok;
    }

    private static void ShowDocument(IStore store, Document document)
    {
        var name = Tables.ActorNames(store);

        var console = Output.Console;
        console.Write(new Text($"{document.Title}\n", new Style(decoration: Decoration.Bold)));
        console.Write(new Text($"{document.Id} · {Tables.Term(document.Kind)} · {Tables.Term(document.Status)}"
            + (document.Stage is { } stage ? $" · PA-X stage {stage.Code()}" : "")
            + (document.Dates.Earliest is { } date ? $" · {date}" : "") + "\n"));
        if (document.Process is { } process)
            console.Write(new Text($"Peace process: {process.Name}{(process.PaxId is { } pp ? $" (PA-X process {pp})" : "")}\n"));
        if (document.Signatories.Count > 0)
            console.Write(new Text("Signatories: " + string.Join("; ", document.Signatories.Select(s =>
                $"{name(s.Actor)} ({Tables.Term(s.Role)}{(s.SignedBy is { } by ? $", signed by {name(by)}" : "")})")) + "\n"));
        console.Write(new Text($"Sources: {string.Join(", ", document.Sources)}\n\n"));

        var tree = new Tree(new Text($"{document.Provisions.Count} provisions, {document.Obligations.Count()} obligations"));
        foreach (var provision in document.Provisions)
        {
            var node = tree.AddNode(new Text($"{provision.Number} [{provision.EId}] {provision.Summary}"));
            foreach (var obligation in provision.Obligations)
            {
                var due = obligation.Deadline is { } deadline ? $" — due {deadline}" : obligation.Period is { } period ? $" — {Tables.Period(period)}" : "";
                var linkage = obligation.Linkage.Count == 0 ? "" : " — " + string.Join(", ", obligation.Linkage.Select(l => $"{Tables.Term(l.Type)} {l.Obligation}"));
                node.AddNode(new Text($"{obligation.Id}: {string.Join(", ", obligation.Bearers.Select(name))} — {obligation.Action}{due}{linkage}"));
            }
        }
        console.Write(tree);
    }

    /// <summary>Each dataset row the event was imported from, the names it gives the place and, for a row joined to it later, why.</summary>
    private static void ShowOrigins(Event shown, IReadOnlyList<EventOrigin> origins)
    {
        var named = shown.PlaceNamesAsWritten().Where(n => n.By is not null).ToDictionary(n => n.By!, n => n.Names);
        Output.Console.Write(new Text($"\nFrom {origins.Count} dataset row{(origins.Count == 1 ? "" : "s")}:\n"));
        foreach (var origin in origins)
        {
            var line = $"  {origin}" + (origin.Revision is { } revision ? $" (revision {revision})" : "") + (origin.Citation is { } citation ? $" — cites: {citation}" : "");
            Output.Console.Write(new Text(line + "\n"));
            if (named.TryGetValue(origin, out var names)) Output.Console.Write(new Text($"    {origin.DatasetName} names the place: {names}\n"));
            if (origin.Match is { } match) Output.Console.Write(new Text($"    {match.Explain()}\n"));
            if (origin.Reported is { } reported)
            {
                var deaths = reported.Fatalities is { } f ? $"; deaths {f.Low?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}/{f.Best}/{f.High?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} (low/best/high)" : "";
                Output.Console.Write(new Text($"    this row says: {reported.Title}; {reported.Start}{(reported.End is { } end ? $" to {end}" : "")}{deaths}\n"));
            }
        }
    }

    /// <summary>Every claim about the same subject, side by side: the record never speaks for one of them.</summary>
    private static void ShowContestedSet(IStore store, RecordId subject)
    {
        var target = store.Find(subject) is Claim claim ? claim.Subject : subject;
        var set = ContestedSet.Group(store.All<Claim>()).FirstOrDefault(s => s.Subject == target);
        if (set is null) return;
        Output.Console.Write(new Text($"\nClaims about {target}{(set.IsContested ? " (contested)" : "")}:\n"));
        Output.Console.Write(Tables.Of(set.Claims, Tables.ActorNames(store)));
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static string Yaml(JsonNode node) => YamlWriter.Prune(node.DeepClone()) is { } pruned ? YamlWriter.Write(pruned) : "";
}
