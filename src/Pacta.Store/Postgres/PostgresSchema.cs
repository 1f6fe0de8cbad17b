namespace Pacta.Store.Postgres;

/// <summary>
/// The tables of a PostgreSQL store, made in one transaction when a database has none. They mirror the SQLite
/// store's: records as canonical JSON text (text, not jsonb, which would reorder keys: a write compares bodies by
/// their text), the change log, and the tables derived from the bodies. Ids sort as bytes (<c>COLLATE "C"</c>), as
/// in SQLite, so pages and lists come in the same order on both. Points and geometries are PostGIS geometries in
/// WGS 84 (SRID 4326) with GiST indexes; instants are ISO 8601 text, as in the SQLite store. The change log's numbers
/// are given by the store under the write lock (not by a sequence, which would burn numbers in rolled-back writes), and
/// each change carries its link of the hash chain (<see cref="AuditChain"/>).
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The tables a store consists of, dropped (<see cref="PostgresStore.Drop"/>) in this order.</summary>
    public static readonly string[] Tables =
    [
        "restricted_record", "draft", "account_event", "api_token", "user_account", "event_origin", "event_actor", "event_index", "place_geometry",
        "place_name", "obligation_bearer", "obligation", "reference", "change", "record", "pacta_meta",
        "event_day",
    ];

    /// <summary>Drafts, kept apart from the records until published (as SQLite's version 7); also added to a store made without them. Declared before <see cref="Create"/>, which takes them in.</summary>
    public static readonly string[] Draft =
    [
        """
        CREATE TABLE draft (
            number bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            record_id text COLLATE "C" NOT NULL,
            kind text NOT NULL,
            body text NOT NULL,
            base_version integer NOT NULL CHECK (base_version >= 0),
            author text NOT NULL,
            created_at text NOT NULL,
            state text NOT NULL CHECK (state IN ('pending', 'published', 'rejected', 'withdrawn')),
            decided_by text,
            decided_at text,
            reason text
        )
        """,
        "CREATE INDEX draft_state ON draft (state, number)",
        "CREATE INDEX draft_author ON draft (lower(author), number)",
    ];

    public static readonly string[] Create =
    [
        "CREATE EXTENSION IF NOT EXISTS postgis",
        "CREATE TABLE pacta_meta (key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL)",
        """
        CREATE TABLE record (
            id text COLLATE "C" PRIMARY KEY,
            kind text NOT NULL,
            body text NOT NULL,
            version integer NOT NULL,
            updated_at text NOT NULL
        )
        """,
        "CREATE INDEX record_kind ON record (kind, id)",
        """
        CREATE TABLE change (
            seq bigint PRIMARY KEY,
            recorded_at text NOT NULL,
            author text NOT NULL,
            command text NOT NULL,
            reason text,
            record_id text COLLATE "C" NOT NULL,
            kind text NOT NULL,
            operation text NOT NULL CHECK (operation IN ('created', 'updated', 'deleted')),
            before text,
            after text,
            hash bytea
        )
        """,
        "CREATE INDEX change_record ON change (record_id, seq)",
        "CREATE TABLE reference (from_id text COLLATE \"C\" NOT NULL, path text COLLATE \"C\" NOT NULL, to_id text COLLATE \"C\" NOT NULL)",
        "CREATE INDEX reference_to ON reference (to_id)",
        "CREATE INDEX reference_from ON reference (from_id)",
        """
        CREATE TABLE obligation (
            id text COLLATE "C" PRIMARY KEY,
            document_id text COLLATE "C" NOT NULL REFERENCES record (id),
            provision_eid text NOT NULL
        )
        """,
        "CREATE INDEX obligation_document ON obligation (document_id)",
        """
        CREATE TABLE obligation_bearer (
            obligation_id text COLLATE "C" NOT NULL REFERENCES obligation (id),
            actor_id text COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX obligation_bearer_obligation ON obligation_bearer (obligation_id)",
        "CREATE INDEX obligation_bearer_actor ON obligation_bearer (actor_id)",
        """
        CREATE TABLE place_name (
            place_id text COLLATE "C" NOT NULL REFERENCES record (id),
            text text NOT NULL,
            folded text NOT NULL,
            lang text
        )
        """,
        "CREATE INDEX place_name_place ON place_name (place_id)",
        """
        CREATE TABLE place_geometry (
            place_id text COLLATE "C" PRIMARY KEY REFERENCES record (id),
            geom geometry(Geometry, 4326) NOT NULL
        )
        """,
        "CREATE INDEX place_geometry_geom ON place_geometry USING gist (geom)",
        """
        CREATE TABLE event_index (
            id text COLLATE "C" PRIMARY KEY REFERENCES record (id),
            first_day integer NOT NULL,
            last_day integer NOT NULL,
            type text COLLATE "C" NOT NULL,
            lon double precision,
            lat double precision,
            geom geometry(Point, 4326),
            place_id text COLLATE "C",
            is_meeting boolean NOT NULL
        )
        """,
        "CREATE INDEX event_index_day ON event_index (first_day, id)",
        "CREATE INDEX event_index_long ON event_index (first_day, last_day) WHERE last_day > first_day",
        "CREATE INDEX event_index_geom ON event_index USING gist (geom)",
        "CREATE INDEX event_index_type ON event_index (type)",
        "CREATE INDEX event_index_place ON event_index (place_id) WHERE place_id IS NOT NULL",
        """
        CREATE TABLE event_actor (
            event_id text COLLATE "C" NOT NULL REFERENCES event_index (id),
            actor_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (event_id, actor_id)
        )
        """,
        "CREATE INDEX event_actor_actor ON event_actor (actor_id, event_id)",
        """
        CREATE TABLE event_origin (
            dataset text NOT NULL,
            key text COLLATE "C" NOT NULL,
            event_id text COLLATE "C" NOT NULL REFERENCES record (id),
            digest text NOT NULL,
            run bigint NOT NULL,
            PRIMARY KEY (dataset, key)
        )
        """,
        "CREATE INDEX event_origin_event ON event_origin (event_id)",
        """
        CREATE TABLE user_account (
            name text COLLATE "C" PRIMARY KEY,
            role text NOT NULL CHECK (role IN ('viewer', 'contributor', 'reviewer', 'admin')),
            password_hash text NOT NULL,
            created_at text NOT NULL,
            disabled_at text
        )
        """,
        // Names are unique regardless of case (they are ASCII: lower() is enough).
        "CREATE UNIQUE INDEX user_account_folded ON user_account (lower(name))",
        """
        CREATE TABLE api_token (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_name text COLLATE "C" NOT NULL REFERENCES user_account (name),
            secret_sha256 bytea NOT NULL UNIQUE,
            created_at text NOT NULL,
            expires_at text NOT NULL,
            revoked_at text
        )
        """,
        "CREATE INDEX api_token_user ON api_token (user_name)",
        """
        CREATE TABLE account_event (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            recorded_at text NOT NULL,
            by text NOT NULL,
            command text NOT NULL,
            user_name text NOT NULL,
            action text NOT NULL,
            detail text
        )
        """,
        "CREATE INDEX account_event_user ON account_event (lower(user_name))",
        .. Draft,
        // Before event_day, whose triggers are on both tables.
        RestrictedRecordTable,
        .. EventDay,
    ];

    /// <summary>The records that carry a restriction marking (schema version 8; the SQLite store's table of the same name).</summary>
    public const string RestrictedRecordTable =
        """
        CREATE TABLE restricted_record (
            id text COLLATE "C" PRIMARY KEY,
            kind text NOT NULL,
            whole boolean NOT NULL,
            unlisted boolean NOT NULL
        )
        """;

    // ---- Counts of events per first day (event_day) ----

    /// <summary>
    /// Events counted per first day (and of them, meetings), as the SQLite store's <c>event_day</c>: of the events every
    /// reader may list, the unlisted ones (<c>restricted_record.unlisted</c>) left out; a reader who may see them gets them
    /// added from their rows, which are few. Made with the tables, and added to a store made before them when it is opened
    /// (<see cref="EventDayFill"/>). A property, as <see cref="Create"/>, made first, takes it in.
    /// </summary>
    public static string[] EventDay => ["CREATE TABLE event_day (day integer PRIMARY KEY, events bigint NOT NULL, meetings bigint NOT NULL)", .. EventDayCounting];

    /// <summary>
    /// What keeps <c>event_day</c>: triggers on <c>event_index</c> and on <c>restricted_record</c>, one statement per
    /// inserting, updating or deleting statement (a COPY of thousands of events adds one grouped upsert), in the same
    /// transaction as the rows. The count of a day is that of its events with no unlisted marking, so each trigger counts
    /// the rows its statement changed against the other table as it stands: an event written or removed counts unless it
    /// is marked unlisted; a marking added takes its event out, one lifted puts it back (a marking can change while the
    /// event's row, and so its day, stays as it was). Whatever order a write takes the two tables in, the count follows.
    /// Replaces the functions and triggers of a store made before the marking's trigger (its counts are then counted again).
    /// A property, for the same reason as <see cref="EventDay"/>.
    /// </summary>
    public static string[] EventDayCounting =>
    [
        """
        CREATE OR REPLACE FUNCTION pacta_event_day() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- An import counts its events itself and adds the counts once before it commits (see DeferredDays).
            IF current_setting('pacta.event_day', true) = 'deferred' THEN
                RETURN NULL;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE event_day AS d SET events = d.events - o.n, meetings = d.meetings - o.m
                FROM (SELECT first_day, COUNT(*) AS n, COUNT(*) FILTER (WHERE is_meeting) AS m FROM old_rows AS r
                      WHERE NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = r.id AND x.unlisted)
                      GROUP BY first_day) AS o
                WHERE d.day = o.first_day;
                DELETE FROM event_day WHERE events <= 0 AND day IN (SELECT first_day FROM old_rows);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO event_day (day, events, meetings)
                SELECT first_day, COUNT(*), COUNT(*) FILTER (WHERE is_meeting) FROM new_rows AS r
                WHERE NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = r.id AND x.unlisted)
                GROUP BY first_day
                ON CONFLICT (day) DO UPDATE SET events = event_day.events + excluded.events, meetings = event_day.meetings + excluded.meetings;
            END IF;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE OR REPLACE FUNCTION pacta_event_day_marking() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('pacta.event_day', true) = 'deferred' THEN
                RETURN NULL;
            END IF;
            -- A marking lifted (or its row rewritten): its event counts again.
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO event_day (day, events, meetings)
                SELECT e.first_day, COUNT(*), COUNT(*) FILTER (WHERE e.is_meeting) FROM old_rows AS x JOIN event_index e ON e.id = x.id
                WHERE x.unlisted
                GROUP BY e.first_day
                ON CONFLICT (day) DO UPDATE SET events = event_day.events + excluded.events, meetings = event_day.meetings + excluded.meetings;
            END IF;
            -- A marking added: its event no longer counts.
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                UPDATE event_day AS d SET events = d.events - o.n, meetings = d.meetings - o.m
                FROM (SELECT e.first_day, COUNT(*) AS n, COUNT(*) FILTER (WHERE e.is_meeting) AS m FROM new_rows AS x JOIN event_index e ON e.id = x.id
                      WHERE x.unlisted
                      GROUP BY e.first_day) AS o
                WHERE d.day = o.first_day;
                DELETE FROM event_day WHERE events <= 0 AND day IN (SELECT e.first_day FROM new_rows AS x JOIN event_index e ON e.id = x.id);
            END IF;
            RETURN NULL;
        END
        $$
        """,
        "CREATE OR REPLACE TRIGGER event_day_insert AFTER INSERT ON event_index REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day()",
        "CREATE OR REPLACE TRIGGER event_day_update AFTER UPDATE ON event_index REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day()",
        "CREATE OR REPLACE TRIGGER event_day_delete AFTER DELETE ON event_index REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day()",
        "CREATE OR REPLACE TRIGGER event_day_marking_insert AFTER INSERT ON restricted_record REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day_marking()",
        "CREATE OR REPLACE TRIGGER event_day_marking_update AFTER UPDATE ON restricted_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day_marking()",
        "CREATE OR REPLACE TRIGGER event_day_marking_delete AFTER DELETE ON restricted_record REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pacta_event_day_marking()",
    ];

    /// <summary>Whether the store's <c>event_day</c> leaves unlisted events out (made with the marking's trigger), or counts every event (made before it).</summary>
    public const string CountsListedOnly = "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'event_day_marking_insert')";

    /// <summary>
    /// Run in a write transaction, makes the triggers leave <c>event_day</c> alone until it ends: an import of many batches
    /// in one transaction would otherwise update the same few thousand days once per batch, and every update leaves a dead
    /// row version behind (34 MB of them for 2,929 days after a million events). The import counts the days itself, of the
    /// events it leaves listed, as the triggers would; the markings it writes or removes are left alone too.
    /// </summary>
    public const string DeferredDays = "SELECT set_config('pacta.event_day', 'deferred', true)";

    /// <summary>Adds counts per day (events and meetings; either may be negative): then <see cref="DropEmptyDays"/>.</summary>
    public const string AddDays =
        """
        INSERT INTO event_day (day, events, meetings)
        SELECT d, n, m FROM unnest(@days::integer[], @events::bigint[], @meetings::bigint[]) AS t (d, n, m)
        ON CONFLICT (day) DO UPDATE SET events = event_day.events + excluded.events, meetings = event_day.meetings + excluded.meetings
        """;

    /// <summary>Drops the days of <c>@days</c> left without events.</summary>
    public const string DropEmptyDays = "DELETE FROM event_day WHERE events <= 0 AND day = ANY (@days::integer[])";

    /// <summary>Counts the listed events already there into an empty <c>event_day</c> (a store made before it, or before it left unlisted events out).</summary>
    public const string EventDayFill =
        $"INSERT INTO event_day (day, events, meetings) SELECT first_day, COUNT(*), COUNT(*) FILTER (WHERE is_meeting) FROM event_index e WHERE {RestrictedRecords.Condition} GROUP BY first_day";

    /// <summary>What <see cref="PostgresStore.Drop"/> drops besides the tables.</summary>
    public const string DropFunctions = "DROP FUNCTION IF EXISTS pacta_event_day(), pacta_event_day_marking() CASCADE";
}
