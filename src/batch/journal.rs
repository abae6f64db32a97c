//! The batch journal: an embedded SQLite database (`DIR/helder.db`, WAL mode)
//! with one row for every event that ever reached an outcome in this folder.
//!
//! A row is committed only after the files it names are on disk and synced,
//! so after a crash a row always means "done". The reverse is not true:
//! files may exist without a row (the crash came between the rename and the
//! commit); the next run makes them again, with the same content.

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// What became of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A letter was written.
    Letter,
    /// A call-first task was written; the letter is held.
    Task,
    /// A held letter went out after a recorded contact (the task's row).
    Released,
    /// No letter went out: a person decided so after a contact (the task's row).
    Withdrawn,
    /// No letter went out: the case is changed first, a new event follows (the task's row).
    Revised,
    /// A recorded contact was applied to a task.
    Contact,
    /// The event could not be handled; see `errors.ndjson`.
    Error,
}

impl Outcome {
    /// The name in the journal and in `summary.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Letter => "letter",
            Outcome::Task => "task",
            Outcome::Released => "released",
            Outcome::Withdrawn => "withdrawn",
            Outcome::Revised => "revised",
            Outcome::Contact => "contact",
            Outcome::Error => "error",
        }
    }

    fn parse(text: &str) -> Outcome {
        match text {
            "letter" => Outcome::Letter,
            "task" => Outcome::Task,
            "released" => Outcome::Released,
            "withdrawn" => Outcome::Withdrawn,
            "revised" => Outcome::Revised,
            "contact" => Outcome::Contact,
            _ => Outcome::Error,
        }
    }
}

/// A file an event produced, with its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    /// Path relative to the batch folder.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
}

/// One event's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The event id (or `input:<file>:<line>` for input without a usable id).
    pub key: String,
    /// SHA-256 of the event's JSON.
    pub content_hash: String,
    /// The event type, when known.
    pub event_type: Option<String>,
    /// The case id, when known.
    pub case_id: Option<String>,
    /// letter, call_first, release or error.
    pub route: String,
    /// What became of it.
    pub outcome: Outcome,
    /// The files it produced.
    pub outputs: Vec<Output>,
}

/// An error record (one line of `errors.ndjson`); never personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The event id, when known.
    pub event_id: Option<String>,
    /// The input file.
    pub file: String,
    /// The line in it, for NDJSON.
    pub line: Option<usize>,
    /// The JSON path of the field involved, when known.
    pub field: Option<String>,
    /// What is wrong and how to fix it, in Dutch.
    pub message: String,
}

/// Why the journal cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// `helder.db` is a database of something else.
    #[error("het bestand is een database, maar niet die van helder")]
    Foreign,
    /// SQLite could not open or set it up.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// The open journal. One connection, shared: the batch stores one group
/// while it already looks up the next one, so calls take turns on a lock.
pub struct Journal {
    connection: Mutex<Connection>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").finish_non_exhaustive()
    }
}

impl Journal {
    /// Opens (or creates) the journal in `dir`.
    ///
    /// The file is opened without following a link, and a database that is
    /// not helder's (it has tables, but not helder's `events`) is refused
    /// before anything is written to it.
    pub fn open(dir: &Path) -> Result<Journal, JournalError> {
        let flags = OpenFlags::default() | OpenFlags::SQLITE_OPEN_NOFOLLOW;
        let connection = Connection::open_with_flags(dir.join("helder.db"), flags)?;
        let tables: Vec<String> = {
            let mut statement =
                connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
            let names = statement.query_map([], |r| r.get(0))?;
            names.collect::<rusqlite::Result<_>>()?
        };
        if !tables.is_empty() && !tables.iter().any(|t| t == "events") {
            return Err(JournalError::Foreign);
        }
        connection.pragma_update(None, "journal_mode", "WAL")?;
        // A commit is durable before helder reports the group done.
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.busy_timeout(std::time::Duration::from_secs(10))?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS events (
                key TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                event_type TEXT,
                case_id TEXT,
                route TEXT NOT NULL,
                outcome TEXT NOT NULL,
                outputs TEXT NOT NULL,
                first_run INTEGER NOT NULL,
                last_run INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS events_by_case ON events (case_id, outcome);
            CREATE TABLE IF NOT EXISTS errors (
                key TEXT PRIMARY KEY,
                record TEXT NOT NULL,
                run INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS attempts (
                case_id TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                task_key TEXT NOT NULL,
                contact_key TEXT NOT NULL,
                attempt TEXT NOT NULL,
                run INTEGER NOT NULL,
                PRIMARY KEY (case_id, contact_id)
            );
            CREATE INDEX IF NOT EXISTS attempts_by_task ON attempts (task_key);
            CREATE TABLE IF NOT EXISTS deadline_moves (
                task_key TEXT NOT NULL,
                label TEXT NOT NULL,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                run INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                input TEXT NOT NULL,
                counts TEXT
            );
            CREATE TABLE IF NOT EXISTS files (
                path TEXT PRIMARY KEY,
                sha256 TEXT NOT NULL,
                previous TEXT
            );",
        )?;
        Ok(Journal {
            connection: Mutex::new(connection),
        })
    }

    /// Holds the journal exclusively until it closes: no other process can
    /// read or write it. For a run on a file system that cannot lock the
    /// folder, this is what keeps a second run out.
    pub fn hold_exclusively(&self) -> rusqlite::Result<()> {
        let connection = self.lock();
        connection.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
        connection.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
    }

    /// Records that helder is about to write a file of its own (`summary.json`,
    /// `errors.ndjson`) with these contents; the contents before stay known,
    /// so a write that a crash cut short still counts as helder's.
    pub fn own_file(&self, path: &str, sha256: &str) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO files (path, sha256, previous) VALUES (?1, ?2, NULL)
             ON CONFLICT(path) DO UPDATE SET previous = sha256, sha256 = ?2",
            params![path, sha256],
        )?;
        Ok(())
    }

    /// Whether helder ever recorded writing this file.
    pub fn is_recorded(&self, path: &str) -> rusqlite::Result<bool> {
        self.lock()
            .query_row("SELECT 1 FROM files WHERE path = ?1", params![path], |_| {
                Ok(())
            })
            .optional()
            .map(|found| found.is_some())
    }

    /// Whether a file with these contents is one helder wrote.
    pub fn is_own_file(&self, path: &str, sha256: &str) -> rusqlite::Result<bool> {
        self.lock()
            .query_row(
                "SELECT 1 FROM files WHERE path = ?1 AND (sha256 = ?2 OR previous = ?2)",
                params![path, sha256],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite in a bad state.
        self.connection
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts a run and returns its id.
    pub fn start_run(&self, input: &str) -> rusqlite::Result<i64> {
        self.lock().execute(
            "INSERT INTO runs (started_at, input) VALUES (?1, ?2)",
            params![now(), input],
        )?;
        Ok(self.lock().last_insert_rowid())
    }

    /// Records the end of a run with its counts (JSON).
    pub fn finish_run(&self, run: i64, counts: &str) -> rusqlite::Result<()> {
        self.lock().execute(
            "UPDATE runs SET finished_at = ?1, counts = ?2 WHERE id = ?3",
            params![now(), counts, run],
        )?;
        Ok(())
    }

    /// The row of an event, if there is one.
    pub fn get(&self, key: &str) -> rusqlite::Result<Option<Row>> {
        self.lock()
            .query_row(
                "SELECT key, content_hash, event_type, case_id, route, outcome, outputs FROM events WHERE key = ?1",
                params![key],
                row_from,
            )
            .optional()
    }

    /// The open task of a case (the row with outcome `task`), if any.
    pub fn open_task(&self, case_id: &str) -> rusqlite::Result<Option<Row>> {
        self.lock()
            .query_row(
                "SELECT key, content_hash, event_type, case_id, route, outcome, outputs FROM events
                 WHERE case_id = ?1 AND outcome = 'task' ORDER BY rowid LIMIT 1",
                params![case_id],
                row_from,
            )
            .optional()
    }

    /// The open tasks of a case (rows with outcome `task`), oldest first.
    pub fn open_tasks_of_case(&self, case_id: &str) -> rusqlite::Result<Vec<Row>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT key, content_hash, event_type, case_id, route, outcome, outputs FROM events
             WHERE case_id = ?1 AND outcome = 'task' ORDER BY rowid",
        )?;
        let rows = statement.query_map(params![case_id], row_from)?;
        rows.collect()
    }

    /// The task a contact of this case was applied to, if it was (contacts
    /// count once: a contact id is unique in the case system).
    pub fn contact_task(
        &self,
        case_id: &str,
        contact_id: &str,
    ) -> rusqlite::Result<Option<String>> {
        self.lock()
            .query_row(
                "SELECT task_key FROM attempts WHERE case_id = ?1 AND contact_id = ?2",
                params![case_id, contact_id],
                |r| r.get(0),
            )
            .optional()
    }

    /// Records a contact applied to a task, in the open transaction. `attempt` is its JSON.
    pub fn put_attempt(
        &self,
        case_id: &str,
        contact_id: &str,
        task_key: &str,
        contact_key: &str,
        attempt: &str,
        run: i64,
    ) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO attempts (case_id, contact_id, task_key, contact_key, attempt, run)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![case_id, contact_id, task_key, contact_key, attempt, run],
        )?;
        Ok(())
    }

    /// The contacts applied to a task (their JSON), oldest first.
    pub fn attempts_of(&self, task_key: &str) -> rusqlite::Result<Vec<String>> {
        let connection = self.lock();
        let mut statement = connection
            .prepare("SELECT attempt FROM attempts WHERE task_key = ?1 ORDER BY rowid")?;
        let rows = statement.query_map(params![task_key], |r| r.get(0))?;
        rows.collect()
    }

    /// Records a deadline moved when a task's letter went out, in the open transaction.
    pub fn put_deadline_move(
        &self,
        task_key: &str,
        label: &str,
        from: &str,
        to: &str,
        run: i64,
    ) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO deadline_moves (task_key, label, from_date, to_date, run) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![task_key, label, from, to, run],
        )?;
        Ok(())
    }

    /// The deadlines moved in a run: (task key, label, from, to), in order.
    pub fn deadline_moves_of_run(
        &self,
        run: i64,
    ) -> rusqlite::Result<Vec<(String, String, String, String)>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT task_key, label, from_date, to_date FROM deadline_moves WHERE run = ?1 ORDER BY rowid",
        )?;
        let rows = statement.query_map(params![run], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        rows.collect()
    }

    /// Every row with outcome `task`, oldest first.
    pub fn open_tasks(&self) -> rusqlite::Result<Vec<Row>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT key, content_hash, event_type, case_id, route, outcome, outputs FROM events
             WHERE outcome = 'task' ORDER BY rowid",
        )?;
        let rows = statement.query_map([], row_from)?;
        rows.collect()
    }

    /// Begins the transaction of one group.
    pub fn begin(&self) -> rusqlite::Result<()> {
        self.lock().execute_batch("BEGIN IMMEDIATE")
    }

    /// Commits the group: call only after its files are synced.
    pub fn commit(&self) -> rusqlite::Result<()> {
        self.lock().execute_batch("COMMIT")
    }

    /// Drops the group's rows (its files, if any, are made again next run).
    pub fn rollback(&self) -> rusqlite::Result<()> {
        self.lock().execute_batch("ROLLBACK")
    }

    /// Inserts or replaces an event's row in the open transaction.
    pub fn put(&self, row: &Row, run: i64) -> rusqlite::Result<()> {
        let outputs = serde_json::to_string(&row.outputs).unwrap_or_else(|_| "[]".to_string());
        self.lock().execute(
            "INSERT INTO events (key, content_hash, event_type, case_id, route, outcome, outputs, first_run, last_run, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
             ON CONFLICT(key) DO UPDATE SET content_hash = ?2, event_type = ?3, case_id = ?4, route = ?5,
               outcome = ?6, outputs = ?7, last_run = ?8, updated_at = ?9",
            params![
                row.key,
                row.content_hash,
                row.event_type,
                row.case_id,
                row.route,
                row.outcome.as_str(),
                outputs,
                run,
                now()
            ],
        )?;
        Ok(())
    }

    /// Records an error (once per key) in the open transaction.
    pub fn put_error(&self, key: &str, record: &ErrorRecord, run: i64) -> rusqlite::Result<()> {
        // Records never repeat a value; should one ever slip through (in a
        // message, an id, a file name), a BSN is masked.
        let mask = crate::event::bsn::mask_possible_bsns;
        let record = ErrorRecord {
            event_id: record.event_id.as_deref().map(mask),
            file: mask(&record.file),
            line: record.line,
            field: record.field.as_deref().map(mask),
            message: mask(&record.message),
        };
        let text = serde_json::to_string(&record).unwrap_or_default();
        self.lock().execute(
            "INSERT INTO errors (key, record, run) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET record = ?2, run = ?3",
            params![mask(key), text, run],
        )?;
        Ok(())
    }

    /// Removes an error record (the event was handled after all).
    pub fn clear_error(&self, key: &str) -> rusqlite::Result<()> {
        self.lock()
            .execute("DELETE FROM errors WHERE key = ?1", params![key])?;
        Ok(())
    }

    /// Every error record, in the order they were first made.
    pub fn errors(&self) -> rusqlite::Result<Vec<ErrorRecord>> {
        let connection = self.lock();
        let mut statement = connection.prepare("SELECT record FROM errors ORDER BY rowid")?;
        let rows = statement.query_map([], |r| r.get::<_, String>(0))?;
        let mut records = Vec::new();
        for text in rows {
            if let Ok(record) = serde_json::from_str(&text?) {
                records.push(record);
            }
        }
        Ok(records)
    }

    /// Counts of rows by outcome, over the whole journal.
    pub fn counts(&self) -> rusqlite::Result<Vec<(String, i64)>> {
        let connection = self.lock();
        let mut statement = connection
            .prepare("SELECT outcome, COUNT(*) FROM events GROUP BY outcome ORDER BY outcome")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}

fn row_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let outputs: String = r.get(6)?;
    Ok(Row {
        key: r.get(0)?,
        content_hash: r.get(1)?,
        event_type: r.get(2)?,
        case_id: r.get(3)?,
        route: r.get(4)?,
        outcome: Outcome::parse(&r.get::<_, String>(5)?),
        outputs: serde_json::from_str(&outputs).unwrap_or_default(),
    })
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
