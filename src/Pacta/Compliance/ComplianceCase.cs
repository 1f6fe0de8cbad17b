using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>What a roll-up counts: the obligations of one document, of one party (bearer), or under one theme.</summary>
public enum RollUpScope { Document, Party, Theme }

/// <summary>A roll-up of the obligations in one scope as of a date; <see cref="Key"/> is the document or actor id or the theme's term.</summary>
public sealed record RollUp(RollUpScope Scope, string Key, DateOnly AsOf, ScoreTally Tally);

/// <summary>
/// The documents, assessments and claims that compliance is derived from, indexed once: each obligation's
/// assessments sorted by date, the claims by subject, reciprocal links both ways, and the obligations of each
/// document, party (bearer) and theme. Every <see cref="ObligationState"/> rule applies in full here, and
/// roll-ups are computed from the same views: a roll-up reads only the obligations in its scope, and the
/// roll-ups of every party (or theme) at a date derive each obligation's views once, however many scopes count it.
/// </summary>
public sealed class ComplianceCase
{
    private sealed record Entry(Document Document, Provision Provision, Obligation Obligation, IReadOnlyList<Assessment> Sorted);

    private readonly List<Entry> entries = [];
    private readonly Dictionary<RecordId, int> index = [];
    private readonly Dictionary<RecordId, List<Assessment>> assessments;
    private readonly ILookup<RecordId, Claim> claims;
    private readonly ILookup<RecordId, RecordId> reciprocalFrom;
    private readonly List<Document> documents;
    private readonly Dictionary<RecordId, List<int>> byDocument = [];
    private readonly Dictionary<string, List<int>> byParty = new(StringComparer.Ordinal);
    private readonly Dictionary<Theme, List<int>> byTheme = [];

    private static readonly Dictionary<string, Theme> ThemesByTerm =
        Enum.GetValues<Theme>().ToDictionary(ObligationState.Term, t => t, StringComparer.Ordinal);

    public ComplianceCase(IEnumerable<Document> documents, IEnumerable<Assessment> assessments, IEnumerable<Claim> claims)
    {
        this.documents = [.. documents];
        this.assessments = [];
        foreach (var assessment in assessments)
        {
            if (!this.assessments.TryGetValue(assessment.Obligation, out var list)) this.assessments[assessment.Obligation] = list = [];
            list.Add(assessment);
        }
        foreach (var list in this.assessments.Values) list.Sort(ByDate);
        foreach (var document in this.documents)
        {
            foreach (var provision in document.Provisions)
            {
                foreach (var obligation in provision.Obligations)
                {
                    if (!index.TryAdd(obligation.Id, entries.Count))
                        throw new ArgumentException($"obligation '{obligation.Id}' is held twice", nameof(documents));
                    var at = entries.Count;
                    entries.Add(new Entry(document, provision, obligation, AssessmentsOf(obligation.Id)));
                    Member(byDocument, document.Id, at);
                    foreach (var bearer in obligation.Bearers) Member(byParty, bearer.Value, at);
                    foreach (var theme in provision.Themes) Member(byTheme, theme, at);
                }
            }
        }
        this.claims = claims.ToLookup(c => c.Subject);
        reciprocalFrom = entries
            .SelectMany(x => x.Obligation.Linkage.Where(l => l.Type == LinkageType.ReciprocalTo).Select(l => (From: x.Obligation.Id, To: l.Obligation)))
            .ToLookup(x => x.To, x => x.From);
    }

    /// <summary>Date order (rule 1): by as-of date, then by id so that two views of one day have a fixed order.</summary>
    private static int ByDate(Assessment x, Assessment y)
    {
        var byDate = x.AsOf.CompareTo(y.AsOf);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.Id.Value, y.Id.Value);
    }

    public static ComplianceCase From(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new ComplianceCase(dataset.OfType<Document>(), dataset.OfType<Assessment>(), dataset.OfType<Claim>());
    }

    public IReadOnlyList<Document> Documents => documents;

    /// <summary>An obligation's state as of a date, by every rule of <see cref="ObligationState"/>.</summary>
    /// <exception cref="KeyNotFoundException">No document holds the obligation.</exception>
    public ObligationState State(RecordId obligation, DateOnly asOf)
    {
        var entry = index.TryGetValue(obligation, out var at) ? entries[at]
            : throw new KeyNotFoundException($"no obligation '{obligation}'");
        return ObligationState.Of(
            entry.Obligation,
            ObligationState.LatestViewsOfSorted(entry.Sorted, asOf),
            condition => ObligationState.StatusOf(ObligationState.LatestViewsOfSorted(AssessmentsOf(condition), asOf)),
            reciprocalFrom[obligation],
            claims[obligation],
            asOf);
    }

    /// <summary>Every obligation's state as of a date, in document and provision order.</summary>
    public IEnumerable<ObligationState> States(DateOnly asOf) => entries.Select(e => State(e.Obligation.Id, asOf));

    public RollUp ForDocument(RecordId document, DateOnly asOf) => Series(RollUpScope.Document, document.Value, [asOf])[0];

    /// <summary>One roll-up per document, in the order the documents were given.</summary>
    public IReadOnlyList<RollUp> ByDocument(DateOnly asOf)
    {
        var outcomes = new Outcomes(this, asOf);
        return [.. documents.Select(d => new RollUp(RollUpScope.Document, d.Id.Value, asOf, outcomes.Tally(byDocument.GetValueOrDefault(d.Id) ?? [])))];
    }

    /// <summary>One roll-up per bearer (in id order), over all documents or one. An obligation with several bearers counts whole for each.</summary>
    public IReadOnlyList<RollUp> ByParty(DateOnly asOf, RecordId? document = null)
    {
        var outcomes = new Outcomes(this, asOf);
        return [.. Keys(RollUpScope.Party, document).Select(k =>
            new RollUp(RollUpScope.Party, k, asOf, outcomes.Tally(Members(RollUpScope.Party, k, document))))];
    }

    /// <summary>One roll-up per theme (in vocabulary order), over all documents or one. An obligation whose provision has several themes counts under each.</summary>
    public IReadOnlyList<RollUp> ByTheme(DateOnly asOf, RecordId? document = null)
    {
        var outcomes = new Outcomes(this, asOf);
        return [.. Keys(RollUpScope.Theme, document).Select(k =>
            new RollUp(RollUpScope.Theme, k, asOf, outcomes.Tally(Members(RollUpScope.Theme, k, document))))];
    }

    /// <summary>
    /// The roll-up of one scope at each date, oldest first. Each obligation's assessments are walked once,
    /// in date order, across all the dates: a step adds the assessments that fall before it, nothing is recomputed.
    /// </summary>
    public IReadOnlyList<RollUp> Series(RollUpScope scope, string key, IEnumerable<DateOnly> dates, RecordId? document = null)
    {
        var steps = dates.Distinct().Order().ToArray();
        var tallies = Enumerable.Repeat(ScoreTally.Empty, steps.Length).ToArray();
        var latest = new List<Assessment>();
        foreach (var at in Members(scope, key, document))
        {
            var sorted = entries[at].Sorted;
            latest.Clear();
            var next = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                for (; next < sorted.Count && sorted[next].AsOf.First <= steps[i]; next++) ObligationState.Keep(latest, sorted[next]);
                tallies[i] = tallies[i].Add(latest.Count, ScoresOf(latest));
            }
        }
        return [.. steps.Select((d, i) => new RollUp(scope, key, d, tallies[i]))];
    }

    private static ScoreRange? ScoresOf(List<Assessment> views)
    {
        int? lowest = null, highest = null;
        foreach (var view in views)
        {
            if (view.Score is not { } score) continue;
            lowest = Math.Min(lowest ?? score.Value, score.Value);
            highest = Math.Max(highest ?? score.Value, score.Value);
        }
        return lowest is { } l ? new ScoreRange(l, highest!.Value) : null;
    }

    /// <summary>Each obligation's views at one date, derived the first time a roll-up asks and then reused.</summary>
    private sealed class Outcomes(ComplianceCase compliance, DateOnly asOf)
    {
        private readonly (int Views, ScoreRange? Scores)?[] known = new (int, ScoreRange?)?[compliance.entries.Count];
        private readonly List<Assessment> views = [];

        public ScoreTally Tally(IEnumerable<int> members)
        {
            var tally = ScoreTally.Empty;
            foreach (var at in members)
            {
                if (known[at] is not { } outcome)
                {
                    // Rule 1 as in LatestViewsOfSorted; a count needs no order, so the views are neither sorted nor kept.
                    views.Clear();
                    var sorted = compliance.entries[at].Sorted;
                    for (var i = 0; i < sorted.Count && sorted[i].AsOf.First <= asOf; i++) ObligationState.Keep(views, sorted[i]);
                    known[at] = outcome = (views.Count, ScoresOf(views));
                }
                tally = tally.Add(outcome.Views, outcome.Scores);
            }
            return tally;
        }
    }

    private IReadOnlyList<Assessment> AssessmentsOf(RecordId obligation) =>
        assessments.TryGetValue(obligation, out var list) ? list : [];

    private static void Member<TKey>(Dictionary<TKey, List<int>> groups, TKey key, int at) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
        members.Add(at);
    }

    /// <summary>The obligations a scope counts, in document and provision order, within one document if given.</summary>
    private IEnumerable<int> Members(RollUpScope scope, string key, RecordId? document)
    {
        var members = scope switch
        {
            RollUpScope.Document => RecordId.IsValid(key) ? byDocument.GetValueOrDefault(new RecordId(key)) : null,
            RollUpScope.Party => byParty.GetValueOrDefault(key),
            RollUpScope.Theme => ThemesByTerm.TryGetValue(key, out var theme) ? byTheme.GetValueOrDefault(theme) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
        } ?? [];
        return document is null || scope == RollUpScope.Document ? members : members.Where(at => entries[at].Document.Id == document);
    }

    private IEnumerable<string> Keys(RollUpScope scope, RecordId? document)
    {
        var within = document is null ? Enumerable.Range(0, entries.Count) : byDocument.GetValueOrDefault(document) ?? [];
        return scope switch
        {
            RollUpScope.Party => document is null
                ? byParty.Keys.Order(StringComparer.Ordinal)
                : within.SelectMany(at => entries[at].Obligation.Bearers).Select(b => b.Value).Distinct().Order(StringComparer.Ordinal),
            RollUpScope.Theme => (document is null ? byTheme.Keys : within.SelectMany(at => entries[at].Provision.Themes).Distinct())
                .Order().Select(ObligationState.Term),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
        };
    }
}
