//! Four laptops at once on one server: each is a process of its own (this test binary started
//! again to run [`laptop_worker`]), signed in as its own account, registering requests and
//! reserving letter numbers as fast as it can, all started at the same moment. The agenda and
//! the register must come out without a duplicate or a gap, every number a laptop was given
//! must be in the database as it was given, and the audit trail must be one intact chain.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use loket_api::case::NewCase;
use loket_api::letter::Reservation;
use loket_api::Loket;
use loket_domain::roles::Role;

use crate::cluster;
use crate::fo_letter::fo_pattern;
use crate::office::{at, hosting_request, Office, PASSWORD};

const LAPTOPS: usize = 4;
const EACH: usize = 250;
const WORKER: &str = "concurrency::laptop_worker";
/// The pattern `fo_pattern` sets, and the kind of letter it numbers.
const PATTERN: &str = "rekomendasi";
const KIND: &str = "rekomendasi_teknis_fo";

/// What one laptop reported.
#[derive(Debug, Default)]
struct Report {
    /// (year, agenda number, case id) of each registration.
    agenda: Vec<(i64, i64, i64)>,
    /// (running number, register id, number text) of each reservation.
    letters: Vec<(i64, i64, String)>,
    /// Wall time, time inside registrations, time inside reservations.
    elapsed: Duration,
    registering: Duration,
    reserving: Duration,
}

#[test]
fn four_laptops_take_agenda_and_letter_numbers_without_duplicates_or_gaps() {
    let url = cluster::fresh_database();
    let logins: Vec<String> = (1..=LAPTOPS).map(|i| format!("loket{i}")).collect();
    {
        let mut o = Office::on("demak", &url.location());
        let t = at("2026-03-02T07:10:00+07:00");
        o.loket
            .letter_pattern_set(&o.admin, &fo_pattern(), t)
            .unwrap();
        for login in &logins {
            o.account(login, "staf-jaringan", Some(vec![Role::Register]));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().expect("the test binary knows where it is");
    let mut children: Vec<(String, Child)> = logins
        .iter()
        .map(|login| {
            let log = fs::File::create(dir.path().join(format!("{login}.log"))).unwrap();
            let child = Command::new(&exe)
                .args([WORKER, "--exact", "--ignored", "--nocapture"])
                .args(["--test-threads", "1"])
                .env("LOKET_PG_WORKER_DB", url.to_string())
                .env("LOKET_PG_WORKER_LOGIN", login)
                .env("LOKET_PG_WORKER_COUNT", EACH.to_string())
                .env("LOKET_PG_WORKER_DIR", dir.path())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .expect("the test binary starts again as a laptop");
            (login.clone(), child)
        })
        .collect();

    // Everyone connected and signed in, then all start at once.
    let deadline = Instant::now() + Duration::from_secs(180);
    while !logins
        .iter()
        .all(|l| dir.path().join(format!("{l}.ready")).exists())
    {
        for (login, child) in &mut children {
            if let Some(status) = child.try_wait().unwrap() {
                panic!(
                    "laptop {login} stopped before starting ({status}):\n{}",
                    log_of(dir.path(), login)
                );
            }
        }
        assert!(
            Instant::now() < deadline,
            "the four laptops did not connect within 3 minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    fs::write(dir.path().join("go"), "").unwrap();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(600);
    for (login, child) in &mut children {
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!(
                    "laptop {login} did not finish within 10 minutes:\n{}",
                    log_of(dir.path(), login)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(
            status.success(),
            "laptop {login} failed ({status}):\n{}",
            log_of(dir.path(), login)
        );
    }
    let elapsed = started.elapsed();
    let reports: BTreeMap<String, Report> = logins
        .iter()
        .map(|l| (l.clone(), read_report(dir.path(), l)))
        .collect();

    for (login, r) in &reports {
        assert_eq!(
            (r.agenda.len(), r.letters.len()),
            (EACH, EACH),
            "laptop {login} reports every registration and reservation it made"
        );
    }
    let agenda: Vec<(i64, i64, i64)> = reports.values().flat_map(|r| r.agenda.clone()).collect();
    let letters: Vec<(i64, i64, String)> =
        reports.values().flat_map(|r| r.letters.clone()).collect();
    let total = LAPTOPS * EACH;
    assert!(
        agenda.iter().all(|(year, _, _)| *year == 2026),
        "every request was received in 2026 and numbered in that year's agenda"
    );
    assert_unbroken(
        "agenda numbers of 2026",
        agenda.iter().map(|(_, seq, _)| *seq).collect(),
        total,
    );
    assert_unbroken(
        "letter numbers of pattern `rekomendasi` in 2026",
        letters.iter().map(|(seq, _, _)| *seq).collect(),
        total,
    );
    let texts: BTreeSet<&str> = letters.iter().map(|(_, _, n)| n.as_str()).collect();
    assert_eq!(texts.len(), total, "no letter number text was given twice");

    // What the laptops were told is what the database holds, and nothing more.
    let mut su = cluster::superuser(&url.database);
    let stored_cases: BTreeSet<(i64, i64)> = su
        .query("SELECT id, agenda_seq FROM cases WHERE year = 2026", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let reported_cases: BTreeSet<(i64, i64)> =
        agenda.iter().map(|(_, seq, id)| (*id, *seq)).collect();
    assert_eq!(
        stored_cases, reported_cases,
        "every case a laptop registered is stored with the agenda number it was given, and no other"
    );
    let stored_numbers: BTreeSet<(i64, i64, String)> = su
        .query(
            "SELECT seq, id, number FROM letter_numbers WHERE pattern_id = $1 AND year = 2026",
            &[&PATTERN],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(
        stored_numbers,
        letters.iter().cloned().collect::<BTreeSet<_>>(),
        "every letter number a laptop reserved is in the register as it was given, and no other"
    );
    for (counter, last) in [("agenda", total), ("letter:rekomendasi", total)] {
        let stored = cluster::number(
            &mut su,
            &format!("SELECT last FROM counters WHERE name = '{counter}' AND year = 2026"),
        );
        assert_eq!(
            stored, last as i64,
            "counter {counter} stands at the last number given, so the next one follows on"
        );
    }

    let db = loket_db::Db::open(&url.location()).unwrap();
    let report = db.check().unwrap();
    assert!(
        report.is_ok(),
        "loket check passes after four concurrent writers (one audit chain, counters in step): {report:?}"
    );
    let entries = db.audit_entries(None).unwrap();
    let of = |action: &str| entries.iter().filter(|e| e.entry.action == action).count();
    assert_eq!(
        (
            of(loket_api::case::REGISTER),
            of(loket_api::letter::NUMBER_RESERVE)
        ),
        (total, total),
        "each registration and each reservation has its own audit entry in the one chain"
    );

    let secs = elapsed.as_secs_f64();
    let registering: Duration = reports.values().map(|r| r.registering).sum();
    let reserving: Duration = reports.values().map(|r| r.reserving).sum();
    let slowest = reports
        .values()
        .map(|r| r.elapsed)
        .max()
        .unwrap_or_default();
    println!(
        "{LAPTOPS} laptops × ({EACH} registrations + {EACH} letter-number reservations), interleaved, \
         on PostgreSQL: {secs:.1} s in all (slowest laptop {:.1} s); {:.0} registrations/s and \
         {:.0} reservations/s side by side, {:.0} writes/s; mean call {:.1} ms to register, \
         {:.1} ms to reserve (debug build: {})",
        slowest.as_secs_f64(),
        total as f64 / secs,
        total as f64 / secs,
        (2 * total) as f64 / secs,
        registering.as_secs_f64() * 1000.0 / total as f64,
        reserving.as_secs_f64() * 1000.0 / total as f64,
        cfg!(debug_assertions),
    );
}

/// `numbers` are exactly 1..=`total`: names the duplicates and the gaps otherwise.
fn assert_unbroken(what: &str, mut numbers: Vec<i64>, total: usize) {
    numbers.sort_unstable();
    let mut seen = BTreeSet::new();
    let duplicates: Vec<i64> = numbers
        .iter()
        .filter(|n| !seen.insert(**n))
        .copied()
        .collect();
    let gaps: Vec<i64> = (1..=total as i64).filter(|n| !seen.contains(n)).collect();
    assert!(
        duplicates.is_empty(),
        "{what}: no number is given twice, yet these were: {duplicates:?}"
    );
    assert!(
        gaps.is_empty(),
        "{what}: no number is skipped, yet these are missing: {gaps:?}"
    );
    assert_eq!(
        numbers,
        (1..=total as i64).collect::<Vec<_>>(),
        "{what} run from 1 to {total}"
    );
}

fn log_of(dir: &Path, login: &str) -> String {
    fs::read_to_string(dir.join(format!("{login}.log"))).unwrap_or_default()
}

fn read_report(dir: &Path, login: &str) -> Report {
    let path = dir.join(format!("{login}.txt"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "laptop {login} wrote its numbers to {}: {e}\n{}",
            path.display(),
            log_of(dir, login)
        )
    });
    let mut r = Report::default();
    for line in text.lines() {
        let parts: Vec<&str> = line.splitn(4, ' ').collect();
        let int = |i: usize| -> i64 { parts[i].parse().unwrap() };
        let ms = |i: usize| Duration::from_millis(parts[i].parse().unwrap());
        match parts[0] {
            "agenda" => r.agenda.push((int(1), int(2), int(3))),
            "letter" => r.letters.push((int(1), int(2), parts[3].to_string())),
            "time" => (r.elapsed, r.registering, r.reserving) = (ms(1), ms(2), ms(3)),
            other => panic!("laptop {login} wrote an unknown line `{other}`"),
        }
    }
    r
}

fn setting(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is set by four_laptops_take_agenda_and_letter_numbers_without_duplicates_or_gaps, \
             which starts this worker as a process of its own; it does nothing on its own"
        )
    })
}

/// One laptop: signs in, says it is ready, waits for the start, then registers a request and
/// reserves a letter number in turn, `LOKET_PG_WORKER_COUNT` times each, and writes what it
/// was given to `<login>.txt` in `LOKET_PG_WORKER_DIR`.
#[test]
#[ignore = "one laptop of four_laptops_take_agenda_and_letter_numbers_without_duplicates_or_gaps, started by it"]
fn laptop_worker() {
    let db = setting("LOKET_PG_WORKER_DB");
    let login = setting("LOKET_PG_WORKER_LOGIN");
    let count: usize = setting("LOKET_PG_WORKER_COUNT").parse().unwrap();
    let dir = PathBuf::from(setting("LOKET_PG_WORKER_DIR"));
    let mut loket = Loket::open(Path::new(&db)).unwrap();
    let me = loket.sign_in(&login, PASSWORD).unwrap();
    fs::write(dir.join(format!("{login}.ready")), "").unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    while !dir.join("go").exists() {
        assert!(
            Instant::now() < deadline,
            "{login}: no start within 3 minutes"
        );
        std::thread::sleep(Duration::from_millis(2));
    }

    let now = at("2026-03-02T10:00:00+07:00");
    let started = Instant::now();
    let (mut registering, mut reserving) = (Duration::ZERO, Duration::ZERO);
    let mut lines = Vec::with_capacity(2 * count + 1);
    for i in 0..count {
        let request = NewCase {
            applicant_name: format!("Pemohon {login} ke-{i}"),
            letter_number: format!("400.3/{i}/{login}/2026"),
            ..hosting_request()
        };
        let t = Instant::now();
        let case = loket
            .case_register(&me, &request, now)
            .unwrap_or_else(|e| panic!("{login}: registration {i} refused: {e}"));
        registering += t.elapsed();
        lines.push(format!(
            "agenda {} {} {}",
            case.year, case.agenda_seq, case.id
        ));
        let hal = format!("Rekomendasi teknis {login} ke-{i}");
        let t = Instant::now();
        let number = loket
            .letter_number_reserve(
                &me,
                &Reservation {
                    kind: KIND,
                    tanggal: now.date_naive(),
                    hal: &hal,
                    case_id: None,
                    reserved_by: None,
                },
                now,
            )
            .unwrap_or_else(|e| panic!("{login}: reservation {i} refused: {e}"));
        reserving += t.elapsed();
        assert_eq!(
            number.pattern_id, PATTERN,
            "recommendations are numbered by the pattern the office set"
        );
        lines.push(format!(
            "letter {} {} {}",
            number.seq, number.id, number.number
        ));
    }
    lines.push(format!(
        "time {} {} {}",
        started.elapsed().as_millis(),
        registering.as_millis(),
        reserving.as_millis()
    ));
    let part = dir.join(format!("{login}.part"));
    fs::write(&part, lines.join("\n")).unwrap();
    fs::rename(&part, dir.join(format!("{login}.txt"))).unwrap();
}
