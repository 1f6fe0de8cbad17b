using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>
/// Where an obligation stands as of a date, derived from its assessments. The rules, one by one:
/// <list type="number">
/// <item>Only assessments whose as-of date may fall on or before the date count.</item>
/// <item>Each assessor's latest view counts; earlier views of the same assessor are history.</item>
/// <item>No view: <c>unassessed</c>. Views that disagree on the status: <c>disputed</c>, with every view kept
/// (never averaged). Otherwise: the status they share.</item>
/// <item>Overdue: the deadline (or the end of the period) has passed and the status is not <c>implemented</c>.</item>
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

    public static ObligationState Of(Obligation obligation, IEnumerable<Assessment> assessments, DateOnly asOf)
    {
        var views = assessments
            .Where(a => a.Obligation == obligation.Id && a.AsOf.First <= asOf)
            .GroupBy(a => a.Assessor)
            .Select(g => g.OrderBy(a => a.AsOf).ThenBy(a => a.Id).Last())
            .OrderBy(a => a.Assessor)
            .ToList();
        var statuses = views.Select(v => v.Status).Distinct().ToList();
        var status = statuses.Count switch
        {
            0 => Unassessed,
            1 => Term(statuses[0]),
            _ => Term(AssessmentStatus.Disputed),
        };
        var due = obligation.Deadline?.Last ?? obligation.Period?.To?.Last;
        var overdue = due is { } d && d < asOf && status != Term(AssessmentStatus.Implemented);
        return new ObligationState(obligation, asOf, status, views, overdue);
    }

    /// <summary>The statuses an obligation can be found in: the assessment statuses and <c>unassessed</c>.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [.. Enum.GetValues<AssessmentStatus>().Select(Term), Unassessed];

    private static string Term(AssessmentStatus status) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
