using FsCheck.Xunit;
using Pacta.Compliance;
using Pacta.Model;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Compliance;

/// <summary>
/// Roll-ups per party and per theme are computed from indexes, each obligation's views derived once; they must
/// give what counting every obligation afresh, scope by scope, gives.
/// </summary>
public sealed class RollUpProperties
{
    private static readonly string[] Parties = ["armenia", "azerbaijan", "russia"];
    private static readonly Theme[] Themes = [Theme.Ceasefire, Theme.Withdrawal, Theme.TransportLinks];
    private static readonly DateOnly Start = new(2020, 1, 1);

    [Property]
    public bool Party_and_theme_roll_ups_equal_the_states_counted_afresh(
        (byte Bearers, byte Themes)[] shape, (byte Obligation, ushort Day, byte Assessor, byte Score)[] raw, ushort day, bool oneDocument)
    {
        var obligations = (shape ?? []).Select((s, i) => (
            Obligation: Obligation($"o{i}", bearers: [.. Parties.Where((_, p) => ((s.Bearers % 7 + 1) & (1 << p)) != 0)]),
            Themes: Themes.Where((_, t) => (s.Themes & (1 << t)) != 0).ToArray(),
            Document: i % 2 == 0 ? "doc-a" : "doc-b")).ToList();
        if (obligations.Count == 0) return true;
        var documents = obligations.GroupBy(o => o.Document).Select(g => Document(g.Key,
            [.. g.Select((o, i) => Provision($"art_{i + 1}", o.Themes, o.Obligation))])).ToList();
        var assessments = (raw ?? []).Select((r, i) => new Assessment(
            Id($"a{i}"), obligations[r.Obligation % obligations.Count].Obligation.Id, PartialDate.Day(Start.AddDays(r.Day % 2000)),
            AssessmentStatus.InProgress, r.Score % 5 is var s && s < 4 ? new PamScore(s) : null,
            "because", [], Id($"assessor{r.Assessor % 3}"), [Id("src")])).ToList();
        var compliance = new ComplianceCase(documents, assessments, []);
        var asOf = Start.AddDays(day % 2100);
        RecordId? within = oneDocument ? Id("doc-a") : null;
        var counted = obligations.Where(o => within is null || o.Document == within.Value).ToList();

        ScoreTally Afresh(IEnumerable<Obligation> scope) => scope.Aggregate(ScoreTally.Empty,
            (t, o) => t.Add([.. ObligationState.Of(o, assessments, asOf).Views.Select(v => v.Score)]));

        var parties = compliance.ByParty(asOf, within);
        var themes = compliance.ByTheme(asOf, within);
        return parties.Select(p => p.Key).SequenceEqual(counted.SelectMany(o => o.Obligation.Bearers).Select(b => b.Value).Distinct().Order(StringComparer.Ordinal))
            && parties.All(p => p.Tally == Afresh(counted.Where(o => o.Obligation.Bearers.Any(b => b.Value == p.Key)).Select(o => o.Obligation)))
            && themes.Select(t => t.Key).SequenceEqual(counted.SelectMany(o => o.Themes).Distinct().Order().Select(ObligationState.Term))
            && themes.All(t => t.Tally == Afresh(counted.Where(o => o.Themes.Any(th => ObligationState.Term(th) == t.Key)).Select(o => o.Obligation)))
            && compliance.States(asOf).All(s => s.Views.SequenceEqual(ObligationState.Of(s.Obligation, assessments, asOf).Views));
    }
}
