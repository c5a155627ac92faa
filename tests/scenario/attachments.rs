//! Attachments live in the database, on both backends: stored once per SHA-256 in the same
//! transaction as the attachment row, read back from there (whatever happened to the file
//! that was attached), append-only, and checked by `loket check`, which names an altered
//! file with its case and name. A laptop's file database written by an older Loket, which
//! kept the bytes in `lampiran/` beside the file, has them moved in when it is opened; a
//! missing or altered file there is reported by `loket check`, never a refusal to open.

#[path = "office.rs"]
mod office;

use std::path::{Path, PathBuf};

use loket_api::account::Actor;
use loket_api::store::check_file;
use loket_api::{ErrorCode, Loket};
use office::{at, hosting_request, Office, PASSWORD};
use sha2::{Digest, Sha256};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR pindaian KTP";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `bytes` as `name` in `dir` and returns its path.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Registers the hosting request with `files` attached; returns (case id, agenda number).
fn register(loket: &mut Loket, admin: &Actor, files: Vec<PathBuf>, hal: &str) -> (i64, String) {
    let mut new = hosting_request();
    new.hal = hal.into();
    new.attachments = files;
    let c = loket
        .case_register(admin, &new, at("2026-03-02T08:30:00+07:00"))
        .unwrap();
    (c.id, c.agenda_number)
}

/// The database name in a server address (`postgres://u:p@host:port/<name>?…`).
fn server_database(location: &Path) -> String {
    let text = location.to_string_lossy();
    let path = text.rsplit_once('/').map_or(&*text, |(_, p)| p);
    path.split('?').next().unwrap_or(path).to_string()
}

/// Replaces the stored bytes of `sha` as someone with the disk or the owner's password
/// could, past the triggers that refuse it to Loket.
fn tamper(location: &Path, sha: &str) {
    if loket_tests::backend::is_postgres() {
        let mut su = loket_tests::backend::superuser(&server_database(location));
        su.batch_execute(&format!(
            "ALTER TABLE attachment_files DISABLE TRIGGER USER;
             UPDATE attachment_files SET bytes = '\\x2550444620676573656b'::bytea WHERE sha256 = '{sha}';
             ALTER TABLE attachment_files ENABLE TRIGGER USER;"
        ))
        .unwrap();
    } else {
        let conn = rusqlite::Connection::open(location).unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER attachment_files_no_update;
             UPDATE attachment_files SET bytes = X'2550444620676573656b' WHERE sha256 = '{sha}';"
        ))
        .unwrap();
    }
}

#[test]
fn attachments_are_stored_once_in_the_database_and_read_back_from_it() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let now = at("2026-03-02T09:00:00+07:00");
    let dir = tempfile::tempdir().unwrap();
    let pdf = file(dir.path(), "surat-permohonan.pdf", PDF);
    let (first, agenda) = register(&mut o.loket, &admin, vec![pdf.clone()], "Hosting PPDB");
    let (second, _) = register(&mut o.loket, &admin, vec![pdf.clone()], "Hosting SIPD");
    o.loket
        .case_attach_bytes(&admin, first, "ktp-pemohon.png", PNG, now)
        .unwrap();
    std::fs::remove_file(&pdf).unwrap();

    let page = o.loket.case_show(&admin, first, now).unwrap();
    assert_eq!(page.attachments.len(), 2, "both files are attached");
    for (view, bytes) in page.attachments.iter().zip([PDF, PNG]) {
        let got = o.loket.case_attachment_file(&admin, view.id, now).unwrap();
        assert_eq!(
            got.bytes, bytes,
            "{} is read from the database although the attached file is gone",
            view.name
        );
        assert_eq!(got.name, view.name, "the original name comes with it");
        assert_eq!(
            got.media_type, view.media_type,
            "and the type the checks found"
        );
    }
    let other = o.loket.case_show(&admin, second, now).unwrap().attachments;
    assert_eq!(
        other[0].sha256, page.attachments[0].sha256,
        "the same scan attached to two cases has one hash"
    );
    let db = loket_db::Db::open(o.loket.db_path()).unwrap();
    assert_eq!(
        db.row_count("attachment_files").unwrap(),
        2,
        "bytes are stored once per SHA-256, however many cases name them"
    );
    let err = o.loket.case_attachment_file(&admin, 9999, now).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "an unknown attachment: {err:?}"
    );

    let report = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(
        report.ok && report.attachments.is_empty(),
        "intact attachments pass the check: {:?}",
        report.attachments
    );

    // A copy of the whole office into a file (`loket db copy`, a backup from the server)
    // carries the bytes with it.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("salinan.db");
    db.copy_into(&mut loket_db::Db::open(&copy).unwrap(), |_, _| {})
        .unwrap();
    let copied = Loket::open(&copy).unwrap();
    assert_eq!(
        copied
            .case_attachment_file(&admin, page.attachments[1].id, now)
            .unwrap()
            .bytes,
        PNG,
        "the copy holds the attachment's bytes"
    );
    assert!(
        check_file(&copy, &[]).unwrap().attachments.is_empty(),
        "and they pass the check there"
    );

    tamper(o.loket.db_path(), &sha256(PDF));
    let report = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(!report.ok, "altered bytes fail the check");
    let lines = report.attachments.join("\n");
    assert_eq!(
        report.attachments.len(),
        2,
        "each case naming the altered bytes gets its own line: {lines}"
    );
    assert!(
        lines.contains(&format!(
            "lampiran surat-permohonan.pdf permohonan {agenda}"
        )) && lines.contains("tidak cocok dengan SHA-256"),
        "the line names the case and the file and says what is wrong: {lines}"
    );
    assert!(
        !lines.contains("ktp-pemohon.png"),
        "an intact file is not named: {lines}"
    );
    let err = o
        .loket
        .case_attachment_file(&admin, page.attachments[0].id, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Corrupt,
        "altered bytes are never handed out as the attachment: {err:?}"
    );
    assert!(
        err.message.contains("surat-permohonan.pdf") && err.message.contains(&agenda),
        "the refusal names the file and its case: {}",
        err.message
    );
}

#[test]
fn stored_attachment_bytes_are_append_only_for_the_application() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let dir = tempfile::tempdir().unwrap();
    let pdf = file(dir.path(), "surat.pdf", PDF);
    register(&mut o.loket, &admin, vec![pdf], "Hosting PPDB");
    let refused: Vec<String> = if loket_tests::backend::is_postgres() {
        // As the role every laptop logs in as, with plain SQL.
        let url = o.loket.db_path().to_string_lossy().to_string();
        let mut app = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        [
            "UPDATE attachment_files SET size = 0",
            "DELETE FROM attachment_files",
        ]
        .iter()
        .map(|sql| app.batch_execute(sql).unwrap_err().to_string())
        .collect()
    } else {
        let conn = rusqlite::Connection::open(o.loket.db_path()).unwrap();
        [
            "UPDATE attachment_files SET size = 0",
            "DELETE FROM attachment_files",
        ]
        .iter()
        .map(|sql| conn.execute_batch(sql).unwrap_err().to_string())
        .collect()
    };
    assert_eq!(refused.len(), 2, "both changes are refused: {refused:?}");
    let db = loket_db::Db::open(o.loket.db_path()).unwrap();
    assert_eq!(
        db.row_count("attachment_files").unwrap(),
        1,
        "the stored bytes are still there"
    );
}

/// Leaves the file database at `path` as an older Loket left it, once this Loket's
/// migrations have run on it: the attachment rows as they were, their bytes in
/// `lampiran/<2 hex>/<sha256>` beside the file, and the store the migration added still empty
/// (its append-only triggers set aside to empty it, then put back as the migration made them).
fn as_written_by_an_older_loket(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let files: Vec<(String, Vec<u8>)> = conn
        .prepare("SELECT sha256, bytes FROM attachment_files")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!files.is_empty(), "the office has attachments to move");
    for (sha, bytes) in &files {
        let dir = path.with_file_name("lampiran").join(&sha[..2]);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(sha), bytes).unwrap();
    }
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'attachment_files'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    conn.execute_batch("DELETE FROM attachment_files").unwrap();
    for (_, sql) in &triggers {
        conn.execute_batch(sql).unwrap();
    }
}

#[test]
fn an_older_laptops_attachment_folder_is_moved_into_the_database_when_opened() {
    // A laptop's own file, whichever backend this run tests: only a file had a folder.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let now = at("2026-03-02T09:00:00+07:00");
    let (ids, agenda) = {
        let mut loket = Loket::open(&path).unwrap();
        loket
            .office_init(
                &loket_api::office::ProfileSource::Shipped("demak".into()),
                at("2026-03-02T07:00:00+07:00"),
            )
            .unwrap();
        let admin = loket
            .account_bootstrap("admin", "Admin Loket", PASSWORD, now)
            .unwrap();
        let scans = tempfile::tempdir().unwrap();
        let files = vec![
            file(scans.path(), "surat-permohonan.pdf", PDF),
            file(scans.path(), "ktp.png", PNG),
        ];
        let (one, agenda) = register(&mut loket, &admin, files, "Hosting PPDB");
        let lost = b"%PDF-1.4\nsurat kuasa yang hilang\n%%EOF\n";
        let lost = file(scans.path(), "surat-kuasa.pdf", lost);
        let (two, _) = register(&mut loket, &admin, vec![lost], "Hosting SIPD");
        (vec![one, two], agenda)
    };
    as_written_by_an_older_loket(&path);
    let folder = dir.path().join("lampiran");
    let old = |bytes: &[u8]| {
        let sha = sha256(bytes);
        folder.join(&sha[..2]).join(sha)
    };
    let lost_bytes = b"%PDF-1.4\nsurat kuasa yang hilang\n%%EOF\n";
    std::fs::write(old(PNG), b"\x89PNG\r\n\x1a\ndiubah").unwrap();
    std::fs::remove_file(old(lost_bytes)).unwrap();

    let loket = Loket::open(&path).expect("a missing or altered file never stops the opening");
    let admin = loket.sign_in("admin", PASSWORD).unwrap();
    let first = loket.case_show(&admin, ids[0], now).unwrap().attachments;
    let pdf = loket
        .case_attachment_file(&admin, first[0].id, now)
        .unwrap();
    assert_eq!(pdf.bytes, PDF, "an intact file is moved into the database");
    let err = loket
        .case_attachment_file(&admin, first[1].id, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::NotFound,
        "an altered file is not moved in as if it were the attachment: {err:?}"
    );
    let report = check_file(&path, &[]).unwrap();
    assert!(!report.ok, "what could not be moved in fails the check");
    let lines = report.attachments.join("\n");
    assert!(
        lines.contains(&format!("lampiran ktp.png permohonan {agenda}"))
            && lines.contains("berubah"),
        "the altered file is named with its case and said to be altered: {lines}"
    );
    assert!(
        lines.contains("lampiran surat-kuasa.pdf permohonan") && lines.contains("tidak ditemukan"),
        "the missing file is named with its case and said to be missing: {lines}"
    );
    assert!(
        !lines.contains("surat-permohonan.pdf"),
        "the file moved in is not reported: {lines}"
    );
    assert!(
        old(PDF).exists(),
        "the old folder is left as it was (nothing is deleted on the way)"
    );
    drop(loket);

    // The original put back into the folder is moved in on the next opening.
    std::fs::write(old(lost_bytes), lost_bytes).unwrap();
    let loket = Loket::open(&path).unwrap();
    let second = loket.case_show(&admin, ids[1], now).unwrap().attachments;
    assert_eq!(
        loket
            .case_attachment_file(&admin, second[0].id, now)
            .unwrap()
            .bytes,
        lost_bytes,
        "a file restored in the folder is imported when Loket opens again"
    );
    let report = check_file(&path, &[]).unwrap();
    assert_eq!(
        report.attachments.len(),
        1,
        "only the altered file is still reported: {:?}",
        report.attachments
    );
}
