using System.Runtime.CompilerServices;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Makes <c>fixtures/schema-v1.db</c>: a store written by the version-1 schema, with records of several kinds,
/// and an update in its history. Run it by hand only to remake the file (the committed file is the
/// point: it stands for stores that exist):
/// <c>dotnet test -- --filter-method "*SchemaV1Fixture*" --explicit only</c>.
/// </summary>
public class SchemaV1Fixture
{
    public static readonly DateTimeOffset WrittenAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The records in the fixture; <see cref="Samples.Editors"/> was renamed by a second write.</summary>
    public static IReadOnlyList<IRecord> Records { get; } =
        [Dataset, StatementText, Armenia, Azerbaijan, Russia, Editors, KhankendiStepanakert, ShushaShushi, Triangle, Statement, Signing, CeasefireHeld];

    public static Actor RenamedEditors { get; } = new(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id]);

    [Fact(Explicit = true)]
    public void Regenerate() => Write(Path.Combine(SourceFolder(), "..", "fixtures", "schema-v1.db"));

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
