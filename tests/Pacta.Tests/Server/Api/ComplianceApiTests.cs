using System.Net;
using System.Text.Json.Nodes;
using Pacta.Compliance;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

/// <summary>The compliance API on a case small enough to work out by hand (see <see cref="ConstructedCase"/>).</summary>
public sealed class ComplianceApiTests(ConstructedCase host) : IClassFixture<ConstructedCase>
{
    private static JsonNode Obligation(JsonNode answer, string id) =>
        answer["obligations"]!.AsArray().Single(o => (string?)o!["id"] == id)!;

    private static List<string?> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string?)n)];

    [Fact]
    public async Task Mid_march_the_withdrawal_is_overdue_and_the_road_blocked_by_it()
    {
        var answer = await host.Get("/api/v1/compliance?document=accord&asOf=2021-03-15");
        Assert.Equal("2021-03-15", (string?)answer["asOf"]);

        var withdraw = Obligation(answer, "ob-withdraw")["state"]!;
        Assert.Equal("in-progress", (string?)withdraw["status"]);
        Assert.True((bool)withdraw["overdue"]!);
        var road = Obligation(answer, "ob-open-road")["state"]!;
        Assert.Equal("unassessed", (string?)road["status"]);
        Assert.True((bool)road["unassessed"]!);
        Assert.Equal(["ob-withdraw"], Strings(road["blockedBy"]));
        Assert.Equal(["ob-open-rail"], Strings(road["reciprocalPartners"]));
        Assert.Equal(["ob-open-road"], Strings(Obligation(answer, "ob-open-rail")["state"]!["reciprocalPartners"]));
    }

    [Fact]
    public async Task In_august_disagreement_self_assessment_and_contesting_claims_are_all_shown()
    {
        var answer = await host.Get("/api/v1/compliance?document=accord&asOf=2021-08-01");

        var withdraw = Obligation(answer, "ob-withdraw")["state"]!;
        Assert.Equal("implemented", (string?)withdraw["status"]);
        Assert.False((bool)withdraw["overdue"]!);
        Assert.Equal(["a-ob-withdraw-alpha-20210401"], Strings(withdraw["selfAssessments"]));
        Assert.Equal([true, false], withdraw["views"]!.AsArray().Select(v => (bool)v!["selfAssessment"]!));

        var road = Obligation(answer, "ob-open-road")["state"]!;
        Assert.Equal("disputed", (string?)road["status"]);
        Assert.True((bool)road["disputed"]!);
        Assert.Empty(road["blockedBy"]!.AsArray());
        Assert.Equal(0, (int)road["scores"]!["lowest"]!);
        Assert.Equal(2, (int)road["scores"]!["highest"]!);
        Assert.Equal(["beta", "gamma"], road["views"]!.AsArray().Select(v => (string?)v!["assessor"]));
        Assert.Equal(["a-ob-open-road-beta-20210615"], Strings(road["selfAssessments"]));

        var rail = Obligation(answer, "ob-open-rail")["state"]!;
        Assert.Equal("unassessed", (string?)rail["status"]);
        Assert.True((bool)rail["disputed"]!);
        Assert.Equal(["claim-rail-done", "claim-rail-not-done"], Strings(rail["contestingClaims"]));
        Assert.Null(rail["scores"]);
    }

    [Fact]
    public async Task Roll_ups_show_their_arithmetic_and_the_spread_of_split_scores()
    {
        var rollUps = (await host.Get("/api/v1/compliance?document=accord&asOf=2021-08-01"))["rollUps"]!;

        // Scored: withdraw 3 (both say 3), road 0–2 (split), joint 2; the rail is unassessed.
        var document = rollUps["documents"]!.AsArray().Single()!;
        Assert.Equal("accord", (string?)document["key"]);
        Assert.Equal((4, 3, 5, 7, 9, 1, 1), Numbers(document));
        Assert.Equal(55.6m, (decimal)document["percentage"]!);
        Assert.Equal(77.8m, (decimal)document["highestPercentage"]!);

        var parties = rollUps["parties"]!.AsArray();
        Assert.Equal(["alpha", "beta"], parties.Select(p => (string?)p!["key"]));
        Assert.Equal((3, 2, 5, 5, 6, 1, 0), Numbers(parties[0]!));
        Assert.Equal((2, 2, 2, 4, 6, 0, 1), Numbers(parties[1]!));
        Assert.Equal(["withdrawal", "transport-links", "mine-action"], rollUps["themes"]!.AsArray().Select(t => (string?)t!["key"]));

        static (int, int, int, int, int, int, int) Numbers(JsonNode n) =>
            ((int)n["obligations"]!, (int)n["denominator"]!, (int)n["numerator"]!, (int)n["highestNumerator"]!, (int)n["possible"]!, (int)n["unassessed"]!, (int)n["split"]!);
    }

    [Fact]
    public async Task A_party_filter_keeps_the_obligations_it_bears_and_its_own_roll_up()
    {
        var answer = await host.Get("/api/v1/compliance?party=beta&asOf=2021-08-01");
        Assert.Equal(["ob-open-road", "ob-joint"], answer["obligations"]!.AsArray().Select(o => (string?)o!["id"]));
        Assert.Equal(["beta"], answer["rollUps"]!["parties"]!.AsArray().Select(p => (string?)p!["key"]));
    }

    [Fact]
    public async Task As_of_defaults_to_today()
    {
        var answer = await host.Get("/api/v1/compliance");
        Assert.Equal("2026-11-29", (string?)answer["asOf"]);
        Assert.Equal("implemented", (string?)Obligation(answer, "ob-withdraw")["state"]!["status"]);
    }

    [Fact]
    public async Task The_timeline_has_a_stretch_for_every_change_and_agrees_with_the_answer_at_each_date()
    {
        var timeline = await host.Get("/api/v1/compliance/timeline?document=accord");
        Assert.Equal(
            ["2021-02-01", "2021-03-01", "2021-03-02", "2021-04-01", "2021-05-01", "2021-06-01", "2021-06-15", "2021-07-01", "2021-07-02"],
            Strings(timeline["changeDates"]));

        // The withdrawal: gamma's first view (1 Feb), overdue from 2 March, alpha's view (1 April) disagrees with gamma's
        // (disputed, still overdue), gamma's second (1 May) agrees with alpha's.
        var withdraw = timeline["obligations"]!.AsArray().Single(o => (string?)o!["id"] == "ob-withdraw")!["segments"]!.AsArray();
        Assert.Equal([null, "2021-02-01", "2021-03-02", "2021-04-01", "2021-05-01"], withdraw.Select(s => (string?)s!["from"]));
        Assert.Equal(["unassessed", "in-progress", "in-progress", "disputed", "implemented"], withdraw.Select(s => (string?)s!["state"]!["status"]));
        Assert.Equal([false, false, true, true, false], withdraw.Select(s => (bool)s!["state"]!["overdue"]!));

        // Every stretch, read at its first day, is what the as-of answer says for that day.
        foreach (var date in Strings(timeline["changeDates"]))
        {
            var answer = await host.Get($"/api/v1/compliance?document=accord&asOf={date}");
            foreach (var obligation in timeline["obligations"]!.AsArray())
            {
                var segment = obligation!["segments"]!.AsArray().Last(s => string.CompareOrdinal((string?)s!["from"] ?? "", date) <= 0)!;
                var expected = Obligation(answer, (string)obligation["id"]!)["state"]!.AsObject().DeepClone().AsObject();
                expected.Remove("asOf");
                Assert.True(JsonNode.DeepEquals(expected, segment["state"]), $"{obligation["id"]} at {date}: {expected} != {segment["state"]}");
            }
            var documentSeries = timeline["series"]!["documents"]![0]!["segments"]!.AsArray().Last(s => string.CompareOrdinal((string?)s!["from"] ?? "", date) <= 0)!;
            var rollUp = answer["rollUps"]!["documents"]![0]!;
            Assert.Equal((int)rollUp["numerator"]!, (int)documentSeries["numerator"]!);
            Assert.Equal((int)rollUp["denominator"]!, (int)documentSeries["denominator"]!);
        }
    }

    [Fact]
    public async Task Every_assessment_of_an_obligation_is_listed_oldest_first_with_self_assessments_flagged()
    {
        var assessments = (await host.Get("/api/v1/obligations/ob-withdraw/assessments")).AsArray();
        Assert.Equal(["a-ob-withdraw-gamma-20210201", "a-ob-withdraw-alpha-20210401", "a-ob-withdraw-gamma-20210501"], assessments.Select(a => (string?)a!["id"]));
        Assert.Equal([false, true, false], assessments.Select(a => (bool)a!["selfAssessment"]!));
        Assert.All(assessments, a => Assert.NotNull(a!["evidence"]));
        Assert.Equal([1, 3, 3], assessments.Select(a => (int)a!["score"]!));
    }
}

/// <summary>The compliance API's answers to bad and unknown parameters, on the bundled case.</summary>
public sealed class ComplianceApiParameterTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("/api/v1/compliance?asOf=2024-02-30", "asOf")]
    [InlineData("/api/v1/compliance?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/compliance?document=Not_An_Id", "document")]
    [InlineData("/api/v1/compliance?party=x", "party")]
    [InlineData("/api/v1/compliance?document=trilateral-statement-2020-11-10&asOf=1990-01-01", "asOf")]
    [InlineData("/api/v1/compliance/timeline?document=A", "document")]
    [InlineData("/api/v1/compliance/timeline?party=a_b", "party")]
    [InlineData("/api/v1/obligations/x_y/assessments", "id")]
    public async Task Bad_parameters_are_a_400_naming_them(string url, string parameter) => await host.BadParameter(url, parameter);

    [Theory]
    [InlineData("/api/v1/compliance?document=no-such-document")]
    [InlineData("/api/v1/compliance?party=no-such-actor")]
    [InlineData("/api/v1/compliance/timeline?document=no-such-document")]
    [InlineData("/api/v1/compliance/timeline?party=no-such-actor")]
    [InlineData("/api/v1/obligations/no-such-obligation/assessments")]
    public async Task Unknown_records_are_a_404_problem(string url) => await host.Problem(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task On_the_bundled_case_the_states_are_those_compliance_case_derives()
    {
        var compliance = ComplianceCase.From(host.Case);
        var date = new DateOnly(2023, 6, 30);
        var answer = await host.Get("/api/v1/compliance?asOf=2023-06-30");
        var obligations = answer["obligations"]!.AsArray();
        Assert.Equal(host.Records<Document>().Sum(d => d.Obligations.Count()), obligations.Count);
        foreach (var o in obligations)
        {
            var expected = compliance.State(new RecordId((string)o!["id"]!), date);
            Assert.Equal(expected.Status, (string?)o["state"]!["status"]);
            Assert.Equal(expected.Overdue, (bool)o["state"]!["overdue"]!);
            Assert.Equal(expected.Disputed, (bool)o["state"]!["disputed"]!);
            Assert.Equal(expected.BlockedBy.Select(b => b.Value), o["state"]!["blockedBy"]!.AsArray().Select(b => (string)b!));
        }
        var documents = answer["rollUps"]!["documents"]!.AsArray();
        Assert.Equal(compliance.ByDocument(date).Select(r => r.Tally.Numerator), documents.Select(d => (int)d!["numerator"]!));
    }
}
