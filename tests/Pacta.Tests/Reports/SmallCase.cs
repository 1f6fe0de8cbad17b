using Pacta.Model;
using Pacta.Reports;
using static Pacta.Tests.Compliance.Build;

namespace Pacta.Tests.Reports;

/// <summary>
/// A hand-built case whose figures can be read off this file. One statement with three obligations:
/// <list type="bullet">
/// <item>o-return (Armenia, due 2021-03): the editors score it 3, Azerbaijan 1 — a split; Armenia assesses it too (3): a self-assessment.</item>
/// <item>o-open (Azerbaijan, due 2021-06, conditional on o-return, reciprocal to o-return): the editors record it disputed, unscored;
/// Armenia and Azerbaijan make claims about it that contradict each other.</item>
/// <item>o-commission (both, due 2022-01): not assessed.</item>
/// </list>
/// As of 2021-12-31: scored 1 (o-return), lowest 1 of 3, highest 3 of 3 → 33.3 % and 100 %; unscored 1; unassessed 1.
/// </summary>
internal static class SmallCase
{
    public static readonly DateOnly AsOf = new(2021, 12, 31);

    public static IReadOnlyList<IRecord> Records(params IRecord[] more) =>
    [
        new Actor(Id("armenia"), ActorKind.State, "Republic of Armenia", "Armenia", [], [Id("src-a")]),
        new Actor(Id("azerbaijan"), ActorKind.State, "Republic of Azerbaijan", "Azerbaijan", [], [Id("src-a")]),
        new Actor(Id("editors"), ActorKind.Body, "Dataset editors", "Editors", [], [Id("src-a")]),
        new Source(Id("src-a"), SourceKind.AgreementText, "Text of the statement", "Publisher A", null, null, PartialDate.Parse("2020-11-10"), "en", null, Reliability.A),
        new Source(Id("src-d"), SourceKind.NewsReport, "A news report", "Paper D", null, null, PartialDate.Parse("2021-05-01"), "en", null, Reliability.D),
        new Document(Id("statement"), DocumentKind.Statement, "The statement of 10 November 2020", "Statement", null, DocumentStatus.Signed,
            new DocumentDates(PartialDate.Parse("2020-11-10"), null, null, null), null, [], [], [],
            [
                new Provision("art_1", "1", null, "returns", [Theme.Withdrawal],
                [
                    new Obligation(Id("o-return"), [Id("armenia")], "return the district", null, [], PartialDate.Parse("2021-03"), null, null, []),
                    new Obligation(Id("o-open"), [Id("azerbaijan")], "open the road", null, [], PartialDate.Parse("2021-06"), null, null,
                        [new Linkage(LinkageType.ConditionalOn, Id("o-return")), new Linkage(LinkageType.ReciprocalTo, Id("o-return"))]),
                ]),
                new Provision("art_2", "2", null, "commission", [Theme.BorderDelimitation],
                [
                    new Obligation(Id("o-commission"), [Id("armenia"), Id("azerbaijan")], "set up a commission", null, [], PartialDate.Parse("2022-01"), null, null, []),
                ]),
            ], [Id("src-a")]),
        new Event(Id("ev-handover"), "Handover of the district", EventType.Parse("plover:CONCEDE"), PartialDate.Parse("2021-02-20"), null, null,
            [new EventActor(Id("armenia"), EventActorRole.Initiator)], null, null, "The district was handed over.", [Id("src-d")]),
        Scored("as-editors", "o-return", "2021-04-01", AssessmentStatus.Implemented, 3, "editors", "ev-handover"),
        Scored("as-azerbaijan", "o-return", "2021-05-01", AssessmentStatus.InProgress, 1, "azerbaijan", "claim-az"),
        Scored("as-armenia", "o-return", "2021-04-15", AssessmentStatus.Implemented, 3, "armenia", "ev-handover"),
        Scored("as-open", "o-open", "2021-07-01", AssessmentStatus.Disputed, null, "editors", "claim-am"),
        new Claim(Id("claim-am"), Id("o-open"), Id("armenia"), Stance.Asserts, PartialDate.Parse("2021-06-20"), "The road is not open", null, new Credibility(3), [Id("src-d")]),
        new Claim(Id("claim-az"), Id("o-open"), Id("azerbaijan"), Stance.Denies, PartialDate.Parse("2021-06-25"), "The road is open to all", null, new Credibility(4), [Id("src-d")]),
        .. more,
    ];

    public static CaseRecords Case(params IRecord[] more) => new(Records(more));

    private static Assessment Scored(string id, string obligation, string asOf, AssessmentStatus status, int? score, string by, string evidence) =>
        new(Id(id), Id(obligation), PartialDate.Parse(asOf), status, score is { } s ? new PamScore(s) : null, $"rationale of {id}", [Id(evidence)], Id(by), [Id("src-a")]);
}
