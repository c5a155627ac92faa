//! `store.checkpoint`: the head of the audit chain written down outside the database file.
//!
//! Whoever can write the SQLite file can recompute the whole hash chain after an edit, or
//! delete its newest entries; the chain alone cannot notice either. A checkpoint records how
//! many entries the trail had and the hash of the newest one at a moment, and is kept where the
//! laptop's user cannot rewrite it: next to each backup, printed with the day's state, sent by
//! e-mail. `loket check --checkpoint FILE` (or `--kode` with the printed code) then proves that
//! the trail still holds those entries unchanged: an edit before the checkpoint changes the
//! recomputed hash at its entry, a deletion leaves fewer entries than recorded.

use chrono::{DateTime, FixedOffset};
use loket_db::Db;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{ApiError, Loket};

pub const ID: &str = "store.checkpoint";

/// Hex digits of the head hash in the printed code: 64 bits, beyond reach of a forged chain.
const CODE_HEX: usize = 16;

const TITLE: &str = "Titik periksa jejak audit Loket";

/// The chain head at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Checkpoint {
    /// The office the trail belongs to; `None` for a checkpoint typed as a short code.
    pub office_id: Option<String>,
    /// Entries in the trail then (the newest entry's sequence number).
    pub entries: i64,
    /// Hash of the newest entry (64 hex digits; a typed code gives only its first 16).
    pub head: String,
    /// When it was made (office time, RFC 3339); empty for a typed code.
    pub made_at: String,
}

impl Checkpoint {
    /// The short code for paper: "1234-9F86D081884C7D65" (entries, then the head's start).
    pub fn code(&self) -> String {
        let prefix: String = self.head.chars().take(CODE_HEX).collect();
        format!("{}-{}", self.entries, prefix.to_uppercase())
    }

    /// The checkpoint as the text file Loket writes and reads back.
    pub fn to_text(&self) -> String {
        format!(
            "{TITLE}\nKantor  : {}\nEntri   : {}\nKepala  : {}\nDibuat  : {}\nKode    : {}\n\
             Simpan berkas ini di luar komputer ini (cetak, surel, media cadangan).\n\
             Periksa dengan: loket check --checkpoint <berkas ini>\n",
            self.office_id.as_deref().unwrap_or("-"),
            self.entries,
            self.head,
            self.made_at,
            self.code()
        )
    }

    /// Reads a checkpoint file written by [`Checkpoint::to_text`]; `source` names it in
    /// messages.
    pub fn parse(source: &str, text: &str) -> Result<Checkpoint, ApiError> {
        let bad = |what: &str| {
            ApiError::bad_input(format!(
                "{source} bukan titik periksa jejak audit Loket: {what}; pakai berkas yang dibuat `loket audit checkpoint` atau `loket backup`"
            ))
        };
        if !text.starts_with(TITLE) {
            return Err(bad("baris judulnya tidak ada"));
        }
        let field = |name: &str| -> Option<&str> {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.trim_start().strip_prefix(':'))
                .map(str::trim)
        };
        let office = field("Kantor").ok_or_else(|| bad("baris Kantor tidak ada"))?;
        let entries: i64 = field("Entri")
            .and_then(|v| v.parse().ok())
            .filter(|n| *n >= 0)
            .ok_or_else(|| bad("baris Entri bukan bilangan"))?;
        let head = field("Kepala")
            .filter(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()))
            .ok_or_else(|| bad("baris Kepala bukan 64 digit heksadesimal"))?;
        Ok(Checkpoint {
            office_id: (office != "-").then(|| office.to_string()),
            entries,
            head: head.to_ascii_lowercase(),
            made_at: field("Dibuat").unwrap_or_default().to_string(),
        })
    }

    /// Reads the short code printed on paper ("1234-9F86D081884C7D65"; spaces and dashes
    /// inside the hash part are ignored).
    pub fn parse_code(code: &str) -> Result<Checkpoint, ApiError> {
        let bad = || {
            ApiError::bad_input(format!(
                "kode titik periksa `{code}` tidak dikenali; tulis jumlah entri, tanda hubung, lalu {CODE_HEX} digit heksadesimal seperti tercetak, misalnya 1234-9F86D081884C7D65"
            ))
        };
        let (entries, hash) = code.trim().split_once('-').ok_or_else(bad)?;
        let entries: i64 = entries
            .trim()
            .parse()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(bad)?;
        let hash: String = hash.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if hash.len() != CODE_HEX || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad());
        }
        Ok(Checkpoint {
            office_id: None,
            entries,
            head: hash.to_ascii_lowercase(),
            made_at: String::new(),
        })
    }

    /// "titik periksa 2026-12-02T21:00:00+07:00 (entri 1234)" for messages.
    fn name(&self) -> String {
        if self.made_at.is_empty() {
            format!("titik periksa {} (entri {})", self.code(), self.entries)
        } else {
            format!("titik periksa {} (entri {})", self.made_at, self.entries)
        }
    }
}

/// The chain head of `db` now.
pub(crate) fn of(db: &Db, now: DateTime<FixedOffset>) -> Result<Checkpoint, ApiError> {
    let office_id = db.office().ok().map(|o| o.office.id);
    let (entries, head) = db
        .audit_head()?
        .unwrap_or((0, loket_db::audit::GENESIS.to_string()));
    Ok(Checkpoint {
        office_id,
        entries,
        head,
        made_at: now.to_rfc3339(),
    })
}

/// What `db`'s trail says against `cp`: `Ok(line)` when it still holds the recorded entries
/// unchanged, `Err(problem)` naming what was deleted, changed or belongs elsewhere.
pub(crate) fn verify(db: &Db, cp: &Checkpoint) -> Result<Result<String, String>, ApiError> {
    let name = cp.name();
    let here = db.office().ok().map(|o| o.office.id);
    if let (Some(theirs), Some(ours)) = (&cp.office_id, &here) {
        if theirs != ours {
            return Ok(Err(format!(
                "jejak audit: {name} milik kantor `{theirs}`, bukan `{ours}`"
            )));
        }
    }
    let count = db.audit_head()?.map_or(0, |(seq, _)| seq);
    if count < cp.entries {
        return Ok(Err(format!(
            "jejak audit: {name} mencatat {} entri, basis data kini hanya {count}: entri terakhir telah dihapus",
            cp.entries
        )));
    }
    let stored = if cp.entries == 0 {
        Some(loket_db::audit::GENESIS.to_string())
    } else {
        db.audit_hash_at(cp.entries)?
    };
    match stored {
        Some(h) if h.starts_with(&cp.head) => Ok(Ok(format!(
            "{name}: cocok, {count} entri kini"
        ))),
        Some(_) => Ok(Err(format!(
            "jejak audit: entri {} tidak sama dengan {name}: riwayat sampai titik itu telah diubah atau rantainya dihitung ulang",
            cp.entries
        ))),
        None => Ok(Err(format!(
            "jejak audit: entri {} dari {name} tidak ada lagi",
            cp.entries
        ))),
    }
}

impl Loket {
    /// The audit chain's head now, to keep outside this computer. Reads only.
    pub fn store_checkpoint(&self, now: DateTime<FixedOffset>) -> Result<Checkpoint, ApiError> {
        of(&self.db, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Checkpoint {
        Checkpoint {
            office_id: Some("demak".into()),
            entries: 42,
            head: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            made_at: "2026-12-02T21:00:00+07:00".into(),
        }
    }

    #[test]
    fn the_text_file_reads_back_as_written() {
        let cp = sample();
        let back = Checkpoint::parse("tp.txt", &cp.to_text()).unwrap();
        assert_eq!(back, cp, "a written checkpoint reads back field for field");
        assert_eq!(
            cp.code(),
            "42-9F86D081884C7D65",
            "the printed code is entries and 16 hex digits"
        );
    }

    #[test]
    fn a_typed_code_reads_with_spaces_and_dashes() {
        let cp = Checkpoint::parse_code(" 42-9F86 D081-884C 7D65 ").unwrap();
        assert_eq!(cp.entries, 42, "the entries before the first dash");
        assert_eq!(
            cp.head, "9f86d081884c7d65",
            "grouping in the hash part is ignored"
        );
        for bad in [
            "",
            "42",
            "x-9F86D081884C7D65",
            "42-9F86",
            "-1-9F86D081884C7D65",
            "42-ZZ86D081884C7D65",
        ] {
            let e = Checkpoint::parse_code(bad).expect_err(bad);
            assert!(
                e.message.contains("misalnya 1234-"),
                "a bad code `{bad}` is explained with an example: {}",
                e.message
            );
        }
    }

    #[test]
    fn a_file_that_is_not_a_checkpoint_is_named_in_the_refusal() {
        let e = Checkpoint::parse("catatan.txt", "hanya catatan").unwrap_err();
        assert!(
            e.message.contains("catatan.txt"),
            "the refusal names the file: {}",
            e.message
        );
        let broken = sample()
            .to_text()
            .replace("Entri   : 42", "Entri   : banyak");
        let e = Checkpoint::parse("tp.txt", &broken).unwrap_err();
        assert!(
            e.message.contains("Entri"),
            "the refusal names the bad line: {}",
            e.message
        );
    }
}
