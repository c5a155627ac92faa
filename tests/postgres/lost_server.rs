//! The server lost in the middle of work: a proxy between Loket and the cluster is cut while
//! a laptop registers requests one after another (every connection closed, no new one
//! accepted), three times at different moments. Whatever was reported done is there
//! afterwards, nothing is half-written, the person is told plainly that the change was not
//! saved, nothing hangs while the server is away, and the same open Loket carries on once it
//! is back.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use loket_api::case::{CaseView, NewCase};
use loket_api::{ApiError, ErrorCode, Loket};
use loket_domain::roles::Role;

use crate::cluster;
use crate::office::{at, hosting_request, Office, PASSWORD};
use crate::proxy::Proxy;

/// Well under the 30 s statement timeout: a refusal that takes longer is a hang to the person.
const FAST: Duration = Duration::from_secs(20);

fn request(n: usize) -> NewCase {
    NewCase {
        applicant_name: format!("Pemohon ke-{n}"),
        letter_number: format!("400.3/{n}/2026"),
        ..hosting_request()
    }
}

/// Refused as offline, quickly, saying the change was not saved, without the password.
fn assert_offline(e: &ApiError, took: Duration, password: &str, what: &str) {
    assert_eq!(
        e.code,
        ErrorCode::Offline,
        "{what}: reported as the office database being out of reach, so the window shows its banner: {}",
        e.message
    );
    assert!(
        took < FAST,
        "{what}: refused in {took:?}, not left hanging (limit {FAST:?})"
    );
    assert!(
        e.message.contains("Tidak tersambung ke basis data kantor")
            && e.message.contains("perubahan belum tersimpan"),
        "{what}: the person is told the office database is out of reach and the change was \
         not saved: {}",
        e.message
    );
    assert!(
        !e.message.contains(password),
        "{what}: the message never shows the password: {}",
        e.message
    );
}

#[test]
fn a_lost_server_loses_no_reported_write_and_the_same_loket_recovers() {
    let url = cluster::fresh_database();
    {
        let mut o = Office::on("demak", &url.location());
        o.account("staf.loket", "staf-jaringan", Some(vec![Role::Register]));
    }
    let proxy = Proxy::start(url.port);
    let mut loket = Loket::open(&url.with_port(proxy.port()).location())
        .expect("Loket opens the office database through the proxy");
    let staf = loket.sign_in("staf.loket", PASSWORD).unwrap();
    let now = at("2026-03-02T10:00:00+07:00");

    let done = AtomicUsize::new(0);
    let mut reported: Vec<CaseView> = Vec::new();
    let mut sent = 0;
    // Cut after different numbers of registrations and at different moments of a call.
    for (cycle, (after, delay_ms)) in [(15, 0), (10, 3), (10, 11)].into_iter().enumerate() {
        let cut_after = reported.len() + after;
        let first_failure = std::thread::scope(|s| {
            let cutter = s.spawn(|| {
                while done.load(Ordering::SeqCst) < cut_after {
                    std::thread::sleep(Duration::from_micros(200));
                }
                std::thread::sleep(Duration::from_millis(delay_ms));
                proxy.cut();
            });
            let failure = loop {
                sent += 1;
                let t = Instant::now();
                match loket.case_register(&staf, &request(sent), now) {
                    Ok(case) => {
                        reported.push(case);
                        done.store(reported.len(), Ordering::SeqCst);
                        assert!(
                            reported.len() < cut_after + 500,
                            "cycle {cycle}: the cut never reached Loket"
                        );
                    }
                    Err(e) => break (e, t.elapsed()),
                }
            };
            cutter.join().unwrap();
            failure
        });
        let (e, took) = first_failure;
        assert_offline(
            &e,
            took,
            &url.password,
            &format!("cycle {cycle}: the write cut off"),
        );

        // While the server is away every call is refused quickly, never hanging.
        for attempt in 0..3 {
            sent += 1;
            let t = Instant::now();
            let e = loket
                .case_register(&staf, &request(sent), now)
                .expect_err("nothing can be registered while the server is away");
            assert_offline(
                &e,
                t.elapsed(),
                &url.password,
                &format!("cycle {cycle}: write {attempt} while cut"),
            );
            println!(
                "cycle {cycle}: refused in {:?} while cut: {}",
                t.elapsed(),
                e.message
            );
        }
        let t = Instant::now();
        let e = loket
            .case_show(&staf, reported[0].id, now)
            .expect_err("nothing can be read while the server is away either");
        assert_offline(
            &e,
            t.elapsed(),
            &url.password,
            &format!("cycle {cycle}: a read while cut"),
        );

        proxy.restore();
        sent += 1;
        let again = loket
            .case_register(&staf, &request(sent), now)
            .unwrap_or_else(|e| {
                panic!("cycle {cycle}: the same Loket works again once the server is back: {e}")
            });
        reported.push(again);
        done.store(reported.len(), Ordering::SeqCst);
    }
    drop(loket);
    drop(proxy);

    // Straight to the server, past the proxy.
    let mut su = cluster::superuser(&url.database);
    let requirements = reported[0].requirements.len() as i64;
    let steps = reported[0].steps.len() as i64;
    assert!(
        requirements > 0 && steps > 0,
        "the hosting service has requirements and steps to check for"
    );
    let stored: BTreeMap<i64, (i64, String, i64, i64, i64)> = su
        .query(
            "SELECT c.id, c.agenda_seq, c.applicant_name,
                    (SELECT COUNT(*) FROM case_requirements r WHERE r.case_id = c.id),
                    (SELECT COUNT(*) FROM case_steps s WHERE s.case_id = c.id),
                    (SELECT COUNT(*) FROM audit a
                      WHERE a.entity = 'case:' || c.id AND a.action = 'case.register')
             FROM cases c",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))))
        .collect();
    for case in &reported {
        let row = stored.get(&case.id).unwrap_or_else(|| {
            panic!(
                "case {} ({}) was reported registered, so it is stored",
                case.id, case.agenda_number
            )
        });
        assert_eq!(
            (row.0, &row.1),
            (case.agenda_seq, &case.applicant_name),
            "case {} is stored as it was reported",
            case.id
        );
    }
    for (id, (seq, name, reqs, stps, audits)) in &stored {
        assert_eq!(
            (*reqs, *stps, *audits),
            (requirements, steps, 1),
            "case {id} ({name}, agenda {seq}) is whole: every requirement, every step and its \
             one audit entry, never part of a registration"
        );
    }
    let count = stored.len() as i64;
    let max = cluster::number(&mut su, "SELECT COALESCE(MAX(agenda_seq), 0) FROM cases");
    let counter = cluster::number(
        &mut su,
        "SELECT last FROM counters WHERE name = 'agenda' AND year = 2026",
    );
    assert_eq!(
        (count, counter),
        (max, max),
        "agenda numbers run 1..{max} without a gap and the counter stands at the last one"
    );
    let report = loket_db::Db::open(&url.location())
        .unwrap()
        .check()
        .unwrap();
    assert!(
        report.is_ok(),
        "loket check passes after three lost connections (audit chain whole): {report:?}"
    );
    println!(
        "lost server: {} registrations reported done and stored, {} stored in all, {} attempts",
        reported.len(),
        count,
        sent
    );
}
