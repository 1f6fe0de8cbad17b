using Pacta.Model;

namespace Pacta.Store;

/// <summary>Where a draft stands: waiting for a reviewer, or decided one way or another (for good).</summary>
public enum DraftState { Pending, Published, Rejected, Withdrawn }

/// <summary>
/// A contribution kept apart from the records until a reviewer other than its author publishes it: the record as its
/// author wrote it (<see cref="Body"/>, canonical JSON as the store keeps records), and the published version it was made
/// from (<see cref="BaseVersion"/>; 0 for a new record). <see cref="DecidedBy"/>, <see cref="DecidedAt"/> and
/// <see cref="Reason"/> are set once it is decided; a rejection always has a reason.
/// </summary>
public sealed record Draft(
    long Number,
    IRecord Record,
    string Body,
    long BaseVersion,
    string Author,
    DateTimeOffset CreatedAt,
    DraftState State,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Reason = null)
{
    public RecordId RecordId => Record.Id;

    public RecordKind Kind => Record.Kind;

    public bool Pending => State == DraftState.Pending;

    /// <summary>Whether <paramref name="user"/> wrote it (user names compare regardless of case).</summary>
    public bool IsBy(string? user) => string.Equals(Author, user, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A draft published: the draft as decided, and the record as the store holds it now.</summary>
public sealed record PublishedDraft(Draft Draft, VersionedRecord Record);

/// <summary>Why a store refused to do something with a draft.</summary>
public enum DraftRefusal
{
    /// <summary>No draft has that number.</summary>
    NotFound,

    /// <summary>The draft was published, rejected or withdrawn already.</summary>
    Decided,

    /// <summary>Its author asked to publish or reject it: that takes someone else.</summary>
    OwnDraft,

    /// <summary>Someone other than its author asked to withdraw it.</summary>
    NotAuthor,

    /// <summary>A rejection without a reason.</summary>
    NoReason,
}

/// <summary>A draft could not be decided as asked (<see cref="Refusal"/> says why); nothing was written.</summary>
public sealed class DraftException : Exception
{
    public DraftException()
    {
    }

    public DraftException(string message)
        : base(message)
    {
    }

    public DraftException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DraftException(DraftRefusal refusal, string message, Draft? draft = null)
        : base(message)
    {
        Refusal = refusal;
        Draft = draft;
    }

    public DraftRefusal Refusal { get; }

    /// <summary>The draft as it stands (null when there is none).</summary>
    public Draft? Draft { get; }
}
