using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>
/// Where an obligation stands as of a date, derived from its assessments, the claims about it and its
/// linkage. The rules, one by one (docs/compliance.md says them in words):
/// <list type="number">
/// <item><b>Views.</b> Only assessments whose as-of date may fall on or before the date count (a month counts
/// from its first day). Each assessor's latest view counts; earlier views of the same assessor are history.</item>
/// <item><b>Unassessed.</b> No view: the status is <c>unassessed</c>.</item>
/// <item><b>Status.</b> Views that disagree on the status: <c>disputed</c>, with every view kept (never
/// averaged). Otherwise: the status they share (which may itself be <c>disputed</c>).</item>
/// <item><b>Overdue.</b> The deadline (or the end of the period) has passed — its last possible day is before
/// the date — and the status is neither <c>implemented</c> nor <c>lapsed</c> (a lapsed obligation is no longer
/// owed).</item>
/// <item><b>Lapsed.</b> The status is <c>lapsed</c>: an assessor said so. The end of a period does not lapse
/// an obligation by itself; an ended period that nobody marked lapsed or implemented makes it overdue.</item>
/// <item><b>Blocked.</b> The obligation is conditional on another whose status (rules 1–3, from that
/// obligation's own assessments) is not <c>implemented</c> as of the date; each such condition is listed.
/// Only the condition's own status is read, never whether it is blocked in turn, so a cycle of conditions
/// cannot loop (<see cref="Linkages.Cycles"/> reports such cycles).</item>
/// <item><b>Reciprocal partners.</b> The obligations it is reciprocal to, and those that say they are
/// reciprocal to it, so that a pair is shown together.</item>
/// <item><b>Disputed.</b> The status is <c>disputed</c> (rule 3), or the claims about the obligation dated on
/// or before the date (undated claims always count) contradict one another: they take different stances,
/// or come from more than one asserter. The claims are listed; the status itself comes only from
/// assessments.</item>
/// <item><b>Self-assessed.</b> A view whose assessor bears the obligation is kept like any other but listed, so
/// that a party grading itself is visible.</item>
/// </list>
/// </summary>
public sealed record ObligationState(
    Obligation Obligation,
    DateOnly AsOf,
    string Status,
    IReadOnlyList<Assessment> Views,
    bool Overdue)
{
    public const string Unassessed = "unassessed";

    /// <summary>Rule 5: an assessor recorded the obligation as lapsed.</summary>
    public bool Lapsed => Status == Term(AssessmentStatus.Lapsed);

    /// <summary>Rule 2: no assessment counts yet.</summary>
    public bool IsUnassessed => Views.Count == 0;

    /// <summary>Rule 6: the conditions not implemented as of the date.</summary>
    public IReadOnlyList<RecordId> BlockedBy { get; init; } = [];

    public bool Blocked => BlockedBy.Count > 0;

    /// <summary>Rule 7: the obligations this one is reciprocal to, either way round.</summary>
    public IReadOnlyList<RecordId> ReciprocalPartners { get; init; } = [];

    /// <summary>Rule 8: the claims about the obligation, as of the date, when they contradict one another; else none.</summary>
    public IReadOnlyList<Claim> ContestingClaims { get; init; } = [];

    /// <summary>Rule 8: assessors disagree (or say it is disputed), or the claims about it contradict one another.</summary>
    public bool Disputed => Status == Term(AssessmentStatus.Disputed) || ContestingClaims.Count > 0;

    /// <summary>Rule 9: the current views given by a bearer of the obligation about itself.</summary>
    public IReadOnlyList<Assessment> SelfAssessments => [.. Views.Where(v => Obligation.Bearers.Contains(v.Assessor))];

    /// <summary>The lowest and highest PAM score among the views that carry one; none when no view is scored.</summary>
    public ScoreRange? Scores => ScoreRange.Of(Views.Select(v => v.Score));

    /// <summary>
    /// The state from this obligation's assessments alone (rules 1–9 as far as they tell): conditions are judged
    /// from whichever of their assessments are in <paramref name="assessments"/>, partners come from the
    /// obligation's own linkage, and no claims are read. <see cref="ComplianceCase"/> applies every rule in full.
    /// </summary>
    public static ObligationState Of(Obligation obligation, IEnumerable<Assessment> assessments, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        var all = assessments as IReadOnlyCollection<Assessment> ?? assessments.ToList();
        return Of(
            obligation,
            all.Where(a => a.Obligation == obligation.Id),
            condition => all.Where(a => a.Obligation == condition),
            [],
            [],
            asOf);
    }

    /// <summary>Rules 1–9 given everything they read: the obligation's assessments, its conditions' assessments,
    /// the partners that name it from their side, and the claims whose subject it is.</summary>
    internal static ObligationState Of(
        Obligation obligation,
        IEnumerable<Assessment> own,
        Func<RecordId, IEnumerable<Assessment>> assessmentsOf,
        IEnumerable<RecordId> reciprocalFromOthers,
        IEnumerable<Claim> claims,
        DateOnly asOf) =>
        Of(obligation, LatestViews(own, asOf), condition => StatusOf(LatestViews(assessmentsOf(condition), asOf)), reciprocalFromOthers, claims, asOf);

    /// <summary>Rules 2–9 from the views rule 1 gave and each condition's status (rules 1–3 applied to it) as of the same date.</summary>
    internal static ObligationState Of(
        Obligation obligation,
        IReadOnlyList<Assessment> views,
        Func<RecordId, string> statusOfCondition,
        IEnumerable<RecordId> reciprocalFromOthers,
        IEnumerable<Claim> claims,
        DateOnly asOf)
    {
        var status = StatusOf(views);
        var due = obligation.Deadline?.Last ?? obligation.Period?.To?.Last;
        var settled = status == Term(AssessmentStatus.Implemented) || status == Term(AssessmentStatus.Lapsed);
        var overdue = due is { } d && d < asOf && !settled;
        IReadOnlyList<RecordId> blockedBy = obligation.Linkage.Count == 0 ? [] : obligation.Linkage
            .Where(l => l.Type == LinkageType.ConditionalOn)
            .Select(l => l.Obligation)
            .Where(c => statusOfCondition(c) != Term(AssessmentStatus.Implemented))
            .ToList();
        var fromOthers = reciprocalFromOthers as IReadOnlyCollection<RecordId> ?? [.. reciprocalFromOthers];
        IReadOnlyList<RecordId> partners = obligation.Linkage.Count == 0 && fromOthers.Count == 0 ? [] : obligation.Linkage
            .Where(l => l.Type == LinkageType.ReciprocalTo)
            .Select(l => l.Obligation)
            .Concat(fromOthers)
            .Distinct()
            .OrderBy(p => p.Value, StringComparer.Ordinal)
            .ToList();
        return new ObligationState(obligation, asOf, status, views, overdue)
        {
            BlockedBy = blockedBy,
            ReciprocalPartners = partners,
            ContestingClaims = Contesting(obligation.Id, claims, asOf),
        };
    }

    /// <summary>
    /// Rule 1 on assessments sorted by date (then id), as <see cref="ComplianceCase"/> keeps them: those that count
    /// are a prefix of the list, and each assessor's last one in it is its view. Gives what
    /// <see cref="LatestViews"/> gives, without grouping or sorting.
    /// </summary>
    internal static List<Assessment> LatestViewsOfSorted(IReadOnlyList<Assessment> sorted, DateOnly asOf)
    {
        var views = new List<Assessment>(2);
        for (var i = 0; i < sorted.Count && sorted[i].AsOf.First <= asOf; i++) Keep(views, sorted[i]);
        views.Sort(static (x, y) => x.Assessor.CompareTo(y.Assessor));
        return views;
    }

    /// <summary>Adds a later assessment to the views: it replaces its assessor's earlier one.</summary>
    internal static void Keep(List<Assessment> views, Assessment later)
    {
        for (var v = 0; v < views.Count; v++)
        {
            if (views[v].Assessor == later.Assessor)
            {
                views[v] = later;
                return;
            }
        }
        views.Add(later);
    }

    /// <summary>Rule 1: each assessor's latest assessment that may fall on or before the date, by assessor.</summary>
    internal static IReadOnlyList<Assessment> LatestViews(IEnumerable<Assessment> assessments, DateOnly asOf) =>
        assessments
            .Where(a => a.AsOf.First <= asOf)
            .GroupBy(a => a.Assessor)
            .Select(g => g.OrderBy(a => a.AsOf).ThenBy(a => a.Id.Value, StringComparer.Ordinal).Last())
            .OrderBy(a => a.Assessor)
            .ToList();

    /// <summary>Rules 2 and 3.</summary>
    internal static string StatusOf(IReadOnlyCollection<Assessment> views)
    {
        var statuses = views.Select(v => v.Status).Distinct().ToList();
        return statuses.Count switch
        {
            0 => Unassessed,
            1 => Term(statuses[0]),
            _ => Term(AssessmentStatus.Disputed),
        };
    }

    /// <summary>Rule 8, for claims: those about the obligation as of the date, if they differ in stance or asserter.</summary>
    internal static IReadOnlyList<Claim> Contesting(RecordId obligation, IEnumerable<Claim> claims, DateOnly asOf)
    {
        if (claims is IReadOnlyCollection<Claim> { Count: < 2 }) return [];
        var about = claims
            .Where(c => c.Subject == obligation && (c.Date is null || c.Date.First <= asOf))
            .OrderBy(c => c.Date).ThenBy(c => c.Id.Value, StringComparer.Ordinal)
            .ToList();
        var contradict = about.Select(c => c.Stance).Distinct().Skip(1).Any()
            || about.Select(c => c.Asserter).Distinct().Skip(1).Any();
        return contradict ? about : [];
    }

    /// <summary>The statuses an obligation can be found in: the assessment statuses and <c>unassessed</c>.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [.. Enum.GetValues<AssessmentStatus>().Select(Term<AssessmentStatus>), Unassessed];

    /// <summary>A vocabulary term as the dataset and the API write it (kebab-case).</summary>
    public static string Term<TTerm>(TTerm term) where TTerm : struct, Enum =>
        Terms<TTerm>.Known.TryGetValue(term, out var known) ? known : Kebab(term.ToString());

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    /// <summary>Each vocabulary's terms, converted once: derivation asks for them for every obligation.</summary>
    private static class Terms<TTerm> where TTerm : struct, Enum
    {
        public static readonly Dictionary<TTerm, string> Known = Enum.GetValues<TTerm>().ToDictionary(t => t, t => Kebab(t.ToString()));
    }
}
