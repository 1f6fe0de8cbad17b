namespace Pacta.Model;

/// <summary>What every stored record has: an id, a kind, the sources it rests on, an editor's note, and references to other records.</summary>
public interface IRecord
{
    RecordId Id { get; }

    RecordKind Kind { get; }

    IReadOnlyList<RecordId> Sources { get; }

    string? Note { get; }

    /// <summary>Whether the whole record is restricted: kept from every reader without the permission to read restricted data.</summary>
    bool Restricted { get; }

    /// <summary>The top-level properties (their JSON names) kept from readers without that permission; null when none.</summary>
    IReadOnlyList<string>? RestrictedFields { get; }

    /// <summary>Every id this record names, with where (a path inside the record) and what kind it must be.</summary>
    IEnumerable<Reference> References();
}

/// <summary>
/// One id named inside a record. <see cref="Path"/> locates it in the record's JSON or YAML form
/// (<c>provisions[2].obligations[0].bearers[1]</c>) so a dangling reference can be reported where it is written.
/// </summary>
public sealed record Reference(string Path, RecordId Target, IReadOnlyList<RecordKind> Expected)
{
    public static IEnumerable<Reference> Each(string path, IReadOnlyList<RecordId> targets, params RecordKind[] expected) =>
        targets.Select((target, i) => new Reference($"{path}[{i}]", target, expected));

    public static IEnumerable<Reference> One(string path, RecordId? target, params RecordKind[] expected) =>
        target is null ? [] : [new Reference(path, target, expected)];

    public static IEnumerable<Reference> SourcesOf(IRecord record) => Each("sources", record.Sources, RecordKind.Source);
}
