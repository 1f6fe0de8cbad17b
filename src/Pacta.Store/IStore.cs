using Pacta.Imports;
using Pacta.Model;
using Pacta.Store.Accounts;

namespace Pacta.Store;

/// <summary>
/// A Pacta store, whichever database holds it: a SQLite file (<see cref="SqliteStore"/>) or a PostgreSQL + PostGIS
/// database (<see cref="Postgres.PostgresStore"/>). Both keep the same records, history, derived indexes and accounts,
/// and answer every call the same way; <see cref="Stores.Open"/> picks one by the location it is given.
/// Safe to share between threads.
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>Where the store is, for messages: a file's full path, or a server and database (never a password).</summary>
    string Location { get; }

    int SchemaVersion { get; }

    /// <summary>The record with this id, of any kind; null when there is none (an obligation id included: see <see cref="FindObligation"/>).</summary>
    IRecord? Find(RecordId id);

    /// <summary>The kind of whatever has this id, obligations included; null when nothing has it.</summary>
    RecordKind? KindOf(RecordId id);

    ObligationInContext? FindObligation(RecordId id);

    /// <summary>Every record of type <typeparamref name="T"/>, ordered by id.</summary>
    IReadOnlyList<T> All<T>() where T : IRecord;

    /// <summary>Every record of a kind, ordered by id. Obligations are not records of their own: read them from documents.</summary>
    IReadOnlyList<IRecord> All(RecordKind kind);

    /// <summary>Every record that carries a restriction marking, ordered by id (few: the store keeps them in a table of their own).</summary>
    IReadOnlyList<RestrictedRecord> Restricted();

    /// <summary>How many of each kind the store holds, obligations included; every kind is listed, with zero when there are none.</summary>
    IReadOnlyDictionary<RecordKind, int> Counts();

    /// <summary>Every change to the record, oldest first.</summary>
    IReadOnlyList<Change> History(RecordId id);

    /// <summary>The changes recorded after <paramref name="afterSequence"/>, oldest first: for following the store page by page.</summary>
    IReadOnlyList<Change> Changes(long afterSequence = 0, int limit = 1000);

    /// <summary>The change log's last entry: its number, its hash and how many changes the log holds (see <see cref="AuditChain"/>).</summary>
    AuditHead AuditHead();

    /// <summary>Recomputes the change log's hash chain from the first change and checks each record against its last change.</summary>
    /// <param name="expectedHead">A head hash exported earlier (<see cref="AuditHead"/>), which must still be in the log.</param>
    /// <param name="progress">Called with the number of changes checked so far, every few thousand.</param>
    AuditReport VerifyAudit(byte[]? expectedHead = null, Action<long>? progress = null);

    /// <summary>Writes records in one transaction (see <see cref="SqliteStore.Write"/>): all of them, or nothing.</summary>
    /// <exception cref="StoreException">A reference does not resolve, an id is taken by another kind, or an obligation a record cites was dropped.</exception>
    WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings = null);

    /// <summary>
    /// Writes one record only if the store still holds the version the writer read (0: the record must not exist yet);
    /// the check and the write are one transaction, so of two writers who read one version, one wins.
    /// </summary>
    /// <returns>The record as stored after the write, with its version.</returns>
    /// <exception cref="VersionConflictException">The stored version is not the expected one.</exception>
    VersionedRecord Write(IRecord record, ChangeContext context, long expectedVersion);

    /// <summary>The record with its version (1 when created, one more at each change), when it last changed and by whom; null when there is none.</summary>
    VersionedRecord? FindVersioned(RecordId id);

    /// <summary>Deletes records in one transaction; refuses (deleting nothing) while another record still cites one of them.</summary>
    WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context);

    /// <summary>A store-wide setting (such as the description of the dataset last imported), or null.</summary>
    string? GetSetting(string key);

    /// <summary>Events matching the filter, ordered by start then id (newest first if asked), a page at a time.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not made by this store's paging.</exception>
    EventPage QueryEvents(EventFilter filter, int limit = 100, string? cursor = null, bool newestFirst = false);

    /// <summary>How many events match the filter.</summary>
    int CountEvents(EventFilter filter);

    /// <summary>Events counted by grid cell of <paramref name="cellDegrees"/>; an event without a point counts at the centre of its place's extent.</summary>
    IReadOnlyList<GridCell> EventGrid(EventFilter filter, double cellDegrees);

    /// <summary>Events matching the filter counted per day, week or month of their first possible day, oldest first.</summary>
    IReadOnlyList<EventCount> CountEventsBy(EventFilter filter, EventPeriod period);

    /// <summary>Places with a name that contains the query, compared folded: exact matches first, then prefixes, then the rest.</summary>
    IReadOnlyList<Place> FindPlaces(string query);

    /// <summary>The places whose geometry intersects the box, ordered by id.</summary>
    IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat);

    /// <summary>Starts writing events imported from a dataset, keyed by each row's own id; the import holds the store's writes until disposed.</summary>
    IEventImport BeginEventImport(ChangeContext context, EventMatching? matching, bool batched);

    /// <summary>
    /// Keeps a contribution as a draft, apart from the records, for a reviewer other than its author to publish. The store
    /// must still hold <paramref name="baseVersion"/> of the record (0: it must not exist), checked in the same transaction.
    /// </summary>
    /// <exception cref="VersionConflictException">The record is not at <paramref name="baseVersion"/>; no draft was kept.</exception>
    Draft AddDraft(IRecord record, long baseVersion, string author);

    /// <summary>The draft with this number, in any state; null when there is none.</summary>
    Draft? FindDraft(long number);

    /// <summary>The drafts in a state (every state when null), of one author (everyone's when null), oldest first.</summary>
    IReadOnlyList<Draft> Drafts(DraftState? state = null, string? author = null);

    /// <summary>
    /// Publishes a pending draft: writes its record with the draft's base version expected, and marks the draft published,
    /// in one transaction. The change's author is the draft's author; its reason names the draft and the reviewer.
    /// </summary>
    /// <exception cref="DraftException">No such draft, one decided already, or the reviewer is its author.</exception>
    /// <exception cref="VersionConflictException">The record changed since the draft was made: nothing was written.</exception>
    /// <exception cref="StoreException">The record no longer fits the store (a reference it names was removed).</exception>
    PublishedDraft PublishDraft(long number, string reviewer, string command);

    /// <summary>Rejects a pending draft, with a reason for its author; nothing else changes.</summary>
    /// <exception cref="DraftException">No such draft, one decided already, the reviewer is its author, or no reason.</exception>
    Draft RejectDraft(long number, string reviewer, string reason);

    /// <summary>Its author takes back a pending draft; nothing else changes.</summary>
    /// <exception cref="DraftException">No such draft, one decided already, or the user is not its author.</exception>
    Draft WithdrawDraft(long number, string author);

    User AddUser(string name, Role role, string password, ChangeContext context);

    IReadOnlyList<User> Users();

    User? FindUser(string name);

    bool SetRole(string name, Role role, ChangeContext context);

    bool DisableUser(string name, ChangeContext context);

    NewApiToken AddToken(string userName, DateTimeOffset? expiresAt, ChangeContext context);

    IReadOnlyList<ApiToken> Tokens(string? userName = null);

    bool RevokeToken(long id, ChangeContext context);

    IReadOnlyList<AccountEvent> AccountEvents(string? userName = null);

    User? CheckPassword(string name, string password);

    TokenCheck CheckToken(string? secret, DateTimeOffset now);
}

/// <summary>
/// One import of dataset rows into a store (<see cref="IStore.BeginEventImport"/>). Batched, <see cref="Checkpoint"/>
/// commits what has been written so far; else everything is written in one transaction at <see cref="Complete"/>, and
/// disposing before then writes nothing.
/// </summary>
public interface IEventImport : IDisposable
{
    /// <summary>
    /// How many rows this store would rather take in one <see cref="Put"/>: a PostgreSQL store pays its round trips per
    /// call, so it wants thousands; a SQLite file gains nothing from more than a few dozen, and each row held costs memory.
    /// </summary>
    int RowsPerPut { get; }

    /// <summary>
    /// A row's event made ready for this store (its canonical JSON, its hash, and whatever else the store would rather
    /// not work out on the thread that writes): safe to call on any thread, such as the one reading the file.
    /// </summary>
    ReadyEvent Ready(Event row);

    /// <summary>Writes a batch of rows' events in order; returns what became of each row.</summary>
    IReadOnlyList<ImportOutcome> Put(IReadOnlyList<ReadyEvent> rows);

    /// <summary>Writes a record the rows need unless a record has its id; true when it was written.</summary>
    bool Ensure(IRecord record);

    /// <summary>Applies a dataset's deletion of a row; false when no event has the key.</summary>
    bool Remove(EventDataset dataset, string key);

    void Checkpoint();

    void Complete();
}
