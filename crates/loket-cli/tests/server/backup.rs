//! `loket backup` of the server while a laptop keeps working: one consistent moment, checked,
//! and restored onto a new server with `loket db copy`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::DateTime;
use loket_api::case::NewCase;
use loket_api::Loket;
use loket_db::sql::Value;

use super::pg::{unique, Cluster};
use super::{all_rows, check_ok, db_copy, loket, office, os, same_rows, server_init, APP_PASSWORD};

/// Runs `work` while another connection (a laptop) registers requests one after another;
/// returns its result and how many requests were registered while it ran.
fn while_a_laptop_registers<T>(laptop: &Path, work: impl FnOnce() -> T) -> (T, usize) {
    let registered = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut l = Loket::open(laptop).expect("the laptop connects");
            let now = DateTime::parse_from_rfc3339(office::NOW).unwrap();
            let admin = l.sign_in_at("admin", office::PASSWORD, now).unwrap();
            while !stop.load(Ordering::SeqCst) {
                let n = registered.load(Ordering::SeqCst);
                l.case_register(
                    &admin,
                    &NewCase {
                        service_id: "video-conference".into(),
                        applicant_kind: "OPD".into(),
                        applicant_name: "Dinas Perhubungan Kabupaten Demak".into(),
                        letter_number: format!("500/{n}/2026"),
                        letter_date: "2026-03-02".into(),
                        hal: format!("Permohonan video conference rapat {n}"),
                        channel: "surat".into(),
                        received_at: "2026-03-03 09:30".into(),
                        ..NewCase::default()
                    },
                    now,
                )
                .expect("a registration during the backup");
                registered.fetch_add(1, Ordering::SeqCst);
            }
        });
        while registered.load(Ordering::SeqCst) == 0 && !writer.is_finished() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let before = registered.load(Ordering::SeqCst);
        let result = work();
        let during = registered.load(Ordering::SeqCst) - before;
        stop.store(true, Ordering::SeqCst);
        writer.join().expect("the laptop's registrations");
        (result, during)
    })
}

#[test]
fn a_backup_of_the_server_is_a_file_that_checks_and_goes_back_onto_a_new_server() {
    let cluster = Cluster::get();
    let office = office::populated();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = office.copy_to(d);
    let db = unique("live");
    let role = unique("live_app");
    server_init(d, &cluster, &db, &role, APP_PASSWORD);
    let up = db_copy(d, &source, &cluster.owner(&db));
    assert_eq!(
        up.code,
        Some(0),
        "the office is on the server: {}",
        up.text()
    );
    let laptop = cluster.laptop(&role, APP_PASSWORD, &db);

    // The backup runs while a laptop keeps registering requests: it must still be one
    // consistent moment (every copied request with its audit entry, the chain whole).
    let backup = d.join("cadangan").join("kantor-2026-03-03.db");
    let (run, during) = while_a_laptop_registers(&laptop, || {
        loket(
            d,
            &[
                os("--db"),
                laptop.as_os_str(),
                os("backup"),
                backup.as_os_str(),
            ],
            &[("LOKET_NOW", office::NOW)],
        )
    });
    assert_eq!(run.code, Some(0), "a backup of the server: {}", run.text());
    assert!(
        during > 0,
        "requests were registered while the backup ran, so it was taken from a working office"
    );
    let checkpoint = loket_api::store::checkpoint_path(&backup);
    assert!(
        backup.is_file() && checkpoint.is_file(),
        "the backup file and its checkpoint are written: {}",
        run.text()
    );
    let run = loket(
        d,
        &[
            os("--db"),
            backup.as_os_str(),
            os("--json"),
            os("check"),
            os("--checkpoint"),
            checkpoint.as_os_str(),
        ],
        &[],
    );
    assert_eq!(
        run.code,
        Some(0),
        "the backup passes `loket check` with its checkpoint: {}",
        run.text()
    );
    assert_eq!(run.json()["ok"], true, "the check is ok: {}", run.stdout);
    let cases = |rows: &BTreeMap<&'static str, Vec<Vec<Value>>>| rows["cases"].len();
    let backup_rows = all_rows(&backup);
    let (before, after) = (cases(&all_rows(&source)), cases(&all_rows(&laptop)));
    assert!(
        cases(&backup_rows) > before && cases(&backup_rows) < after,
        "the backup holds the office as it was at one moment during the registrations ({} requests; {before} before, {after} after)",
        cases(&backup_rows),
    );

    let to_server = loket(
        d,
        &[
            os("--db"),
            laptop.as_os_str(),
            os("backup"),
            cluster.owner("x").as_os_str(),
        ],
        &[],
    );
    assert_eq!(
        to_server.code,
        Some(2),
        "a backup onto a server address is refused (that is `loket db copy`): {}",
        to_server.text()
    );

    // Restore: a new server database, the backup copied in.
    let restored = unique("restored");
    let restored_role = unique("restored_app");
    server_init(d, &cluster, &restored, &restored_role, APP_PASSWORD);
    let run = db_copy(d, &backup, &cluster.owner(&restored));
    assert_eq!(
        run.code,
        Some(0),
        "the backup goes onto a new server: {}",
        run.text()
    );
    let restored_laptop = cluster.laptop(&restored_role, APP_PASSWORD, &restored);
    same_rows(
        &backup_rows,
        &all_rows(&restored_laptop),
        "the backup and its restore",
    );
    check_ok(d, &restored_laptop, "the restored server");
}
