using Pacta.Model;

namespace Pacta.Store;

/// <summary>Where the <c>after</c> of a change read for verifying came from.</summary>
public enum AfterSource
{
    /// <summary>The change's own row (updates; creations before schema 4).</summary>
    Row,

    /// <summary>A creation's body, read from the <c>before</c> of the record's next change.</summary>
    NextChange,

    /// <summary>A creation's body, read from the record itself (no change has followed it).</summary>
    Record,
}

/// <summary>
/// One change as the log holds it, for verifying: the change as the store reads it (a creation's body put back), the hash
/// stored with it, and where a creation's body was read from (<paramref name="AfterFromSequence"/>: the next change's number).
/// </summary>
public sealed record AuditEntry(Change Change, byte[]? StoredHash, AfterSource AfterFrom = AfterSource.Row, long? AfterFromSequence = null);

/// <summary>What one finding of <c>pacta audit verify</c> says is wrong.</summary>
public enum AuditFault
{
    /// <summary>The entry does not hash to its stored hash: its content was altered, or it was moved.</summary>
    Content,

    /// <summary>Sequence numbers are missing before the entry and its link to the entry before does not hold: rows were deleted.</summary>
    Missing,

    /// <summary>The entry does not chain to the entry before it, whose stored hash is not what it was.</summary>
    Link,

    /// <summary>The stored hash itself was altered: the entry's content and the next entry's link agree with the recomputed one.</summary>
    StoredHash,

    /// <summary>The entry has no hash at all.</summary>
    NoHash,

    /// <summary>The entry cannot be read (a kind, operation, id or instant no store writes).</summary>
    Unreadable,

    /// <summary>A record's body differs from the <c>after</c> of its last change, or the record exists though its last change deleted it.</summary>
    RecordBody,

    /// <summary>A record is gone though its last change did not delete it.</summary>
    RecordMissing,

    /// <summary>A record has no change in the log at all.</summary>
    RecordUnlogged,

    /// <summary>The log ends before the last sequence number the store handed out: its end was cut off.</summary>
    Truncated,

    /// <summary>A head hash exported earlier is nowhere in the log: the log was rewritten from some point on.</summary>
    HeadNotFound,
}

/// <summary>One finding: the entry (sequence number, when there is one) and record it concerns, and what does not match.</summary>
public sealed record AuditBreak(long? Sequence, string? RecordId, AuditFault Fault, string Reason)
{
    public override string ToString() =>
        (Sequence is { } seq ? $"change {seq}" + (RecordId is null ? "" : $" ({RecordId})") : RecordId is null ? "the log" : $"record {RecordId}")
        + ": " + Reason;
}

/// <summary>What verifying the log found: how many changes, the head, and every break, in sequence order (the first is <see cref="First"/>).</summary>
public sealed record AuditReport(long Changes, long HeadSequence, string Head, IReadOnlyList<AuditBreak> Breaks, long BreakCount)
{
    public bool Intact => BreakCount == 0;

    public AuditBreak? First => Breaks.Count == 0 ? null : Breaks[0];
}

/// <summary>The last entry of the change log: its number and hash, and how many changes there are (for exporting the head elsewhere).</summary>
public sealed record AuditHead(long Changes, long Sequence, string Hash);

/// <summary>
/// Walks a change log in sequence order and checks its hash chain, then each record against its last change. Backend
/// neutral: a store feeds it entries (<see cref="Add"/>), records (<see cref="CheckRecord"/>) and what it knows of the
/// numbers it handed out (<see cref="CheckTail"/>). Each entry is checked against the stored hash of the entry before
/// it, so one altered row is named alone and the walk goes on past it.
/// </summary>
public sealed class AuditVerifier
{
    /// <summary>At most this many breaks are kept (all are counted).</summary>
    public const int KeptBreaks = 10_000;

    private readonly List<AuditBreak> breaks = [];
    private readonly byte[]? expectedHead;
    private byte[] previousStored = AuditChain.Genesis.ToArray();
    private long previousSequence;
    private (int Index, byte[] Expected)? brokenBefore;
    private bool headSeen;

    /// <param name="expectedHead">A head hash exported earlier, which must be somewhere in the log.</param>
    public AuditVerifier(byte[]? expectedHead = null) => this.expectedHead = expectedHead;

    public long Changes { get; private set; }

    public long BreakCount { get; private set; }

    /// <summary>The next entry, in sequence order.</summary>
    public void Add(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var change = entry.Change;
        var stored = entry.StoredHash;
        var expected = AuditChain.Next(previousStored, change);
        var previousBroken = brokenBefore;
        brokenBefore = null;
        if (stored is null)
        {
            brokenBefore = (Found(change.Sequence, change.RecordId.Value, AuditFault.NoHash, "has no hash"), expected);
        }
        else if (!expected.AsSpan().SequenceEqual(stored))
        {
            if (previousBroken is { } before && AuditChain.Next(before.Expected, change).AsSpan().SequenceEqual(stored))
            {
                // This entry chains onto what the entry before should hash to: that entry is whole, its stored hash is not.
                if (before.Index >= 0 && before.Index < breaks.Count)
                {
                    var altered = breaks[before.Index];
                    breaks[before.Index] = altered with
                    {
                        Fault = AuditFault.StoredHash,
                        Reason = "its stored hash was altered: its content, and the next change's link, agree with the hash recomputed from the changes before it",
                    };
                }
            }
            else
            {
                var (fault, reason) = Mismatch(entry, previousBroken is not null);
                brokenBefore = (Found(change.Sequence, change.RecordId.Value, fault, reason), expected);
            }
        }
        if (stored is not null && expectedHead is not null && stored.AsSpan().SequenceEqual(expectedHead)) headSeen = true;
        previousStored = stored ?? expected;
        previousSequence = change.Sequence;
        Changes++;
    }

    /// <summary>An entry the store could not read as a change; its stored hash still links the next one.</summary>
    public void Unreadable(long sequence, string? recordId, byte[]? storedHash, string why)
    {
        Found(sequence, recordId, AuditFault.Unreadable, $"cannot be read: {why}");
        brokenBefore = null;
        if (storedHash is not null) previousStored = storedHash;
        previousSequence = sequence;
        Changes++;
    }

    /// <summary>
    /// One record (or record id the log names): its body now (null when there is none), and its last change (number,
    /// operation, and <c>after</c> as the row keeps it: null for a creation that keeps no body, which the chain covers).
    /// </summary>
    public void CheckRecord(string recordId, string? body, long? lastSequence, ChangeOperation? lastOperation, string? lastAfter)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        if (lastSequence is null)
        {
            if (body is not null) Found(null, recordId, AuditFault.RecordUnlogged, "the record has no change in the log: it was written behind the store's back");
            return;
        }
        if (body is null)
        {
            if (lastOperation != ChangeOperation.Deleted)
                Found(lastSequence, recordId, AuditFault.RecordMissing, "the record is gone, but this, its last change, did not delete it: it was deleted behind the store's back");
        }
        else if (lastOperation == ChangeOperation.Deleted)
        {
            Found(lastSequence, recordId, AuditFault.RecordBody, "the record exists, but this, its last change, deleted it: it was put back behind the store's back");
        }
        else if (lastAfter is not null && lastAfter != body)
        {
            Found(lastSequence, recordId, AuditFault.RecordBody, "the record's body differs from the after of this, its last change: it was edited behind the store's back");
        }
    }

    /// <summary>The highest sequence number the store has handed out; higher than the last entry's when the log's end was cut off.</summary>
    public void CheckTail(long lastHandedOut)
    {
        if (lastHandedOut > previousSequence)
        {
            Found(previousSequence + 1, null, AuditFault.Truncated,
                lastHandedOut == previousSequence + 1
                    ? $"the store handed out change {lastHandedOut}, which is missing: the end of the log was cut off"
                    : $"the store handed out changes up to {lastHandedOut}, but the log ends at {previousSequence}: its end was cut off");
        }
    }

    /// <summary>The report: changes, the head (the last stored hash), and the breaks in sequence order.</summary>
    public AuditReport Finish()
    {
        if (expectedHead is not null && !headSeen)
            Found(null, null, AuditFault.HeadNotFound, $"the head {AuditChain.Hex(expectedHead)} exported earlier is nowhere in the log: the log was rewritten from some point on");
        var ordered = breaks.OrderBy(b => b.Sequence ?? long.MaxValue).ToList();
        return new AuditReport(Changes, previousSequence, AuditChain.Hex(previousStored), ordered, BreakCount);
    }

    private (AuditFault, string) Mismatch(AuditEntry entry, bool previousBroken)
    {
        var sequence = entry.Change.Sequence;
        if (sequence != previousSequence + 1)
        {
            var missing = sequence == previousSequence + 2 ? $"change {previousSequence + 1} is" : $"changes {previousSequence + 1} to {sequence - 1} are";
            return (AuditFault.Missing, $"{missing} missing (rows deleted), and this change does not link to the one before it");
        }
        if (previousBroken)
            return (AuditFault.Link, "does not link to the change before it, whose stored hash is not what it was (rows moved or rewritten)");
        return entry.AfterFrom switch
        {
            AfterSource.Record => (AuditFault.Content,
                "does not match its hash: the record's body is not the body this creation wrote (edited behind the store's back), or this change was altered"),
            AfterSource.NextChange => (AuditFault.Content,
                $"does not match its hash: the body it created, which change {entry.AfterFromSequence} keeps as its before, was altered, or this change was"),
            _ => (AuditFault.Content, "does not match its hash: its content was altered, or it was moved here from elsewhere in the log"),
        };
    }

    /// <summary>Counts a break and keeps it while there is room; its index in the kept ones, or −1.</summary>
    private int Found(long? sequence, string? recordId, AuditFault fault, string reason)
    {
        BreakCount++;
        if (breaks.Count >= KeptBreaks) return -1;
        breaks.Add(new AuditBreak(sequence, recordId, fault, reason));
        return breaks.Count - 1;
    }
}
