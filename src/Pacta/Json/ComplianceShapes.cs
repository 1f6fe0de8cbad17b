using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Json;

/// <summary>
/// The JSON of compliance as derived in full (every rule of <see cref="ObligationState"/>), of PAM roll-ups and
/// of the timeline of stretches an "as of" slider reads.
/// </summary>
public static class ComplianceShapes
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An obligation's full derived state: status, every flag the rules set, the views and their score range.</summary>
    public static JsonObject State(ObligationState state, bool withAsOf = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var node = new JsonObject { ["status"] = state.Status };
        if (withAsOf) node["asOf"] = Date(state.AsOf);
        node["unassessed"] = state.IsUnassessed;
        node["overdue"] = state.Overdue;
        node["lapsed"] = state.Lapsed;
        node["blocked"] = state.Blocked;
        node["blockedBy"] = Ids(state.BlockedBy);
        node["reciprocalPartners"] = Ids(state.ReciprocalPartners);
        node["disputed"] = state.Disputed;
        node["contestingClaims"] = Ids(state.ContestingClaims.Select(c => c.Id));
        node["views"] = new JsonArray([.. state.Views.Select(v => (JsonNode)new JsonObject
        {
            ["assessment"] = v.Id.Value,
            ["assessor"] = v.Assessor.Value,
            ["asOf"] = v.AsOf.ToString(),
            ["status"] = ObligationState.Term(v.Status),
            ["score"] = v.Score is { } s ? s.Value : null,
            ["selfAssessment"] = state.Obligation.Bearers.Contains(v.Assessor),
        })]);
        node["selfAssessments"] = Ids(state.SelfAssessments.Select(a => a.Id));
        node["scores"] = state.Scores is { } range ? new JsonObject { ["lowest"] = range.Lowest, ["highest"] = range.Highest } : null;
        return node;
    }

    /// <summary>An obligation as a row of a scorecard: where it comes from, who bears it, and its state.</summary>
    public static JsonObject Obligation(Document document, Provision provision, ObligationState state)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(provision);
        ArgumentNullException.ThrowIfNull(state);
        return new JsonObject
        {
            ["id"] = state.Obligation.Id.Value,
            ["document"] = document.Id.Value,
            ["provision"] = provision.EId,
            ["action"] = state.Obligation.Action,
            ["bearers"] = Ids(state.Obligation.Bearers),
            ["state"] = State(state),
        };
    }

    /// <summary>A PAM tally with its arithmetic in plain sight: numerator, denominator, what was left out, the percentages.</summary>
    public static JsonObject Tally(ScoreTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new JsonObject
        {
            ["obligations"] = tally.Obligations,
            ["numerator"] = tally.Numerator,
            ["highestNumerator"] = tally.HighestNumerator,
            ["denominator"] = tally.Denominator,
            ["possible"] = tally.Possible,
            ["unscored"] = tally.Unscored,
            ["unassessed"] = tally.Unassessed,
            ["split"] = tally.Split,
            ["percentage"] = tally.Percentage is { } p ? Math.Round(p, 1) : null,
            ["highestPercentage"] = tally.HighestPercentage is { } h ? Math.Round(h, 1) : null,
        };
    }

    public static JsonObject RollUp(RollUp rollUp)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        var node = Tally(rollUp.Tally);
        node.Insert(0, "key", rollUp.Key);
        return node;
    }

    /// <summary>One obligation's stretches: from (none: since ever), until (exclusive; none: from then on), state.</summary>
    public static JsonArray Segments(IEnumerable<StateSegment> segments) =>
        new([.. segments.Select(s => (JsonNode)new JsonObject
        {
            ["from"] = s.From is { } f ? Date(f) : null,
            ["until"] = s.Until is { } u ? Date(u) : null,
            ["state"] = State(s.State, withAsOf: false),
        })]);

    public static JsonArray Series(IEnumerable<TallySegment> series) =>
        new([.. series.Select(s =>
        {
            var node = Tally(s.Tally);
            node.Insert(0, "from", s.From is { } f ? Date(f) : null);
            node.Insert(1, "until", s.Until is { } u ? Date(u) : null);
            return (JsonNode)node;
        })]);

    private static JsonArray Ids(IEnumerable<RecordId> ids) => new([.. ids.Select(i => (JsonNode)i.Value)]);
}
