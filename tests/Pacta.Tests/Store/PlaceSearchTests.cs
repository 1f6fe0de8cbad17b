using Pacta.Model;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

public class PlaceSearchTests
{
    [Theory]
    [InlineData("Xankendi")]
    [InlineData("Xankəndi")]
    [InlineData("khankendi")]
    [InlineData("STEPANAKERT")]
    [InlineData("Ստեփանակերտ")]
    [InlineData("ստեփանակերտ")]
    [InlineData("Ханкенди")]
    [InlineData("степанакерт")]
    [InlineData("  Stepanakert ")]
    [InlineData("stepan")]
    [InlineData("kendi")]
    public void FindPlaces_finds_a_place_by_any_of_its_names(string query)
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write(All, Context);

        var found = store.FindPlaces(query);

        Assert.Equal(KhankendiStepanakert.Id, found[0].Id);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void FindPlaces_puts_the_exact_match_before_names_that_only_start_with_it(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        Assert.Equal([ShushaShushi.Id, Shushakend.Id], store.FindPlaces("Susa").Select(p => p.Id));
        Assert.Equal([ShushaShushi.Id, Shushakend.Id], store.FindPlaces("shushi").Select(p => p.Id));
    }

    [Theory]
    [InlineData("Atlantis", Backend.Sqlite)]
    [InlineData("", Backend.Sqlite)]
    [InlineData("   ", Backend.Sqlite)]
    [InlineData("Atlantis", Backend.Postgres)]
    [InlineData("", Backend.Postgres)]
    [InlineData("   ", Backend.Postgres)]
    public void FindPlaces_finds_nothing_for_a_name_no_place_has(string query, Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        Assert.Empty(store.FindPlaces(query));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void FindPlaces_forgets_a_name_the_place_no_longer_has(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var renamed = new Place(Shushakend.Id, PlaceKind.Settlement, [new("Shushakend", "en", [])], null, null, null, [], null, [Dataset.Id]);

        store.Write([renamed], Context);

        Assert.Empty(store.FindPlaces("Shushikend"));
        Assert.Equal([Shushakend.Id], store.FindPlaces("shushakend").Select(p => p.Id));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void PlacesIntersecting_finds_the_places_whose_geometry_meets_the_box(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        Assert.Equal([KhankendiStepanakert.Id], store.PlacesIntersecting(46.70, 39.80, 46.80, 39.83));
        Assert.Equal([ShushaShushi.Id, Triangle.Id], store.PlacesIntersecting(46.00, 39.00, 46.75, 39.76));
        Assert.Equal([KhankendiStepanakert.Id, ShushaShushi.Id, Triangle.Id], store.PlacesIntersecting(40, 35, 50, 45));
        Assert.Equal([KhankendiStepanakert.Id], store.PlacesIntersecting(46.7519, 39.8153, 46.7519, 39.8153));
        Assert.Empty(store.PlacesIntersecting(10, 10, 11, 11));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void PlacesIntersecting_tests_the_geometry_itself_not_only_its_bounding_box(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        // Inside the triangle's bounding box, beyond its long side.
        Assert.Empty(store.PlacesIntersecting(46.90, 39.90, 46.99, 39.99));
        Assert.Equal([Triangle.Id], store.PlacesIntersecting(46.10, 39.10, 46.20, 39.20));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void PlacesIntersecting_forgets_a_deleted_place(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        store.Delete([Triangle.Id], Context);

        Assert.Empty(store.PlacesIntersecting(46.10, 39.10, 46.20, 39.20));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void PlacesIntersecting_refuses_a_box_turned_inside_out(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();

        Assert.Throws<ArgumentException>(() => store.PlacesIntersecting(47, 39, 46, 40));
        Assert.Throws<ArgumentException>(() => store.PlacesIntersecting(double.NaN, 39, 46, 40));
    }
}
