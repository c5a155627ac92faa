//! Tables `letter_drafts` and `letter_draft_events`: letters on their way from konsep to
//! terbit (draft, paraf by each verifier in order, signature) and who did what when.

use rusqlite::{params, OptionalExtension};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE letter_drafts (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    case_id          INTEGER REFERENCES cases (id),
    content          TEXT NOT NULL,                 -- LetterContent as JSON
    number_id        INTEGER NOT NULL REFERENCES letter_numbers (id),
    status           TEXT NOT NULL CHECK (status IN
                       ('konsep', 'menunggu_paraf', 'menunggu_tanda_tangan', 'terbit', 'dikembalikan', 'batal')),
    chain            TEXT NOT NULL,                 -- verifier posts in order, JSON array
    parafs           INTEGER NOT NULL DEFAULT 0,    -- verifiers done in this round
    signer_position  TEXT NOT NULL REFERENCES positions (id),
    prepared_by      TEXT NOT NULL REFERENCES accounts (id),
    issued_letter_id INTEGER REFERENCES issued_letters (id),
    note             TEXT NOT NULL DEFAULT '',      -- the last return note
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX letter_drafts_status ON letter_drafts (status);
CREATE TABLE letter_draft_events (
    id           INTEGER PRIMARY KEY,
    draft_id     INTEGER NOT NULL REFERENCES letter_drafts (id),
    action       TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    account_name TEXT NOT NULL,
    position_id  TEXT,
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX letter_draft_events_draft ON letter_draft_events (draft_id);
";

/// A draft as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: i64,
    pub kind: String,
    pub case_id: Option<i64>,
    /// The letter's content as JSON.
    pub content: String,
    pub number_id: i64,
    pub status: String,
    /// Verifier post ids in order, JSON array.
    pub chain: String,
    pub parafs: i64,
    pub signer_position: String,
    pub prepared_by: String,
    pub issued_letter_id: Option<i64>,
    pub note: String,
    pub created_at: String,
    pub updated_at: String,
}

/// One step in a draft's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEvent {
    pub draft_id: i64,
    /// `konsep`, `ubah`, `ajukan`, `paraf`, `kembalikan`, `tanda_tangan`, `batal`.
    pub action: String,
    pub account_id: String,
    pub account_name: String,
    pub position_id: Option<String>,
    pub note: String,
    pub at: String,
}

const COLUMNS: &str = "id, kind, case_id, content, number_id, status, chain, parafs, signer_position, prepared_by, issued_letter_id, note, created_at, updated_at";

fn decode(r: &rusqlite::Row) -> rusqlite::Result<DraftRow> {
    Ok(DraftRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        case_id: r.get(2)?,
        content: r.get(3)?,
        number_id: r.get(4)?,
        status: r.get(5)?,
        chain: r.get(6)?,
        parafs: r.get(7)?,
        signer_position: r.get(8)?,
        prepared_by: r.get(9)?,
        issued_letter_id: r.get(10)?,
        note: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

fn event(r: &rusqlite::Row) -> rusqlite::Result<DraftEvent> {
    Ok(DraftEvent {
        draft_id: r.get(0)?,
        action: r.get(1)?,
        account_id: r.get(2)?,
        account_name: r.get(3)?,
        position_id: r.get(4)?,
        note: r.get(5)?,
        at: r.get(6)?,
    })
}

impl Tx<'_> {
    /// Inserts a draft (ignoring `id`) and returns it as stored.
    pub fn insert_draft(&self, d: &DraftRow) -> Result<DraftRow, DbError> {
        self.tx.execute(
            "INSERT INTO letter_drafts (kind, case_id, content, number_id, status, chain, parafs,
                 signer_position, prepared_by, issued_letter_id, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                d.kind,
                d.case_id,
                d.content,
                d.number_id,
                d.status,
                d.chain,
                d.parafs,
                d.signer_position,
                d.prepared_by,
                d.issued_letter_id,
                d.note,
                d.created_at,
                d.updated_at
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.draft(id)?
            .ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Writes the changeable parts of a draft: content, status, paraf count, issued letter,
    /// note and `updated_at`.
    pub fn update_draft(&self, d: &DraftRow) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE letter_drafts SET content = ?2, status = ?3, parafs = ?4, issued_letter_id = ?5,
                 note = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                d.id,
                d.content,
                d.status,
                d.parafs,
                d.issued_letter_id,
                d.note,
                d.updated_at
            ],
        )?;
        Ok(())
    }

    /// The draft `id` as seen inside this transaction.
    pub fn draft(&self, id: i64) -> Result<Option<DraftRow>, DbError> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_drafts WHERE id = ?1"),
                [id],
                decode,
            )
            .optional()?)
    }

    /// The draft that holds register number `number_id`, if any.
    pub fn draft_of_number(&self, number_id: i64) -> Result<Option<DraftRow>, DbError> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_drafts WHERE number_id = ?1"),
                [number_id],
                decode,
            )
            .optional()?)
    }

    /// Appends one step to a draft's history.
    pub fn add_draft_event(&self, e: &DraftEvent) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO letter_draft_events (draft_id, action, account_id, account_name, position_id, note, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![e.draft_id, e.action, e.account_id, e.account_name, e.position_id, e.note, e.at],
        )?;
        Ok(())
    }
}

impl Db {
    /// One draft.
    pub fn draft(&self, id: i64) -> Result<Option<DraftRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_drafts WHERE id = ?1"),
                [id],
                decode,
            )
            .optional()?)
    }

    /// The draft that became issued letter `issued_id`, if it was signed through the
    /// workflow (a letter issued directly has none).
    pub fn draft_of_issued(&self, issued_id: i64) -> Result<Option<i64>, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM letter_drafts WHERE issued_letter_id = ?1",
                [issued_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Drafts in one of `statuses`, newest change first.
    pub fn drafts_in(&self, statuses: &[&str]) -> Result<Vec<DraftRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM letter_drafts
              WHERE status IN (SELECT value FROM json_each(?1)) ORDER BY updated_at DESC, id DESC"
        ))?;
        let list = serde_json::to_string(statuses).unwrap_or_else(|_| "[]".into());
        let rows = stmt.query_map([list], decode)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The history of a draft, oldest first.
    pub fn draft_events(&self, draft_id: i64) -> Result<Vec<DraftEvent>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT draft_id, action, account_id, account_name, position_id, note, at
               FROM letter_draft_events WHERE draft_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([draft_id], event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
