//! Tamper evidence beyond the hash chain: checkpoints of the chain head kept outside the
//! database file catch what the chain alone cannot — the newest entries deleted, or the whole
//! chain recomputed after an edit or a reordering by someone who can write the file.
//!
//! The tests that edit the database behind Loket's back keep their office in an SQLite file
//! whichever backend the run uses (`Store::File`): writing the file is a laptop's threat. On the
//! office's server Loket logs in as the application role, which may not change the audit trail,
//! issued letters or their PDFs at all (grants and triggers, tested as that role with plain SQL
//! in tests/postgres). The tests that only read through Loket (checkpoints, backups, an
//! untouched office) run on the run's backend (`Store::Backend`).

mod office;

use loket_api::store::{check_file, checkpoint_path, Checkpoint};
use loket_tests::backend;
use office::{at, Office};
use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};

/// Where a test's office lives.
#[derive(Clone, Copy)]
enum Store {
    /// The run's backend (`LOKET_TEST_BACKEND`).
    Backend,
    /// An SQLite file, for a test that edits the file as an attacker would.
    File,
}

/// A Demak office with its first administrator, and the folder kept while the office is used
/// (its file is there with `Store::File`).
fn demak(store: Store) -> (Office, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let o = match store {
        Store::Backend => Office::new("demak"),
        Store::File => Office::on("demak", &backend::sqlite_location(dir.path())),
    };
    (o, dir)
}

/// An office with a few audited acts, a checkpoint taken after them, and its folder.
fn office_with_checkpoint(store: Store) -> (Office, Checkpoint, tempfile::TempDir) {
    let (mut o, dir) = demak(store);
    for login in ["sri", "budi", "tono"] {
        o.account(login, "staf-jaringan", None);
    }
    let cp = o
        .loket
        .store_checkpoint(at("2026-03-02T16:00:00+07:00"))
        .unwrap();
    (o, cp, dir)
}

/// The office's SQLite file opened behind Loket's back (a `Store::File` office).
fn conn(o: &Office) -> Connection {
    Connection::open(o.loket.db_path()).unwrap()
}

/// What an attacker with the file does after editing: recompute every hash from the first
/// entry on, with the published hash rule (length-prefixed fields, SHA-256).
fn recompute_chain(c: &Connection) {
    let rows: Vec<(i64, [Option<String>; 6])> = c
        .prepare("SELECT seq, at, actor, action, entity, before, after FROM audit ORDER BY seq")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                [
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut prev = "0".repeat(64);
    for (seq, fields) in rows {
        let mut h = Sha256::new();
        let seq_text = seq.to_string();
        let mut parts: Vec<&str> = vec![&seq_text, &prev];
        for f in &fields {
            parts.push(f.as_deref().unwrap_or("\u{0}"));
        }
        for p in parts {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p.as_bytes());
        }
        let hash: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        c.execute(
            "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            params![prev, hash, seq],
        )
        .unwrap();
        prev = hash;
    }
}

#[test]
fn an_untouched_trail_matches_its_checkpoint_file_and_its_printed_code() {
    let (o, cp, _dir) = office_with_checkpoint(Store::Backend);
    let from_file = Checkpoint::parse("tp.txt", &cp.to_text()).unwrap();
    let from_code = Checkpoint::parse_code(&cp.code()).unwrap();
    let report = check_file(o.loket.db_path(), &[from_file, from_code]).unwrap();
    assert!(report.ok, "an untouched trail passes: {:?}", report.audit);
    assert_eq!(
        report.checkpoints.len(),
        2,
        "both the file and the typed code are reported as matching"
    );
}

#[test]
fn deleting_the_newest_entries_is_caught_although_the_chain_still_links() {
    let (o, cp, _dir) = office_with_checkpoint(Store::File);
    conn(&o)
        .execute("DELETE FROM audit WHERE seq > ?1", [cp.entries - 2])
        .unwrap();
    let alone = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(
        alone.audit.is_empty(),
        "the chain alone cannot see a cut at its end (this is why checkpoints exist)"
    );
    let report = check_file(o.loket.db_path(), &[cp]).unwrap();
    assert!(!report.ok, "the checkpoint catches the deletion");
    assert!(
        report.audit.iter().any(|p| p.contains("telah dihapus")),
        "the problem says entries were deleted: {:?}",
        report.audit
    );
}

#[test]
fn an_edit_with_a_recomputed_chain_is_caught() {
    let (o, cp, _dir) = office_with_checkpoint(Store::File);
    let c = conn(&o);
    c.execute("UPDATE audit SET actor = 'orang-lain' WHERE seq = 2", [])
        .unwrap();
    recompute_chain(&c);
    let alone = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(
        alone.audit.is_empty(),
        "a recomputed chain links again, so the chain alone says utuh"
    );
    let report = check_file(o.loket.db_path(), std::slice::from_ref(&cp)).unwrap();
    assert!(!report.ok, "the checkpoint catches the rewritten history");
    assert!(
        report
            .audit
            .iter()
            .any(|p| p.contains(&format!("entri {}", cp.entries)) && p.contains("dihitung ulang")),
        "the problem names the checkpoint's entry: {:?}",
        report.audit
    );
}

#[test]
fn a_reordering_with_a_recomputed_chain_is_caught() {
    let (o, cp, _dir) = office_with_checkpoint(Store::File);
    let c = conn(&o);
    // Swap the contents of entries 2 and 3, then make the chain link again.
    c.execute_batch(
        "UPDATE audit SET seq = -2 WHERE seq = 2;
         UPDATE audit SET seq = 2 WHERE seq = 3;
         UPDATE audit SET seq = 3 WHERE seq = -2;",
    )
    .unwrap();
    recompute_chain(&c);
    let report = check_file(o.loket.db_path(), &[cp]).unwrap();
    assert!(
        !report.ok,
        "a reordered history no longer matches the checkpoint"
    );
}

#[test]
fn a_checkpoint_of_another_office_is_named_as_such() {
    let (o, mut cp, _dir) = office_with_checkpoint(Store::Backend);
    cp.office_id = Some("kediri".into());
    let report = check_file(o.loket.db_path(), &[cp]).unwrap();
    assert!(
        report
            .audit
            .iter()
            .any(|p| p.contains("kediri") && p.contains("demak")),
        "the refusal names both offices: {:?}",
        report.audit
    );
}

#[test]
fn a_backup_writes_its_checkpoint_beside_it_and_the_two_agree() {
    // On PostgreSQL the backup is an SQLite file copied from the server.
    let (mut o, _, _dir) = office_with_checkpoint(Store::Backend);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("cadangan.db");
    let cp = o
        .loket
        .store_backup(&target, |_, _| {}, at("2026-03-02T17:00:00+07:00"))
        .unwrap();
    let text = std::fs::read_to_string(checkpoint_path(&target)).unwrap();
    assert_eq!(
        Checkpoint::parse("beside", &text).unwrap(),
        cp,
        "the file beside the backup is the checkpoint the backup returned"
    );
    let report = check_file(&target, std::slice::from_ref(&cp)).unwrap();
    assert!(
        report.ok,
        "the backup matches its own checkpoint: {:?}",
        report.audit
    );
    // The live office moves on; its later trail still holds the backup's checkpoint.
    o.account("wati", "staf-jaringan", None);
    let live = check_file(o.loket.db_path(), &[cp]).unwrap();
    assert!(
        live.ok,
        "a later, longer trail still contains the checkpointed entries"
    );
    let again = o
        .loket
        .store_backup(&target, |_, _| {}, at("2026-03-02T18:00:00+07:00"));
    assert!(
        again.is_err(),
        "an existing backup and its checkpoint are never overwritten"
    );
}

/// A Demak hosting request registered through loket-api (an audited act), in an SQLite file.
fn office_with_case() -> (Office, i64, tempfile::TempDir) {
    let (mut o, dir) = demak(Store::File);
    let admin = o.admin.clone();
    let case = o
        .loket
        .case_register(
            &admin,
            &office::hosting_request(),
            at("2026-03-02T08:20:00+07:00"),
        )
        .unwrap()
        .id;
    (o, case, dir)
}

#[test]
fn a_case_row_edited_in_the_file_is_named_with_its_fields() {
    let (o, id, _dir) = office_with_case();
    let clean = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(
        clean.ok && clean.rows.is_empty(),
        "a case changed only through Loket matches its audit: {:?}",
        clean.rows
    );
    conn(&o)
        .execute(
            "UPDATE cases SET applicant_name = 'Orang Lain', received_at = '2026-01-01T08:00:00+07:00' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let report = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(!report.ok, "a row edited outside Loket fails the check");
    let line = report.rows.join("\n");
    assert!(
        line.contains("applicant_name")
            && line.contains("received_at")
            && line.contains(&format!("id {id}")),
        "the check names the case and every edited field: {line}"
    );
}

#[test]
fn a_case_row_inserted_in_the_file_has_no_audit_and_is_named() {
    let (o, id, _dir) = office_with_case();
    let c = conn(&o);
    let cols: Vec<String> = c
        .prepare(
            "SELECT name FROM pragma_table_info('cases') WHERE name NOT IN ('id', 'agenda_seq')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let list = cols.join(", ");
    c.execute(
        &format!("INSERT INTO cases ({list}, agenda_seq) SELECT {list}, agenda_seq + 100 FROM cases WHERE id = ?1"),
        [id],
    )
    .unwrap();
    let report = check_file(o.loket.db_path(), &[]).unwrap();
    assert!(
        report
            .rows
            .iter()
            .any(|p| p.contains("tidak punya entri audit")),
        "a forged case row without an act is named: {:?}",
        report.rows
    );
}

/// A Demak office with one row of every table `loket check` compares, each written by its
/// audited act: accounts (one deactivated, one with a reset password), a Plt. appointment, a
/// letter issued by the Kepala Dinas, a number reserved on its own, a draft holding its
/// number, a resource and an approved booking.
struct Records {
    o: Office,
    _dir: tempfile::TempDir,
    letter_id: i64,
    nomor: String,
    number_id: i64,
    booking_id: i64,
}

fn office_with_records(store: Store) -> Records {
    use loket_api::booking::{BookingRequest, NewResource};
    use loket_api::letter::dto::{LetterRequest, NumberPatternView};
    use loket_api::letter::flow::dto::NewDraft;
    use loket_api::letter::Reservation;
    use loket_domain::booking::ResourceKind;
    use loket_domain::catalog::Acting;

    let (mut o, dir) = demak(store);
    let kadis = o.account("kadis", "kepala-dinas", None);
    let kabid = o.account("kabid", "kepala-bidang-aptika", None);
    o.account("sri", "staf-jaringan", None);
    let admin = o.admin.clone();
    let t = at("2026-03-02T09:00:00+07:00");
    let l = &mut o.loket;
    l.account_set_active(&admin, "sri", false, t).unwrap();
    l.account_reset_password(&admin, "kabid", "kata-sandi-baru-2026", t)
        .unwrap();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    l.account_acting(
        &admin,
        "kabid",
        "sekretaris",
        Acting::Plt,
        day("2026-03-02"),
        day("2026-03-06"),
        t,
    )
    .unwrap();
    l.letter_pattern_set(
        &admin,
        &NumberPatternView {
            id: "keluar".into(),
            pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
            klasifikasi: "000.9".into(),
            unit: "DKIS".into(),
            kinds: vec!["surat_balasan".into(), "penolakan".into()],
        },
        t,
    )
    .unwrap();
    let mut content = loket_api::Loket::letter_sample("surat_balasan").unwrap();
    content.tanggal = Some(t.date_naive());
    let issued = l
        .letter_issue(
            &kadis,
            &LetterRequest {
                kind: "surat_balasan".into(),
                content,
                signer: None,
                case_id: None,
            },
            None,
            t,
        )
        .unwrap();
    let number_id = l
        .letter_number_reserve(
            &kabid,
            &Reservation {
                kind: "penolakan",
                tanggal: t.date_naive(),
                hal: "Penolakan permohonan",
                case_id: None,
                reserved_by: None,
            },
            t,
        )
        .unwrap()
        .id;
    let case = l
        .case_register(&admin, &office::hosting_request(), t)
        .unwrap()
        .id;
    l.letter_draft(
        &admin,
        &NewDraft {
            kind: "surat_balasan".into(),
            case_id: Some(case),
        },
        t,
    )
    .unwrap();
    l.resource_add(
        &NewResource {
            id: "command-center".into(),
            name: "Command Center".into(),
            kind: ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: 0,
            teardown_minutes: 0,
            unit: Some("tim-spa".into()),
            operators_needed: 0,
            skill: None,
        },
        &admin,
        t,
    )
    .unwrap();
    let request = BookingRequest {
        title: "Rapat koordinasi".into(),
        case_id: None,
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: false,
        start: at("2026-03-10T09:00:00+07:00"),
        end: at("2026-03-10T11:00:00+07:00"),
        resources: vec![("command-center".into(), 1)],
        operators: vec![],
        rundown: String::new(),
        requested_by: "admin".into(),
    };
    let booking_id = l.booking_create(&request, &admin, t).unwrap().id;
    Records {
        o,
        _dir: dir,
        letter_id: issued.letter.id,
        nomor: issued.letter.nomor,
        number_id,
        booking_id,
    }
}

/// The `rows` lines of `loket check` after `edit` ran on the file as an attacker would.
fn rows_after(r: &Records, edit: &str) -> Vec<String> {
    conn(&r.o).execute_batch(edit).unwrap();
    let report = check_file(r.o.loket.db_path(), &[]).unwrap();
    assert!(
        !report.ok,
        "a protected row changed outside Loket fails the check: {edit}"
    );
    report.rows
}

/// The one line naming `who`.
fn line_of<'a>(rows: &'a [String], who: &str) -> &'a str {
    rows.iter()
        .find(|l| l.contains(who))
        .unwrap_or_else(|| panic!("the check names {who}: {rows:?}"))
}

#[test]
fn an_office_changed_only_through_loket_matches_its_audit_in_every_table() {
    let r = office_with_records(Store::Backend);
    let report = check_file(r.o.loket.db_path(), &[]).unwrap();
    assert!(
        report.ok && report.rows.is_empty(),
        "accounts, appointments, letters, their PDFs, numbers and bookings written only by audited acts match their snapshots: {:?}",
        report.rows
    );
}

#[test]
fn an_account_edited_in_the_file_is_named_with_its_fields() {
    let r = office_with_records(Store::File);
    let rows = rows_after(
        &r,
        "UPDATE accounts SET roles = 'administer', active = 1 WHERE id = 'sri';
         UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts WHERE id = 'admin') WHERE id = 'kabid';",
    );
    let sri = line_of(&rows, "akun sri");
    assert!(
        sri.contains("roles") && sri.contains("active") && sri.contains("di luar Loket"),
        "a role granted and a deactivated account revived in the file are named field by field (privilege escalation): {sri}"
    );
    let kabid = line_of(&rows, "akun kabid");
    assert!(
        kabid.contains("password_hash") && !kabid.contains("roles"),
        "a password hash replaced in the file is named, against the fingerprint the reset recorded, and nothing else: {kabid}"
    );
}

#[test]
fn an_account_or_appointment_inserted_in_the_file_has_no_act_and_is_named() {
    let r = office_with_records(Store::File);
    let rows = rows_after(
        &r,
        "INSERT INTO accounts (id, name, nip, position_id, roles, password_hash, active, created_at)
           SELECT 'penyusup', 'Penyusup', '', NULL, roles, password_hash, 1, created_at FROM accounts WHERE id = 'admin';
         INSERT INTO acting (account_id, position_id, kind, starts, ends)
           VALUES ('sri', 'kepala-dinas', 'plt', '2026-03-01', '2026-12-31');
         UPDATE acting SET ends = '2027-12-31' WHERE position_id = 'sekretaris';",
    );
    assert!(
        line_of(&rows, "akun penyusup").contains("tidak punya entri audit"),
        "an administrator account added to the file without account.create is named: {rows:?}"
    );
    assert!(
        line_of(&rows, "(akun sri)").contains("tidak punya entri audit"),
        "a Plt. appointment added to the file without account.acting is named: {rows:?}"
    );
    assert!(
        line_of(&rows, "(akun kabid)").contains("kolom ends"),
        "an appointment lengthened in the file is named with the field: {rows:?}"
    );
}

#[test]
fn an_issued_letter_or_its_pdf_edited_in_the_file_is_named_with_its_fields() {
    let r = office_with_records(Store::File);
    let rows = rows_after(
        &r,
        &format!(
            "DROP TRIGGER issued_letters_no_update;
             DROP TRIGGER letter_files_no_update;
             UPDATE issued_letters SET hal = 'Hal lain', signer = 'Orang Lain' WHERE id = {id};
             UPDATE letter_files SET pdf = x'255044462d312e37' WHERE sha256 = (SELECT pdf_sha256 FROM issued_letters WHERE id = {id});",
            id = r.letter_id
        ),
    );
    let letter = line_of(&rows, &format!("surat terbit {}", r.nomor));
    assert!(
        letter.contains("hal") && letter.contains("signer") && !letter.contains("pdf_sha256"),
        "an agenda row edited in the file is named with exactly the edited fields, against the letter.issue entry: {letter}"
    );
    assert!(
        line_of(&rows, "berkas PDF surat").contains("kolom pdf, bytes"),
        "stored PDF bytes that no longer hash to their recorded SHA-256 are named: {rows:?}"
    );
}

#[test]
fn an_issued_letter_inserted_in_the_file_has_no_act_and_is_named() {
    let r = office_with_records(Store::File);
    let fake = b"%PDF-1.7 surat palsu";
    let sha: String = Sha256::digest(fake)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let hex: String = fake.iter().map(|b| format!("{b:02x}")).collect();
    let rows = rows_after(
        &r,
        &format!(
            "INSERT INTO letter_numbers (pattern_id, year, seq, number, kind, hal, status, reserved_at)
               VALUES ('keluar', 2026, 99, '000.9/99/DKIS/2026', 'surat_balasan', 'palsu', 'tetap', '2026-03-03T10:00:00+07:00');
             INSERT INTO letter_files (sha256, bytes, pdf) VALUES ('{sha}', {len}, x'{hex}');
             INSERT INTO issued_letters (number_id, nomor, kind, tanggal, hal, kepada, signer, content_sha256, pdf_sha256, data, issued_at)
               VALUES ((SELECT id FROM letter_numbers WHERE seq = 99), '000.9/99/DKIS/2026', 'surat_balasan', '2026-03-03', 'palsu', 'x', 'Kepala Dinas', '{sha}', '{sha}', '{{}}', '2026-03-03T10:00:00+07:00');",
            len = fake.len()
        ),
    );
    assert!(
        line_of(&rows, "surat terbit 000.9/99/DKIS/2026").contains("tidak punya entri audit"),
        "a letter row added for any PDF, without letter.issue or letter.sign, is named: {rows:?}"
    );
    assert!(
        !rows.iter().any(|l| l.contains("berkas PDF")),
        "a forged PDF stored under its own hash is not a changed file (its row is what is named): {rows:?}"
    );
}

#[test]
fn a_number_edited_or_inserted_in_the_file_is_named() {
    let r = office_with_records(Store::File);
    let rows = rows_after(
        &r,
        &format!(
            "UPDATE letter_numbers SET status = 'tetap', hal = 'Hal lain' WHERE id = {};
             INSERT INTO letter_numbers (pattern_id, year, seq, number, kind, hal, status, reserved_at)
               VALUES ('keluar', 2026, 77, '000.9/77/DKIS/2026', 'penolakan', 'sisipan', 'dipesan', '2026-03-03T10:00:00+07:00');",
            r.number_id
        ),
    );
    let reserved = line_of(&rows, &format!("(id {})", r.number_id));
    assert!(
        reserved.contains("hal") && reserved.contains("status"),
        "a reserved number marked fixed in the file is named with its fields, against letter.number.reserve: {reserved}"
    );
    assert!(
        line_of(&rows, "nomor surat 000.9/77/DKIS/2026").contains("tidak punya entri audit"),
        "a number added to the register without an act is named: {rows:?}"
    );
}

#[test]
fn a_booking_edited_or_inserted_in_the_file_is_named() {
    let r = office_with_records(Store::File);
    let rows = rows_after(
        &r,
        &format!(
            "UPDATE bookings SET status = 'disetujui', start_at = start_at - 3600 WHERE id = {id};
             DELETE FROM booking_resources WHERE booking_id = {id};
             INSERT INTO bookings (title, location, start_at, end_at, status, created_at, updated_at)
               VALUES ('Sisipan', 'Command Center', 1773100000, 1773103600, 'disetujui', 0, 0);",
            id = r.booking_id
        ),
    );
    let edited = line_of(&rows, &format!("pemesanan #{}:", r.booking_id));
    assert!(
        edited.contains("status") && edited.contains("span") && edited.contains("resources"),
        "a booking approved, moved and freed of its room in the file is named with each field: {edited}"
    );
    assert!(
        rows.iter()
            .any(|l| l.contains("pemesanan #") && l.contains("tidak punya entri audit")),
        "a booking added to the file without booking.create is named: {rows:?}"
    );
}
