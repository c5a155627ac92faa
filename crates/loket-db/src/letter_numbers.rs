//! Table `letter_numbers`: the numbering register. A number is reserved (`dipesan`) for a
//! draft, fixed (`tetap`) when the letter is signed, or voided (`batal`) with a reason.
//! Rows are never deleted, so a voided number is never given again.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE letter_numbers (
    id           INTEGER PRIMARY KEY,
    pattern_id   TEXT NOT NULL REFERENCES number_patterns (id),
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    number       TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    hal          TEXT NOT NULL,
    case_id      TEXT,
    status       TEXT NOT NULL CHECK (status IN ('dipesan', 'tetap', 'batal')),
    reserved_at  TEXT NOT NULL,
    reserved_by  TEXT,
    fixed_at     TEXT,
    voided_at    TEXT,
    void_reason  TEXT,
    UNIQUE (pattern_id, year, seq)
) STRICT;
";

/// What a reservation records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberRequest<'a> {
    pub pattern_id: &'a str,
    pub year: i32,
    pub kind: &'a str,
    pub hal: &'a str,
    pub case_id: Option<&'a str>,
    pub reserved_by: Option<&'a str>,
}

/// One register row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredNumber {
    pub id: i64,
    pub pattern_id: String,
    pub year: i32,
    pub seq: i64,
    pub number: String,
    pub kind: String,
    pub hal: String,
    pub case_id: Option<String>,
    /// `dipesan`, `tetap` or `batal`.
    pub status: String,
    pub reserved_at: String,
    pub fixed_at: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

/// Why a register change was refused.
#[derive(Debug, thiserror::Error)]
pub enum NumberError {
    #[error("nomor dengan id {0} tidak ada di buku register")]
    NotFound(i64),
    #[error("nomor {number} berstatus '{status}' sehingga tidak dapat {action}")]
    WrongStatus {
        number: String,
        status: String,
        action: &'static str,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for NumberError {
    fn from(e: rusqlite::Error) -> Self {
        NumberError::Db(DbError::Sqlite(e))
    }
}

const COLUMNS: &str = "id, pattern_id, year, seq, number, kind, hal, case_id, status, reserved_at, fixed_at, voided_at, void_reason";

fn decode(r: &rusqlite::Row) -> rusqlite::Result<RegisteredNumber> {
    Ok(RegisteredNumber {
        id: r.get(0)?,
        pattern_id: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        number: r.get(4)?,
        kind: r.get(5)?,
        hal: r.get(6)?,
        case_id: r.get(7)?,
        status: r.get(8)?,
        reserved_at: r.get(9)?,
        fixed_at: r.get(10)?,
        voided_at: r.get(11)?,
        void_reason: r.get(12)?,
    })
}

impl Db {
    /// Reserves the next running number of `pattern_id` for `year` and records it; `format`
    /// turns the running number into the number's text. The write lock is taken before the
    /// counter is read, so two processes on one database never get the same number.
    pub fn reserve_number(
        &mut self,
        req: &NumberRequest,
        now: &str,
        format: impl Fn(i64) -> String,
    ) -> Result<RegisteredNumber, DbError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = reserve(&tx, req, now, format)?;
        tx.commit()?;
        Ok(row)
    }

    /// One register row.
    pub fn registered_number(&self, id: i64) -> Result<Option<RegisteredNumber>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
                [id],
                decode,
            )
            .optional()?)
    }

    /// The register, oldest first; `year` narrows it to one year.
    pub fn registered_numbers(&self, year: Option<i32>) -> Result<Vec<RegisteredNumber>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM letter_numbers WHERE ?1 IS NULL OR year = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([year], decode)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Voids a reserved number with a reason; it stays in the register and is never reused.
    pub fn void_number(
        &mut self,
        id: i64,
        reason: &str,
        now: &str,
    ) -> Result<RegisteredNumber, NumberError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
                [id],
                decode,
            )
            .optional()?
            .ok_or(NumberError::NotFound(id))?;
        if row.status != "dipesan" {
            return Err(NumberError::WrongStatus {
                number: row.number,
                status: row.status,
                action: "dibatalkan (hanya nomor yang masih dipesan)",
            });
        }
        tx.execute(
            "UPDATE letter_numbers SET status = 'batal', voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            params![id, now, reason],
        )?;
        let row = tx.query_row(
            &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
            [id],
            decode,
        )?;
        tx.commit()?;
        Ok(row)
    }
}

/// Reserves the next running number inside the caller's (write-locked) transaction.
pub(crate) fn reserve(
    tx: &rusqlite::Transaction,
    req: &NumberRequest,
    now: &str,
    format: impl Fn(i64) -> String,
) -> Result<RegisteredNumber, DbError> {
    let seq = crate::counters::take(
        tx,
        &crate::counters::letter(req.pattern_id),
        i64::from(req.year),
    )?;
    let number = format(seq);
    let id: i64 = tx.query_row(
        "INSERT INTO letter_numbers (pattern_id, year, seq, number, kind, hal, case_id, status, reserved_at, reserved_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'dipesan', ?8, ?9) RETURNING id",
        params![req.pattern_id, req.year, seq, number, req.kind, req.hal, req.case_id, now, req.reserved_by],
        |r| r.get(0),
    )?;
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
        [id],
        decode,
    )?)
}

impl Tx<'_> {
    /// One register row as seen inside this transaction.
    pub fn registered_number(&self, id: i64) -> Result<Option<RegisteredNumber>, DbError> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
                [id],
                decode,
            )
            .optional()?)
    }

    /// [`Db::reserve_number`] inside this transaction.
    pub fn reserve_number(
        &self,
        req: &NumberRequest,
        now: &str,
        format: impl Fn(i64) -> String,
    ) -> Result<RegisteredNumber, DbError> {
        reserve(&self.tx, req, now, format)
    }

    /// Voids a reserved number inside this transaction (a draft is cancelled).
    pub fn void_number(&self, id: i64, reason: &str, now: &str) -> Result<(), NumberError> {
        let n = self.tx.execute(
            "UPDATE letter_numbers SET status = 'batal', voided_at = ?2, void_reason = ?3
             WHERE id = ?1 AND status = 'dipesan'",
            params![id, now, reason],
        )?;
        if n == 0 {
            return Err(NumberError::NotFound(id));
        }
        Ok(())
    }
}

/// Fixes a reserved number inside the caller's transaction (the letter is being issued).
pub(crate) fn fix(
    tx: &rusqlite::Transaction,
    id: i64,
    now: &str,
) -> Result<RegisteredNumber, NumberError> {
    let row = tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
            [id],
            decode,
        )
        .optional()?
        .ok_or(NumberError::NotFound(id))?;
    if row.status != "dipesan" {
        return Err(NumberError::WrongStatus {
            number: row.number,
            status: row.status,
            action: "ditetapkan (hanya nomor yang masih dipesan)",
        });
    }
    tx.execute(
        "UPDATE letter_numbers SET status = 'tetap', fixed_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(tx.query_row(
        &format!("SELECT {COLUMNS} FROM letter_numbers WHERE id = ?1"),
        [id],
        decode,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number_patterns::StoredPattern;

    fn db() -> Db {
        let mut db = Db::open_in_memory().unwrap();
        db.save_number_pattern(
            &StoredPattern {
                id: "umum".into(),
                pattern: "{klasifikasi}/{urut}/{tahun}".into(),
                klasifikasi: "000.8".into(),
                unit: String::new(),
                kinds: vec!["surat_balasan".into()],
            },
            "2024-03-25T08:00:00+07:00",
        )
        .unwrap();
        db
    }

    fn req(year: i32) -> NumberRequest<'static> {
        NumberRequest {
            pattern_id: "umum",
            year,
            kind: "surat_balasan",
            hal: "Jawaban",
            case_id: None,
            reserved_by: None,
        }
    }

    #[test]
    fn numbers_count_per_pattern_and_year_and_voids_are_never_reused() {
        let mut db = db();
        let now = "2024-03-25T08:00:00+07:00";
        let f = |y: i32| move |s: i64| format!("000.8/{s}/{y}");
        let a = db.reserve_number(&req(2024), now, f(2024)).unwrap();
        let b = db.reserve_number(&req(2024), now, f(2024)).unwrap();
        assert_eq!(
            (a.seq, b.seq),
            (1, 2),
            "numbers run 1, 2, ... within a year"
        );
        db.void_number(b.id, "salah ketik", now).unwrap();
        let c = db.reserve_number(&req(2024), now, f(2024)).unwrap();
        assert_eq!(c.seq, 3, "a voided number is not given again");
        let d = db.reserve_number(&req(2025), now, f(2025)).unwrap();
        assert_eq!(d.seq, 1, "the counter restarts in a new year");
        let voided = db.registered_number(b.id).unwrap().unwrap();
        assert_eq!(
            (voided.status.as_str(), voided.void_reason.as_deref()),
            ("batal", Some("salah ketik")),
            "a voided number stays on record with its reason"
        );
        assert!(
            matches!(
                db.void_number(b.id, "lagi", now),
                Err(NumberError::WrongStatus { .. })
            ),
            "a number is voided once"
        );
        assert_eq!(
            db.registered_numbers(Some(2024)).unwrap().len(),
            3,
            "register keeps every row"
        );
    }

    #[test]
    fn a_rolled_back_act_gives_its_number_back_so_the_register_has_no_gap() {
        let mut db = db();
        let now = "2024-03-25T08:00:00+07:00";
        let f = |s: i64| format!("000.8/{s}/2024");
        {
            let tx = db.begin().unwrap();
            let n = tx.reserve_number(&req(2024), now, f).unwrap();
            assert_eq!(n.seq, 1, "the first number of the year");
            // Dropped without commit: the act failed after taking its number.
        }
        let again = db.reserve_number(&req(2024), now, f).unwrap();
        assert_eq!(
            again.seq, 1,
            "the counter row rolled back with the act: no gap"
        );
        assert_eq!(
            db.next_number_seq("umum", 2024).unwrap(),
            2,
            "the preview reads the counter without taking a number"
        );
    }

    #[test]
    fn the_migration_seeds_each_counter_from_the_numbers_already_given() {
        let mut db = db();
        let now = "2024-03-25T08:00:00+07:00";
        for _ in 0..3 {
            db.reserve_number(&req(2024), now, |s| format!("{s}"))
                .unwrap();
        }
        // The state of an office upgraded from before the counters: numbers, no counter rows.
        let seed =
            &crate::counters::MIGRATION_1[crate::counters::MIGRATION_1.find("INSERT").unwrap()..];
        db.conn
            .execute_batch(&format!("DELETE FROM counters; {seed}"))
            .unwrap();
        let next = db
            .reserve_number(&req(2024), now, |s| format!("{s}"))
            .unwrap();
        assert_eq!(
            next.seq, 4,
            "an upgraded office continues after its last number, never from 1"
        );
    }

    #[test]
    fn a_counter_behind_the_register_is_reported_by_the_check() {
        let mut db = db();
        let now = "2024-03-25T08:00:00+07:00";
        for _ in 0..2 {
            db.reserve_number(&req(2024), now, |s| format!("{s}"))
                .unwrap();
        }
        assert!(
            db.lagging_counters().unwrap().is_empty(),
            "a sound file has no lagging counter"
        );
        db.conn.execute("UPDATE counters SET last = 1", []).unwrap();
        let problems = db.check().unwrap().integrity;
        assert!(
            problems
                .iter()
                .any(|p| p.contains("letter:umum") && p.contains("2024") && p.contains("nomor 2")),
            "loket check names the counter that would give a used number again: {problems:?}"
        );
    }
}
