//! The database itself refuses what Loket refuses, whoever connects. As the application role
//! the laptops log in as, with plain SQL and no Loket in between: history (the audit trail,
//! issued letters, their stored PDFs, ralat links, every table server init keeps append-only)
//! cannot be changed or removed, register numbers cannot be deleted nor a voided one changed,
//! and the schema cannot be touched; ordinary work on ordinary tables still goes through. As
//! the superuser (more than the owner the IT staff runs `loket server init` as) the triggers
//! still refuse changes to history.

use loket_api::case::NewCase;
use loket_api::letter::Reservation;
use loket_api::Loket;
use postgres::error::SqlState;
use postgres::{Client, NoTls};

use crate::cluster::{self, Url};
use crate::fo_letter::{demak_in, fo_request};
use crate::office::{at, Office};

/// History on a fresh server database: a request with its scanned letter, the fibre-optic
/// recommendation initialled and signed (issued, its PDF stored), a ralat started from it, a
/// voided number, a reserved one, and the audit entries of all of that.
fn office_with_history() -> Url {
    let url = cluster::fresh_database();
    let mut d = demak_in(Office::on("demak", &url.location()));
    let t = at("2026-03-03T10:00:00+07:00");
    let scan = tempfile::tempdir().unwrap();
    let letter = scan.path().join("surat-permohonan.pdf");
    std::fs::write(
        &letter,
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();
    let request = NewCase {
        attachments: vec![letter],
        ..fo_request()
    };
    d.o.loket.case_register(&d.o.admin, &request, t).unwrap();
    let draft = d.initialled(d.case_id, t);
    let issued =
        d.o.loket
            .letter_sign(&d.kadis, draft, t)
            .unwrap()
            .issued
            .expect("the signed recommendation is issued")
            .nomor;
    let l = &mut d.o.loket;
    l.letter_correct(&d.preparer, &issued, "panjang ruas salah ketik", t)
        .unwrap();
    let reserve = |l: &mut Loket, hal: &str| {
        l.letter_number_reserve(
            &d.preparer,
            &Reservation {
                kind: "rekomendasi_teknis_fo",
                tanggal: t.date_naive(),
                hal,
                case_id: None,
                reserved_by: None,
            },
            t,
        )
        .unwrap()
        .id
    };
    let voided = reserve(l, "Rekomendasi yang batal dikirim");
    l.letter_number_void(&d.preparer, voided, "salah pesan nomor", t)
        .unwrap();
    reserve(l, "Rekomendasi galian kabel berikutnya");
    url
}

fn app_role(url: &Url) -> Client {
    Client::connect(&url.to_string(), NoTls)
        .expect("the application role logs in to its database with plain SQL")
}

/// Runs `sql`; the server's refusal, or a failed assertion naming `why` when it went through.
fn refused(c: &mut Client, sql: &str, why: &str) -> postgres::error::DbError {
    match c.batch_execute(sql) {
        Ok(()) => panic!("{why}: the server accepted `{sql}`"),
        Err(e) => e
            .as_db_error()
            .cloned()
            .unwrap_or_else(|| panic!("{why}: `{sql}` failed without the server's refusal: {e}")),
    }
}

fn denied(c: &mut Client, sql: &str, why: &str) {
    let e = refused(c, sql, why);
    assert_eq!(
        e.code(),
        &SqlState::INSUFFICIENT_PRIVILEGE,
        "{why}: `{sql}` is refused for lack of the right, not by accident: {}",
        e.message()
    );
}

fn trigger_refuses(c: &mut Client, sql: &str, words: &str, why: &str) {
    let e = refused(c, sql, why);
    assert!(
        e.code() == &SqlState::RAISE_EXCEPTION && e.message().contains(words),
        "{why}: `{sql}` is refused by Loket's trigger saying \"{words}\": {} ({:?})",
        e.message(),
        e.code()
    );
}

fn count(c: &mut Client, table: &str) -> i64 {
    cluster::number(c, &format!("SELECT COUNT(*) FROM {table}"))
}

/// The append-only tables issue 15 names; server init may keep more.
const NAMED: &[&str] = &[
    "audit",
    "issued_letters",
    "letter_files",
    "letter_corrections",
];

/// An UPDATE touching every row of `table` (its first column set to itself) and a DELETE.
fn changes(c: &mut Client, table: &str) -> [String; 2] {
    let column: String = c
        .query_one(
            "SELECT column_name::TEXT FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1",
            &[&table],
        )
        .unwrap_or_else(|e| panic!("{table} has columns: {e}"))
        .get(0);
    [
        format!("UPDATE {table} SET {column} = {column}"),
        format!("DELETE FROM {table}"),
    ]
}

/// Every append-only table, with rows in it so that no refusal is just an empty table.
fn append_only_with_rows(c: &mut Client) -> Vec<&'static str> {
    let tables = loket_db::server::APPEND_ONLY;
    for t in NAMED {
        assert!(
            tables.contains(t),
            "server init keeps {t} append-only, as issue 15 asks: {tables:?}"
        );
    }
    for t in tables {
        assert!(
            count(c, t) > 0,
            "{t} holds rows, so its refusals are not about an empty table"
        );
    }
    tables.to_vec()
}

#[test]
fn the_application_role_cannot_change_history_or_the_schema() {
    let url = office_with_history();
    let mut c = app_role(&url);
    for table in append_only_with_rows(&mut c) {
        let before = count(&mut c, table);
        let [update, delete] = changes(&mut c, table);
        denied(
            &mut c,
            &update,
            &format!("{table} is never changed by a laptop"),
        );
        denied(
            &mut c,
            &delete,
            &format!("{table} is never emptied by a laptop"),
        );
        denied(
            &mut c,
            &format!("TRUNCATE {table}"),
            &format!("{table} is never truncated by a laptop"),
        );
        assert_eq!(
            count(&mut c, table),
            before,
            "{table} keeps every row after the refusals"
        );
    }

    // The register: numbers stay, a voided one stays as it was voided.
    let numbers = count(&mut c, "letter_numbers");
    trigger_refuses(
        &mut c,
        "DELETE FROM letter_numbers WHERE status = 'batal'",
        "tidak dapat dihapus",
        "a voided number is never deleted, so it is never given again",
    );
    trigger_refuses(
        &mut c,
        "DELETE FROM letter_numbers WHERE status = 'dipesan'",
        "tidak dapat dihapus",
        "a reserved number is never deleted from the register",
    );
    trigger_refuses(
        &mut c,
        "UPDATE letter_numbers SET status = 'dipesan', void_reason = NULL WHERE status = 'batal'",
        "dibatalkan tidak dapat diubah",
        "a voided number is never brought back",
    );
    assert_eq!(
        count(&mut c, "letter_numbers"),
        numbers,
        "the register keeps every number"
    );
    let reserved = cluster::number(
        &mut c,
        "SELECT COUNT(*) FROM letter_numbers WHERE status = 'dipesan'",
    );
    assert!(reserved > 0, "the register holds reserved numbers");
    assert_eq!(
        c.execute(
            "UPDATE letter_numbers SET hal = hal WHERE status = 'dipesan'",
            &[]
        )
        .expect("a reserved number may still be written (signing fixes it)"),
        reserved as u64,
        "only voided numbers are frozen; the reserved ones are updated"
    );

    // No DDL, and no way around the triggers.
    for (sql, why) in [
        ("CREATE TABLE catatan (isi TEXT)", "no new table"),
        ("DROP TABLE audit", "the audit trail cannot be dropped"),
        ("DROP TABLE cases", "no table can be dropped"),
        (
            "ALTER TABLE cases ADD COLUMN diam TEXT",
            "no table can be altered",
        ),
        (
            "ALTER TABLE audit DISABLE TRIGGER audit_refuse_update",
            "the audit trail's guard cannot be switched off",
        ),
        (
            "DROP TRIGGER letter_numbers_no_delete ON letter_numbers",
            "the register's guard cannot be dropped",
        ),
        ("CREATE SCHEMA lain", "no schema of its own"),
        (
            "SET session_replication_role = replica",
            "triggers cannot be bypassed for the session",
        ),
        (
            "UPDATE loket_schema SET version = version + 1",
            "the schema version is the owner's",
        ),
    ] {
        denied(&mut c, sql, why);
    }

    // Ordinary work goes through: reading, adding, changing and removing ordinary rows.
    let mut tx = c.transaction().unwrap();
    assert!(
        cluster::number(&mut tx, "SELECT COUNT(*) FROM accounts") > 0,
        "the role reads ordinary tables"
    );
    tx.execute(
        "INSERT INTO holidays (date, name, kind, year) VALUES ('2026-12-31', 'Uji hak tulis', 'cuti_bersama', 2026)",
        &[],
    )
    .expect("the role adds rows to an ordinary table");
    assert_eq!(
        tx.execute("DELETE FROM holidays WHERE name = 'Uji hak tulis'", &[])
            .expect("the role removes rows of an ordinary table"),
        1,
        "the row it added is removed again"
    );
    tx.execute("UPDATE cases SET notes = notes", &[])
        .expect("the role changes rows of an ordinary table");
    tx.execute(
        "INSERT INTO audit (seq, at, actor, action, entity, prev_hash, hash)
         VALUES (999999, 'x', 'x', 'x', 'x', 'x', 'x')",
        &[],
    )
    .expect("the role appends to the audit trail (every use case does)");
    tx.rollback().unwrap();
}

#[test]
fn the_triggers_refuse_changes_to_history_even_for_the_superuser() {
    let url = office_with_history();
    let mut su = cluster::superuser(&url.database);
    for table in append_only_with_rows(&mut su) {
        let before = count(&mut su, table);
        let [update, delete] = changes(&mut su, table);
        trigger_refuses(
            &mut su,
            &update,
            "tidak dapat diubah",
            &format!("{table} is not changed even by the superuser"),
        );
        trigger_refuses(
            &mut su,
            &delete,
            "tidak dapat",
            &format!("{table} is not emptied even by the superuser"),
        );
        assert_eq!(
            count(&mut su, table),
            before,
            "{table} keeps every row after the superuser's attempts"
        );
    }
    trigger_refuses(
        &mut su,
        "DELETE FROM letter_numbers",
        "tidak dapat dihapus",
        "register numbers are not deleted even by the superuser",
    );
    trigger_refuses(
        &mut su,
        "UPDATE letter_numbers SET hal = 'diubah' WHERE status = 'batal'",
        "dibatalkan tidak dapat diubah",
        "a voided number is not changed even by the superuser",
    );
    let db = loket_db::Db::open(&url.location()).unwrap();
    assert!(
        db.verify_audit_chain().unwrap().is_empty(),
        "the audit chain is intact after every refused attempt"
    );
}
