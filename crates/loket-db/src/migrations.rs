//! Append-only migrations. Each table's module owns its SQL; this list fixes their order.
//! Never edit or reorder an entry that has shipped: add a new one at the end.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::letter_drafts;

use crate::{
    accounts, attachments, audit, blackouts, bookings, case_extensions, cases, closures,
    dispositions, fired_thresholds, holidays, hours_variants, issued_letters, letter_files,
    letter_numbers, letter_templates, notification_events, number_patterns, office, parties,
    people, positions, resources, services, sops, standards, units, weekly_hours,
};

/// Every migration in order; the index + 1 is the schema version it brings the file to.
const MIGRATIONS: &[&str] = &[
    office::MIGRATION_1,
    units::MIGRATION_1,
    positions::MIGRATION_1,
    parties::MIGRATION_1,
    people::MIGRATION_1,
    standards::MIGRATION_1,
    services::MIGRATION_1,
    sops::MIGRATION_1,
    number_patterns::MIGRATION_1,
    letter_numbers::MIGRATION_1,
    letter_files::MIGRATION_1,
    issued_letters::MIGRATION_1,
    letter_templates::MIGRATION_1,
    accounts::MIGRATION_1,
    audit::MIGRATION_1,
    cases::MIGRATION_1,
    attachments::MIGRATION_1,
    dispositions::MIGRATION_1,
    resources::MIGRATION_1,
    blackouts::MIGRATION_1,
    bookings::MIGRATION_1,
    holidays::MIGRATION_1,
    closures::MIGRATION_1,
    hours_variants::MIGRATION_1,
    weekly_hours::MIGRATION_1,
    fired_thresholds::MIGRATION_1,
    notification_events::MIGRATION_1,
    cases::MIGRATION_2,
    case_extensions::MIGRATION_1,
    notification_events::MIGRATION_2,
    letter_drafts::MIGRATION_1,
    crate::due_soon::MIGRATION_1,
    crate::skm_responses::MIGRATION_1,
    crate::complaints::MIGRATION_1,
    crate::signer_certificates::MIGRATION_1,
    crate::officials::MIGRATION_1,
    crate::office_settings::MIGRATION_1,
    crate::counters::MIGRATION_1,
    issued_letters::MIGRATION_2,
    crate::letter_corrections::MIGRATION_1,
];

fn list() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Number of migrations this binary knows: the schema version it writes.
pub fn known_schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version recorded in the file (SQLite `user_version`).
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    list().to_latest(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_version_matches_the_list() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
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
