using Pacta.Model;

namespace Pacta.Store;

/// <summary>Who makes a change, through which command, and why: kept with every change the write records.</summary>
public sealed record ChangeContext(string Author, string Command, string? Reason = null)
{
    public string Author { get; } = string.IsNullOrWhiteSpace(Author)
        ? throw new ArgumentException("a change needs an author", nameof(Author))
        : Author.Trim();

    public string Command { get; } = string.IsNullOrWhiteSpace(Command)
        ? throw new ArgumentException("a change needs the command that made it", nameof(Command))
        : Command.Trim();

    public string? Reason { get; } = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
}

/// <summary>What a write or a delete did, record by record.</summary>
public sealed record WriteSummary(int Created, int Updated, int Unchanged, int Deleted);

public enum ChangeOperation { Created, Updated, Deleted }

/// <summary>
/// One change to one record, as the store recorded it. <see cref="Before"/> and <see cref="After"/> are the
/// record's canonical JSON (null before a creation and after a deletion). <see cref="RecordedAt"/> is when
/// the store learned of it, not when anything in the record happened. <see cref="Hash"/> is the change's link in the
/// log's hash chain (<see cref="AuditChain"/>), in lower-case hex; null in a store older than the chain (schema 6).
/// </summary>
public sealed record Change(
    long Sequence,
    DateTimeOffset RecordedAt,
    string Author,
    string Command,
    string? Reason,
    RecordId RecordId,
    RecordKind Kind,
    ChangeOperation Operation,
    string? Before,
    string? After,
    string? Hash = null);
