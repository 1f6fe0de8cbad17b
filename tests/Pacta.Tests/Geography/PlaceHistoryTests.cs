using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Tests.Geography;

public sealed class PlaceHistoryTests
{
    private static readonly Lazy<Dictionary<string, Place>> Bundled = new(() =>
        DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).OfType<Place>().ToDictionary(p => p.Id.Value));

    private static RecordId Id(string s) => new(s);

    private static PlaceChange Change(string date, BorderStatus? status = null, string? heldBy = null, bool? checkpoint = null) =>
        new(PartialDate.Parse(date), [Id("src")], status, heldBy is null ? null : Id(heldBy), checkpoint);

    private static Place Segment(BorderStatus? status, params PlaceChange[] history) =>
        new(Id("segment"), PlaceKind.BorderSegment, [new PlaceName("Segment", "en", [])], null, status, null, [], null, [Id("src")], History: history);

    [Fact]
    public void GazakhTavushSection_WasAgreedThenDelimited()
    {
        var section = Bundled.Value["gazakh-tavush-border-section"];

        Assert.Null(section.AsOf(new DateOnly(2024, 1, 1)));
        Assert.Equal(BorderStatus.Agreed, section.AsOf(new DateOnly(2024, 5, 1))!.Status);
        Assert.Equal(BorderStatus.Delimited, section.AsOf(new DateOnly(2024, 6, 1))!.Status);
        Assert.Equal(section.Status, section.History![^1].Status);
    }

    [Theory]
    [InlineData("aghdam-akna", "2020-11-19", "armenian-forces-karabakh")]
    [InlineData("aghdam-akna", "2020-11-20", "azerbaijan")]
    [InlineData("kalbajar-karvachar", "2020-11-24", "armenian-forces-karabakh")]
    [InlineData("kalbajar-karvachar", "2020-11-25", "azerbaijan")]
    [InlineData("berdzor-lachin", "2020-12-01", "azerbaijan")]
    public void ReturnedDistricts_ChangeHandsOnTheirDates(string district, string date, string holder)
    {
        var place = Bundled.Value[district];
        Assert.Equal(holder, place.AsOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!.HeldBy!.Value);
        Assert.Equal(Id("trilateral-statement-2020-11-10"), place.History![^1].Document);
    }

    [Fact]
    public void LachinRoad_GainedACheckpointIn2023AndHasItsBypassAsAVersion()
    {
        var road = Bundled.Value["lachin-road"];
        Assert.False(road.AsOf(new DateOnly(2022, 1, 1))!.Checkpoint);
        Assert.True(road.AsOf(new DateOnly(2023, 5, 1))!.Checkpoint);
        Assert.Equal(road.Id, Bundled.Value["lachin-road-bypass"].VersionOf);
    }

    [Fact]
    public void History_MustRunOldestFirst()
    {
        var e = Assert.Throws<ArgumentException>(() => Segment(BorderStatus.Agreed, Change("2024-05-15", BorderStatus.Delimited), Change("2024-04-19", BorderStatus.Agreed)));
        Assert.Contains("oldest first", e.Message);
    }

    [Fact]
    public void Status_MustAgreeWithTheLatestChange()
    {
        var e = Assert.Throws<ArgumentException>(() => Segment(BorderStatus.Disputed, Change("2024-04-19", BorderStatus.Agreed)));
        Assert.Contains("must agree", e.Message);
    }

    [Fact]
    public void Regime_AppliesToRoutesOnly()
    {
        var e = Assert.Throws<ArgumentException>(() => Segment(null, Change("2023-04-23", checkpoint: true)));
        Assert.Contains("routes, checkpoints and zones", e.Message);
    }

    [Fact]
    public void History_ProblemsAreLocatedInTheDatasetFile()
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus");
        var folder = Directory.CreateTempSubdirectory("pacta-history-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(bundled, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(bundled, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var places = Path.Combine(folder, "places.yaml");
            File.WriteAllText(places, File.ReadAllText(places).Replace("    - date: 2024-05-15\n      status: delimited", "    - date: 2024-03-15\n      status: delimited", StringComparison.Ordinal));

            var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => DatasetReader.Read(folder)).Problems);
            Assert.EndsWith("places.yaml", problem.File);
            Assert.Contains("oldest first", problem.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
