using System.Text;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pacta.Cli.Compliance;

/// <summary>An obligation's derived state for the terminal: every rule that applies, in words. Data is never read as markup.</summary>
internal static class StateText
{
    /// <summary>The store's documents, assessments and claims, indexed once, so every rule applies (claims included).</summary>
    public static ComplianceCase CaseOf(IStore store) =>
        new(store.All<Document>(), store.All<Assessment>(), store.All<Claim>());

    public static IRenderable Of(ObligationState state, Document document, Func<RecordId, string> actor)
    {
        var o = state.Obligation;
        var text = new StringBuilder();
        text.AppendLine($"{o.Id} — {document.DisplayTitle}");
        text.AppendLine($"  as of {state.AsOf:yyyy-MM-dd}: {state.Status}{(state.Scores is { } s ? $", score {Range(s)}" : "")}");
        var due = o.Deadline?.ToString() ?? (o.Period is { } p ? $"{p.From}–{p.To?.ToString() ?? "open"}" : null);
        if (due is not null) text.AppendLine($"  due {due}: {(state.Overdue ? "overdue" : state.Lapsed ? "lapsed, no longer owed" : "not overdue")}");
        if (state.Blocked) text.AppendLine($"  blocked by unmet conditions: {string.Join(", ", state.BlockedBy)}");
        if (state.ReciprocalPartners.Count > 0) text.AppendLine($"  reciprocal to: {string.Join(", ", state.ReciprocalPartners)}");
        if (state.Disputed)
        {
            text.AppendLine(state.ContestingClaims.Count > 0
                ? $"  disputed: {state.ContestingClaims.Count} claims about it disagree"
                : "  disputed: the assessors' views differ, or an assessor recorded it as disputed");
            foreach (var claim in state.ContestingClaims)
                text.AppendLine($"    {claim.Id}: {actor(claim.Asserter)} {ObligationState.Term(claim.Stance)} ({claim.Date?.ToString() ?? "undated"}): {claim.Statement}");
        }
        text.AppendLine(state.Views.Count == 0 ? "  no assessment counts yet" : $"  current views ({state.Views.Count}):");
        foreach (var view in state.Views)
        {
            var self = state.SelfAssessments.Contains(view) ? "  [self-assessment]" : "";
            text.AppendLine($"    {actor(view.Assessor)} as of {view.AsOf}: {ObligationState.Term(view.Status)}, score {view.Score?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{self} ({view.Id})");
        }
        if (state.SelfAssessments.Count > 0)
            text.AppendLine($"  self-assessed by: {string.Join(", ", state.SelfAssessments.Select(v => actor(v.Assessor)).Distinct())} (a bearer grading itself)");
        return new Text(text.ToString());
    }

    private static string Range(ScoreRange range) => range.Split ? $"{range.Lowest}–{range.Highest} (assessors split)" : $"{range.Lowest}";
}
