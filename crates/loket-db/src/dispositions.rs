//! Table `dispositions`: one row per recipient of a hand-over of a case. A forward from a
//! received disposition points at it (`parent_id`); the rows sent together share `batch`.
//! `kind` is 'penerusan' for the secretariat's hand-over of a verified letter to its first
//! holder, 'disposisi' for a disposition proper. Also `instructions`: the editable list of
//! preset instructions.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE dispositions (
    id             INTEGER PRIMARY KEY NOT NULL,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    batch          INTEGER NOT NULL,        -- id of the first row sent together
    parent_id      INTEGER REFERENCES dispositions (id),
    kind           TEXT NOT NULL CHECK (kind IN ('penerusan', 'disposisi')),
    from_position  TEXT REFERENCES positions (id),
    from_account   TEXT NOT NULL REFERENCES accounts (id),
    to_position    TEXT NOT NULL REFERENCES positions (id),
    instructions   TEXT NOT NULL,           -- JSON list of instruction texts
    note           TEXT NOT NULL DEFAULT '',
    batas_waktu    TEXT,                    -- YYYY-MM-DD
    sifat          TEXT NOT NULL,
    sent_at        TEXT NOT NULL,
    read_at        TEXT,
    read_by        TEXT REFERENCES accounts (id),
    report         TEXT NOT NULL DEFAULT '',
    reported_at    TEXT,
    completed_at   TEXT,
    completed_by   TEXT REFERENCES accounts (id),
    withdrawn_at   TEXT
) STRICT;
CREATE INDEX dispositions_by_case ON dispositions (case_id);
CREATE INDEX dispositions_open_by_recipient ON dispositions (to_position, batas_waktu)
    WHERE completed_at IS NULL AND withdrawn_at IS NULL;
CREATE TABLE instructions (
    id      INTEGER PRIMARY KEY NOT NULL,
    text    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO instructions (text) VALUES
    ('Tanggapan dan saran'), ('Proses lebih lanjut'), ('Koordinasikan/konfirmasikan'),
    ('Untuk diketahui'), ('Siapkan jawaban'), ('Hadiri/wakili');
";

/// A disposition row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DispositionRow {
    pub id: i64,
    pub case_id: i64,
    pub batch: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub from_position: Option<String>,
    pub from_account: String,
    pub to_position: String,
    pub instructions: Vec<String>,
    pub note: String,
    pub batas_waktu: Option<String>,
    pub sifat: String,
    pub sent_at: String,
    pub read_at: Option<String>,
    pub read_by: Option<String>,
    pub report: String,
    pub reported_at: Option<String>,
    pub completed_at: Option<String>,
    pub completed_by: Option<String>,
    pub withdrawn_at: Option<String>,
}

impl DispositionRow {
    /// A row about to be sent: unread, without instructions, note or batas waktu (`id`,
    /// `batch` and `to_position` are set on insert).
    pub fn outgoing(
        case_id: i64,
        kind: &str,
        from_position: Option<String>,
        from_account: &str,
        sifat: &str,
        sent_at: &str,
    ) -> DispositionRow {
        DispositionRow {
            id: 0,
            case_id,
            batch: 0,
            parent_id: None,
            kind: kind.to_string(),
            from_position,
            from_account: from_account.to_string(),
            to_position: String::new(),
            instructions: Vec::new(),
            note: String::new(),
            batas_waktu: None,
            sifat: sifat.to_string(),
            sent_at: sent_at.to_string(),
            read_at: None,
            read_by: None,
            report: String::new(),
            reported_at: None,
            completed_at: None,
            completed_by: None,
            withdrawn_at: None,
        }
    }

    /// Neither completed nor withdrawn.
    pub fn is_open(&self) -> bool {
        self.completed_at.is_none() && self.withdrawn_at.is_none()
    }
}

const COLUMNS: &str = "d.id, d.case_id, d.batch, d.parent_id, d.kind, d.from_position, d.from_account, d.to_position,
    d.instructions, d.note, d.batas_waktu, d.sifat, d.sent_at, d.read_at, d.read_by, d.report, d.reported_at,
    d.completed_at, d.completed_by, d.withdrawn_at";

fn row(r: &rusqlite::Row) -> rusqlite::Result<(DispositionRow, String)> {
    Ok((
        DispositionRow {
            id: r.get(0)?,
            case_id: r.get(1)?,
            batch: r.get(2)?,
            parent_id: r.get(3)?,
            kind: r.get(4)?,
            from_position: r.get(5)?,
            from_account: r.get(6)?,
            to_position: r.get(7)?,
            instructions: Vec::new(),
            note: r.get(9)?,
            batas_waktu: r.get(10)?,
            sifat: r.get(11)?,
            sent_at: r.get(12)?,
            read_at: r.get(13)?,
            read_by: r.get(14)?,
            report: r.get(15)?,
            reported_at: r.get(16)?,
            completed_at: r.get(17)?,
            completed_by: r.get(18)?,
            withdrawn_at: r.get(19)?,
        },
        r.get(8)?,
    ))
}

fn collect(
    stmt: &mut rusqlite::Statement,
    p: impl rusqlite::Params,
) -> Result<Vec<DispositionRow>, DbError> {
    let rows = stmt.query_map(p, row)?;
    rows.map(|x| {
        let (mut d, instructions) = x?;
        d.instructions = serde_json::from_str(&instructions)?;
        Ok(d)
    })
    .collect()
}

fn by_id(conn: &rusqlite::Connection, id: i64) -> Result<Option<DispositionRow>, DbError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM dispositions d WHERE d.id = ?1"
    ))?;
    Ok(collect(&mut stmt, [id])?.into_iter().next())
}

impl Tx<'_> {
    /// The preset instructions as seen inside this transaction, in order.
    pub fn instructions(&self) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .tx
            .prepare("SELECT text FROM instructions WHERE active = 1 ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Replaces the preset instructions with `texts`, in that order. Dispositions keep their
    /// own copy of the texts, so earlier ones read as they were sent.
    pub fn set_instructions(&self, texts: &[String]) -> Result<(), DbError> {
        self.tx.execute("DELETE FROM instructions", [])?;
        for t in texts {
            self.tx
                .execute("INSERT INTO instructions (text) VALUES (?1)", [t])?;
        }
        Ok(())
    }

    /// Inserts one row per recipient in `to` (other fields from `d`, `id`/`batch` ignored);
    /// returns the new ids.
    pub fn insert_dispositions(
        &self,
        d: &DispositionRow,
        to: &[String],
    ) -> Result<Vec<i64>, DbError> {
        let mut ids: Vec<i64> = Vec::new();
        let mut stmt = self.tx.prepare(
            "INSERT INTO dispositions (case_id, batch, parent_id, kind, from_position, from_account, to_position,
                instructions, note, batas_waktu, sifat, sent_at)
             VALUES (?1, COALESCE(?2, (SELECT COALESCE(MAX(id), 0) + 1 FROM dispositions)), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let instructions = serde_json::to_string(&d.instructions)?;
        for position in to {
            stmt.execute(params![
                d.case_id,
                ids.first(),
                d.parent_id,
                d.kind,
                d.from_position,
                d.from_account,
                position,
                instructions,
                d.note,
                d.batas_waktu,
                d.sifat,
                d.sent_at
            ])?;
            ids.push(self.tx.last_insert_rowid());
        }
        Ok(ids)
    }

    /// The disposition `id` inside this transaction.
    pub fn disposition(&self, id: i64) -> Result<Option<DispositionRow>, DbError> {
        by_id(&self.tx, id)
    }

    /// Marks `id` read by `by` at `now` (only the first reading counts).
    pub fn mark_read(&self, id: i64, by: &str, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE dispositions SET read_at = ?3, read_by = ?2 WHERE id = ?1 AND read_at IS NULL",
            params![id, by, now],
        )?;
        Ok(())
    }

    /// Stores a report on `id`.
    pub fn set_report(&self, id: i64, report: &str, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE dispositions SET report = ?2, reported_at = ?3 WHERE id = ?1",
            params![id, report, now],
        )?;
        Ok(())
    }

    /// Marks `id` completed.
    pub fn mark_completed(&self, id: i64, by: &str, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE dispositions SET completed_at = ?3, completed_by = ?2 WHERE id = ?1",
            params![id, by, now],
        )?;
        Ok(())
    }

    /// Marks `id` withdrawn.
    pub fn mark_withdrawn(&self, id: i64, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE dispositions SET withdrawn_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    /// Every disposition of case `case_id` inside this transaction, in order sent.
    pub fn case_dispositions(&self, case_id: i64) -> Result<Vec<DispositionRow>, DbError> {
        let mut stmt = self.tx.prepare(&format!(
            "SELECT {COLUMNS} FROM dispositions d WHERE d.case_id = ?1 ORDER BY d.id"
        ))?;
        collect(&mut stmt, [case_id])
    }
}

impl Db {
    /// The disposition `id`.
    pub fn disposition(&self, id: i64) -> Result<Option<DispositionRow>, DbError> {
        by_id(&self.conn, id)
    }

    /// Every disposition of case `case_id`, in order sent.
    pub fn case_dispositions(&self, case_id: i64) -> Result<Vec<DispositionRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM dispositions d WHERE d.case_id = ?1 ORDER BY d.id"
        ))?;
        collect(&mut stmt, [case_id])
    }

    /// Open (not completed, not withdrawn) dispositions to any of `positions`: unread first
    /// by deadline, then read ones; rows without a batas waktu last.
    pub fn inbox(&self, positions: &[String]) -> Result<Vec<DispositionRow>, DbError> {
        let list = serde_json::to_string(positions)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM dispositions d
              WHERE d.to_position IN (SELECT value FROM json_each(?1))
                AND d.completed_at IS NULL AND d.withdrawn_at IS NULL
              ORDER BY d.batas_waktu IS NULL, d.batas_waktu, d.sent_at, d.id"
        ))?;
        collect(&mut stmt, [list])
    }

    /// The preset instructions offered in the dispose dialog.
    pub fn instructions(&self) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT text FROM instructions WHERE active = 1 ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether `text` is among the active preset instructions.
    pub fn is_instruction(&self, text: &str) -> Result<bool, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM instructions WHERE active = 1 AND text = ?1",
                [text],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}
