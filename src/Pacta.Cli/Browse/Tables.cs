using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pacta.Cli.Browse;

/// <summary>Tables of records for the terminal. Text from data is never read as markup.</summary>
internal static class Tables
{
    public static IRenderable Of(IReadOnlyList<IRecord> records, Func<RecordId, string> actor)
    {
        if (records.Count == 0) return new Text("No records.\n");
        return records[0] switch
        {
            Document => Table(["id", "date", "kind", "status", "title", "provisions", "obligations"], records.Cast<Document>().Select(d =>
                new[] { d.Id.Value, d.Dates.Earliest?.ToString() ?? "", Term(d.Kind), Term(d.Status), d.DisplayTitle, Count(d.Provisions.Count), Count(d.Obligations.Count()) })),
            Event => Table(["id", "start", "end", "type", "title"], records.Cast<Event>().OrderBy(e => e.Start).Select(e =>
                new[] { e.Id.Value, e.Start.ToString(), e.End?.ToString() ?? "", e.Type.ToString(), e.Title })),
            Claim => Table(["id", "subject", "asserter", "stance", "credibility", "statement"], records.Cast<Claim>().OrderBy(c => c.Subject).Select(c =>
                new[] { c.Id.Value, c.Subject.Value, actor(c.Asserter), Term(c.Stance), c.Credibility.ToString(), Shorten(c.Statement) })),
            Issue => Table(["id", "title", "options", "positions", "parties"], records.Cast<Issue>().Select(i =>
                new[] { i.Id.Value, i.Title, Count(i.Options.Count), Count(i.Positions.Count), string.Join(", ", i.Positions.Select(p => actor(p.Actor)).Distinct()) })),
            Place => Table(["id", "kind", "names"], records.Cast<Place>().Select(p => new[] { p.Id.Value, Term(p.Kind), p.AllNames })),
            Actor => Table(["id", "kind", "name"], records.Cast<Actor>().Select(a => new[] { a.Id.Value, Term(a.Kind), a.Name })),
            Source => Table(["id", "kind", "reliability", "date", "title"], records.Cast<Source>().Select(s =>
                new[] { s.Id.Value, Term(s.Kind), s.Reliability.ToString(), s.Date?.ToString() ?? "", Shorten(s.Title) })),
            Topic => Table(["id", "title"], records.Cast<Topic>().Select(t => new[] { t.Id.Value, t.Title })),
            Assessment => Table(["id", "obligation", "as of", "status", "score", "assessor"], records.Cast<Assessment>().Select(a =>
                new[] { a.Id.Value, a.Obligation.Value, a.AsOf.ToString(), Term(a.Status), a.Score?.ToString() ?? "–", actor(a.Assessor) })),
            _ => throw new InvalidOperationException($"No table for {records[0].GetType().Name}"),
        };
    }

    public static IRenderable Obligations(IReadOnlyList<(Document Document, Provision Provision, Obligation Obligation)> rows, Func<RecordId, string> actor) =>
        rows.Count == 0
            ? new Text("No records.\n")
            : Table(["id", "document", "provision", "bearers", "action", "due"], rows.Select(r => new[]
            {
                r.Obligation.Id.Value, r.Document.Id.Value, r.Provision.Number, string.Join(", ", r.Obligation.Bearers.Select(actor)),
                Shorten(r.Obligation.Action), r.Obligation.Deadline?.ToString() ?? Period(r.Obligation.Period),
            }));

    /// <summary>Actor ids to the names people read; an id no actor has stays as it is.</summary>
    public static Func<RecordId, string> ActorNames(Pacta.Store.IStore store)
    {
        var actors = store.All<Actor>().ToDictionary(a => a.Id, a => a.DisplayName);
        return id => actors.GetValueOrDefault(id, id.Value);
    }

    public static string Term<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Period(Period? period) => period is null ? "" : $"{period.From}–{period.To?.ToString() ?? "open"}";

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header)));
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        return table;
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..89] + "…";
}
