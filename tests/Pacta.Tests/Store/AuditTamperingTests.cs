using System.Globalization;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// What the tampering cases need of a store: to write and delete through the store, to read its log, to verify it, and
/// to run SQL behind its back on a connection of its own. A second backend runs the same cases by implementing this and
/// deriving from <see cref="AuditTamperingTests"/>.
/// </summary>
public interface IAuditedStore : IDisposable
{
    /// <summary>Moves the store's clock on.</summary>
    void Advance(TimeSpan by);

    WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context);

    WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context);

    IReadOnlyList<Change> Changes();

    AuditReport Verify(byte[]? expectedHead = null);

    AuditHead Head();

    /// <summary>Runs SQL on the store's tables, as someone with the file or the database's password could.</summary>
    void Sql(string sql);

    /// <summary>A hash as a literal of the backend's SQL.</summary>
    string HashLiteral(byte[] hash);

    /// <summary>
    /// Whether a creation keeps its body in its own row (PostgreSQL), rather than leaving it to the record and then to the
    /// next change's <c>before</c> (SQLite from schema 4): it decides which change an edited body is named at.
    /// </summary>
    bool CreationsKeepTheirBody { get; }
}

/// <summary>
/// Alterations made behind the store's back, each of which <c>verify</c> must catch and name by its first broken entry.
/// Every case starts from the same log:
/// 1–13 the samples created (<see cref="Samples.All"/>, in order), 14 the editors renamed, 15 an assessment deleted,
/// 16 the editors' first name given back.
/// </summary>
public abstract class AuditTamperingTests
{
    protected abstract IAuditedStore Create();

    private static readonly Actor Renamed = new(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id]);

    private IAuditedStore Seeded()
    {
        var store = Create();
        store.Write(All, new ChangeContext("alice", "pacta import pacta data"));
        store.Advance(TimeSpan.FromHours(1));
        store.Write([Renamed], new ChangeContext("bob", "pacta edit", "shorter name"));
        store.Advance(TimeSpan.FromHours(1));
        store.Delete([CeasefireHeld.Id], new ChangeContext("carol", "pacta delete"));
        store.Advance(TimeSpan.FromHours(1));
        store.Write([Editors], new ChangeContext("alice", "pacta edit", "the name it had"));
        Assert.Equal(
            [(1L, Dataset.Id, ChangeOperation.Created), (6, Editors.Id, ChangeOperation.Created), (14, Editors.Id, ChangeOperation.Updated),
             (15, CeasefireHeld.Id, ChangeOperation.Deleted), (16, Editors.Id, ChangeOperation.Updated)],
            store.Changes().Where(c => c.Sequence is 1 or 6 or >= 14).Select(c => (c.Sequence, c.RecordId, c.Operation)));
        return store;
    }

    private static AuditBreak FirstBreak(IAuditedStore store)
    {
        var report = store.Verify();
        Assert.False(report.Intact, "verify found nothing wrong");
        return report.First!;
    }

    [Fact]
    public void An_untouched_store_verifies_with_its_head()
    {
        using var store = Seeded();
        var changes = store.Changes();

        var report = store.Verify();

        Assert.True(report.Intact, string.Join("\n", report.Breaks));
        Assert.Equal((16L, 16L, changes[^1].Hash), (report.Changes, report.HeadSequence, report.Head));
        Assert.Equal(new AuditHead(16, 16, changes[^1].Hash!), store.Head());
        Assert.True(store.Verify(Convert.FromHexString(changes[7].Hash!)).Intact);
    }

    [Fact]
    public void Editing_the_author_of_a_change_is_caught_at_that_change()
    {
        using var store = Seeded();
        store.Sql("UPDATE change SET author = 'mallory' WHERE seq = 14");

        var first = FirstBreak(store);

        Assert.Equal((14L, "pacta-editors", AuditFault.Content), (first.Sequence, first.RecordId, first.Fault));
        Assert.Single(store.Verify().Breaks);
    }

    [Fact]
    public void Editing_the_before_of_an_update_is_caught_at_that_update()
    {
        using var store = Seeded();
        store.Sql("UPDATE change SET before = replace(before, 'Pacta editors', 'Nobody') WHERE seq = 16");

        var first = FirstBreak(store);

        Assert.Equal((16L, AuditFault.Content), (first.Sequence, first.Fault));
    }

    [Fact]
    public void Editing_the_before_of_the_update_after_a_creation_is_caught_and_where_the_creation_keeps_no_body_at_the_creation_too()
    {
        using var store = Seeded();
        store.Sql("UPDATE change SET before = replace(before, 'Pacta editorial group', 'Nobody') WHERE seq = 14");

        var report = store.Verify();

        if (store.CreationsKeepTheirBody)
        {
            // The creation's body is in its own row, untouched: only the update whose before was edited is named.
            Assert.Equal([(14L, AuditFault.Content)], report.Breaks.Select(b => (b.Sequence!.Value, b.Fault)));
        }
        else
        {
            Assert.Equal([(6L, AuditFault.Content), (14L, AuditFault.Content)], report.Breaks.Select(b => (b.Sequence!.Value, b.Fault)));
            Assert.Contains("which change 14 keeps as its before", report.First!.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Editing_the_after_of_an_update_is_caught_at_that_update()
    {
        using var store = Seeded();
        store.Sql("UPDATE change SET after = replace(after, 'Pacta editors', 'Nobody') WHERE seq = 14");

        var first = FirstBreak(store);

        Assert.Equal((14L, AuditFault.Content), (first.Sequence, first.Fault));
    }

    [Fact]
    public void Deleting_a_change_is_caught_at_the_change_after_it()
    {
        using var store = Seeded();
        store.Sql("DELETE FROM change WHERE seq = 10");

        var report = store.Verify();

        Assert.Equal((11L, Statement.Id.Value, AuditFault.Missing), (report.First!.Sequence, report.First.RecordId, report.First.Fault));
        Assert.StartsWith("change 10 is missing", report.First.Reason, StringComparison.Ordinal);
        // The record whose only change went is named too, after the entries.
        Assert.Equal((null, Triangle.Id.Value, AuditFault.RecordUnlogged), (report.Breaks[^1].Sequence, report.Breaks[^1].RecordId, report.Breaks[^1].Fault));
        Assert.Equal(15, report.Changes);
    }

    [Fact]
    public void Swapping_two_changes_is_caught_at_the_first_of_them()
    {
        using var store = Seeded();
        var changes = store.Changes();
        var (four, five) = (changes[3], changes[4]);
        store.Sql($"UPDATE change SET record_id = '{five.RecordId}', hash = {store.HashLiteral(Convert.FromHexString(five.Hash!))} WHERE seq = 4");
        store.Sql($"UPDATE change SET record_id = '{four.RecordId}', hash = {store.HashLiteral(Convert.FromHexString(four.Hash!))} WHERE seq = 5");

        var report = store.Verify();

        Assert.Equal((4L, AuditFault.Content), (report.First!.Sequence, report.First.Fault));
        Assert.Contains(report.Breaks, b => b is { Sequence: 5, Fault: AuditFault.Link });
    }

    [Fact]
    public void Editing_a_record_whose_last_change_made_it_is_caught_at_its_creation()
    {
        using var store = Seeded();
        store.Sql("UPDATE record SET body = replace(body, 'Russian Federation', 'Russia (edited)') WHERE id = 'russia'");

        var report = store.Verify();

        if (store.CreationsKeepTheirBody)
        {
            // The creation's row keeps the body it wrote, which the record no longer matches.
            Assert.Equal([(5L, "russia", AuditFault.RecordBody)], report.Breaks.Select(b => (b.Sequence!.Value, b.RecordId, b.Fault)));
            Assert.Contains("the record's body differs from the after of this, its last change", report.First!.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((5L, "russia", AuditFault.Content), (report.First!.Sequence, report.First.RecordId, report.First.Fault));
            Assert.Contains("the record's body is not the body this creation wrote", report.First.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Editing_a_record_whose_last_change_updated_it_is_caught_at_that_update()
    {
        using var store = Seeded();
        store.Sql("UPDATE record SET body = replace(body, 'Pacta editorial group', 'Nobody') WHERE id = 'pacta-editors'");

        var report = store.Verify();

        Assert.Equal([(16L, "pacta-editors", AuditFault.RecordBody)], report.Breaks.Select(b => (b.Sequence!.Value, b.RecordId, b.Fault)));
    }

    [Fact]
    public void Deleting_a_record_behind_the_stores_back_is_caught_at_its_last_change()
    {
        using var store = Seeded();
        // With the rows derived from it, which a database's foreign keys would not let go otherwise.
        store.Sql("DELETE FROM place_name WHERE place_id = 'shushakend'");
        store.Sql("DELETE FROM place_geometry WHERE place_id = 'shushakend'");
        store.Sql("DELETE FROM record WHERE id = 'shushakend'");

        var first = FirstBreak(store);

        Assert.Equal((9L, "shushakend"), (first.Sequence, first.RecordId));
    }

    [Fact]
    public void Editing_a_stored_hash_is_caught_at_that_change_and_said_to_be_the_hash()
    {
        using var store = Seeded();
        store.Sql($"UPDATE change SET hash = {store.HashLiteral(new byte[AuditChain.HashLength])} WHERE seq = 8");

        var report = store.Verify();

        Assert.Equal([(8L, AuditFault.StoredHash)], report.Breaks.Select(b => (b.Sequence!.Value, b.Fault)));
    }

    [Fact]
    public void A_chain_rewritten_from_some_point_on_verifies_but_not_against_a_head_exported_before()
    {
        using var store = Seeded();
        var exported = Convert.FromHexString(store.Head().Hash);
        store.Sql("UPDATE change SET author = 'mallory' WHERE seq = 14");
        // The attacker recomputes every link from the altered change on: nothing inside the store tells.
        var changes = store.Changes();
        var previous = Convert.FromHexString(changes[12].Hash!);
        foreach (var change in changes.Skip(13))
        {
            previous = AuditChain.Next(previous, change);
            store.Sql($"UPDATE change SET hash = {store.HashLiteral(previous)} WHERE seq = {change.Sequence.ToString(CultureInfo.InvariantCulture)}");
        }

        Assert.True(store.Verify().Intact);
        var report = store.Verify(exported);
        Assert.Equal([AuditFault.HeadNotFound], report.Breaks.Select(b => b.Fault));
    }

    [Fact]
    public void Cutting_off_the_end_of_the_log_is_caught_by_the_numbers_handed_out()
    {
        using var store = Create();
        store.Write(All, Context);
        store.Sql("DELETE FROM change WHERE seq >= 12");

        var report = store.Verify();

        Assert.Contains(report.Breaks, b => b is { Sequence: 12, Fault: AuditFault.Truncated });
        Assert.Contains("handed out changes up to 13, but the log ends at 11", report.Breaks.Single(b => b.Fault == AuditFault.Truncated).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_appended_after_the_end_was_cut_off_never_takes_a_number_handed_out_before()
    {
        using var store = Create();
        store.Write(All, Context);
        store.Sql("DELETE FROM change WHERE seq >= 12");
        store.Write([Renamed], Context);

        var report = store.Verify();

        // The new change links to the last one left, but the records the cut-off changes made still show.
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14], store.Changes().Select(c => c.Sequence));
        Assert.Equal(
            new[] { All[11].Id.Value, All[12].Id.Value }.Order(StringComparer.Ordinal).Select(id => ((long?)null, (string?)id, AuditFault.RecordUnlogged)),
            report.Breaks.Select(b => (b.Sequence, b.RecordId, b.Fault)).OrderBy(b => b.RecordId, StringComparer.Ordinal));
    }
}

/// <summary>The tampering cases on a store of either backend, altered through a connection of its own.</summary>
internal sealed class AuditedStore(Backend backend) : IAuditedStore
{
    private readonly TempStore temp = new(backend);
    private IStore? store;

    private IStore Store => store ??= temp.OpenStore();

    public void Advance(TimeSpan by) => temp.Clock.Advance(by);

    public WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context) => Store.Write(records, context);

    public WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context) => Store.Delete(ids, context);

    public IReadOnlyList<Change> Changes() => Store.Changes();

    public AuditReport Verify(byte[]? expectedHead = null) => Store.VerifyAudit(expectedHead);

    public AuditHead Head() => Store.AuditHead();

    public void Sql(string sql) => temp.RawExecute(sql);

    public string HashLiteral(byte[] hash) => temp.BytesLiteral(hash);

    public bool CreationsKeepTheirBody => backend == Backend.Postgres;

    public void Dispose()
    {
        store?.Dispose();
        temp.Dispose();
    }
}

/// <summary>The tampering cases on a real SQLite file.</summary>
public sealed class SqliteAuditTamperingTests : AuditTamperingTests
{
    protected override IAuditedStore Create() => new AuditedStore(Backend.Sqlite);
}

/// <summary>The tampering cases on a real PostgreSQL database (PACTA_TEST_POSTGRES; see <see cref="TestDatabases"/>).</summary>
public sealed class PostgresAuditTamperingTests : AuditTamperingTests
{
    protected override IAuditedStore Create() => new AuditedStore(Backend.Postgres);
}
