using System.Text.Json;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>Imports are keyed by each row's own id: the same file twice changes nothing, an edited row updates its event, a duplicate id is refused.</summary>
public sealed class IdempotenceTests
{
    private static readonly Dictionary<string, string>[] Rows =
    [
        AcledRow("AZE101", "2020-10-05"),
        AcledRow("AZE102", "2020-10-06").With(("location", "Sugovushan"), ("latitude", "40.1430"), ("longitude", "46.6540")),
        AcledRow("ARM103", "2020-10-07").With(("country", "Armenia"), ("admin1", "Syunik"), ("location", "Kapan"), ("latitude", "39.2076"), ("longitude", "46.4058")),
    ];

    [Fact]
    public void The_same_file_twice_leaves_every_record_as_it_was()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "acled.csv", Acled(Rows));

        var first = Import(db, "acled", file);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("3 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 0 rejected", first.Out, StringComparison.Ordinal);
        var after = Contents(db);
        var export = PactaExport(db, folder["first"]);

        var second = Import(db, "acled", file);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("0 created, 0 updated, 0 linked to another dataset's event, 3 unchanged, 0 rejected", second.Out, StringComparison.Ordinal);
        Assert.Equal(after, Contents(db));
        Assert.Equal(export, PactaExport(db, folder["second"]));
        AssertConsistent(db);
    }

    [Fact]
    public void An_edited_row_updates_its_event_and_the_history_shows_the_change()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        Assert.Equal(0, Import(db, "acled", Write(folder, "v1.csv", Acled(Rows))).ExitCode);
        var before = Load<Event>(db, "acled-aze102");
        Assert.Equal(2, before.Fatalities!.Best);

        var edited = Rows.Select(r => r["event_id_cnty"] == "AZE102" ? r.With(("fatalities", "9"), ("timestamp", "1700000000")) : r);
        var second = Import(db, "acled", Write(folder, "v2.csv", Acled(edited)));

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("0 created, 1 updated, 0 linked to another dataset's event, 2 unchanged", second.Out, StringComparison.Ordinal);
        var after = Load<Event>(db, "acled-aze102");
        Assert.Equal(9, after.Fatalities!.Best);
        Assert.Equal("1700000000", after.Origins![0].Revision);
        Assert.NotEqual(before.Origins![0].Digest, after.Origins[0].Digest);
        Assert.Equal(before.Title, after.Title);

        using (var store = SqliteStore.Open(db))
        {
            var history = store.History(new RecordId("acled-aze102"));
            Assert.Equal([ChangeOperation.Created, ChangeOperation.Updated], history.Select(h => h.Operation));
            var (was, now) = (JsonDocument.Parse(history[1].Before!), JsonDocument.Parse(history[1].After!));
            Assert.Equal(2, was.RootElement.GetProperty("fatalities").GetProperty("best").GetInt32());
            Assert.Equal(9, now.RootElement.GetProperty("fatalities").GetProperty("best").GetInt32());
            Assert.Single(store.History(new RecordId("acled-aze101")));
        }
        var shown = Pacta.Tests.Cli.Pacta.Run("history", "acled-aze102", "--db", db);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("updated", shown.Out, StringComparison.OrdinalIgnoreCase);
        AssertConsistent(db);
    }

    [Fact]
    public void Two_keys_that_make_one_id_are_refused_at_the_second_in_the_same_batch_and_in_a_later_import()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        // ACLED keys differ by case; the event ids made from them (acled-aze101) do not.
        var file = Write(folder, "same-id.csv", Acled(Rows[0], Rows[1], Rows[1].With(("event_id_cnty", "aze102"), ("fatalities", "4"))));
        var later = Write(folder, "later.csv", Acled(Rows[0].With(("event_id_cnty", "aze101"))));

        var result = Import(db, "acled", file, "--on-error", "skip");
        var second = Import(db, "acled", later, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 1 rejected", result.Out, StringComparison.Ordinal);
        Assert.Equal($"{file}:4:1: 'acled-aze102', the id acled:aze102 would get, is taken by an event", CsvRows(file + ".rejects.csv")[1][^1]);
        Assert.Equal(2, Load<Event>(db, "acled-aze102").Fatalities!.Best);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal($"{later}:2:1: 'acled-aze101', the id acled:aze101 would get, is taken by an event", CsvRows(later + ".rejects.csv")[1][^1]);
        AssertConsistent(db);
    }

    [Fact]
    public void A_duplicate_id_with_stop_fails_at_its_second_line_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var file = Write(folder, "dup.csv", Acled(Rows[0], Rows[1], Rows[0].With(("fatalities", "5")), Rows[2]));

        var result = Import(db, "acled", file);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{file}:4:1: acled:AZE101 appears a second time in this import", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(db));
    }

    [Fact]
    public void A_duplicate_id_with_skip_keeps_the_first_and_rejects_the_second()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "dup.csv", Acled(Rows[0], Rows[1], Rows[0].With(("fatalities", "5")), Rows[2]));

        var result = Import(db, "acled", file, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("3 created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 1 rejected", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, Load<Event>(db, "acled-aze101").Fatalities!.Best);
        var rejects = CsvRows(file + ".rejects.csv");
        Assert.Equal(2, rejects.Count);
        Assert.Equal("5", rejects[1][Pacta.Generation.EventGenerator.AcledColumns.ToList().IndexOf("fatalities")]);
        Assert.StartsWith($"{file}:4:1: acled:AZE101 appears a second time", rejects[1][^1], StringComparison.Ordinal);
        AssertConsistent(db);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("skip")]
    public void Duplicates_far_apart_in_a_long_file_are_refused_whether_the_first_is_written_yet_or_not(string mode)
    {
        // A SQLite store gathers new events and writes them a few hundred at a time (PendingEvents), and the file is
        // handed to it in batches of 64 rows: the second appearance of a key is refused when its first is in an earlier
        // batch but not yet written, and when it is written already, as is a key that makes the same event id as another's.
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var window = SqliteStore.EventImport.PendingEvents;
        var (gathered, again) = (window + 4, window + 4 + 140);       // the first not yet written when the second comes
        var (named, sameId) = (2 * window + 8, 2 * window + 8 + 140); // a key that makes the same id
        var (written, later) = (5, 4 * window + 100);                 // the first written long before
        var rows = Enumerable.Range(0, 4 * window + 200).Select(i => AcledRow($"AZE{10_000 + i}", "2021-03-01")).ToList();
        rows[again] = rows[gathered].With(("fatalities", "7"));
        rows[later] = rows[written].With(("fatalities", "8"));
        rows[sameId] = rows[named].With(("event_id_cnty", $"aze{10_000 + named}"));
        var file = Write(folder, "long.csv", Acled([.. rows]));
        var before = Contents(db);

        var result = Import(db, "acled", file, "--on-error", mode);

        if (mode == "stop")
        {
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"{file}:{again + 2}:1: acled:AZE{10_000 + gathered} appears a second time in this import", result.Error, StringComparison.Ordinal);
            Assert.Equal(before, Contents(db));
            return;
        }
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains((rows.Count - 3).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " created, 0 updated, 0 linked to another dataset's event, 0 unchanged, 3 rejected",
            result.Out, StringComparison.Ordinal);
        var reasons = CsvRows(file + ".rejects.csv").Skip(1).Select(r => r[^1]).ToList();
        Assert.Equal(
            [
                $"{file}:{again + 2}:1: acled:AZE{10_000 + gathered} appears a second time in this import: a dataset row's id must be unique",
                $"{file}:{sameId + 2}:1: 'acled-aze{10_000 + named}', the id acled:aze{10_000 + named} would get, is taken by an event",
                $"{file}:{later + 2}:1: acled:AZE{10_000 + written} appears a second time in this import: a dataset row's id must be unique",
            ],
            reasons);
        Assert.Equal(2, Load<Event>(db, $"acled-aze{10_000 + gathered}").Fatalities!.Best);
        Assert.Equal(2, Load<Event>(db, $"acled-aze{10_000 + written}").Fatalities!.Best);
        AssertConsistent(db);
    }

    [Fact]
    public void Past_the_row_where_the_store_stops_looking_up_every_key_duplicates_and_taken_ids_are_still_found()
    {
        // From SqliteStore.EventImport.FilterFrom rows on, the store asks itself only about keys and ids its filter cannot
        // rule out: each of these must still be caught, whether it was in the store before the import (a key, an id)
        // or written by the import before or after the filter was made.
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var earlier = AcledRow("AZE90000", "2021-03-01");
        Assert.Equal(0, Import(db, "acled", Write(folder, "earlier.csv", Acled(earlier))).ExitCode);
        var count = SqliteStore.EventImport.FilterFrom + 3_000;
        var rows = Enumerable.Range(0, count).Select(i => AcledRow($"AZE{100_000 + i}", "2021-03-02")).ToList();
        var at = SqliteStore.EventImport.FilterFrom + 100;
        rows[at] = rows[10].With(("fatalities", "7"));                       // written long before the filter was made
        rows[at + 2_000] = rows[at + 100].With(("fatalities", "8"));         // written after it (and some thousand rows before)
        rows[at + 300] = earlier.With(("event_id_cnty", "aze90000"));        // an id an event had before the import
        rows[at + 400] = earlier;                                            // a key the store had before, unchanged
        rows[at + 500] = earlier.With(("fatalities", "9"));                  // and again: now a duplicate in the file
        var file = Write(folder, "long.csv", Acled([.. rows]));

        var result = Import(db, "acled", file, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains((count - 5).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " created, 0 updated, 0 linked to another dataset's event, 1 unchanged, 4 rejected", result.Out, StringComparison.Ordinal);
        var reasons = CsvRows(file + ".rejects.csv").Skip(1).Select(r => r[^1]).ToList();
        Assert.Equal(
            [
                $"{file}:{at + 2}:1: acled:AZE100010 appears a second time in this import: a dataset row's id must be unique",
                $"{file}:{at + 302}:1: 'acled-aze90000', the id acled:aze90000 would get, is taken by an event",
                $"{file}:{at + 502}:1: acled:AZE90000 appears a second time in this import: a dataset row's id must be unique",
                $"{file}:{at + 2_002}:1: acled:AZE{100_000 + at + 100} appears a second time in this import: a dataset row's id must be unique",
            ],
            reasons);
        Assert.Equal(2, Load<Event>(db, "acled-aze100010").Fatalities!.Best);
        AssertConsistent(db);
    }

    [Fact]
    public void The_same_plover_file_twice_changes_nothing_and_an_edited_line_updates()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var lines = new[] { PloverMappingTests.Line("pl-1"), PloverMappingTests.Line("pl-2") };
        var file = Write(folder, "p.jsonl", string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n");
        Assert.Equal(0, Import(db, "plover", file).ExitCode);
        var after = Contents(db);

        var again = Import(db, "plover", file);
        Assert.Contains("0 created, 0 updated, 0 linked to another dataset's event, 2 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(after, Contents(db));

        lines[1]["event_text"] = "Shelling resumed.";
        var edited = Import(db, "plover", Write(folder, "p.jsonl", string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n"));
        Assert.Contains("0 created, 1 updated", edited.Out, StringComparison.Ordinal);
        Assert.Equal("Shelling resumed.", Load<Event>(db, "plover-pl-2").Summary);
    }

    /// <summary>The store written out with <c>pacta export pacta</c>: every file's name and bytes.</summary>
    internal static List<string> PactaExport(string db, string folder)
    {
        var result = Pacta.Tests.Cli.Pacta.Run("export", "pacta", folder, "--db", db);
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + " " + File.ReadAllText(f))];
    }

    internal static List<IReadOnlyList<string>> CsvRows(string path)
    {
        var reader = Pacta.Imports.CsvRecords.Open(File.OpenRead(path));
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Next() is { } record)
        {
            Assert.Null(record.Problem);
            rows.Add(record.Fields);
        }
        return rows;
    }
}
