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
        "restricted_record", "account_event", "api_token", "user_account", "event_origin", "event_actor", "event_index", "place_geometry",
        "place_name", "obligation_bearer", "obligation", "reference", "change", "record", "pacta_meta",
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
        RestrictedRecordTable,
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
}
