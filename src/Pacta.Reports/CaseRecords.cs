using System.Globalization;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Reports.Content;

namespace Pacta.Reports;

/// <summary>The records a report reads, indexed once: names of actors, sources with their grades, and the compliance case.</summary>
public sealed class CaseRecords
{
    private readonly Dictionary<RecordId, IRecord> byId;
    private readonly Dictionary<RecordId, (Document Document, Provision Provision, Obligation Obligation)> obligations;

    public CaseRecords(IEnumerable<IRecord> records)
    {
        var all = records.ToList();
        byId = all.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        Documents = [.. all.OfType<Document>().OrderBy(d => d.Dates.Earliest).ThenBy(d => d.Id.Value, StringComparer.Ordinal)];
        Assessments = [.. all.OfType<Assessment>()];
        Claims = [.. all.OfType<Claim>()];
        Events = [.. all.OfType<Event>()];
        Issues = [.. all.OfType<Issue>()];
        obligations = Documents
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (d, p, o))))
            .ToDictionary(x => x.o.Id);
        Compliance = new ComplianceCase(Documents, Assessments, Claims);
    }

    public IReadOnlyList<Document> Documents { get; }

    public IReadOnlyList<Assessment> Assessments { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Event> Events { get; }

    public IReadOnlyList<Issue> Issues { get; }

    public ComplianceCase Compliance { get; }

    public IRecord? Find(RecordId id) => byId.GetValueOrDefault(id);

    public (Document Document, Provision Provision, Obligation Obligation)? Obligation(RecordId id) =>
        obligations.TryGetValue(id, out var found) ? found : null;

    /// <summary>An actor's short name, or its id when the store has no such actor.</summary>
    public string Name(RecordId actor) => Find(actor) is Actor a ? a.DisplayName : actor.Value;

    public string Names(IEnumerable<RecordId> actors) => string.Join(", ", actors.Select(Name));

    public Source? Source(RecordId id) => Find(id) as Source;

    /// <summary>What a record is, in a few words: a title, or for a claim who asserts what.</summary>
    public string Describe(RecordId id) => Find(id) switch
    {
        Event e => e.Title,
        Document d => d.DisplayTitle,
        Source s => s.Title,
        Claim c => $"{Name(c.Asserter)} {Words.Term(c.Stance)}: {c.Statement}",
        Topic t => t.Title,
        Issue i => i.Title,
        Place p => p.AllNames,
        Actor a => a.Name,
        Assessment a => $"assessment of {a.Obligation} by {Name(a.Assessor)}",
        null when Obligation(id) is { } o => o.Obligation.Action,
        null => id.Value,
        var other => other.Id.Value,
    };
}

/// <summary>How reports write ids, terms, dates and percentages.</summary>
public static class Words
{
    public static string Term<T>(T value) where T : struct, Enum => ObligationState.Term(value);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " %" : "no score";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Plural(int count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";

    /// <summary>The anchor of a record in a report: its kind's letter and its id (ids are URL-safe already).</summary>
    public static string Anchor(string kind, RecordId id) => $"{kind}-{id.Value}";

    public static Link ObligationLink(RecordId id) => new(id.Value, Anchor("ob", id));

    public static Link EvidenceLink(RecordId id) => new(id.Value, Anchor("ev", id));

    public static string Shorten(string text, int length = 160) =>
        text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>Inlines joined by a separator.</summary>
    public static IReadOnlyList<Inline> Join(IEnumerable<Inline> items, string separator = ", ")
    {
        var list = new List<Inline>();
        foreach (var item in items)
        {
            if (list.Count > 0) list.Add(new Text(separator));
            list.Add(item);
        }
        return list;
    }
}
