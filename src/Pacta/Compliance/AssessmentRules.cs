using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>
/// What an assessment must keep beyond its own fields, judged against the document whose obligation it
/// assesses. Dataset checks (<c>pacta validate</c>, <c>import</c>) and <c>pacta assess</c> apply the same rules.
/// </summary>
public static class AssessmentRules
{
    /// <summary>
    /// Why the assessment cannot stand because it is dated before the document existed (every day its as-of date
    /// may stand for lies before the document's earliest date); none when it is not, or the document has no date.
    /// </summary>
    public static string? BeforeDocument(Assessment assessment, Document document)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(document);
        return document.Dates.Earliest is { } earliest && assessment.AsOf.Last < earliest.First
            ? $"as of {assessment.AsOf}, before document '{document.Id}' existed (its earliest date is {earliest}): an obligation cannot be assessed before it was agreed"
            : null;
    }

    /// <summary>Whether the assessor bears the obligation: allowed, but always shown as a self-assessment.</summary>
    public static bool IsSelfAssessment(Assessment assessment, Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(obligation);
        return obligation.Bearers.Contains(assessment.Assessor);
    }

    /// <summary>The warning a self-assessment carries, in one wording for every entry point.</summary>
    public static string SelfAssessmentWarning(Assessment assessment) =>
        $"self-assessment: '{assessment.Assessor}' bears obligation '{assessment.Obligation}', which it assesses";
}
