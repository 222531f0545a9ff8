/**
 * The schema of studio.db, one entry per version (PRAGMA user_version). A database at version N
 * runs the entries after N in one transaction. Never edit an entry once a release has shipped it.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: workspace, security, settings, processes and console */ `
  CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE actionflows (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (application_id, name)
  );
  CREATE TABLE app_tables (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    columns TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (application_id, name)
  );
  CREATE TABLE table_rows (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES app_tables(id) ON DELETE CASCADE,
    data TEXT NOT NULL
  );
  CREATE INDEX table_rows_by_table ON table_rows (table_id, id);

  CREATE TABLE users (
    name TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  );
  CREATE TABLE user_groups (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
  );
  CREATE TABLE group_members (
    group_name TEXT NOT NULL REFERENCES user_groups(name) ON DELETE CASCADE ON UPDATE CASCADE,
    user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (group_name, user_name)
  );
  CREATE TABLE roles (
    name TEXT PRIMARY KEY,
    application TEXT,
    privileges TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE role_groups (
    role_name TEXT NOT NULL REFERENCES roles(name) ON DELETE CASCADE ON UPDATE CASCADE,
    group_name TEXT NOT NULL REFERENCES user_groups(name) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (role_name, group_name)
  );
  CREATE TABLE secret_keys (
    name TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL DEFAULT 1,
    value_cipher BLOB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE ON UPDATE CASCADE,
    label TEXT NOT NULL DEFAULT '',
    signing_key_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX api_keys_by_user ON api_keys (user_name);

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE processes (
    id TEXT PRIMARY KEY,
    application TEXT NOT NULL,
    actionflow TEXT NOT NULL,
    mode TEXT NOT NULL,
    user_name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    result TEXT
  );
  CREATE INDEX processes_by_finished ON processes (finished_at);

  CREATE TABLE console_entries (
    id INTEGER PRIMARY KEY,
    process_id TEXT,
    application TEXT NOT NULL,
    actionflow TEXT NOT NULL,
    mode TEXT NOT NULL,
    user_name TEXT,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    duration_ms INTEGER,
    request TEXT NOT NULL,
    reply TEXT,
    reason TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    debug_count INTEGER NOT NULL DEFAULT 0,
    dropped_messages INTEGER NOT NULL DEFAULT 0,
    messages TEXT
  );
  CREATE INDEX console_entries_by_start ON console_entries (started_at);
  `,
  /* 2: what each run did on its flow, for the designer (DESIGN §8) */ `
  ALTER TABLE console_entries ADD COLUMN trace TEXT;
  `,
  /* 3: a table's data revision, bumped by every change to its rows (rows held in memory check it); its cells' indexes are made by the table store */ `
  ALTER TABLE app_tables ADD COLUMN data_revision INTEGER NOT NULL DEFAULT 0;
  `,
  /* 4: leases of the servers sharing a data folder and the server that owns each run (DESIGN §7); counters of the kinds of change; console ids reserved in blocks */ `
  CREATE TABLE servers (
    id TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  ALTER TABLE processes ADD COLUMN server_id TEXT;
  ALTER TABLE console_entries ADD COLUMN server_id TEXT;
  CREATE INDEX processes_running ON processes (server_id) WHERE finished_at IS NULL;
  CREATE INDEX console_entries_running ON console_entries (server_id) WHERE status = 'Running';

  CREATE TABLE change_counters (
    kind TEXT PRIMARY KEY,
    version INTEGER NOT NULL
  );
  INSERT INTO change_counters (kind, version) VALUES ('workspace', 0), ('security', 0), ('settings', 0);

  CREATE TABLE id_blocks (
    name TEXT PRIMARY KEY,
    next INTEGER NOT NULL
  );
  INSERT INTO id_blocks (name, next) SELECT 'console_entries', COALESCE(MAX(id), 0) + 1 FROM console_entries;
  `,
];
