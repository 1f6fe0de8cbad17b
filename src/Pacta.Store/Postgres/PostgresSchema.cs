
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
        "event_day", "event_cell",
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
        // Before event_day, whose triggers are on both tables and keep event_cell too.
        RestrictedRecordTable,
        EventCellTable,
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

    // ---- The kept grid of the map (event_cell) ----

    /// <summary>
    /// The map's grid kept as events are written, as the SQLite store's table of the same name: per level of
    /// <see cref="Stores.GridLevels"/> and cell, the count of the listed events that are not meetings and have a point,
    /// and their points summed in micro-degrees. The triggers that keep <c>event_day</c> keep it too.
    /// </summary>
    public const string EventCellTable =
        """
        CREATE TABLE event_cell (
            level integer NOT NULL,
            x bigint NOT NULL,
            y bigint NOT NULL,
            count bigint NOT NULL,
            sum_lon bigint NOT NULL,
            sum_lat bigint NOT NULL,
            PRIMARY KEY (level, x, y)
        )
        """;

    /// <summary>The cell sizes as a PostgreSQL array, in the order of their levels. A property, as <see cref="Create"/> reaches it while it is made.</summary>
    private static string LevelSizes =>
        $"'{{{string.Join(",", EventCells.Levels.Select(size => size.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}}}'::float8[]";

    /// <summary>The points (lon, lat) of the rows of <paramref name="rows"/> (a transition table of event_index) the grid counts: not meetings, not unlisted.</summary>
    private static string ListedPoints(string rows) =>
        $"SELECT r.lon, r.lat FROM {rows} AS r WHERE r.lon IS NOT NULL AND NOT r.is_meeting AND NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = r.id AND x.unlisted)";

    /// <summary>The points the grid counts of the events whose unlisted markings are in <paramref name="rows"/> (a transition table of restricted_record).</summary>
    private static string MarkedPoints(string rows) =>
        $"SELECT e.lon, e.lat FROM {rows} AS x JOIN event_index e ON e.id = x.id WHERE x.unlisted AND e.lon IS NOT NULL AND NOT e.is_meeting";

    /// <summary>
    /// The cells of some points at every level: (level, x, y, n, sum_lon, sum_lat). The same doubles divided and floored
    /// as <see cref="EventCells.Cell"/>, and rounded half to even as <see cref="EventCells.Micro"/>, so both stores agree.
    /// </summary>
    private static string CellsOf(string points) =>
        $"""
        SELECT (l.n - 1)::integer AS level, floor((p.lon + 180) / l.size)::bigint AS x, floor((p.lat + 90) / l.size)::bigint AS y,
               COUNT(*) AS n, SUM(round(p.lon * 1000000))::bigint AS sum_lon, SUM(round(p.lat * 1000000))::bigint AS sum_lat
        FROM ({points}) AS p CROSS JOIN unnest({LevelSizes}) WITH ORDINALITY AS l (size, n)
        GROUP BY 1, 2, 3
        """;

    private static string AddCells(string points) =>
        $"""
        INSERT INTO event_cell (level, x, y, count, sum_lon, sum_lat) {CellsOf(points)}
                ON CONFLICT (level, x, y) DO UPDATE SET count = event_cell.count + excluded.count,
                    sum_lon = event_cell.sum_lon + excluded.sum_lon, sum_lat = event_cell.sum_lat + excluded.sum_lat;
        """;

    private static string SubtractCells(string points) =>
        $"""
        UPDATE event_cell AS c SET count = c.count - o.n, sum_lon = c.sum_lon - o.sum_lon, sum_lat = c.sum_lat - o.sum_lat
                FROM ({CellsOf(points)}) AS o WHERE c.level = o.level AND c.x = o.x AND c.y = o.y;
                DELETE FROM event_cell AS c USING ({CellsOf(points)}) AS o WHERE c.level = o.level AND c.x = o.x AND c.y = o.y AND c.count <= 0;
        """;

    /// <summary>Counts the listed events already there into an empty <c>event_cell</c> (a store made before it).</summary>
    public static string EventCellFill =>
        $"INSERT INTO event_cell (level, x, y, count, sum_lon, sum_lat) {CellsOf($"SELECT e.lon, e.lat FROM event_index e WHERE e.lon IS NOT NULL AND NOT e.is_meeting AND {RestrictedRecords.Condition}")}";

    /// <summary>Adds an import's tallies of cells (any may be negative; see <see cref="DeferredDays"/>): then <see cref="DropEmptyCells"/>.</summary>
    public const string AddCellTallies =
        """
        INSERT INTO event_cell (level, x, y, count, sum_lon, sum_lat)
        SELECT * FROM unnest(@levels::integer[], @xs::bigint[], @ys::bigint[], @counts::bigint[], @lons::bigint[], @lats::bigint[])
        ON CONFLICT (level, x, y) DO UPDATE SET count = event_cell.count + excluded.count,
            sum_lon = event_cell.sum_lon + excluded.sum_lon, sum_lat = event_cell.sum_lat + excluded.sum_lat
        """;

    /// <summary>Drops the cells of <c>@levels</c>, <c>@xs</c>, <c>@ys</c> left without events.</summary>
    public const string DropEmptyCells =
        """
        DELETE FROM event_cell AS c USING unnest(@levels::integer[], @xs::bigint[], @ys::bigint[]) AS t (level, x, y)
        WHERE c.level = t.level AND c.x = t.x AND c.y = t.y AND c.count <= 0
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
    /// What keeps <c>event_day</c>, and the kept grid (<c>event_cell</c>) with it: triggers on <c>event_index</c> and on <c>restricted_record</c>, one statement per
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
        $"""
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
                {SubtractCells(ListedPoints("old_rows"))}
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO event_day (day, events, meetings)
                SELECT first_day, COUNT(*), COUNT(*) FILTER (WHERE is_meeting) FROM new_rows AS r
                WHERE NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = r.id AND x.unlisted)
                GROUP BY first_day
                ON CONFLICT (day) DO UPDATE SET events = event_day.events + excluded.events, meetings = event_day.meetings + excluded.meetings;
                {AddCells(ListedPoints("new_rows"))}
            END IF;
            RETURN NULL;
        END
        $$
        """,
        $"""
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
                {AddCells(MarkedPoints("old_rows"))}
            END IF;
            -- A marking added: its event no longer counts.
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                UPDATE event_day AS d SET events = d.events - o.n, meetings = d.meetings - o.m
                FROM (SELECT e.first_day, COUNT(*) AS n, COUNT(*) FILTER (WHERE e.is_meeting) AS m FROM new_rows AS x JOIN event_index e ON e.id = x.id
                      WHERE x.unlisted
                      GROUP BY e.first_day) AS o
                WHERE d.day = o.first_day;
                DELETE FROM event_day WHERE events <= 0 AND day IN (SELECT e.first_day FROM new_rows AS x JOIN event_index e ON e.id = x.id);
                {SubtractCells(MarkedPoints("new_rows"))}
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
    /// Run in a write transaction, makes the triggers leave <c>event_day</c> and <c>event_cell</c> alone until it ends: an import of many batches
    /// in one transaction would otherwise update the same few thousand days once per batch, and every update leaves a dead
    /// row version behind (34 MB of them for 2,929 days after a million events). The import counts the days itself, of the
    /// events it leaves listed, and their cells, as the triggers would; the markings it writes or removes are left alone too.
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
