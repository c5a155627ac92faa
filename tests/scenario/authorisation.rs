//! Every state change needs a signed-in, active actor holding the right (a role, or the post
//! the case, draft or disposition is with), checked in loket-api whatever the door.
//!
//! The table below names every state-changing use-case id. The ids are found by reading the
//! `pub const NAME: &str = "area.verb"` declarations of loket-api's sources, so a new use case
//! that is neither in the table nor in the list of reads fails `every_use_case_id_is_in_the_table`.
//! For each act, three people try it on a fresh copy of one office: an account without the
//! right (refused `Forbidden`), an account holding every role but deactivated (`Forbidden`),
//! and the window with nobody signed in (`Unauthorised`); every refusal is in Bahasa Indonesia
//! and leaves every table (the audit trail included) exactly as it was. In loket-api an
//! `Actor` exists only after sign-in, so the session door is where "no sign-in" can be tried;
//! the CLI's door is tested in crates/loket-cli/tests/requests.rs.

#[path = "authorisation_world.rs"]
mod world;

#[path = "authorisation_acts.rs"]
mod acts;

use std::collections::BTreeSet;
use std::path::Path;

use acts::{sample, Who, ACTS};
use loket_api::app::Session;
use loket_api::letter::dto::LetterRequest;
use loket_api::office::{LoadedProfile, ProfileSource};
use loket_api::{ApiError, ErrorCode, Loket};
use loket_tests::backend;
use world::{now, World};

/// Use cases that only read (their results may be written to a file the person chose).
const READS: &[&str] = &[
    "account.list",
    "account.posts",
    "app.status",
    "audit.list",
    "bench.deadlines",
    "blackout.list",
    "booking.days",
    "booking.export_ics",
    "booking.free_slots",
    "booking.history",
    "booking.list",
    "booking.receipt",
    "booking.tomorrow",
    "calendar.page",
    "calendar.view",
    "case.applicants",
    "case.attachment_file",
    "case.export_csv",
    "case.export_xlsx",
    "case.lembar_disposisi",
    "case.list",
    "case.show",
    "catalog.list",
    "catalog.show",
    "changes.head",
    "deadlines.list",
    "deadlines.view",
    "disposition.inbox",
    "inbox.kotak_masuk",
    "instruction.list",
    "letter.bench",
    "letter.kinds",
    "letter.list",
    "letter.number.list",
    "letter.pattern.example",
    "letter.pattern.list",
    "letter.pattern.page",
    "letter.preview",
    "letter.queues",
    "letter.render",
    "letter.sample",
    "letter.show",
    "letter.template.list",
    "letter.template.preview",
    "letter.template.show",
    "letter.verify",
    "notify.list",
    "office.shipped",
    "office.view",
    "people.list",
    "report.export_xlsx",
    "report.services",
    "resource.list",
    "sla.due",
    "complaint.list",
    "evaluation.export_pdf",
    "evaluation.export_xlsx",
    "evaluation.report",
    "office.officials",
    "office.paper",
    "office.readiness",
    "office.setup.patterns",
    "office.setup.resources",
    "signer.list",
    "skm.list",
    "skm.questionnaire",
    "skm.questionnaire_pdf",
    "store.backup",
    "store.check",
    "store.checkpoint",
];

/// Writes that happen before anyone can sign in, or are the sign-in itself, or the
/// watcher's own bookkeeping; each has its own test below. The IT staff's acts on a whole
/// database (preparing the server, copying an office into an empty database) are done with
/// database credentials, not an account; crates/loket-cli/tests/server tests them on a server.
/// Choosing the office's server in the window (`app.connect`) happens before sign-in too: the
/// server's own login decides, and loket-api's app::server tests cover it.
const FIRST_RUN_AND_SYSTEM: &[&str] = &[
    "app.setup",
    "app.connect",
    "account.bootstrap",
    "office.init",
    "account.sign_in",
    "account.sign_in_failed",
    "notify.watch",
    "store.server_init",
    "store.copy",
];

/// Constants that look like ids but name no use case.
const NOT_USE_CASES: &[&str] = &["id.loket.desktop"];

fn declared_ids() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let line = line.trim();
                    let Some(rest) = line.strip_prefix("pub const ") else {
                        continue;
                    };
                    let Some((_, value)) = rest.split_once(": &str = \"") else {
                        continue;
                    };
                    let value = value.trim_end_matches("\";");
                    let is_id = value.contains('.')
                        && value.split('.').all(|w| {
                            !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        });
                    if is_id {
                        out.insert(value.to_string());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/loket-api/src"),
        &mut out,
    );
    out
}

#[test]
fn every_use_case_id_is_in_the_table() {
    let declared = declared_ids();
    assert!(
        declared.len() > 100,
        "the scan finds loket-api's use-case ids ({} found)",
        declared.len()
    );
    let missing: Vec<&String> = declared
        .iter()
        .filter(|id| {
            !ACTS.iter().any(|(a, _, _)| a == id)
                && !READS.contains(&id.as_str())
                && !FIRST_RUN_AND_SYSTEM.contains(&id.as_str())
                && !NOT_USE_CASES.contains(&id.as_str())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "every use-case id is either a state change in ACTS (with its refusal test) or listed as a read; unlisted: {missing:?}"
    );
    let stale: Vec<&str> = ACTS
        .iter()
        .map(|(a, _, _)| *a)
        .chain(FIRST_RUN_AND_SYSTEM.iter().copied())
        .filter(|id| !declared.contains(*id))
        .collect();
    assert!(
        stale.is_empty(),
        "the table names only ids that loket-api declares: {stale:?}"
    );
}

/// A refusal a person can read: in Bahasa Indonesia, not a programmer's English.
fn indonesian(e: &ApiError) -> bool {
    let m = e.message.to_lowercase();
    ["akun", "tidak", "belum", "masuk", "hanya"]
        .iter()
        .any(|w| m.contains(w))
        && ![
            "permission",
            "denied",
            "forbidden",
            "unauthori",
            "not allowed",
            "error",
        ]
        .iter()
        .any(|w| m.contains(w))
}

#[test]
fn no_state_change_without_a_signed_in_actor_holding_the_right() {
    let w = World::build();
    let mut failures = Vec::new();
    for (id, who, run) in ACTS {
        let (_dir, path) = w.copy();
        let before = world::digest(&path);
        let audit = world::audit_len(&path);
        let mut tries: Vec<(&str, Result<(), ApiError>, ErrorCode)> = Vec::new();
        {
            let mut l = Loket::open(&path).unwrap();
            if *who == Who::Right {
                tries.push((
                    "akun tanpa peran",
                    run(&mut l, &w.tamu, &w.ids),
                    ErrorCode::Forbidden,
                ));
            }
            tries.push((
                "akun nonaktif",
                run(&mut l, &w.mantan, &w.ids),
                ErrorCode::Forbidden,
            ));
        }
        let session = Session::new(&path);
        tries.push((
            "tanpa masuk",
            session.as_user(|l, a| run(l, a, &w.ids)),
            ErrorCode::Unauthorised,
        ));
        drop(session);
        for (who, result, code) in tries {
            match result {
                Ok(()) => failures.push(format!("{id}: {who} was allowed")),
                Err(e) if e.code != code => failures.push(format!(
                    "{id}: {who} got {:?} ({}), not {code:?}",
                    e.code, e.message
                )),
                Err(e) if !indonesian(&e) => failures.push(format!(
                    "{id}: {who}: refusal not in Bahasa Indonesia: {}",
                    e.message
                )),
                Err(_) => {}
            }
        }
        if world::audit_len(&path) != audit {
            failures.push(format!("{id}: a refusal wrote to the audit trail"));
        }
        let after = world::digest(&path);
        for (b, a) in before.iter().zip(&after) {
            if b != a {
                failures.push(format!("{id}: a refusal changed table {}", b.0));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "every state change is refused without sign-in, for a deactivated account and without the right, in Bahasa Indonesia, writing nothing:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_digest_sees_every_write_so_an_unchanged_digest_means_nothing_was_written() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let before = world::digest(&path);
    assert_eq!(
        before.len(),
        loket_db::copy::TABLES.len(),
        "the digest covers every table of the schema"
    );
    assert!(
        before["accounts"].0 >= 5 && before["audit"].0 > 10 && before["cases"].0 == 2,
        "the digest reads the world's rows: {before:?}"
    );
    assert_eq!(
        world::digest(&path),
        before,
        "reading twice gives the same digest"
    );
    let audit = world::audit_len(&path);
    let mut l = Loket::open(&path).unwrap();
    l.calendar_add_closure(&w.admin, "2026-05-06", "pindah gedung", now())
        .unwrap();
    drop(l);
    let changed = |a: &std::collections::BTreeMap<String, (i64, u64)>,
                   b: &std::collections::BTreeMap<String, (i64, u64)>| {
        a.iter()
            .filter(|(t, d)| b.get(*t) != Some(*d))
            .map(|(t, _)| t.clone())
            .collect::<Vec<_>>()
    };
    let after = world::digest(&path);
    assert_eq!(
        changed(&before, &after),
        ["audit", "closures"],
        "an audited act shows in its table and in the audit trail, nowhere else"
    );
    assert_eq!(
        world::audit_len(&path),
        audit + 1,
        "audit_len counts the new entry"
    );
    write_behind_loket(
        &path,
        "UPDATE accounts SET name = 'Nama Lain' WHERE id = 'tamu'",
    );
    let edited = world::digest(&path);
    assert_eq!(
        changed(&after, &edited),
        ["accounts"],
        "one value changed in place (the row count the same) changes the table's digest"
    );
    assert_eq!(
        edited["accounts"].0, after["accounts"].0,
        "the edit kept the row count, so only the hash saw it"
    );
}

#[test]
fn first_run_acts_are_closed_once_the_office_has_accounts() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let demak = LoadedProfile::read(&ProfileSource::Shipped("demak".into())).unwrap();
    let err = l.office_import(&demak, now()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "office.init without sign-in is refused once accounts exist (a re-import changes the Kepala Dinas on the letters)"
    );
    assert!(indonesian(&err), "in Bahasa Indonesia: {}", err.message);
    let err = l.office_reimport(&w.tamu, &demak, now()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "re-importing the profile is an administrator's act"
    );
    let err = l.office_reimport(&w.mantan, &demak, now()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a deactivated administrator cannot re-import"
    );
    let err = l
        .account_bootstrap("penyusup", "Penyusup", "sandi-penyusup-1", now())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "the first administrator is created once only"
    );
    drop(l);
    let session = Session::new(&path);
    let err = session
        .setup(&ProfileSource::Shipped("demak".into()), now())
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "the window's first-run screen cannot re-import into an office with accounts"
    );
    drop(session);
    assert_eq!(
        world::digest(&path),
        before,
        "refused first-run acts write nothing"
    );

    let mut l = Loket::open(&path).unwrap();
    let audit = world::audit_len(&path);
    let r = l.office_reimport(&w.admin, &demak, now()).unwrap();
    assert!(r.updated, "the administrator re-imports the office");
    assert_eq!(
        world::audit_len(&path),
        audit + 1,
        "the re-import is audited in its transaction"
    );
    let trail = l.audit_trail(&w.admin, Some("kantor:demak")).unwrap();
    assert_eq!(
        trail.last().map(|e| (e.actor.as_str(), e.action.as_str())),
        Some(("admin", "office.init")),
        "the audit names the signed-in administrator"
    );
}

#[test]
fn the_audit_actor_is_the_signed_in_account() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let mut l = Loket::open(&path).unwrap();
    l.calendar_add_closure(&w.admin, "2026-05-06", "pindah gedung", now())
        .unwrap();
    l.sla_extend(&w.kadis, w.ids.case, "informasi tersebar", now())
        .ok();
    let req = LetterRequest {
        kind: "surat_balasan".into(),
        content: sample("surat_balasan"),
        signer: None,
        case_id: None,
    };
    let issued = l.letter_issue(&w.kadis, &req, None, now()).unwrap();
    let trail = l.audit_trail(&w.admin, None).unwrap();
    let by = |action: &str| {
        trail
            .iter()
            .rev()
            .find(|e| e.action == action)
            .map(|e| e.actor.clone())
    };
    assert_eq!(
        by("calendar.closure.add").as_deref(),
        Some("admin"),
        "a calendar edit is recorded as the signed-in account, never $USER or --by"
    );
    assert_eq!(
        by("letter.issue").as_deref(),
        Some("kadis"),
        "a direct issue is audited as the signature of the signed-in signer"
    );
    assert_eq!(
        issued.letter.issued_by.as_deref(),
        Some("kadis"),
        "the agenda names who issued it"
    );
}

#[test]
fn a_letter_row_written_outside_loket_is_not_verified_as_genuine() {
    use sha2::{Digest, Sha256};
    let w = World::build();
    let (_dir, path) = w.copy();
    let mut l = Loket::open(&path).unwrap();
    let req = LetterRequest {
        kind: "surat_balasan".into(),
        content: sample("surat_balasan"),
        signer: None,
        case_id: None,
    };
    let issued = l.letter_issue(&w.kadis, &req, None, now()).unwrap();
    let v = l.letter_verify(&issued.pdf).unwrap();
    assert!(
        v.genuine && v.status == "ASLI",
        "a letter issued through Loket, with its audited issuing, is ASLI: {}",
        v.verdict
    );
    drop(l);
    // Someone who can write the database itself (the file on a laptop, the superuser on the
    // server) drops the guard trigger and points the issued letter's row at another PDF.
    let forged = b"%PDF-1.7 surat yang diganti".to_vec();
    let forged_sha: String = Sha256::digest(&forged)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let drop_guard = if backend::is_postgres() {
        "DROP TRIGGER issued_letters_no_update ON issued_letters;"
    } else {
        "DROP TRIGGER issued_letters_no_update;"
    };
    write_behind_loket(
        &path,
        &format!(
            "INSERT INTO letter_files (sha256, bytes, pdf) VALUES ('{forged_sha}', {}, {});
             {drop_guard}
             UPDATE issued_letters SET pdf_sha256 = '{forged_sha}' WHERE nomor = '{}';",
            forged.len(),
            blob(&forged),
            issued.letter.nomor
        ),
    );
    let l = Loket::open(&path).unwrap();
    let v = l.letter_verify(&forged).unwrap();
    assert!(
        !v.genuine,
        "a letter row pointed at another file after its audited issuing is not ASLI: {} ({})",
        v.status, v.verdict
    );
    drop(l);
    // Someone who can write the database adds a row for any PDF they like.
    let fake = b"%PDF-1.7 surat palsu".to_vec();
    let sha: String = Sha256::digest(&fake)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    write_behind_loket(
        &path,
        &format!(
            "INSERT INTO letter_numbers (pattern_id, year, seq, number, kind, hal, status, reserved_at)
               VALUES ('keluar', 2026, 99, '000.9/99/DKIS/2026', 'surat_balasan', 'palsu', 'tetap', '2026-03-03T10:00:00+07:00');
             INSERT INTO letter_files (sha256, bytes, pdf) VALUES ('{sha}', {}, {});
             INSERT INTO issued_letters (number_id, nomor, kind, tanggal, hal, kepada, signer, content_sha256, pdf_sha256, data, issued_at)
               VALUES ((SELECT id FROM letter_numbers WHERE seq = 99), '000.9/99/DKIS/2026', 'surat_balasan', '2026-03-03', 'palsu', 'x', 'Kepala Dinas', '{sha}', '{sha}', '{{}}', '2026-03-03T10:00:00+07:00');",
            fake.len(),
            blob(&fake)
        ),
    );
    let l = Loket::open(&path).unwrap();
    let v = l.letter_verify(&fake).unwrap();
    assert!(
        !v.genuine && v.status == "TIDAK TERCATAT",
        "a row without its audited issuing is not ASLI: {} ({})",
        v.status,
        v.verdict
    );
}

/// Runs `sql` as someone who writes the database behind Loket's back: the file's owner on
/// SQLite, the server's superuser on PostgreSQL (the application role Loket logs in as may not
/// drop a trigger; tests/postgres shows that).
fn write_behind_loket(path: &Path, sql: &str) {
    if backend::is_postgres() {
        backend::superuser_on(path)
            .batch_execute(sql)
            .expect("the superuser writes the server database");
    } else {
        rusqlite::Connection::open(path)
            .unwrap()
            .execute_batch(sql)
            .expect("the file's owner writes the file");
    }
}

/// `bytes` as an SQL literal of the backend in use.
fn blob(bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    if backend::is_postgres() {
        format!("decode('{hex}', 'hex')")
    } else {
        format!("x'{hex}'")
    }
}
