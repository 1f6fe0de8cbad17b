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

/// <summary>
/// Thrown by a draft's trial write once the record has passed every check of a real write, so that the write's transaction
/// rolls back: a draft is refused when it is made for what would refuse its publication then (a reference that resolves to
/// nothing, an id another kind or another document's obligation holds), not only when a reviewer tries.
/// </summary>
internal sealed class TrialWritten : Exception
{
    public TrialWritten()
    {
    }

    public TrialWritten(string message)
        : base(message)
    {
    }

    public TrialWritten(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The checks every backend makes before deciding a draft, so that both refuse the same things with the same words.</summary>
internal static class DraftRules
{
    /// <summary>How the change log names a publication: the draft, its author (the change's author too) and the reviewer.</summary>
    public static string PublicationReason(Draft draft, string reviewer) => $"draft {draft.Number} by {draft.Author}, published by {reviewer}";

    /// <summary>The context of a draft's trial write (<see cref="TrialWritten"/>), which is never committed.</summary>
    public static ChangeContext Trial(string author) => new(author, "draft check");

    public static Draft Found(Draft? draft, long number) =>
        draft ?? throw new DraftException(DraftRefusal.NotFound, $"there is no draft {number}");

    public static void Publishable(Draft draft, string reviewer)
    {
        Undecided(draft);
        if (draft.IsBy(reviewer))
            throw new DraftException(DraftRefusal.OwnDraft, $"draft {draft.Number} is {draft.Author}'s own: a reviewer other than its author publishes it", draft);
    }

    public static void Rejectable(Draft draft, string reviewer, string? reason)
    {
        Undecided(draft);
        if (draft.IsBy(reviewer))
            throw new DraftException(DraftRefusal.OwnDraft, $"draft {draft.Number} is {draft.Author}'s own: withdraw it instead of rejecting it", draft);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DraftException(DraftRefusal.NoReason, "a rejection needs a reason, for the draft's author", draft);
    }

    public static void Withdrawable(Draft draft, string user)
    {
        Undecided(draft);
        if (!draft.IsBy(user))
            throw new DraftException(DraftRefusal.NotAuthor, $"draft {draft.Number} is {draft.Author}'s: only its author withdraws it", draft);
    }

    private static void Undecided(Draft draft)
    {
        if (!draft.Pending)
            throw new DraftException(DraftRefusal.Decided,
                $"draft {draft.Number} was {Text(draft.State)} already{(draft.DecidedBy is { } by ? " by " + by : "")}; nothing was changed", draft);
    }

    public static string Text(DraftState state) => state.ToString().ToLowerInvariant();

    public static DraftState State(string text) => text switch
    {
        "pending" => DraftState.Pending,
        "published" => DraftState.Published,
        "rejected" => DraftState.Rejected,
        "withdrawn" => DraftState.Withdrawn,
        _ => throw new StoreException($"'{text}' is not a state of a draft"),
    };
}
