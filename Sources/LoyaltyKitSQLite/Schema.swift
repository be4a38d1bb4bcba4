/// The database schema, as an ordered list of migrations.
///
/// The schema version is recorded in the database header (`PRAGMA user_version`): version `n`
/// means the first `n` migrations have run. Opening a database runs the missing migrations in
/// one `BEGIN IMMEDIATE` transaction, so a version is either fully applied or not at all, and
/// two processes opening a new file at once migrate it once. A database whose version is
/// higher than ``currentVersion`` was written by a newer LoyaltyKit and is refused untouched.
///
/// Migrations are append-only: never edit a shipped one, add the next.
///
/// Bodies are blobs in LoyaltyKit's record format (`RecordEncoder`); the other columns are
/// keys and the few values queries need. Dates are `REAL` seconds since 2001-01-01 UTC
/// (Foundation's reference date), the exact `Double` a `Date` holds, so comparisons in SQL
/// agree with comparisons in Swift. Ids are stored in Unicode NFC, so that two ids Swift
/// considers equal are one key for the unique indexes too.
enum Schema {
    /// The version a fully migrated database has.
    static var currentVersion: Int32 { Int32(migrations.count) }

    /// The migrations, in order: `migrations[0]` takes a database from version 0 to 1.
    static let migrations: [String] = [
        // 1: the first schema.
        """
        CREATE TABLE customers (
            id TEXT NOT NULL PRIMARY KEY,
            body BLOB NOT NULL
        );

        -- Activities in recording order. The UNIQUE id is the idempotency key: it holds even
        -- when two processes record the same activity at the same moment.
        CREATE TABLE activities (
            sequence INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            date REAL NOT NULL,
            type TEXT NOT NULL,
            body BLOB NOT NULL,
            outcome BLOB NOT NULL
        );
        CREATE INDEX activities_by_date ON activities (date);
        CREATE INDEX activities_by_customer ON activities (customer_id);

        -- The points ledger in append order: an outcome's entries (recorded_with names its
        -- activity) and standalone expiry entries (recorded_with is NULL), interleaved.
        CREATE TABLE ledger_entries (
            sequence INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            date REAL NOT NULL,
            points INTEGER NOT NULL,
            recorded_with INTEGER REFERENCES activities (sequence),
            body BLOB NOT NULL
        );
        CREATE INDEX ledger_entries_by_customer ON ledger_entries (customer_id);

        CREATE TABLE member_states (
            customer_id TEXT NOT NULL PRIMARY KEY,
            body BLOB NOT NULL
        );

        -- An index of the member states' point lots, kept in step with them: one row per lot
        -- with points left (lots sharing an id are one row with the earliest expiry).
        CREATE TABLE lots (
            customer_id TEXT NOT NULL REFERENCES member_states (customer_id),
            lot_id TEXT NOT NULL,
            expires_at REAL,
            remaining INTEGER NOT NULL,
            PRIMARY KEY (customer_id, lot_id)
        ) WITHOUT ROWID;
        CREATE INDEX lots_by_expiry ON lots (expires_at, customer_id);
        """,
        // 2: a ledger entry that an outcome holds is no longer copied into its row: the row
        // keeps the entry's position in the outcome, and only standalone (expiry) entries keep
        // a body.
        """
        CREATE TABLE ledger_entries_v2 (
            sequence INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            date REAL NOT NULL,
            points INTEGER NOT NULL,
            recorded_with INTEGER REFERENCES activities (sequence),
            position INTEGER,
            body BLOB,
            CHECK ((recorded_with IS NULL) = (position IS NULL) AND (recorded_with IS NULL) = (body IS NOT NULL))
        );
        INSERT INTO ledger_entries_v2 (sequence, customer_id, activity_id, kind, date, points, recorded_with, position, body)
        SELECT sequence, customer_id, activity_id, kind, date, points, recorded_with,
               CASE WHEN recorded_with IS NULL THEN NULL
                    ELSE row_number() OVER (PARTITION BY recorded_with ORDER BY sequence) - 1 END,
               CASE WHEN recorded_with IS NULL THEN body END
        FROM ledger_entries;
        DROP TABLE ledger_entries;
        ALTER TABLE ledger_entries_v2 RENAME TO ledger_entries;
        CREATE INDEX ledger_entries_by_customer ON ledger_entries (customer_id);
        """,
    ]
}
