using System.Runtime.CompilerServices;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Makes <c>fixtures/schema-v1.db</c>: a store written by the version-1 schema, with records of several kinds,
/// and an update in its history. The committed file is the point: it stands for stores that exist. Its test checks
/// that the file still holds what this generator writes; to remake the file, run that test with
/// <c>PACTA_REGENERATE_FIXTURES=1</c>.
/// </summary>
public class SchemaV1Fixture
{
    public static readonly DateTimeOffset WrittenAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The records in the fixture; <see cref="Samples.Editors"/> was renamed by a second write.</summary>
    public static IReadOnlyList<IRecord> Records { get; } =
        [Dataset, StatementText, Armenia, Azerbaijan, Russia, Editors, KhankendiStepanakert, ShushaShushi, Triangle, Statement, Signing, CeasefireHeld];

    public static Actor RenamedEditors { get; } = new(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id]);

    [Fact]
    public void The_committed_file_holds_what_the_generator_writes()
    {
        if (Environment.GetEnvironmentVariable("PACTA_REGENERATE_FIXTURES") == "1")
            Write(Path.Combine(SourceFolder(), "..", "fixtures", "schema-v1.db"));

        var folder = Directory.CreateTempSubdirectory("pacta-fixture-").FullName;
        try
        {
            var committed = Path.Combine(folder, "committed.db");
            var fresh = Path.Combine(folder, "fresh.db");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "schema-v1.db"), committed);
            Write(fresh);
            using var a = SqliteStore.OpenAtVersion(committed, 1, new FixedClock(WrittenAt));
            using var b = SqliteStore.OpenAtVersion(fresh, 1, new FixedClock(WrittenAt));
            Assert.Equal(1, a.SchemaVersion);
            foreach (var kind in Enum.GetValues<RecordKind>().Where(k => k != RecordKind.Obligation))
                Assert.Equal(a.All(kind).Select(r => Pacta.Json.PactaJson.Serialize((object)r)), b.All(kind).Select(r => Pacta.Json.PactaJson.Serialize((object)r)));
            Assert.Equal(a.Changes().Select(c => (c.RecordId, c.Operation, c.RecordedAt, c.Before, c.After)),
                b.Changes().Select(c => (c.RecordId, c.Operation, c.RecordedAt, c.Before, c.After)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void Write(string path)
    {
        File.Delete(path);
        var clock = new FixedClock(WrittenAt);
        using var store = SqliteStore.OpenAtVersion(path, 1, clock);
        store.Write(Records, new ChangeContext("fixture", "pacta import", "schema version 1 fixture"));
        clock.Advance(TimeSpan.FromDays(1));
        store.Write([RenamedEditors], new ChangeContext("fixture", "pacta edit"));
    }

    private static string SourceFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
