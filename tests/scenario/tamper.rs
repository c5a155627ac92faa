//! Tamper evidence beyond the hash chain: checkpoints of the chain head kept outside the
//! database file catch what the chain alone cannot — the newest entries deleted, or the whole
//! chain recomputed after an edit or a reordering by someone who can write the file.

mod office;

use loket_api::store::{check_file, checkpoint_path, Checkpoint};
use office::{at, Office};
use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};

/// An office with a few audited acts, and a checkpoint taken after them.
fn office_with_checkpoint() -> (Office, Checkpoint) {
    let mut o = Office::new("demak");
    for login in ["sri", "budi", "tono"] {
        o.account(login, "staf-jaringan", None);
    }
    let cp = o
        .loket
        .store_checkpoint(at("2026-03-02T16:00:00+07:00"))
        .unwrap();
    (o, cp)
}

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
    let (o, cp) = office_with_checkpoint();
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
    let (o, cp) = office_with_checkpoint();
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
    let (o, cp) = office_with_checkpoint();
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
    let (o, cp) = office_with_checkpoint();
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
    let (o, mut cp) = office_with_checkpoint();
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
    let (mut o, _) = office_with_checkpoint();
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

/// A Demak hosting request registered through loket-api (an audited act).
fn office_with_case() -> (Office, i64) {
    let mut o = Office::new("demak");
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
    (o, case)
}

#[test]
fn a_case_row_edited_in_the_file_is_named_with_its_fields() {
    let (o, id) = office_with_case();
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
    let (o, id) = office_with_case();
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
