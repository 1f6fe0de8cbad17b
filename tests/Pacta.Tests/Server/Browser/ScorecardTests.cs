using System.Globalization;
using Microsoft.Playwright;
using Pacta.Compliance;
using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Tests.Server.Browser;

/// <summary>The scorecard in a real browser: moving the as-of slider recolours the matrix and moves the chart's marker.</summary>
public sealed class ScorecardTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string StatementId = "trilateral-statement-2020-11-10";

    [Fact]
    public async Task Moving_the_slider_recolours_the_matrix_and_moves_the_marker()
    {
        // What each cell must show is derived from the case by ComplianceCase, not written down here.
        var dataset = DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus"));
        var compliance = ComplianceCase.From(dataset);
        var statement = dataset.OfType<Document>().Single(d => d.Id.Value == StatementId);
        var start = statement.Dates.Earliest!.First;
        var (early, late) = (start.AddDays(1), new DateOnly(2025, 12, 31));
        var changed = statement.Obligations.First(o => compliance.State(o.Id, early).Status != compliance.State(o.Id, late).Status);
        var (before, after) = (compliance.State(changed.Id, early), compliance.State(changed.Id, late));

        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync(new Uri(chromium.Server.Address, $"/scorecard?document={StatementId}&asOf={Iso(early)}").ToString());
        await page.WaitForSelectorAsync("#scorecard[data-ready=true]");

        var cell = page.Locator($"tr[data-obligation='{changed.Id}'] td.cell:not(.none)").First;
        Assert.Contains($"status-{before.Status}", await cell.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("#trend svg path.series").CountAsync() > 0, "no party line drawn");
        var markerBefore = double.Parse(await page.Locator("#trend-marker").GetAttributeAsync("x1") ?? "NaN", CultureInfo.InvariantCulture);

        await page.Locator("#as-of-range").FillAsync((late.DayNumber - start.DayNumber).ToString(CultureInfo.InvariantCulture));
        await page.WaitForSelectorAsync($"#scorecard[data-as-of='{Iso(late)}']");

        Assert.Contains($"status-{after.Status}", await cell.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain($"status-{before.Status}", await cell.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(Iso(late), await page.Locator("#as-of").InputValueAsync());
        var markerAfter = double.Parse(await page.Locator("#trend-marker").GetAttributeAsync("x1") ?? "NaN", CultureInfo.InvariantCulture);
        Assert.True(markerAfter > markerBefore, $"the marker did not move right: {markerBefore} → {markerAfter}");
        // Every obligation's cell now shows the state ComplianceCase derives for the new date.
        foreach (var o in statement.Obligations)
        {
            var classes = await page.Locator($"tr[data-obligation='{o.Id}'] td.cell:not(.none)").First.GetAttributeAsync("class") ?? "";
            Assert.Contains($"status-{compliance.State(o.Id, late).Status}", classes, StringComparison.Ordinal);
        }
        Assert.Equal(late.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), new Uri(page.Url).Query.Split("asOf=")[1]);
        Assert.Empty(errors);
        await Chromium.ScreenshotAsync(page, "scorecard");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
