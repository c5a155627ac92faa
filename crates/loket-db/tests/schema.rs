//! The schema after all migrations, compared with the committed snapshot `schema.sql`.
//! A change here must be a new migration; update the snapshot with LOKET_UPDATE_SCHEMA=1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use loket_db::Db;

#[test]
fn schema_matches_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(Db::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    let sql: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let actual = sql.join(";\n\n") + ";\n";
    let snapshot = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.sql");
    if std::env::var_os("LOKET_UPDATE_SCHEMA").is_some() {
        std::fs::write(snapshot, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(snapshot).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "schema changed: add a migration (never edit a shipped one) and refresh schema.sql with LOKET_UPDATE_SCHEMA=1"
    );
}
