using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>The conditional write: a version the writer read, checked in the write's own transaction, on both backends.</summary>
public sealed class VersionedWriteTests
{
    private static readonly ChangeContext Ana = new("ana", "tests");
    private static readonly ChangeContext Ben = new("ben", "tests");

    private static Actor Renamed(Actor actor, string name) => new(actor.Id, actor.Kind, name, actor.ShortName, actor.Roles, actor.Sources, actor.Note);

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_creation_is_version_1_and_each_change_adds_one_with_who_and_when(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
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

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_stale_version_an_existing_id_or_a_missing_record_is_refused_and_nothing_is_written(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset], Ana);
        store.Write(Armenia, Ana, 0);
        store.Write(Renamed(Armenia, "First edit"), Ana, 1);
        var fingerprint = temp.Fingerprint();

        var stale = Assert.Throws<VersionConflictException>(() => store.Write(Renamed(Armenia, "Lost edit"), Ben, 1));
        Assert.Equal((1L, 2L, "ana"), (stale.ExpectedVersion, stale.Current!.Version, stale.Current.ChangedBy));
        Assert.Contains("is at version 2, not 1", stale.Message, StringComparison.Ordinal);
        var taken = Assert.Throws<VersionConflictException>(() => store.Write(Renamed(Armenia, "Again"), Ben, 0));
        Assert.Contains("exists already", taken.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<VersionConflictException>(() => store.Write(Azerbaijan, Ben, 3));
        Assert.Null(missing.Current);

        Assert.Equal(fingerprint, temp.Fingerprint());
        Assert.Equal(2, store.History(Armenia.Id).Count);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_conditional_write_whose_reference_does_not_resolve_rolls_back_whole(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset], Ana);
        var fingerprint = temp.Fingerprint();
        var dangling = new Actor(Id("armenian-mfa"), ActorKind.Body, "Ministry", null, [], [Dataset.Id], PartOf: Id("no-such-state"));

        Assert.Throws<StoreException>(() => store.Write(dangling, Ana, 0));

        Assert.Equal(fingerprint, temp.Fingerprint());
        // The store is usable after the rollback: the next write goes through.
        Assert.Equal(1, store.Write(Armenia, Ana, 0).Version);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Writers_on_many_threads_with_the_same_version_exactly_one_wins_and_the_history_holds_only_its_change(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        using var other = temp.OpenStore();
        store.Write([Dataset], Ana);
        store.Write(Armenia, Ana, 0);
        using var start = new Barrier(8);

        var outcomes = Enumerable.Range(0, 8).Select(n => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            try
            {
                return (n, (n % 2 == 0 ? store : other).Write(Renamed(Armenia, $"Edit {n}"), new ChangeContext($"writer-{n}", "tests"), 1).Version);
            }
            catch (VersionConflictException e)
            {
                return (n, -e.Current!.Version);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        var results = await Task.WhenAll(outcomes);

        var winners = results.Where(r => r.Item2 > 0).ToList();
        var (winner, version) = Assert.Single(winners);
        Assert.Equal(2L, version);
        Assert.All(results.Where(r => r.Item2 < 0), r => Assert.Equal(-2L, r.Item2));
        var history = store.History(Armenia.Id);
        Assert.Equal(["ana", $"writer-{winner}"], history.Select(c => c.Author));
        Assert.Equal($"Edit {winner}", ((Actor)store.FindVersioned(Armenia.Id)!.Record).Name);
        Assert.True(store.VerifyAudit().Intact);
    }
}
