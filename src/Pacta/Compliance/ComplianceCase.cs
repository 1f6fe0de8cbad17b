using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>What a roll-up counts: the obligations of one document, of one party (bearer), or under one theme.</summary>
public enum RollUpScope { Document, Party, Theme }

/// <summary>A roll-up of the obligations in one scope as of a date; <see cref="Key"/> is the document or actor id or the theme's term.</summary>
public sealed record RollUp(RollUpScope Scope, string Key, DateOnly AsOf, ScoreTally Tally);

/// <summary>
/// The documents, assessments and claims that compliance is derived from, indexed once: each obligation's
/// assessments sorted by date, the claims by subject, reciprocal links both ways. Every
/// <see cref="ObligationState"/> rule applies in full here, and roll-ups are computed from the same views.
/// </summary>
public sealed class ComplianceCase
{
    private readonly Dictionary<RecordId, (Document Document, Provision Provision, Obligation Obligation)> obligations;
    private readonly Dictionary<RecordId, List<Assessment>> assessments;
    private readonly ILookup<RecordId, Claim> claims;
    private readonly ILookup<RecordId, RecordId> reciprocalFrom;
    private readonly List<Document> documents;

    public ComplianceCase(IEnumerable<Document> documents, IEnumerable<Assessment> assessments, IEnumerable<Claim> claims)
    {
        this.documents = [.. documents];
        obligations = this.documents
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (d, p, o))))
            .ToDictionary(x => x.o.Id);
        this.assessments = assessments
            .GroupBy(a => a.Obligation)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.AsOf).ThenBy(a => a.Id.Value, StringComparer.Ordinal).ToList());
        this.claims = claims.ToLookup(c => c.Subject);
        reciprocalFrom = obligations.Values
            .SelectMany(x => x.Obligation.Linkage.Where(l => l.Type == LinkageType.ReciprocalTo).Select(l => (From: x.Obligation.Id, To: l.Obligation)))
            .ToLookup(x => x.To, x => x.From);
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
        var found = obligations.TryGetValue(obligation, out var x) ? x.Obligation
            : throw new KeyNotFoundException($"no obligation '{obligation}'");
        return ObligationState.Of(found, AssessmentsOf(obligation), AssessmentsOf, reciprocalFrom[obligation], claims[obligation], asOf);
    }

    /// <summary>Every obligation's state as of a date, in document and provision order.</summary>
    public IEnumerable<ObligationState> States(DateOnly asOf) => obligations.Keys.Select(id => State(id, asOf));

    public RollUp ForDocument(RecordId document, DateOnly asOf) => Series(RollUpScope.Document, document.Value, [asOf])[0];

    /// <summary>One roll-up per document, in the order the documents were given.</summary>
    public IReadOnlyList<RollUp> ByDocument(DateOnly asOf) => [.. documents.Select(d => ForDocument(d.Id, asOf))];

    /// <summary>One roll-up per bearer (in id order), over all documents or one. An obligation with several bearers counts whole for each.</summary>
    public IReadOnlyList<RollUp> ByParty(DateOnly asOf, RecordId? document = null) =>
        Keys(RollUpScope.Party, document).Select(k => Series(RollUpScope.Party, k, [asOf], document)[0]).ToList();

    /// <summary>One roll-up per theme (in vocabulary order), over all documents or one. An obligation whose provision has several themes counts under each.</summary>
    public IReadOnlyList<RollUp> ByTheme(DateOnly asOf, RecordId? document = null) =>
        Keys(RollUpScope.Theme, document).Select(k => Series(RollUpScope.Theme, k, [asOf], document)[0]).ToList();

    /// <summary>
    /// The roll-up of one scope at each date, oldest first. Each obligation's assessments are walked once,
    /// in date order, across all the dates: a step adds the assessments that fall before it, nothing is recomputed.
    /// </summary>
    public IReadOnlyList<RollUp> Series(RollUpScope scope, string key, IEnumerable<DateOnly> dates, RecordId? document = null)
    {
        var steps = dates.Distinct().Order().ToArray();
        var tallies = Enumerable.Repeat(ScoreTally.Empty, steps.Length).ToArray();
        foreach (var obligation in Select(scope, key, document))
        {
            var sorted = AssessmentsOf(obligation);
            var latest = new Dictionary<RecordId, Assessment>();
            var next = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                for (; next < sorted.Count && sorted[next].AsOf.First <= steps[i]; next++)
                    latest[sorted[next].Assessor] = sorted[next];
                tallies[i] = tallies[i].Add(latest.Values.Select(a => a.Score).ToList());
            }
        }
        return [.. steps.Select((d, i) => new RollUp(scope, key, d, tallies[i]))];
    }

    private IReadOnlyList<Assessment> AssessmentsOf(RecordId obligation) =>
        assessments.TryGetValue(obligation, out var list) ? list : [];

    private IEnumerable<(Provision Provision, Obligation Obligation)> Within(RecordId? document) =>
        documents.Where(d => document is null || d.Id == document)
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (p, o))));

    private IEnumerable<RecordId> Select(RollUpScope scope, string key, RecordId? document) => scope switch
    {
        RollUpScope.Document => Within(new RecordId(key)).Select(x => x.Obligation.Id),
        RollUpScope.Party => Within(document).Where(x => x.Obligation.Bearers.Any(b => b.Value == key)).Select(x => x.Obligation.Id),
        RollUpScope.Theme => Within(document).Where(x => x.Provision.Themes.Any(t => ObligationState.Term(t) == key)).Select(x => x.Obligation.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    private IEnumerable<string> Keys(RollUpScope scope, RecordId? document) => scope switch
    {
        RollUpScope.Document => documents.Select(d => d.Id.Value),
        RollUpScope.Party => Within(document).SelectMany(x => x.Obligation.Bearers).Select(b => b.Value).Distinct().Order(StringComparer.Ordinal),
        RollUpScope.Theme => Within(document).SelectMany(x => x.Provision.Themes).Distinct().Order().Select(ObligationState.Term<Theme>),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };
}
