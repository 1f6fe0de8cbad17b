using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>
/// End to end: an ACLED row and a UCDP row of the same clash become one event with two origins; thresholds on the
/// command line change the outcome; <c>pacta show</c> explains the link; ACLED deletions take origins out.
/// </summary>
public sealed class DatasetLinkTests
{
    /// <summary>The UCDP row 500001, <paramref name="km"/> north of the ACLED row and <paramref name="days"/> after it.</summary>
    private static Dictionary<string, string> UcdpNear(double km = 3.2, int days = 0)
    {
        var day = new DateOnly(2020, 10, 5).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return UcdpRow("500001", day).With(("latitude", (40.3406 + km / 111.03).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Acled_then_ucdp_of_the_same_clash_is_one_event_with_two_origins_and_show_explains_why()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);

        var ucdp = Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpNear())));

        Assert.True(ucdp.ExitCode == 0, ucdp.Error);
        Assert.Contains("0 created, 0 updated, 1 linked to another dataset's event", ucdp.Out, StringComparison.Ordinal);
        var events = ImportedEvents(db);
        var e = Assert.Single(events.Values);
        Assert.Equal("acled-aze100", e.Id.Value);
        Assert.Equal(["acled:AZE100", "ucdp:500001"], e.Origins!.Select(o => o.ToString()));
        Assert.Equal(2, e.Fatalities!.Best); // the event keeps the first row's account ...
        Assert.Equal(new Fatalities(2, 3, 5), e.Origins![1].Reported!.Fatalities); // ... and the second's beside it
        Assert.Equal(["acled", "ucdp-ged"], e.Sources.Select(s => s.Value).Order());
        Assert.Equal(["armenia", "azerbaijan"], e.Origins[1].Match!.SharedActors.Select(a => a.Value));

        var show = Pacta.Tests.Cli.Pacta.Run("show", "acled-aze100", "--db", db);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("linked with acled:AZE100: their dates overlap; 3.2 km apart (at most 10 km allowed); both name armenia, azerbaijan", show.Out, StringComparison.Ordinal);
        AssertConsistent(db);

        // Importing both again changes nothing and links nothing twice.
        var before = Contents(db);
        Assert.Contains("1 unchanged", Import(db, "acled", folder["a.csv"]).Out, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", Import(db, "ucdp", folder["u.csv"]).Out, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Theory]
    [InlineData(2, 0, new string[0], false)]
    [InlineData(2, 0, new[] { "--match-days", "2" }, true)]
    [InlineData(1, 0, new[] { "--match-days", "0" }, false)]
    [InlineData(0, 11, new string[0], false)]
    [InlineData(0, 11, new[] { "--match-km", "12" }, true)]
    [InlineData(0, 3, new[] { "--no-match" }, false)]
    public void Thresholds_on_the_command_line_change_the_outcome(int days, double km, string[] options, bool linked)
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);

        var result = Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpNear(km, days))), options);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(linked ? 1 : 2, ImportedEvents(db).Count);
        Assert.Contains(linked ? "0 created, 0 updated, 1 linked" : "1 created, 0 updated, 0 linked", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ucdp_row_at_country_precision_or_naming_other_actors_is_not_linked()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);

        var result = Import(db, "ucdp", Write(folder, "u.csv", Ucdp(
            UcdpNear(0).With(("where_prec", "6")),
            UcdpNear(0).With(("id", "500002"), ("side_a", "Government of Russia (Soviet Union)"), ("side_b", "Government of Georgia")))));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2 created, 0 updated, 0 linked", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_acled_row_takes_its_sole_event_away()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow("AZE100"), AcledRow("AZE101", "2020-10-06")))).ExitCode);
        var deleted = Write(folder, "deleted.csv", "event_id_cnty,event_date,deleted_timestamp\nAZE100,2020-10-05,1700000000\nAZE999,2020-10-05,1700000000\n");

        var result = Import(db, "acled", folder["a.csv"], "--deleted", deleted);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("1 deleted upstream and taken out", result.Out, StringComparison.Ordinal);
        Assert.Equal(["acled-aze101"], ImportedEvents(db).Keys.Select(k => k.Value));
        Assert.Empty(Tests.Store.RawSqlite.Rows(db, "SELECT key FROM event_origin WHERE key = 'AZE100'"));
        AssertConsistent(db);
    }

    [Fact]
    public void A_deleted_acled_row_whose_event_a_claim_is_about_is_refused_and_the_import_writes_nothing()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow("AZE100")))).ExitCode);
        using (var store = SqliteStore.Open(db))
        {
            store.Write(
                [new Claim(new RecordId("claim-about-aze100"), new RecordId("acled-aze100"), new RecordId("azerbaijan"), Stance.Asserts,
                    PartialDate.Day(2020, 10, 6), "The shelling came from the other side.", null, new Credibility(3), [new RecordId("acled")])],
                new ChangeContext("test", "test"));
        }
        var before = Tests.Store.RawSqlite.Rows(db, "SELECT id, version FROM record ORDER BY id");
        var deleted = Write(folder, "deleted.csv", "event_id_cnty,deleted_timestamp\nAZE100,1700000000\n");

        var result = Import(db, "acled", folder["a.csv"], "--deleted", deleted);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("acled:AZE100 was deleted upstream, but its event 'acled-aze100' is still cited by 'claim-about-aze100'", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Tests.Store.RawSqlite.Rows(db, "SELECT id, version FROM record ORDER BY id"));
        AssertConsistent(db);
    }

    [Fact]
    public void A_deleted_acled_row_that_was_first_of_a_joined_event_hands_the_event_to_the_ucdp_row()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);
        Assert.Contains("1 linked", Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpNear()))).Out, StringComparison.Ordinal);
        var empty = Write(folder, "none.csv", Acled());

        var result = Import(db, "acled", empty, "--deleted", Write(folder, "deleted.csv", "event_id_cnty\nAZE100\n"));

        Assert.True(result.ExitCode == 0, result.Error);
        var e = Assert.Single(ImportedEvents(db).Values);
        Assert.Equal("acled-aze100", e.Id.Value); // an id does not change
        var origin = Assert.Single(e.Origins!);
        Assert.Equal("ucdp:500001", origin.ToString());
        Assert.Null(origin.Reported); // the first origin's account is the event's own
        Assert.Equal(new Fatalities(2, 3, 5), e.Fatalities);
        Assert.Equal(UcdpNear()["latitude"], e.Place!.Point!.Latitude.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Government of Azerbaijan - Government of Armenia: Tartar town", e.Title);
        Assert.Equal(["armenia", "azerbaijan"], e.Actors.Select(a => a.Actor.Value).Order());
        AssertConsistent(db);
    }

    [Fact]
    public void A_deletions_file_without_event_id_cnty_exits_3_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var result = Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow())), "--deleted", Write(folder, "deleted.csv", "id\nAZE100\n"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("lacks the required column event_id_cnty", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Fact]
    public void An_edited_row_of_the_second_dataset_updates_its_own_account_and_not_the_event_s()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "a.csv", Acled(AcledRow()))).ExitCode);
        Assert.Contains("1 linked", Import(db, "ucdp", Write(folder, "u.csv", Ucdp(UcdpNear()))).Out, StringComparison.Ordinal);

        var edited = Import(db, "ucdp", Write(folder, "u2.csv", Ucdp(UcdpNear().With(("best", "4"), ("high", "6")))));

        Assert.Contains("0 created, 1 updated, 0 linked", edited.Out, StringComparison.Ordinal);
        var e = Assert.Single(ImportedEvents(db).Values);
        Assert.Equal(2, e.Fatalities!.Best);
        Assert.Equal(new Fatalities(2, 4, 6), e.Origins![1].Reported!.Fatalities);
        Assert.NotNull(e.Origins[1].Match); // still says why it was joined
        AssertConsistent(db);
    }
}
