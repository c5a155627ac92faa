//! Table `issued_letters`: the agenda of outgoing letters (buku agenda surat keluar). A row
//! is written in the same transaction that fixes the number and stores the PDF, and is never
//! changed afterwards (a trigger refuses it).

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::letter_numbers::{self, NumberError};
use crate::{letter_files, Db, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE issued_letters (
    id              INTEGER PRIMARY KEY,
    number_id       INTEGER NOT NULL UNIQUE REFERENCES letter_numbers (id),
    nomor           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    tanggal         TEXT NOT NULL,
    hal             TEXT NOT NULL,
    kepada          TEXT NOT NULL,
    signer          TEXT NOT NULL,
    case_id         TEXT,
    content_sha256  TEXT NOT NULL,
    pdf_sha256      TEXT NOT NULL UNIQUE REFERENCES letter_files (sha256),
    data            TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    issued_by       TEXT
) STRICT;
CREATE INDEX issued_letters_case ON issued_letters (case_id);
CREATE TRIGGER issued_letters_no_update BEFORE UPDATE ON issued_letters
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat diubah'); END;
CREATE TRIGGER issued_letters_no_delete BEFORE DELETE ON issued_letters
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat dihapus'); END;
";

/// A ralat records, on the issued letter itself, the letter it replaces and why; a letter is
/// replaced by at most one issued ralat.
pub(crate) const MIGRATION_2: &str = "
ALTER TABLE issued_letters ADD COLUMN replaces_id INTEGER REFERENCES issued_letters (id);
ALTER TABLE issued_letters ADD COLUMN correction_reason TEXT;
CREATE UNIQUE INDEX issued_letters_replaces ON issued_letters (replaces_id)
    WHERE replaces_id IS NOT NULL;
";

/// What is recorded when a letter is issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIssuedLetter<'a> {
    pub number_id: i64,
    pub kind: &'a str,
    /// ISO date of the letter.
    pub tanggal: &'a str,
    pub hal: &'a str,
    pub kepada: &'a str,
    pub signer: &'a str,
    pub case_id: Option<&'a str>,
    pub content_sha256: &'a str,
    pub pdf_sha256: &'a str,
    /// The letter's data as JSON (never a password).
    pub data: &'a str,
    pub issued_by: Option<&'a str>,
    /// The issued letter this one replaces (a ralat), and why.
    pub replaces: Option<(i64, &'a str)>,
}

/// One agenda row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedLetter {
    pub id: i64,
    pub number_id: i64,
    pub nomor: String,
    pub kind: String,
    pub tanggal: String,
    pub hal: String,
    pub kepada: String,
    pub signer: String,
    pub case_id: Option<String>,
    pub content_sha256: String,
    pub pdf_sha256: String,
    pub data: String,
    pub issued_at: String,
    pub issued_by: Option<String>,
    /// The issued letter this ralat replaces.
    pub replaces_id: Option<i64>,
    /// Why it was corrected (a ralat only).
    pub correction_reason: Option<String>,
}

const COLUMNS: &str = "id, number_id, nomor, kind, tanggal, hal, kepada, signer, case_id, content_sha256, pdf_sha256, data, issued_at, issued_by, replaces_id, correction_reason";

fn decode(r: &rusqlite::Row) -> rusqlite::Result<IssuedLetter> {
    Ok(IssuedLetter {
        id: r.get(0)?,
        number_id: r.get(1)?,
        nomor: r.get(2)?,
        kind: r.get(3)?,
        tanggal: r.get(4)?,
        hal: r.get(5)?,
        kepada: r.get(6)?,
        signer: r.get(7)?,
        case_id: r.get(8)?,
        content_sha256: r.get(9)?,
        pdf_sha256: r.get(10)?,
        data: r.get(11)?,
        issued_at: r.get(12)?,
        issued_by: r.get(13)?,
        replaces_id: r.get(14)?,
        correction_reason: r.get(15)?,
    })
}

/// Fixes the number, stores the PDF and writes the agenda row inside `tx`.
fn insert(
    tx: &rusqlite::Transaction,
    l: &NewIssuedLetter,
    pdf: &[u8],
    now: &str,
) -> Result<IssuedLetter, NumberError> {
    let number = letter_numbers::fix(tx, l.number_id, now)?;
    letter_files::put(tx, l.pdf_sha256, pdf)?;
    tx.execute(
        "INSERT INTO issued_letters (number_id, nomor, kind, tanggal, hal, kepada, signer, case_id,
             content_sha256, pdf_sha256, data, issued_at, issued_by, replaces_id, correction_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            l.number_id,
            number.number,
            l.kind,
            l.tanggal,
            l.hal,
            l.kepada,
            l.signer,
            l.case_id,
            l.content_sha256,
            l.pdf_sha256,
            l.data,
            now,
            l.issued_by,
            l.replaces.map(|(id, _)| id),
            l.replaces.map(|(_, why)| why)
        ],
    )?;
    let id = tx.last_insert_rowid();
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM issued_letters WHERE id = ?1"),
        [id],
        decode,
    )?)
}

fn by_id(conn: &rusqlite::Connection, id: i64) -> Result<Option<IssuedLetter>, crate::DbError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM issued_letters WHERE id = ?1"),
            [id],
            decode,
        )
        .optional()?)
}

fn replacement(
    conn: &rusqlite::Connection,
    id: i64,
) -> Result<Option<IssuedLetter>, crate::DbError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM issued_letters WHERE replaces_id = ?1"),
            [id],
            decode,
        )
        .optional()?)
}

impl Tx<'_> {
    /// [`Db::replacement_of`] inside this transaction.
    pub fn replacement_of(&self, id: i64) -> Result<Option<IssuedLetter>, crate::DbError> {
        replacement(&self.tx, id)
    }

    /// [`Db::issue_letter`] inside this transaction (a draft is signed and issued at once).
    pub fn issue_letter(
        &self,
        l: &NewIssuedLetter,
        pdf: &[u8],
        now: &str,
    ) -> Result<IssuedLetter, NumberError> {
        insert(&self.tx, l, pdf, now)
    }
}

impl Db {
    /// Issues a letter in one transaction: fixes its reserved number, stores the PDF under
    /// its hash and enters the letter in the outgoing agenda. Nothing is written if any step
    /// fails (e.g. the number is not reserved any more).
    pub fn issue_letter(
        &mut self,
        l: &NewIssuedLetter,
        pdf: &[u8],
        now: &str,
    ) -> Result<IssuedLetter, NumberError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = insert(&tx, l, pdf, now)?;
        tx.commit()?;
        Ok(row)
    }

    /// The issued letter `id`, if any.
    pub fn issued_letter(&self, id: i64) -> Result<Option<IssuedLetter>, crate::DbError> {
        by_id(&self.conn, id)
    }

    /// The issued ralat that replaces issued letter `id`, if any (at most one).
    pub fn replacement_of(&self, id: i64) -> Result<Option<IssuedLetter>, crate::DbError> {
        replacement(&self.conn, id)
    }

    /// The issued letter whose PDF has this SHA-256, if any.
    pub fn issued_letter_by_pdf(
        &self,
        sha256: &str,
    ) -> Result<Option<IssuedLetter>, crate::DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM issued_letters WHERE pdf_sha256 = ?1"),
                [sha256],
                decode,
            )
            .optional()?)
    }

    /// The letter already issued with exactly this kind, case and stored data, if any (a
    /// retried issue finds it instead of issuing a second letter).
    pub fn issued_letter_same(
        &self,
        kind: &str,
        case_id: Option<&str>,
        data: &str,
    ) -> Result<Option<IssuedLetter>, crate::DbError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM issued_letters
                      WHERE kind = ?1 AND case_id IS ?2 AND data = ?3 ORDER BY id LIMIT 1"
                ),
                params![kind, case_id, data],
                decode,
            )
            .optional()?)
    }

    /// The issued letter with this number text, if any.
    pub fn issued_letter_by_nomor(
        &self,
        nomor: &str,
    ) -> Result<Option<IssuedLetter>, crate::DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM issued_letters WHERE nomor = ?1"),
                [nomor],
                decode,
            )
            .optional()?)
    }

    /// The outgoing agenda, oldest first; `case_id` narrows it to one case's letters.
    pub fn issued_letters(
        &self,
        case_id: Option<&str>,
    ) -> Result<Vec<IssuedLetter>, crate::DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM issued_letters WHERE ?1 IS NULL OR case_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([case_id], decode)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
