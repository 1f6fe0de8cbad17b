using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>The conditional write: a version the writer read, checked in the write's own transaction.</summary>
public sealed class VersionedWriteTests
{
    private static readonly ChangeContext Ana = new("ana", "tests");
    private static readonly ChangeContext Ben = new("ben", "tests");

    private static Actor Renamed(Actor actor, string name) => new(actor.Id, actor.Kind, name, actor.ShortName, actor.Roles, actor.Sources, actor.Note);

    [Fact]
    public void A_creation_is_version_1_and_each_change_adds_one_with_who_and_when()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([Dataset], Ana);

        var created = store.Write(Armenia, Ana, expectedVersion: 0);
        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        var changed = store.Write(Renamed(Armenia, "Armenia, renamed"), Ben, expectedVersion: 1);

        Assert.Equal((1L, "ana"), (created.Version, created.ChangedBy));
        Assert.Equal((2L, "ben", temp.Clock.Now), (changed.Version, changed.ChangedBy, changed.UpdatedAt));
        var found = store.FindVersioned(Armenia.Id)!;
        Assert.Equal(("Armenia, renamed", 2L), (((Actor)found.Record).Name, found.Version));
        Assert.Null(store.FindVersioned(Azerbaijan.Id));
    }

    [Fact]
    public void A_stale_version_an_existing_id_or_a_missing_record_is_refused_and_nothing_is_written()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([Dataset], Ana);
        store.Write(Armenia, Ana, 0);
        store.Write(Renamed(Armenia, "First edit"), Ana, 1);
        var hash = temp.Hash();

        var stale = Assert.Throws<VersionConflictException>(() => store.Write(Renamed(Armenia, "Lost edit"), Ben, 1));
        Assert.Equal((1L, 2L, "ana"), (stale.ExpectedVersion, stale.Current!.Version, stale.Current.ChangedBy));
        Assert.Contains("is at version 2, not 1", stale.Message, StringComparison.Ordinal);
        var taken = Assert.Throws<VersionConflictException>(() => store.Write(Renamed(Armenia, "Again"), Ben, 0));
        Assert.Contains("exists already", taken.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<VersionConflictException>(() => store.Write(Azerbaijan, Ben, 3));
        Assert.Null(missing.Current);

        Assert.Equal(hash, temp.Hash());
        Assert.Equal(2, store.History(Armenia.Id).Count);
    }

    [Fact]
    public void A_conditional_write_whose_reference_does_not_resolve_rolls_back_whole()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([Dataset], Ana);
        var hash = temp.Hash();
        var dangling = new Actor(Id("armenian-mfa"), ActorKind.Body, "Ministry", null, [], [Dataset.Id], PartOf: Id("no-such-state"));

        Assert.Throws<StoreException>(() => store.Write(dangling, Ana, 0));

        Assert.Equal(hash, temp.Hash());
        // The store is usable after the rollback: the next write goes through.
        Assert.Equal(1, store.Write(Armenia, Ana, 0).Version);
    }
}
