//! Append-only migrations. Each table's module owns its SQL; this list fixes their order.
//! Never edit or reorder an entry that has shipped: add a new one at the end.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::sql::{Conn, Dialect};
use crate::DbError;

use crate::letter_drafts;

use crate::{
    accounts, attachments, audit, blackouts, bookings, case_extensions, cases, closures,
    dispositions, fired_thresholds, holidays, hours_variants, issued_letters, letter_files,
    letter_numbers, letter_templates, notification_events, number_patterns, office, parties,
    people, positions, resources, services, sops, standards, units, weekly_hours,
};

/// A migration written for each backend; both bring the schema to the same version.
pub(crate) struct Migration {
    pub(crate) sqlite: &'static str,
    pub(crate) postgres: &'static str,
}

const fn both(sqlite: &'static str, postgres: &'static str) -> Migration {
    Migration { sqlite, postgres }
}

/// Every migration in order; the index + 1 is the schema version it brings the database to.
pub(crate) const MIGRATIONS: &[Migration] = &[
    both(office::MIGRATION_1, office::PG_MIGRATION_1),
    both(units::MIGRATION_1, units::PG_MIGRATION_1),
    both(positions::MIGRATION_1, positions::PG_MIGRATION_1),
    both(parties::MIGRATION_1, parties::PG_MIGRATION_1),
    both(people::MIGRATION_1, people::PG_MIGRATION_1),
    both(standards::MIGRATION_1, standards::PG_MIGRATION_1),
    both(services::MIGRATION_1, services::PG_MIGRATION_1),
    both(sops::MIGRATION_1, sops::PG_MIGRATION_1),
    both(
        number_patterns::MIGRATION_1,
        number_patterns::PG_MIGRATION_1,
    ),
    both(letter_numbers::MIGRATION_1, letter_numbers::PG_MIGRATION_1),
    both(letter_files::MIGRATION_1, letter_files::PG_MIGRATION_1),
    both(issued_letters::MIGRATION_1, issued_letters::PG_MIGRATION_1),
    both(
        letter_templates::MIGRATION_1,
        letter_templates::PG_MIGRATION_1,
    ),
    both(accounts::MIGRATION_1, accounts::PG_MIGRATION_1),
    both(audit::MIGRATION_1, audit::PG_MIGRATION_1),
    both(cases::MIGRATION_1, cases::PG_MIGRATION_1),
    both(attachments::MIGRATION_1, attachments::PG_MIGRATION_1),
    both(dispositions::MIGRATION_1, dispositions::PG_MIGRATION_1),
    both(resources::MIGRATION_1, resources::PG_MIGRATION_1),
    both(blackouts::MIGRATION_1, blackouts::PG_MIGRATION_1),
    both(bookings::MIGRATION_1, bookings::PG_MIGRATION_1),
    both(holidays::MIGRATION_1, holidays::PG_MIGRATION_1),
    both(closures::MIGRATION_1, closures::PG_MIGRATION_1),
    both(hours_variants::MIGRATION_1, hours_variants::PG_MIGRATION_1),
    both(weekly_hours::MIGRATION_1, weekly_hours::PG_MIGRATION_1),
    both(
        fired_thresholds::MIGRATION_1,
        fired_thresholds::PG_MIGRATION_1,
    ),
    both(
        notification_events::MIGRATION_1,
        notification_events::PG_MIGRATION_1,
    ),
    both(cases::MIGRATION_2, cases::PG_MIGRATION_2),
    both(
        case_extensions::MIGRATION_1,
        case_extensions::PG_MIGRATION_1,
    ),
    both(
        notification_events::MIGRATION_2,
        notification_events::PG_MIGRATION_2,
    ),
    both(letter_drafts::MIGRATION_1, letter_drafts::PG_MIGRATION_1),
    both(
        crate::due_soon::MIGRATION_1,
        crate::due_soon::PG_MIGRATION_1,
    ),
    both(
        crate::skm_responses::MIGRATION_1,
        crate::skm_responses::PG_MIGRATION_1,
    ),
    both(
        crate::complaints::MIGRATION_1,
        crate::complaints::PG_MIGRATION_1,
    ),
    both(
        crate::signer_certificates::MIGRATION_1,
        crate::signer_certificates::PG_MIGRATION_1,
    ),
    both(
        crate::officials::MIGRATION_1,
        crate::officials::PG_MIGRATION_1,
    ),
    both(
        crate::office_settings::MIGRATION_1,
        crate::office_settings::PG_MIGRATION_1,
    ),
    both(
        crate::counters::MIGRATION_1,
        crate::counters::PG_MIGRATION_1,
    ),
    both(issued_letters::MIGRATION_2, issued_letters::PG_MIGRATION_2),
    both(
        crate::letter_corrections::MIGRATION_1,
        crate::letter_corrections::PG_MIGRATION_1,
    ),
    both(
        crate::attachment_files::MIGRATION_1,
        crate::attachment_files::PG_MIGRATION_1,
    ),
    both(
        notification_events::MIGRATION_3,
        notification_events::PG_MIGRATION_3,
    ),
    both(cases::MIGRATION_3, cases::PG_MIGRATION_3),
    both(dispositions::MIGRATION_2, dispositions::PG_MIGRATION_2),
];

fn list() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|m| M::up(m.sqlite)).collect())
}

/// Number of migrations this binary knows: the schema version it writes.
pub fn known_schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version recorded in the database: SQLite's `user_version`, or the one row of
/// `loket_schema` on a server.
pub fn schema_version(conn: &Conn) -> Result<i64, DbError> {
    let sql = match conn.dialect() {
        Dialect::Sqlite => "PRAGMA user_version",
        Dialect::Postgres => "SELECT version FROM loket_schema",
    };
    conn.query_row(sql, crate::params![], |r| r.get(0))
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    list().to_latest(conn)
}

/// Held while a server's schema is created or upgraded, so two `loket server init` runs
/// never apply the same migration twice.
const SCHEMA_LOCK: i64 = 0x4C4F_4B45_5453;

/// Brings the server's schema to this binary's version, each migration in its own
/// transaction together with the version it reaches. Returns (version before, after).
///
/// Errors: `NewerSchema` when the server is ahead of this binary (nothing is changed).
pub(crate) fn migrate_server(conn: &Conn, location: &str) -> Result<(i64, i64), DbError> {
    conn.execute_batch(&format!(
        "SELECT pg_advisory_lock({SCHEMA_LOCK});
         CREATE TABLE IF NOT EXISTS loket_schema (
             one      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
             version  BIGINT NOT NULL
         );
         INSERT INTO loket_schema (version) VALUES (0) ON CONFLICT DO NOTHING;"
    ))?;
    let result = apply_server_migrations(conn, location);
    let _ = conn.execute_batch(&format!("SELECT pg_advisory_unlock({SCHEMA_LOCK})"));
    result
}

fn apply_server_migrations(conn: &Conn, location: &str) -> Result<(i64, i64), DbError> {
    let from = schema_version(conn)?;
    let known = known_schema_version();
    if from > known {
        return Err(DbError::NewerSchema {
            path: location.into(),
            found: from,
            known,
        });
    }
    for (i, m) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        conn.execute_batch("BEGIN")?;
        let step = conn.execute_batch(m.postgres).and_then(|()| {
            conn.execute(
                "UPDATE loket_schema SET version = ?1",
                crate::params![i as i64 + 1],
            )
        });
        match step {
            Ok(_) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(DbError::Server(format!(
                    "migrasi ke versi {} gagal: {e}",
                    i + 1
                )));
            }
        }
    }
    Ok((from, known))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_version_matches_the_list() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let conn = Conn::sqlite(conn);
        assert_eq!(
            schema_version(&conn).unwrap(),
            known_schema_version(),
            "the guard compares against the number of migrations"
        );
        assert!(
            list().validate().is_ok(),
            "every migration applies cleanly on an empty database"
        );
    }
}
