using Pacta.Datasets;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Restrictions;
using Pacta.Store.Accounts;

namespace Pacta.Store;

/// <summary>A write that needs the permission to mark records restricted (or to see them) by a writer without it; nothing was written.</summary>
public sealed class RestrictedWriteException(string message) : Exception(message)
{
    public RestrictedWriteException()
        : this("this write needs the permission to mark restricted data")
    {
    }

    public RestrictedWriteException(string message, Exception innerException)
        : this(message + ": " + innerException?.Message)
    {
    }
}

/// <summary>
/// A write that holds <see cref="Restriction.Placeholder"/> where the record as stored cites no record hidden from the
/// writer (<see cref="Redaction.Restore"/>): each such place in <see cref="Problems"/>, none naming a hidden id; nothing was written.
/// </summary>
public sealed class PlaceholderWriteException : Exception
{
    public PlaceholderWriteException()
        : this([])
    {
    }

    public PlaceholderWriteException(string message)
        : base(message)
    {
    }

    public PlaceholderWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlaceholderWriteException(IReadOnlyList<InputProblem> problems)
        : base($"'{Restriction.Placeholder}' stands for a record hidden from the writer, and may stay only where the record as stored cites one")
    {
        Problems = problems;
    }

    public IReadOnlyList<InputProblem> Problems { get; } = [];
}

/// <summary>
/// A store as one audience may read it: the one narrow point every read of the server, and every export, report and
/// listing of the command, passes through (docs/accounts.md, "Restricted data"). A record marked restricted is absent
/// (Find gives null, lists and counts leave it out, its history is empty); a restricted field is cleared; a citation of
/// a hidden record reads <see cref="Restriction.Placeholder"/>. Event queries leave out unlisted events in SQL
/// (<see cref="EventFilter.WithoutRestricted"/>), so pages, cursors and counts stay exact. Writes by someone without
/// <see cref="Permission.MarkRestricted"/> may not set or lift a marking, and keep the stored values of restricted fields
/// they could not see; a writer who cannot see hidden records keeps the citations of them that read as the placeholder
/// (<see cref="Redaction.Restore"/>). Users and tokens pass through unchanged.
/// </summary>
/// <param name="who">Who reads and whether they may mark, asked at the first read or write (a request's user is known by then).</param>
public sealed class AudienceStore(IStore inner, Func<(Audience Audience, bool MayMark)> who) : IStore
{
    private (Audience Audience, bool MayMark)? asked;
    private Known? known;

    public AudienceStore(IStore inner, Audience audience, bool mayMark = false)
        : this(inner, () => (audience, mayMark))
    {
    }

    /// <summary>The store this view reads.</summary>
    public IStore Inner { get; } = inner;

    public Audience Audience => Who.Audience;

    private (Audience Audience, bool MayMark) Who => asked ??= who();

    /// <summary>What is marked in the store, read once per view (a request, a command).</summary>
    private sealed record Known(IReadOnlyList<RestrictedRecord> Marked, Redaction Redaction, bool AnyUnlisted);

    private Known Marks => known ??= Read();

    private Known Read()
    {
        var marked = Inner.Restricted();
        var hidden = marked.Where(m => m.Whole).Select(m => m.Id).ToHashSet();
        // A hidden document's obligations are hidden with it: an assessment citing one cites the placeholder.
        foreach (var document in marked.Where(m => m.Whole && m.Kind == RecordKind.Document))
        {
            if (Inner.Find(document.Id) is Document found) hidden.UnionWith(found.Obligations.Select(o => o.Id));
        }
        return new Known(marked, new Redaction(Audience, hidden), marked.Any(m => m.Unlisted && m.Kind == RecordKind.Event));
    }

    /// <summary>Whether this audience sees everything as stored: no redaction to apply.</summary>
    private bool SeesAll => Audience.ReadsRestricted || Marks.Marked.Count == 0;

    /// <summary>How many records (whole) and fields this audience is kept from: for the command's note on stderr.</summary>
    public (int Records, int Fields) LeftOut()
    {
        if (Audience.ReadsRestricted) return (0, 0);
        var records = Marks.Marked.Count(m => m.Whole);
        var fields = Marks.Marked.Where(m => !m.Whole).Sum(m => Inner.Find(m.Id)?.RestrictedFields?.Count ?? 0);
        return (records, fields);
    }

    public string Location => Inner.Location;

    public int SchemaVersion => Inner.SchemaVersion;

    public IRecord? Find(RecordId id)
    {
        if (SeesAll) return Inner.Find(id);
        return id == Restriction.Placeholder || Marks.Redaction.IsHidden(id) ? null : Marks.Redaction.Apply(Inner.Find(id));
    }

    public RecordKind? KindOf(RecordId id) =>
        !SeesAll && (id == Restriction.Placeholder || Marks.Redaction.IsHidden(id)) ? null : Inner.KindOf(id);

    public ObligationInContext? FindObligation(RecordId id)
    {
        var found = Inner.FindObligation(id);
        if (found is null || SeesAll) return found;
        if (Marks.Redaction.Apply(found.Document) is not { } document) return null;
        var provision = document.Provisions.FirstOrDefault(p => p.EId == found.Provision.EId);
        var obligation = provision?.Obligations.FirstOrDefault(o => o.Id == id);
        return provision is null || obligation is null ? null : new ObligationInContext(document, provision, obligation);
    }

    public IReadOnlyList<T> All<T>() where T : IRecord =>
        SeesAll ? Inner.All<T>() : Inner.All<T>().Select(r => (T?)(object?)Marks.Redaction.Apply((IRecord)r)).OfType<T>().ToList();

    public IReadOnlyList<IRecord> All(RecordKind kind) =>
        SeesAll ? Inner.All(kind) : Inner.All(kind).Select(Marks.Redaction.Apply).OfType<IRecord>().ToList();

    public IReadOnlyList<RestrictedRecord> Restricted() => Audience.ReadsRestricted ? Inner.Restricted() : [];

    public IReadOnlyDictionary<RecordKind, int> Counts()
    {
        var counts = Inner.Counts();
        if (SeesAll) return counts;
        var less = counts.ToDictionary(c => c.Key, c => c.Value);
        foreach (var hidden in Marks.Marked.Where(m => m.Whole))
        {
            less[hidden.Kind]--;
            if (hidden.Kind == RecordKind.Document && Inner.Find(hidden.Id) is Document document) less[RecordKind.Obligation] -= document.Obligations.Count();
        }
        return less;
    }

    public IReadOnlyList<Change> History(RecordId id)
    {
        if (SeesAll) return Inner.History(id);
        if (id == Restriction.Placeholder || Marks.Redaction.IsHidden(id)) return [];
        var holder = Inner.FindObligation(id)?.Document.Id ?? id;
        if (Marks.Redaction.IsHidden(holder)) return [];
        return Redacted(Inner.History(id), new Dictionary<RecordId, IRecord?>());
    }

    public IReadOnlyList<Change> Changes(long afterSequence = 0, int limit = 1000)
    {
        if (SeesAll) return Inner.Changes(afterSequence, limit);
        var kept = new List<Change>();
        var current = new Dictionary<RecordId, IRecord?>();
        while (kept.Count < limit)
        {
            var page = Inner.Changes(afterSequence, limit);
            kept.AddRange(Redacted(page, current));
            if (page.Count < limit) break;
            afterSequence = page[^1].Sequence;
        }
        return kept.Take(limit).ToList();
    }

    /// <summary>
    /// Changes as this audience may see them: none of a record hidden now, nor one whose every version shown here was
    /// restricted then; bodies redacted by their own marking and the record's now. A redacted change loses its hash,
    /// which a reader could test guesses of the cleared values against.
    /// </summary>
    private List<Change> Redacted(IReadOnlyList<Change> changes, Dictionary<RecordId, IRecord?> current)
    {
        var kept = new List<Change>();
        foreach (var change in changes)
        {
            if (Marks.Redaction.IsHidden(change.RecordId)) continue;
            if (!current.TryGetValue(change.RecordId, out var now)) current[change.RecordId] = now = Inner.Find(change.RecordId);
            var type = RecordInput.TypeOf(change.Kind);
            var before = Marks.Redaction.ApplyToBody(change.Before, type, now);
            var after = Marks.Redaction.ApplyToBody(change.After, type, now);
            if (before is null && after is null) continue;
            kept.Add(before == change.Before && after == change.After ? change : change with { Before = before, After = after, Hash = null });
        }
        return kept;
    }

    public AuditHead AuditHead() => Inner.AuditHead();

    public AuditReport VerifyAudit(byte[]? expectedHead = null, Action<long>? progress = null) => Inner.VerifyAudit(expectedHead, progress);

    public WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings = null) =>
        Inner.Write(records.Select(Checked).ToList(), context, settings);

    public VersionedRecord Write(IRecord record, ChangeContext context, long expectedVersion)
    {
        VersionedRecord written;
        try
        {
            written = Inner.Write(Checked(record), context, expectedVersion);
        }
        catch (VersionConflictException e) when (!SeesAll && e.Current is { } current)
        {
            // The record as stored now goes back to the writer: only as they may see it.
            throw Readable(current.Record) is { } readable
                ? new VersionConflictException(record.Id, e.ExpectedVersion, current with { Record = readable })
                : new RestrictedWriteException($"'{record.Id}' holds restricted data: writing it needs the {Permission.MarkRestricted.Text()} permission (reviewer or admin)");
        }
        return written with { Record = Readable(written.Record) ?? written.Record };
    }

    /// <summary>
    /// The record to write for this writer: as given when they may mark and it holds no placeholder. Otherwise refused if it sets
    /// or lifts a marking or replaces a record they cannot see; then with what they could not see kept as stored: each
    /// placeholder put back to the hidden record the stored version cites there (refused where it cites none), and the
    /// restricted fields with their stored values, whole (so a placeholder inside one is dropped with what was sent there).
    /// </summary>
    private IRecord Checked(IRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var placeholders = record.References().Any(r => r.Target == Restriction.Placeholder);
        if (Who.MayMark && !placeholders) return record;
        var stored = Inner.Find(record.Id);
        if (!Who.MayMark)
        {
            if (stored is not null && stored.Restricted)
                throw new RestrictedWriteException($"'{record.Id}' holds restricted data: writing it needs the {Permission.MarkRestricted.Text()} permission (reviewer or admin)");
            if (!Restriction.SameMarking(stored, record))
                throw new RestrictedWriteException($"setting or lifting a restriction on '{record.Id}' needs the {Permission.MarkRestricted.Text()} permission (reviewer or admin)");
        }
        if (placeholders)
        {
            record = Marks.Redaction.Restore(record, stored, out var problems);
            if (problems.Count > 0) throw new PlaceholderWriteException(problems);
        }
        if (Who.MayMark || stored?.RestrictedFields is not { Count: > 0 } fields || Audience.ReadsRestricted) return record;
        var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(record, record.GetType(), Json.PactaJson.Options)!;
        var kept = (System.Text.Json.Nodes.JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(stored, stored.GetType(), Json.PactaJson.Options)!;
        foreach (var field in fields)
        {
            json.Remove(field);
            if (kept[field] is { } value) json[field] = value.DeepClone();
        }
        return (IRecord)System.Text.Json.JsonSerializer.Deserialize(json, record.GetType(), Json.PactaJson.Options)!;
    }

    private IRecord? Readable(IRecord record) => SeesAll ? record : Marks.Redaction.Apply(record);

    /// <summary>
    /// A draft goes in checked as a write by this writer (no marking set or lifted; restricted fields keep their stored
    /// values), and every draft comes out as this audience may read its record: one of a hidden record is not there, and
    /// its body is written again from the redacted record, so a diff cannot show what the reader may not see.
    /// </summary>
    public Draft AddDraft(IRecord record, long baseVersion, string author) => ReadableDraft(Inner.AddDraft(Checked(record), baseVersion, author)) ?? throw new RestrictedWriteException();

    public Draft? FindDraft(long number) => Inner.FindDraft(number) is { } draft ? ReadableDraft(draft) : null;

    public IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null) =>
        SeesAll ? Inner.Drafts(state, author) : Inner.Drafts(state, author).Select(ReadableDraft).OfType<Draft>().ToList();

    public PublishedDraft PublishDraft(long number, string reviewer, string command)
    {
        RequireReadable(number);
        var published = Inner.PublishDraft(number, reviewer, command);
        return new PublishedDraft(ReadableDraft(published.Draft)!, published.Record with { Record = Readable(published.Record.Record) ?? published.Record.Record });
    }

    public Draft RejectDraft(long number, string reviewer, string reason)
    {
        RequireReadable(number);
        return ReadableDraft(Inner.RejectDraft(number, reviewer, reason))!;
    }

    public Draft WithdrawDraft(long number, string author)
    {
        RequireReadable(number);
        return ReadableDraft(Inner.WithdrawDraft(number, author))!;
    }

    /// <summary>Refuses to decide a draft this audience may not read, as if there were none.</summary>
    private void RequireReadable(long number)
    {
        if (!SeesAll && FindDraft(number) is null) throw new DraftException(DraftRefusal.NotFound, $"there is no draft {number}");
    }

    private Draft? ReadableDraft(Draft draft)
    {
        if (SeesAll) return draft;
        return Marks.Redaction.IsHidden(draft.RecordId) || Marks.Redaction.Apply(draft.Record) is not { } record
            ? null
            : draft with { Record = record, Body = CanonicalJson.Serialize(record) };
    }

    public VersionedRecord? FindVersioned(RecordId id)
    {
        var found = Inner.FindVersioned(id);
        if (found is null || SeesAll) return found;
        return Marks.Redaction.IsHidden(id) || Marks.Redaction.Apply(found.Record) is not { } record ? null : found with { Record = record };
    }

    public WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (!Who.MayMark && ids.FirstOrDefault(id => Inner.Find(id)?.IsMarked() == true) is { } marked)
            throw new RestrictedWriteException($"'{marked}' holds restricted data: deleting it needs the {Permission.MarkRestricted.Text()} permission (reviewer or admin)");
        return Inner.Delete(ids, context);
    }

    public string? GetSetting(string key) => Inner.GetSetting(key);

    /// <summary>The filter as this audience may run it: without unlisted events when it may not see them and there are some.</summary>
    private EventFilter ForAudience(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return SeesAll || !Marks.AnyUnlisted ? filter : filter with { WithoutRestricted = true };
    }

    public EventPage QueryEvents(EventFilter filter, int limit = 100, string? cursor = null, bool newestFirst = false)
    {
        var page = Inner.QueryEvents(ForAudience(filter), limit, cursor, newestFirst);
        return SeesAll ? page : page with { Events = page.Events.Select(Marks.Redaction.Apply).OfType<Event>().ToList() };
    }

    public int CountEvents(EventFilter filter) => Inner.CountEvents(ForAudience(filter));

    public IReadOnlyList<GridCell> EventGrid(EventFilter filter, double cellDegrees) => Inner.EventGrid(ForAudience(filter), cellDegrees);

    public IReadOnlyList<EventCount> CountEventsBy(EventFilter filter, EventPeriod period) => Inner.CountEventsBy(ForAudience(filter), period);

    public IReadOnlyList<Place> FindPlaces(string query) =>
        SeesAll ? Inner.FindPlaces(query) : Inner.FindPlaces(query).Select(Marks.Redaction.Apply).OfType<Place>().ToList();

    public IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat)
    {
        var ids = Inner.PlacesIntersecting(minLon, minLat, maxLon, maxLat);
        if (SeesAll) return ids;
        var marked = Marks.Marked.Select(m => m.Id).ToHashSet();
        // A place whose geometry is restricted must not be found by where it lies.
        return ids.Where(id => !marked.Contains(id) || Find(id) is Place { Geometry: not null }).ToList();
    }

    public IEventImport BeginEventImport(ChangeContext context, EventMatching? matching, bool batched) => Inner.BeginEventImport(context, matching, batched);

    public User AddUser(string name, Role role, string password, ChangeContext context) => Inner.AddUser(name, role, password, context);

    public IReadOnlyList<User> Users() => Inner.Users();

    public User? FindUser(string name) => Inner.FindUser(name);

    public bool SetRole(string name, Role role, ChangeContext context) => Inner.SetRole(name, role, context);

    public bool DisableUser(string name, ChangeContext context) => Inner.DisableUser(name, context);

    public NewApiToken AddToken(string userName, DateTimeOffset? expiresAt, ChangeContext context) => Inner.AddToken(userName, expiresAt, context);

    public IReadOnlyList<ApiToken> Tokens(string? userName = null) => Inner.Tokens(userName);

    public bool RevokeToken(long id, ChangeContext context) => Inner.RevokeToken(id, context);

    public IReadOnlyList<AccountEvent> AccountEvents(string? userName = null) => Inner.AccountEvents(userName);

    public User? CheckPassword(string name, string password) => Inner.CheckPassword(name, password);

    public TokenCheck CheckToken(string? secret, DateTimeOffset now) => Inner.CheckToken(secret, now);

    /// <summary>Whether disposing the view closes the store it reads (a command's own view); by default it leaves it open.</summary>
    public bool OwnsInner { get; init; }

    public void Dispose()
    {
        if (OwnsInner) Inner.Dispose();
    }
}
