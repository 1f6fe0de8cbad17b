using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Pacta.Datasets;
using Pacta.Geography;
using Pacta.Model;

namespace Pacta.Tests.Geography;

/// <summary>The boundary polygons of the bundled case (data/south-caucasus/geometry, from Natural Earth 1:10m).</summary>
public sealed class BoundaryDataTests
{
    private static readonly Lazy<Dictionary<string, Place>> Places = new(() =>
        DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).OfType<Place>().ToDictionary(p => p.Id.Value));

    private static Geometry Shape(string id) => Places.Value[id].Geometry!;

    [Fact]
    public void Countries_AreValidAndDoNotOverlap()
    {
        var armenia = Shape("armenia-boundary");
        var azerbaijan = Shape("azerbaijan-boundary");

        Assert.True(new IsValidOp(armenia).IsValid);
        Assert.True(new IsValidOp(azerbaijan).IsValid);
        Assert.True(armenia.Intersects(azerbaijan), "the two countries share a border");
        // Sharing a border is touching; no interior point may lie in both.
        Assert.Equal(Dimension.False, armenia.Relate(azerbaijan)[Location.Interior, Location.Interior]);
    }

    [Theory]
    [InlineData("armenia-boundary", 29_743)] // area by the Armenian statistical committee
    [InlineData("azerbaijan-boundary", 86_600)] // area by the Azerbaijani statistical committee
    public void Countries_HaveTheirKnownAreaWithinTheMapsGeneralisation(string id, double km2)
    {
        // Natural Earth at 1:10m on a ~300 m grid: within 3% of the official figure.
        Assert.Equal(km2, Measures.Area(Shape(id)) / 1e6, km2 * 0.03);
    }

    [Theory]
    [InlineData("artsvashen-bashkend", "armenia-boundary", "azerbaijan-boundary")]
    [InlineData("karki-tigranashen", "azerbaijan-boundary", "armenia-boundary")]
    [InlineData("sofulu", "azerbaijan-boundary", "armenia-boundary")]
    [InlineData("yukhari-askipara", "azerbaijan-boundary", "armenia-boundary")]
    [InlineData("barkhudarly", "azerbaijan-boundary", "armenia-boundary")]
    public void EveryEnclave_IsAPolygonOfOneCountrySurroundedByTheOther(string enclave, string of, string surroundedBy)
    {
        var shape = Shape(enclave);
        Assert.IsType<Polygon>(shape);
        Assert.True(Shape(of).Covers(shape), $"{enclave} lies in {of}");
        Assert.False(Shape(surroundedBy).Intersects(shape.InteriorPoint), $"{enclave} is not part of {surroundedBy}");
        // An enclave touches no other part of its own country: it is surrounded by the other one.
        var ownParts = Shape(of);
        var others = Enumerable.Range(0, ownParts.NumGeometries).Select(ownParts.GetGeometryN).Where(p => !p.EqualsTopologically(shape));
        Assert.All(others, p => Assert.False(p.Intersects(shape)));
        Assert.True(Shape(surroundedBy).Envelope.Covers(shape));
    }

    [Fact]
    public void Enclaves_KeepWhoHoldsAndWhoClaimsThem()
    {
        var enclaves = Places.Value.Values.Where(p => p.Kind == PlaceKind.Enclave).ToList();
        Assert.Equal(5, enclaves.Count);
        Assert.All(enclaves, e =>
        {
            Assert.NotNull(e.HeldBy);
            Assert.NotEmpty(e.ClaimedBy);
            Assert.IsType<Polygon>(e.Geometry);
        });
    }
}
