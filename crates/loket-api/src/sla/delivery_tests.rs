//! Several laptops on one database: two `Session`s on the same SQLite file stand for two
//! laptops (the scenario suite runs the same on PostgreSQL). Each person is told once, on
//! whichever laptop ticks first while they are signed in there, never again after a restart,
//! and the bell lists it on every laptop.

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::accounts::{AccountRow, ActingRow};
use loket_db::dispositions::DispositionRow;

use super::watch_tests::{seeded, t, Fake};
use super::Watcher;
use crate::app::Session;
use crate::Loket;

const PASSWORD: &str = "sandi-pegawai-kantor";

/// An account `login` on `position` that can sign in with [`PASSWORD`]; sri (from
/// [`seeded`]) gets the password too.
fn add_account(path: &std::path::Path, login: &str, position: Option<&str>) {
    let mut loket = Loket::open(path).unwrap();
    let hash = crate::account::password::hash(login, PASSWORD).unwrap();
    let tx = loket.db.begin().unwrap();
    if login == "sri" {
        tx.set_password_hash(login, &hash).unwrap();
        tx.commit().unwrap();
        return;
    }
    tx.insert_account(
        &AccountRow {
            id: login.into(),
            name: login.into(),
            nip: String::new(),
            position_id: position.map(str::to_string),
            roles: "register".into(),
            active: true,
            created_at: "2025-01-02T08:00:00+07:00".into(),
        },
        &hash,
    )
    .unwrap();
    tx.commit().unwrap();
}

/// A laptop: a session on the shared database with `login` signed in, and its watcher.
fn laptop(path: &std::path::Path, login: &str) -> (Session, Watcher) {
    let session = Session::new(path);
    session
        .sign_in(login, PASSWORD, t("2025-01-06T08:00:00+07:00"))
        .unwrap();
    (session, Watcher::new(60))
}

fn titles(fake: &Fake) -> Vec<String> {
    fake.shown.iter().map(|n| n.title.clone()).collect()
}

fn bell(session: &Session, now: DateTime<FixedOffset>) -> Vec<String> {
    session
        .as_user(|l, a| l.notifications(a, now))
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.title)
        .collect()
}

/// Sends case 1 to `position` again (a second disposition) at `at`.
fn dispose(path: &std::path::Path, position: &str, at: &str) {
    let mut loket = Loket::open(path).unwrap();
    let tx = loket.db.begin().unwrap();
    tx.insert_dispositions(
        &DispositionRow::outgoing(1, "disposisi", None, "sri", "biasa", at),
        &[position.to_string()],
    )
    .unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_new_disposition_is_told_once_to_each_holder_of_the_post_across_laptops() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    add_account(&path, "sri", None);
    add_account(&path, "plt", None);
    add_account(&path, "tamu", None);
    {
        let mut loket = Loket::open(&path).unwrap();
        let tx = loket.db.begin().unwrap();
        tx.insert_acting(&ActingRow {
            id: 0,
            account_id: "plt".into(),
            position_id: position.clone(),
            kind: "plt".into(),
            starts: "2025-01-06".into(),
            ends: "2025-01-10".into(),
        })
        .unwrap();
        tx.commit().unwrap();
    }
    // Sri is signed in on two laptops; the Plt. of her post and a guest on one each.
    let (a, mut wa) = laptop(&path, "sri");
    let (b, mut wb) = laptop(&path, "sri");
    let (c, mut wc) = laptop(&path, "plt");
    let (d, mut wd) = laptop(&path, "tamu");
    let (mut fa, mut fb, mut fc, mut fd) = (
        Fake::default(),
        Fake::default(),
        Fake::default(),
        Fake::default(),
    );
    let now = t("2025-01-07T09:00:00+07:00");
    wb.tick(&b, now, &mut fb).unwrap();
    wa.tick(&a, now + Duration::seconds(1), &mut fa).unwrap();
    wc.tick(&c, now + Duration::seconds(2), &mut fc).unwrap();
    wd.tick(&d, now + Duration::seconds(2), &mut fd).unwrap();
    let new = |f: &Fake| {
        f.shown
            .iter()
            .filter(|n| n.title.starts_with("Disposisi baru"))
            .count()
    };
    assert_eq!(
        (new(&fb), new(&fa)),
        (1, 0),
        "sri is told on the laptop that ticked first, not again on her other one: {:?} / {:?}",
        titles(&fb),
        titles(&fa)
    );
    assert_eq!(
        new(&fc),
        1,
        "the Plt. of the post is a recipient of his own: told once on his laptop"
    );
    assert!(
        fd.shown.is_empty(),
        "the guest holds no post: never told of it: {:?}",
        titles(&fd)
    );

    // Restarts: new watchers on every laptop, a minute later.
    let later = now + Duration::minutes(1);
    for (session, fake) in [(&a, &mut fa), (&b, &mut fb), (&c, &mut fc)] {
        let before = fake.shown.len();
        let r = Watcher::new(60).tick(session, later, fake).unwrap();
        assert!(
            r.crossings == 0 && fake.shown.len() == before,
            "after a restart nothing already told is told again: {:?}",
            r.notifications
        );
    }
    for (session, who) in [(&a, "laptop A"), (&b, "laptop B"), (&c, "the Plt.")] {
        assert!(
            bell(session, later)
                .iter()
                .any(|t| t.starts_with("Disposisi baru")),
            "the bell lists the disposition on {who}"
        );
    }
    assert!(
        !bell(&d, later)
            .iter()
            .any(|t| t.starts_with("Disposisi baru")),
        "the guest's bell does not"
    );
}

#[test]
fn an_office_wide_crossing_found_on_one_laptop_reaches_each_person_on_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    seeded(&path);
    add_account(&path, "sri", None);
    add_account(&path, "op.a", None);
    let (a, mut wa) = laptop(&path, "sri");
    let (b, mut wb) = laptop(&path, "op.a");
    let (c, mut wc) = laptop(&path, "op.a");
    let (mut fa, mut fb, mut fc) = (Fake::default(), Fake::default(), Fake::default());
    // Wednesday: the disposition due Thursday enters due soon. Laptop A scans first.
    let now = t("2025-01-08T09:00:00+07:00");
    let ra = wa.tick(&a, now, &mut fa).unwrap();
    assert!(
        ra.crossings >= 2,
        "laptop A records the due soon and sri's new disposition: {:?}",
        ra.notifications
    );
    let rb = wb.tick(&b, now + Duration::seconds(2), &mut fb).unwrap();
    assert_eq!(
        rb.crossings, 0,
        "laptop B's own scan finds nothing new: A recorded it for the office"
    );
    assert_eq!(
        titles(&fb)
            .iter()
            .filter(|t| t.starts_with("Segera jatuh tempo"))
            .count(),
        1,
        "the operator on laptop B is told of the office-wide due soon found on laptop A: {:?}",
        titles(&fb)
    );
    wc.tick(&c, now + Duration::seconds(3), &mut fc).unwrap();
    assert!(
        fc.shown.is_empty(),
        "the operator's second laptop does not tell him again: {:?}",
        titles(&fc)
    );
    assert_eq!(
        titles(&fa)
            .iter()
            .filter(|t| t.starts_with("Segera jatuh tempo"))
            .count(),
        1,
        "sri is told on laptop A: {:?}",
        titles(&fa)
    );
    let stored = a.with(|l| Ok(l.db.notification_events(10)?)).unwrap();
    let due_soon = stored
        .iter()
        .find(|e| e.title.starts_with("Segera jatuh tempo"))
        .unwrap();
    assert_eq!(
        a.with(|l| Ok(l.db.notification_told(due_soon.id)?))
            .unwrap(),
        vec!["op.a".to_string(), "sri".to_string()],
        "the office-wide notification is stored once and recorded as told per person"
    );
}

#[test]
fn a_new_disposition_is_told_within_seconds_while_the_office_scan_keeps_its_pace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    add_account(&path, "sri", None);
    let (a, mut wa) = laptop(&path, "sri");
    let mut fake = Fake::default();
    assert_eq!(
        wa.pause(),
        std::time::Duration::from_secs(3),
        "the window ticks every 3 seconds"
    );
    // The hosting case is due Monday 13 January 15.45.
    let t0 = t("2025-01-13T15:44:58+07:00");
    wa.tick(&a, t0, &mut fake).unwrap();
    let before = fake.shown.len();
    dispose(&path, &position, "2025-01-13T15:45:00+07:00");
    let r = wa.tick(&a, t0 + Duration::seconds(3), &mut fake).unwrap();
    let told: Vec<(&str, &str)> = fake.shown[before..]
        .iter()
        .map(|n| (n.title.as_str(), n.body.as_str()))
        .collect();
    assert!(
        told.len() == 1
            && told[0].0.starts_with("Disposisi baru untuk Anda: Agenda ")
            && told[0].1.starts_with("Permohonan hosting — sifat biasa"),
        "three seconds later the new disposition is told, by agenda number and hal, without waiting for the scan: {told:?}"
    );
    assert_eq!(
        r.crossings, 1,
        "the case overdue since 15.45 waits for the office-wide scan (once a minute)"
    );
    let r = wa.tick(&a, t0 + Duration::seconds(60), &mut fake).unwrap();
    assert!(
        r.notifications
            .iter()
            .any(|n| n.title.starts_with("Terlambat")),
        "the next scan, a minute after the last, finds the case overdue: {:?}",
        r.notifications
    );
}

#[test]
fn two_laptops_finding_and_reading_at_the_same_moment_store_once_and_tell_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let mut one = Loket::open(&path).unwrap();
    let mut two = Loket::open(&path).unwrap();
    let sri = super::Audience::person("sri", std::slice::from_ref(&position));
    let now = t("2025-01-08T09:00:00+07:00");
    // Both laptops find the crossings before either has recorded them.
    let found_one = one.watch_find(now, &sri, true).unwrap();
    let found_two = two.watch_find(now, &sri, true).unwrap();
    assert!(
        found_one.crossings.len() == 2 && found_two.crossings.len() == 2,
        "both find the due soon and sri's new disposition"
    );
    let stored_one = one.watch_store(now, found_one, false).unwrap();
    let stored_two = two.watch_store(now, found_two, false).unwrap();
    assert_eq!(
        (stored_one.len(), stored_two.len()),
        (2, 0),
        "the second laptop stores nothing the first one already remembered"
    );
    assert_eq!(
        one.db.notification_events(10).unwrap().len(),
        2,
        "each crossing is stored once for the office"
    );
    // Both read what sri has not been told of before either claims it.
    let since = super::delivery::lookback(now);
    let untold_one = one.watch_untold("sri", &sri, &since).unwrap();
    let untold_two = two.watch_untold("sri", &sri, &since).unwrap();
    assert_eq!(
        (untold_one.len(), untold_two.len()),
        (2, 2),
        "both read the two"
    );
    let told_one = one.watch_tell(now, "sri", untold_one).unwrap();
    let told_two = two.watch_tell(now, "sri", untold_two).unwrap();
    assert_eq!(
        (told_one.len(), told_two.len()),
        (2, 0),
        "sri is told on the laptop that claimed first, never on both"
    );
}
