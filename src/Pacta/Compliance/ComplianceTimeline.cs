using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>
/// An obligation's state over one stretch of time: from <see cref="From"/> (inclusive; none: since ever) until
/// <see cref="Until"/> (exclusive; none: from then on). Nothing that feeds the state changes inside the stretch.
/// The state's <see cref="ObligationState.AsOf"/> is the day the stretch starts (<see cref="DateOnly.MinValue"/> for the first).
/// </summary>
public sealed record StateSegment(DateOnly? From, DateOnly? Until, ObligationState State)
{
    public bool Contains(DateOnly date) => (From is not { } from || from <= date) && (Until is not { } until || date < until);
}

/// <summary>A roll-up over one stretch of time, as <see cref="StateSegment"/> is for one obligation.</summary>
public sealed record TallySegment(DateOnly? From, DateOnly? Until, ScoreTally Tally);

/// <summary>
/// Every obligation's state as a list of stretches over which it cannot change, computed in one walk per
/// obligation. The state can change only on a <em>change date</em>: the first day of one of its own
/// assessments or of an assessment of one of its conditions (rules 1–3, 6), the first day of a claim about it
/// (rule 8), and the day after its deadline or period ends (rule 4). Between two change dates it is constant,
/// so the state at any date is a look-up, not a derivation: this is what an "as of" slider reads.
/// An instance remembers the walks it has done and is meant for one request (or one thread) at a time.
/// </summary>
public sealed class ComplianceTimeline
{
    private readonly List<Document> documents;
    private readonly Dictionary<RecordId, Obligation> obligations;
    private readonly Dictionary<RecordId, List<Assessment>> assessments;
    private readonly ILookup<RecordId, Claim> claims;
    private readonly ILookup<RecordId, RecordId> reciprocalFrom;
    // Each obligation is walked the first time it is asked for: a document's timeline costs its own obligations only.
    private readonly Dictionary<RecordId, IReadOnlyList<StateSegment>> walked = [];

    public ComplianceTimeline(IEnumerable<Document> documents, IEnumerable<Assessment> assessments, IEnumerable<Claim> claims)
    {
        this.documents = [.. documents];
        obligations = this.documents.SelectMany(d => d.Obligations).ToDictionary(o => o.Id);
        this.assessments = assessments.GroupBy(a => a.Obligation).ToDictionary(g => g.Key, g => g.ToList());
        this.claims = claims.ToLookup(c => c.Subject);
        reciprocalFrom = obligations.Values
            .SelectMany(o => o.Linkage.Where(l => l.Type == LinkageType.ReciprocalTo).Select(l => (From: o.Id, To: l.Obligation)))
            .ToLookup(x => x.To, x => x.From);
    }

    public static ComplianceTimeline From(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new ComplianceTimeline(dataset.OfType<Document>(), dataset.OfType<Assessment>(), dataset.OfType<Claim>());
    }

    public IReadOnlyList<Document> Documents => documents;

    /// <summary>The stretches of one obligation's state, oldest first; together they cover all time.</summary>
    /// <exception cref="KeyNotFoundException">No document holds the obligation.</exception>
    public IReadOnlyList<StateSegment> Segments(RecordId obligation)
    {
        if (walked.TryGetValue(obligation, out var segments)) return segments;
        var found = obligations.TryGetValue(obligation, out var o) ? o : throw new KeyNotFoundException($"no obligation '{obligation}'");
        segments = Walk(found, AssessmentsOf, reciprocalFrom[obligation], [.. claims[obligation]]);
        walked[obligation] = segments;
        return segments;
    }

    private IReadOnlyList<Assessment> AssessmentsOf(RecordId obligation) =>
        assessments.TryGetValue(obligation, out var list) ? list : [];

    /// <summary>An obligation's state as of a date, looked up in its stretches (equal to <see cref="ComplianceCase.State"/>).</summary>
    public ObligationState State(RecordId obligation, DateOnly asOf) => At(Segments(obligation), asOf).State with { AsOf = asOf };

    /// <summary>Every date on which the state of one of these obligations can change, in order.</summary>
    public IReadOnlyList<DateOnly> ChangeDates(IEnumerable<RecordId> obligations) =>
        [.. obligations.SelectMany(o => Segments(o).Select(s => s.From)).OfType<DateOnly>().Distinct().Order()];

    /// <summary>
    /// The roll-up of one scope (as <see cref="ComplianceCase.Series"/> selects it) over time: one stretch per
    /// change date of the obligations it counts, each tallied from their states in that stretch.
    /// </summary>
    public IReadOnlyList<TallySegment> Series(RollUpScope scope, string key, RecordId? document = null)
    {
        var selected = Select(scope, key, document).ToList();
        var dates = ChangeDates(selected);
        var starts = new List<DateOnly> { DateOnly.MinValue };
        starts.AddRange(dates.Where(d => d != DateOnly.MinValue));
        var tallies = Enumerable.Repeat(ScoreTally.Empty, starts.Count).ToArray();
        foreach (var obligation in selected)
        {
            var segments = Segments(obligation);
            var at = 0;
            for (var i = 0; i < starts.Count; i++)
            {
                while (!segments[at].Contains(starts[i])) at++;
                tallies[i] = tallies[i].Add([.. segments[at].State.Views.Select(v => v.Score)]);
            }
        }
        return [.. starts.Select((from, i) => new TallySegment(
            i == 0 ? null : from, i + 1 < starts.Count ? starts[i + 1] : null, tallies[i]))];
    }

    /// <summary>The obligations a roll-up counts, in document and provision order.</summary>
    public IEnumerable<RecordId> Select(RollUpScope scope, string key, RecordId? document = null)
    {
        var within = documents.Where(d => document is null || d.Id == document)
            .SelectMany(d => d.Provisions.SelectMany(p => p.Obligations.Select(o => (Provision: p, Obligation: o))));
        return scope switch
        {
            RollUpScope.Document => documents.Where(d => d.Id.Value == key).SelectMany(d => d.Obligations).Select(o => o.Id),
            RollUpScope.Party => within.Where(x => x.Obligation.Bearers.Any(b => b.Value == key)).Select(x => x.Obligation.Id),
            RollUpScope.Theme => within.Where(x => x.Provision.Themes.Any(t => ObligationState.Term(t) == key)).Select(x => x.Obligation.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
        };
    }

    private static StateSegment At(IReadOnlyList<StateSegment> segments, DateOnly date)
    {
        // Binary search on the starts: the last stretch that starts on or before the date.
        var (low, high) = (0, segments.Count - 1);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if ((segments[mid].From ?? DateOnly.MinValue) <= date) low = mid;
            else high = mid - 1;
        }
        return segments[low];
    }

    /// <summary>
    /// One obligation's walk: its change dates in order, and at each the state, kept up to date by adding what
    /// begins to count that day (an assessment, a claim) rather than derived afresh.
    /// </summary>
    private static List<StateSegment> Walk(
        Obligation obligation,
        Func<RecordId, IReadOnlyList<Assessment>> assessmentsOf,
        IEnumerable<RecordId> reciprocalFromOthers,
        IReadOnlyList<Claim> claims)
    {
        var conditions = obligation.Linkage.Where(l => l.Type == LinkageType.ConditionalOn).Select(l => l.Obligation).ToList();
        var partners = obligation.Linkage.Where(l => l.Type == LinkageType.ReciprocalTo).Select(l => l.Obligation)
            .Concat(reciprocalFromOthers).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal).ToList();
        var due = obligation.Deadline?.Last ?? obligation.Period?.To?.Last;

        // Everything that starts to count on a day: (day, whose views it changes: -1 the obligation's own, i the i-th condition).
        var arrivals = assessmentsOf(obligation.Id).Select(a => (Day: a.AsOf.First, Of: -1, Assessment: a))
            .Concat(conditions.SelectMany((c, i) => assessmentsOf(c).Select(a => (Day: a.AsOf.First, Of: i, Assessment: a))))
            .OrderBy(x => x.Day)
            .ToList();
        var changes = arrivals.Select(a => a.Day)
            .Concat(claims.Where(c => c.Date is not null).Select(c => c.Date!.First))
            .Concat(due is { } d && d < DateOnly.MaxValue ? [d.AddDays(1)] : [])
            .Where(d => d > DateOnly.MinValue)
            .Distinct().Order().ToList();

        var own = new Dictionary<RecordId, Assessment>();
        var ofConditions = conditions.Select(_ => new Dictionary<RecordId, Assessment>()).ToArray();
        var segments = new List<StateSegment>(changes.Count + 1);
        var next = 0;
        var starts = new List<DateOnly> { DateOnly.MinValue };
        starts.AddRange(changes);
        for (var i = 0; i < starts.Count; i++)
        {
            var day = starts[i];
            for (; next < arrivals.Count && arrivals[next].Day <= day; next++)
            {
                var (_, of, assessment) = arrivals[next];
                Keep(of < 0 ? own : ofConditions[of], assessment);
            }
            var views = own.Values.OrderBy(a => a.Assessor).ToList();
            var status = ObligationState.StatusOf(views);
            var settled = status == ObligationState.Term(AssessmentStatus.Implemented) || status == ObligationState.Term(AssessmentStatus.Lapsed);
            var state = new ObligationState(obligation, day, status, views, due is { } last && last < day && !settled)
            {
                BlockedBy = [.. conditions.Where((_, c) => ObligationState.StatusOf(ofConditions[c].Values) != ObligationState.Term(AssessmentStatus.Implemented))],
                ReciprocalPartners = partners,
                ContestingClaims = ObligationState.Contesting(obligation.Id, claims, day),
            };
            segments.Add(new StateSegment(i == 0 ? null : day, i + 1 < starts.Count ? starts[i + 1] : null, state));
        }
        return segments;
    }

    /// <summary>Rule 1: an assessor's view is their latest assessment (by date, then id), whatever order they arrive in.</summary>
    private static void Keep(Dictionary<RecordId, Assessment> latest, Assessment assessment)
    {
        if (!latest.TryGetValue(assessment.Assessor, out var held)
            || held.AsOf.CompareTo(assessment.AsOf) < 0
            || (held.AsOf.CompareTo(assessment.AsOf) == 0 && string.CompareOrdinal(held.Id.Value, assessment.Id.Value) < 0))
            latest[assessment.Assessor] = assessment;
    }
}
