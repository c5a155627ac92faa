//! `loket db copy`: a whole office from one database into another empty one, in either
//! direction between a laptop's file and the office's server, in one transaction.
//!
//! Every table is copied row for row with its ids, so the audit hash chain, the agenda and
//! letter numbers and the stored PDFs arrive unchanged; the server's id sequences are moved
//! past the copied ids afterwards.

use crate::sql::{Conn, Dialect, Param, Value};
use crate::{Db, DbError};

/// Every table in the order it was created: a parent before the tables that point to it.
pub const TABLES: &[&str] = &[
    "office",
    "units",
    "positions",
    "parties",
    "people",
    "standards",
    "services",
    "service_versions",
    "sops",
    "number_patterns",
    "letter_numbers",
    "letter_files",
    "issued_letters",
    "letter_templates",
    "accounts",
    "acting",
    "audit",
    "cases",
    "case_requirements",
    "case_steps",
    "case_pauses",
    "attachments",
    "dispositions",
    "instructions",
    "resources",
    "operator_skills",
    "blackouts",
    "bookings",
    "booking_resources",
    "booking_operators",
    "booking_handovers",
    "holidays",
    "holiday_years",
    "closures",
    "hours_variants",
    "weekly_hours",
    "fired_thresholds",
    "notification_events",
    "case_extensions",
    "notification_reads",
    "letter_drafts",
    "letter_draft_events",
    "due_soon",
    "skm_responses",
    "complaints",
    "complaint_settings",
    "signer_certificates",
    "trusted_roots",
    "officials",
    "office_settings",
    "counters",
    "letter_corrections",
    "attachment_files",
    "notification_deliveries",
];

/// Tables a new database already holds rows in (the migrations seed them); a copy replaces
/// them with the source's rows.
const SEEDED: &[&str] = &["instructions"];

/// Rows copied per table, in [`TABLES`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub tables: Vec<(String, i64)>,
}

impl CopyReport {
    /// All rows copied.
    pub fn total(&self) -> i64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

impl Db {
    /// The columns of `table` that hold data (a server's generated search column is left out:
    /// the target computes its own).
    pub fn columns(&self, table: &str) -> Result<Vec<String>, DbError> {
        columns(&self.conn, table)
    }

    /// Number of rows in `table`.
    pub fn row_count(&self, table: &str) -> Result<i64, DbError> {
        known(table)?;
        self.conn.query_row(
            &format!("SELECT COUNT(*) FROM {table}"),
            crate::params![],
            |r| r.get(0),
        )
    }

    /// Every row of `table`, ordered by its data (empty values first on both backends), for
    /// comparing two databases.
    pub fn rows(&self, table: &str) -> Result<Vec<Vec<Value>>, DbError> {
        known(table)?;
        let cols = self.columns(table)?;
        let order = (1..=cols.len())
            .map(|i| format!("{i} NULLS FIRST"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = self.conn.query(
            &format!("SELECT {} FROM {table} ORDER BY {order}", cols.join(", ")),
            crate::params![],
        )?;
        Ok(rows.into_iter().map(|r| r.values).collect())
    }

    /// Whether this login may receive a whole copy: on a server it must move every id sequence
    /// past the copied ids, which the database owner may and the application role laptops log
    /// in as may not. Reads only; always true for a file.
    pub fn may_receive_copy(&self) -> Result<bool, DbError> {
        match self.conn.dialect() {
            Dialect::Sqlite => Ok(true),
            Dialect::Postgres => self.conn.query_row(
                "SELECT COALESCE(bool_and(has_sequence_privilege(c.oid, 'UPDATE')), TRUE)
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind = 'S' AND n.nspname = 'public'",
                crate::params![],
                |r| r.get(0),
            ),
        }
    }

    /// Copies every row of `self` into `target`, which must hold no office yet. One
    /// transaction on the target: on any error nothing is written.
    ///
    /// Errors: `Server`/`Sqlite` from either side; `TargetNotEmpty` when the target holds data.
    pub fn copy_into(
        &self,
        target: &mut Db,
        progress: impl FnMut(&str, i64),
    ) -> Result<CopyReport, DbError> {
        for table in TABLES.iter().filter(|t| !SEEDED.contains(t)) {
            if target.row_count(table)? > 0 {
                return Err(DbError::TargetNotEmpty {
                    location: crate::display_location(target.path()),
                    table: (*table).to_string(),
                });
            }
        }
        // The source is read as one moment, even while laptops keep writing to it.
        self.conn.start_read()?;
        let copied = self.copy_rows(target, progress);
        let _ = self.conn.end_tx(false);
        let report = copied?;
        for (table, n) in &report {
            let there = target.row_count(table)?;
            if there != *n {
                return Err(DbError::Server(format!(
                    "tabel {table}: {n} baris disalin tetapi {there} baris ada di tujuan"
                )));
            }
        }
        Ok(CopyReport { tables: report })
    }

    /// Every table's rows into `target` in one write transaction there.
    fn copy_rows(
        &self,
        target: &mut Db,
        mut progress: impl FnMut(&str, i64),
    ) -> Result<Vec<(String, i64)>, DbError> {
        let tx = target.begin()?;
        if tx.tx.dialect() == Dialect::Sqlite {
            tx.tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        }
        for table in SEEDED {
            tx.tx
                .execute(&format!("DELETE FROM {table}"), crate::params![])?;
        }
        let mut report = Vec::new();
        for table in TABLES {
            let n = copy_table(&self.conn, tx.tx, table)?;
            progress(table, n);
            report.push(((*table).to_string(), n));
        }
        if tx.tx.dialect() == Dialect::Postgres {
            advance_sequences(tx.tx)?;
        }
        tx.commit()?;
        Ok(report)
    }
}

fn known(table: &str) -> Result<(), DbError> {
    if TABLES.contains(&table) {
        Ok(())
    } else {
        Err(DbError::Server(format!("tabel `{table}` tidak dikenal")))
    }
}

fn columns(conn: &Conn, table: &str) -> Result<Vec<String>, DbError> {
    known(table)?;
    let sql = match conn.dialect() {
        Dialect::Sqlite => "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
        Dialect::Postgres => {
            "SELECT column_name::text FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name = ?1 AND is_generated = 'NEVER'
                AND column_name::text <> 'search'
              ORDER BY ordinal_position"
        }
    };
    let mut stmt = conn.prepare(sql)?;
    let names = stmt.query_map(crate::params![table], |r| r.get::<_, String>(0))?;
    names.collect()
}

fn copy_table(from: &Conn, to: &Conn, table: &str) -> Result<i64, DbError> {
    let cols = columns(from, table)?;
    let order = match from.dialect() {
        Dialect::Sqlite => "rowid".to_string(),
        Dialect::Postgres => "1".to_string(),
    };
    let rows = from.query(
        &format!("SELECT {} FROM {table} ORDER BY {order}", cols.join(", ")),
        crate::params![],
    )?;
    let marks = (1..=cols.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let insert = format!("INSERT INTO {table} ({}) VALUES ({marks})", cols.join(", "));
    for row in &rows {
        let params: Vec<&dyn Param> = row.values.iter().map(|v| v as &dyn Param).collect();
        to.execute(&insert, &params)?;
    }
    Ok(rows.len() as i64)
}

/// Moves each identity sequence past the highest copied id, so the next row gets a new one.
fn advance_sequences(conn: &Conn) -> Result<(), DbError> {
    let identities = conn.query(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
          WHERE table_schema = 'public' AND is_identity = 'YES'",
        crate::params![],
    )?;
    for row in identities {
        let table: String = row.get(0)?;
        let column: String = row.get(1)?;
        known(&table)?;
        conn.query_row(
            &format!(
                "SELECT setval(pg_get_serial_sequence(?1, ?2),
                               COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            ),
            crate::params![table, column],
            |r| r.get::<_, i64>(0),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_list_names_every_table_of_the_schema_in_creation_order() {
        let db = Db::open_in_memory().unwrap();
        let mut stmt = db
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                  AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'cases_fts%' ORDER BY rowid",
            )
            .unwrap();
        let names: Vec<String> = stmt
            .query_map(crate::params![], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            names,
            TABLES.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            "a table missing from TABLES would be left behind by `loket db copy`"
        );
    }
}
