//! Read-only queries for the deadline list and the watcher: open cases with their pauses and
//! open dispositions, selected from the tables of `cases` and `dispositions`. No table of
//! its own; it owns no migration.

use std::collections::HashMap;

use crate::params;
use crate::{Db, DbError};

/// An open case with what its deadline needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCase {
    pub id: i64,
    pub year: i64,
    pub agenda_seq: i64,
    pub service_id: String,
    pub standard_id: String,
    pub received_at: String,
    pub status: String,
    pub hal: String,
    pub applicant_name: String,
    /// The due moment stored when the case was registered (or the booked slot).
    pub due_at: Option<String>,
    /// `(started_at, ended_at)` of every pause, oldest first.
    pub pauses: Vec<(String, Option<String>)>,
}

/// An open (not completed, not withdrawn) disposition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDisposition {
    pub id: i64,
    pub case_id: i64,
    pub to_position: String,
    pub sent_at: String,
    /// `YYYY-MM-DD`, or `None` when the disposition sets no batas waktu.
    pub batas_waktu: Option<String>,
    pub sifat: String,
    pub read_at: Option<String>,
}

impl Db {
    /// The post each open case was addressed to, by case id.
    pub fn open_cases_addressed(&self) -> Result<Vec<(i64, String)>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, addressed_to FROM cases WHERE status NOT IN ('selesai', 'ditolak') ORDER BY id",
        )?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }

    /// Cases not finished (`selesai`) or refused (`ditolak`), with their pauses.
    pub fn open_cases(&self) -> Result<Vec<OpenCase>, DbError> {
        let mut pauses: HashMap<i64, Vec<(String, Option<String>)>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT p.case_id, p.started_at, p.ended_at FROM case_pauses p
             JOIN cases c ON c.id = p.case_id
             WHERE c.status NOT IN ('selesai', 'ditolak') ORDER BY p.case_id, p.started_at",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (id, from, to) = row?;
            pauses.entry(id).or_default().push((from, to));
        }
        let rows = self.conn.query(
            "SELECT id, year, agenda_seq, service_id, standard_id, received_at, status, hal,
                    applicant_name, due_at
             FROM cases WHERE status NOT IN ('selesai', 'ditolak') ORDER BY id",
            params![],
        )?;
        rows.into_iter()
            .map(|mut r| {
                let id = r.take(0)?;
                Ok(OpenCase {
                    id,
                    year: r.take(1)?,
                    agenda_seq: r.take(2)?,
                    service_id: r.take(3)?,
                    standard_id: r.take(4)?,
                    received_at: r.take(5)?,
                    status: r.take(6)?,
                    hal: r.take(7)?,
                    applicant_name: r.take(8)?,
                    due_at: r.take(9)?,
                    pauses: pauses.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Dispositions neither completed nor withdrawn.
    pub fn open_dispositions(&self) -> Result<Vec<OpenDisposition>, DbError> {
        let rows = self.conn.query(
            "SELECT id, case_id, to_position, sent_at, batas_waktu, sifat, read_at FROM dispositions
             WHERE completed_at IS NULL AND withdrawn_at IS NULL ORDER BY id",
            params![],
        )?;
        rows.into_iter()
            .map(|mut r| {
                Ok(OpenDisposition {
                    id: r.take(0)?,
                    case_id: r.take(1)?,
                    to_position: r.take(2)?,
                    sent_at: r.take(3)?,
                    batas_waktu: r.take(4)?,
                    sifat: r.take(5)?,
                    read_at: r.take(6)?,
                })
            })
            .collect()
    }
}
