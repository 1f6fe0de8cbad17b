using System.Net;
using Pacta.Compliance;
using Pacta.Model;
using Pacta.Tests.Server.Api;

namespace Pacta.Tests.Server;

/// <summary>
/// The pages show the state by every rule — blocked, reciprocal pairs, disputed with the claims, self-assessments — on
/// the hand-made case of <see cref="ConstructedCase"/> (today is 29 November 2026 there).
/// </summary>
public sealed class CompliancePagesTests(ConstructedCase host) : IClassFixture<ConstructedCase>
{
    private async Task<string> Page(string path)
    {
        using var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return body;
    }

    private static string Row(string body, string obligation)
    {
        var row = body[body.IndexOf($"<tr data-obligation=\"{obligation}\">", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public async Task The_scorecard_marks_overdue_blocked_and_disputed_by_symbol_and_leaves_non_bearers_empty()
    {
        var march = await Page("/scorecard?document=accord&asOf=2021-03-15");
        Assert.Contains("flag-overdue", Row(march, "ob-withdraw"), StringComparison.Ordinal);
        Assert.Contains("flag-blocked", Row(march, "ob-open-road"), StringComparison.Ordinal);
        Assert.DoesNotContain("flag-blocked", Row(march, "ob-withdraw"), StringComparison.Ordinal);
        // Parties in id order: alpha, beta. The rail is alpha's alone; the joint obligation fills both columns.
        Assert.True(march.IndexOf("<th scope=\"col\" class=\"party\">Alpha</th>", StringComparison.Ordinal)
            < march.IndexOf("<th scope=\"col\" class=\"party\">Beta</th>", StringComparison.Ordinal));
        Assert.Equal(1, Count(Row(march, "ob-open-rail"), "class=\"cell none\""));
        Assert.Equal(2, Count(Row(march, "ob-joint"), "class=\"cell status-in-progress\""));

        var august = await Page("/scorecard?document=accord&asOf=2021-08-01");
        var road = Row(august, "ob-open-road");
        Assert.Contains("class=\"cell status-disputed\"", road, StringComparison.Ordinal);
        Assert.Contains("Gamma: not started (0)", road, StringComparison.Ordinal);
        Assert.Contains("Beta: in progress (2)", road, StringComparison.Ordinal);
        var rail = Row(august, "ob-open-rail");
        Assert.Contains("flag-disputed", rail, StringComparison.Ordinal);
        Assert.Contains("Alpha asserts (2021-07-01); Beta denies (2021-07-02)", rail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_obligation_page_shows_the_reciprocal_pair_side_by_side_and_marks_self_assessments()
    {
        var road = await Page("/obligations/ob-open-road");
        var pair = road[road.IndexOf("aria-labelledby=\"pair\"", StringComparison.Ordinal)..];
        Assert.Contains("href=\"/obligations/ob-open-rail\"", pair[..pair.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(1, Count(road, "self-assessment</span>"));

        var withdraw = await Page("/obligations/ob-withdraw");
        Assert.Equal(1, Count(withdraw, "self-assessment</span>"));
        Assert.DoesNotContain("aria-labelledby=\"pair\"", withdraw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_page_flags_each_obligation_as_compliance_case_derives_it_today()
    {
        var compliance = new ComplianceCase(ConstructedCase.Records().OfType<Document>(), ConstructedCase.Records().OfType<Assessment>(), ConstructedCase.Records().OfType<Claim>());
        var states = compliance.States(new DateOnly(2026, 11, 29)).ToList();
        var body = await Page("/documents/accord");

        Assert.Equal(states.Count(s => s.Disputed), Count(body, "class=\"flag flag-disputed\""));
        Assert.Equal(states.Count(s => s.Blocked), Count(body, "class=\"flag flag-blocked\""));
        Assert.Equal(states.Count(s => s.SelfAssessments.Count > 0), Count(body, "class=\"flag flag-self\" title=\"A bearer assessed its own obligation\"><span"));
        Assert.Contains("href=\"/scorecard?document=accord\"", body, StringComparison.Ordinal);
    }
}
