//! `loket db copy`: a populated office from a file onto the server and back, unchanged; and
//! every refused copy writing nothing.

use loket_db::Db;

use super::pg::{unique, Cluster};
use super::{all_rows, check_ok, db_copy, loket, office, os, same_rows, server_init, APP_PASSWORD};

#[test]
fn a_populated_office_goes_onto_the_server_and_back_with_every_row_and_letter() {
    let cluster = Cluster::get();
    let office = office::populated();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = office.copy_to(d);
    let db = unique("copy");
    let role = unique("copy_app");
    server_init(d, &cluster, &db, &role, APP_PASSWORD);
    let laptop = cluster.laptop(&role, APP_PASSWORD, &db);

    let up = db_copy(d, &source, &cluster.owner(&db));
    assert_eq!(
        up.code,
        Some(0),
        "file → server copy succeeds: {}",
        up.text()
    );
    let v = up.json();
    let src = Db::open_existing(&source).unwrap();
    for t in v["tables"].as_array().expect("per-table counts") {
        let table = t["table"].as_str().unwrap();
        assert_eq!(
            t["rows"].as_i64(),
            Some(src.row_count(table).unwrap()),
            "the report counts the source's rows of {table}"
        );
    }
    assert!(
        v["total"].as_i64().unwrap() > 1000,
        "a populated office is copied, not an empty one: {v}"
    );
    assert_eq!(v["check"]["ok"], true, "the target passed its check: {v}");
    eprintln!(
        "copied {} rows in {} tables onto the server",
        v["total"],
        v["tables"].as_array().map_or(0, Vec::len)
    );
    assert!(
        v["check"]["checkpoints"][0]
            .as_str()
            .is_some_and(|l| l.contains("cocok")),
        "the target's audit chain holds the source's head: {v}"
    );
    assert!(
        !up.stdout.contains(&cluster.password),
        "the owner's password is not printed: {}",
        up.stdout
    );

    let back = d.join("kembali.db");
    let down = db_copy(d, &laptop, &back);
    assert_eq!(
        down.code,
        Some(0),
        "server → file copy succeeds: {}",
        down.text()
    );
    assert_eq!(down.json()["created_file"], true, "the file is new");

    let original = all_rows(&source);
    same_rows(&original, &all_rows(&laptop), "file and server");
    same_rows(
        &original,
        &all_rows(&back),
        "file and its copy back from the server",
    );
    for (location, what) in [
        (source.as_path(), "the laptop's file"),
        (laptop.as_path(), "the server as the application role"),
        (back.as_path(), "the copy back"),
    ] {
        check_ok(d, location, what);
    }

    // Every letter the office handed out is recognised by the server and by the copy back.
    for (nomor, pdf) in &office.letters {
        for location in [&laptop, &back] {
            let run = loket(
                d,
                &[
                    os("--db"),
                    location.as_os_str(),
                    os("letter"),
                    os("verify"),
                    pdf.as_os_str(),
                ],
                &[],
            );
            assert_eq!(
                run.code,
                Some(0),
                "letter {nomor} verifies against {}: {}",
                loket_db::display_location(location),
                run.text()
            );
        }
    }

    // Work continues on the server: new ids and agenda numbers follow the copied ones.
    let next = loket(
        d,
        &[
            os("--db"),
            laptop.as_os_str(),
            os("--json"),
            os("case"),
            os("register"),
            os("--service"),
            os("subdomain-hosting"),
            os("--applicant"),
            os("Kecamatan Karangawen"),
            os("--letter-number"),
            os("400.3/900/2026"),
            os("--letter-date"),
            os("2026-03-02"),
            os("--hal"),
            os("Permohonan subdomain kecamatan"),
            os("--received"),
            os("2026-03-03 09:00"),
        ],
        &[
            ("LOKET_USER", "admin"),
            ("LOKET_PASSWORD", office::PASSWORD),
            ("LOKET_NOW", office::NOW),
        ],
    );
    assert_eq!(
        next.code,
        Some(0),
        "a laptop registers on the copied office: {}",
        next.text()
    );
    let case = next.json();
    let before = src.row_count("cases").unwrap();
    assert_eq!(
        case["id"].as_i64(),
        Some(before + 1),
        "the server's id sequence continues after the copied rows: {case}"
    );
    assert_eq!(
        case["agenda_seq"].as_i64(),
        Some(before + 1),
        "the agenda counter continues without a gap or a duplicate: {case}"
    );
    check_ok(d, &laptop, "the server after new work");
}

#[test]
fn a_copy_into_a_database_with_data_is_refused_and_writes_nothing() {
    let cluster = Cluster::get();
    let office = office::populated();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = office.copy_to(d);

    // A file that already holds another office.
    let other = d.join("lain.db");
    let init = loket(
        d,
        &[
            os("--db"),
            other.as_os_str(),
            os("init"),
            os("--office"),
            os("kediri"),
        ],
        &[],
    );
    assert_eq!(init.code, Some(0), "another office: {}", init.text());
    let before = all_rows(&other);
    let run = db_copy(d, &source, &other);
    assert_eq!(
        run.code,
        Some(2),
        "a file with data is refused: {}",
        run.text()
    );
    assert!(
        run.stderr.contains("sudah berisi data"),
        "the refusal says the target holds data: {}",
        run.stderr
    );
    same_rows(&before, &all_rows(&other), "the refused file");

    // A server database that already holds an office.
    let db = unique("full");
    let role = unique("full_app");
    server_init(d, &cluster, &db, &role, APP_PASSWORD);
    let laptop = cluster.laptop(&role, APP_PASSWORD, &db);
    let init = loket(
        d,
        &[
            os("--db"),
            laptop.as_os_str(),
            os("init"),
            os("--office"),
            os("kediri"),
        ],
        &[],
    );
    assert_eq!(
        init.code,
        Some(0),
        "an office on the server: {}",
        init.text()
    );
    let before = all_rows(&laptop);
    let run = db_copy(d, &source, &cluster.owner(&db));
    assert_eq!(
        run.code,
        Some(2),
        "a server with data is refused: {}",
        run.text()
    );
    assert!(
        run.stderr.contains("sudah berisi data") && !run.stderr.contains(&cluster.password),
        "the refusal says the target holds data, without its password: {}",
        run.stderr
    );
    same_rows(&before, &all_rows(&laptop), "the refused server database");

    // An empty server database, but as the laptops' application role: refused before writing.
    let empty = unique("empty");
    let empty_role = unique("empty_app");
    server_init(d, &cluster, &empty, &empty_role, APP_PASSWORD);
    let as_app = cluster.laptop(&empty_role, APP_PASSWORD, &empty);
    let run = db_copy(d, &source, &as_app);
    assert_eq!(
        run.code,
        Some(2),
        "the application role may not fill a database: {}",
        run.text()
    );
    assert!(
        run.stderr.contains("pemilik basis data") && !run.stderr.contains(APP_PASSWORD),
        "the refusal says to copy as the owner, without the password: {}",
        run.stderr
    );
    let after = Db::open_existing(&as_app).unwrap();
    for t in loket_db::copy::TABLES
        .iter()
        .filter(|t| **t != "instructions")
    {
        assert_eq!(after.row_count(t).unwrap(), 0, "nothing was written to {t}");
    }

    // A source that does not exist: refused, and no target file appears.
    let target = d.join("tidak-jadi.db");
    let run = db_copy(d, &d.join("tidak-ada.db"), &target);
    assert_eq!(
        run.code,
        Some(2),
        "a missing source is bad input: {}",
        run.text()
    );
    assert!(
        !target.exists(),
        "no target file is created for a refused copy"
    );
}
