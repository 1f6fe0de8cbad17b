using System.Text;
using System.Text.Json;
using Pacta.Model;
using Pacta.Tests.Generation;
using static Pacta.Tests.Exports.ExportCase;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta export acled|plover|hxl|csv</c>, run as a user would, on a store of hand-made events.</summary>
public sealed class ExportEventsCommandTests : IDisposable
{
    private static readonly Event Shelling = new(Id("shelling-aghdam-2020"), "Shelling of Aghdam, \"heavy\"",
        EventType.Parse("acled:Explosions/Remote violence/Shelling/artillery/missile attack"), PartialDate.Day(2020, 7, 14), null,
        new EventPlace(Aghdam.Id, new GeoPoint(45.71, 41.02), LocationPrecision.Near),
        [new(ArmeniaForces.Id, EventActorRole.SideA), new(AzerbaijanForces.Id, EventActorRole.SideB)], new Fatalities(null, 2, null), null, MessyText, [NewsReport.Id]);

    private readonly Store.TempStore store = StoreWith(Shelling);
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        folder.Dispose();
        store.Dispose();
    }

    [Theory]
    [InlineData("acled")]
    [InlineData("plover")]
    [InlineData("hxl")]
    [InlineData("csv")]
    public void Each_format_writes_every_event_to_the_file_and_nothing_else(string format)
    {
        var result = Pacta.Run("export", format, "--db", store.Path, "--out", folder["events"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Wrote 4 events as {format} to ", result.Out, StringComparison.Ordinal);
        var text = new UTF8Encoding(false, true).GetString(File.ReadAllBytes(folder["events"]));
        Assert.False(text.StartsWith('\uFEFF'));
        int count;
        if (format == "plover")
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
            count = lines.Length;
        }
        else
        {
            count = CsvReader.Parse(text).Count - (format == "hxl" ? 2 : 1);
        }
        Assert.Equal(4, count);
        Assert.Equal(["events"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(new[] { "--from", "2020-07-14", "--to", "2021-12-31" }, new[] { "shelling-aghdam-2020", "meeting-2021-01-11" })]
    [InlineData(new[] { "--to", "2020-07-13" }, new[] { "clashes-1992" })]
    [InlineData(new[] { "--bbox", "45.5,40.9,45.9,41.1" }, new[] { "shelling-aghdam-2020" })]
    [InlineData(new[] { "--bbox", "46.7,39.8,46.8,39.9" }, new[] { "arrest-of-nare-zeynalova-2023" })]
    [InlineData(new[] { "--type", "acled:Explosions/Remote violence" }, new[] { "shelling-aghdam-2020" })]
    [InlineData(new[] { "--type", "acled:Strategic developments/Arrests" }, new[] { "arrest-of-nare-zeynalova-2023" })]
    [InlineData(new[] { "--actor", "russia" }, new[] { "meeting-2021-01-11" })]
    [InlineData(new[] { "--actor", "armenia-forces" }, new[] { "clashes-1992", "shelling-aghdam-2020", "meeting-2021-01-11" })]
    [InlineData(new[] { "--meetings" }, new[] { "meeting-2021-01-11" })]
    [InlineData(new[] { "--no-meetings", "--actor", "azerbaijan-forces", "--from", "2000-01-01" }, new[] { "shelling-aghdam-2020", "arrest-of-nare-zeynalova-2023" })]
    public void Filters_select_the_events_the_API_would(string[] filters, string[] expected)
    {
        var result = Pacta.Run(["export", "csv", "--db", store.Path, "--out", folder["events.csv"], .. filters]);

        Assert.True(result.ExitCode == 0, result.Error);
        var ids = CsvReader.Parse(File.ReadAllText(folder["events.csv"])).Skip(1).Select(r => r[0]);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("--from", "2020-02-30", "--from: '2020-02-30' is not a date: use YYYY-MM-DD")]
    [InlineData("--to", "yesterday", "--to: 'yesterday' is not a date: use YYYY-MM-DD")]
    [InlineData("--bbox", "45,40,46", "--bbox: '45,40,46' is not a box: give four numbers, west,south,east,north")]
    [InlineData("--bbox", "46,40,45,41", "--bbox: '46,40,45,41' is not a box: longitudes lie within -180..180, latitudes within -90..90, west ≤ east and south ≤ north")]
    [InlineData("--type", "battles", "--type: 'battles' is not an event type: write acled:TYPE[/SUB-TYPE], plover:TYPE, cameo:CODE or ucdp:TYPE")]
    [InlineData("--type", "plover:FIGHT", "--type: 'FIGHT' is not a PLOVER event type")]
    [InlineData("--actor", "Russia", "--actor: 'Russia' is not an id")]
    [InlineData("--actor", "no-such-actor", "--actor: the store holds no actor 'no-such-actor'")]
    [InlineData("--actor", "tovuz", "--actor: the store holds no actor 'tovuz'")]
    public void A_bad_filter_exits_3_names_the_option_and_writes_no_file(string option, string value, string message)
    {
        File.WriteAllText(folder["events.csv"], "earlier export");
        var before = Pacta.Hash(store.Path);

        var result = Pacta.Run("export", "acled", "--db", store.Path, "--out", folder["events.csv"], option, value);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("pacta: " + message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.Equal("earlier export", File.ReadAllText(folder["events.csv"]));
        Assert.Equal(["events.csv"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Equal(before, Pacta.Hash(store.Path));
    }

    [Fact]
    public void Every_bad_filter_is_named_at_once_and_from_after_to_is_one()
    {
        var result = Pacta.Run("export", "hxl", "--db", store.Path, "--out", folder["e.csv"], "--from", "2021-01-02", "--to", "2021-01-01", "--bbox", "x", "--type", "acled:Riot");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("pacta: --to: '2021-01-01' is before --from ('2021-01-02')", result.Error, StringComparison.Ordinal);
        Assert.Contains("pacta: --bbox: 'x' is not a box", result.Error, StringComparison.Ordinal);
        Assert.Contains("pacta: --type: 'Riot' is not an ACLED event type", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("export", "acled")]
    [InlineData("export", "csv", "--out", "e.csv", "--meetings", "--no-meetings")]
    [InlineData("export", "gdelt", "--out", "e.csv")]
    public void Usage_errors_exit_2_and_write_nothing(params string[] arguments)
    {
        var result = Pacta.RunIn(folder.Path, [.. arguments, "--db", store.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pacta: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void HXL_says_what_the_disclosure_gate_left_out()
    {
        var result = Pacta.Run("export", "hxl", "--db", store.Path, "--out", folder["events.csv"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Disclosure gate: 1 person actor left out of #org+name.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Disclosure gate: 1 event id naming a person replaced by a code.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Zeynalova", File.ReadAllText(folder["events.csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_store_fails_without_writing()
    {
        var result = Pacta.Run("export", "csv", "--db", folder["none.db"], "--out", folder["events.csv"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such store", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
