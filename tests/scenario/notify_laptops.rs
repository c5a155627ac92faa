//! One office, several laptops on one database (a file, or with LOKET_TEST_BACKEND=postgres
//! the office's server, each laptop on its own connection): what one laptop does reaches the
//! person it is for on theirs, each person is told once (never once per laptop, never again
//! after a restart), and the bell lists it on every laptop they sign in to.

#[path = "office.rs"]
mod office;

use chrono::{DateTime, Duration, FixedOffset};
use loket_api::app::Session;
use loket_api::sla::Watcher;
use loket_tests::backend::{db_location, TestDatabase};
use office::{at, hosting_request, send, Office, Shown, PASSWORD};

/// A laptop: its own session on the office's database with `login` signed in, its watcher
/// and what its desktop showed.
struct Laptop {
    name: &'static str,
    session: Session,
    watcher: Watcher,
    shown: Shown,
}

impl Laptop {
    fn new(name: &'static str, location: &std::path::Path, login: &str) -> Laptop {
        let session = Session::new(location);
        session
            .sign_in(login, PASSWORD, at("2026-03-02T07:30:00+07:00"))
            .unwrap_or_else(|e| panic!("{login} signs in on {name}: {e}"));
        Laptop {
            name,
            session,
            watcher: Watcher::new(60),
            shown: Shown::default(),
        }
    }

    /// One watcher tick at `now`; the titles it showed.
    fn tick(&mut self, now: DateTime<FixedOffset>) -> Vec<String> {
        let before = self.shown.0.len();
        self.watcher
            .tick(&self.session, now, &mut self.shown)
            .unwrap_or_else(|e| panic!("the watcher ticks on {}: {e}", self.name));
        self.shown.0[before..]
            .iter()
            .map(|n| n.title.clone())
            .collect()
    }

    /// The laptop restarts: a new watcher, remembering nothing.
    fn restart(&mut self) {
        self.watcher = Watcher::new(60);
    }

    fn bell(&self, now: DateTime<FixedOffset>) -> Vec<String> {
        self.session
            .as_user(|l, a| l.notifications(a, now))
            .unwrap()
            .events
            .into_iter()
            .map(|e| e.title)
            .collect()
    }

    fn head(&self) -> i64 {
        self.session.with(|l| l.changes_head()).unwrap()
    }
}

fn new_disposition(titles: &[String]) -> usize {
    titles
        .iter()
        .filter(|t| t.starts_with("Disposisi baru"))
        .count()
}

#[test]
fn a_disposition_sent_on_one_laptop_is_told_once_to_its_recipient_on_another() {
    let dir = tempfile::tempdir().unwrap();
    let location = db_location(dir.path());
    let _database = TestDatabase::adopt(&location);
    let mut o = Office::on("demak", &location);
    o.account("umar", "kepala-dinas", None);
    o.account("siti", "sekretaris", None);
    // The secretariat's laptop (the administrator registers), the Kepala Dinas on two
    // laptops (office and home), the Sekretaris on hers.
    let mut a = Laptop::new("laptop A", &location, "admin");
    let mut b = Laptop::new("laptop B", &location, "umar");
    let mut c = Laptop::new("laptop C", &location, "umar");
    let mut d = Laptop::new("laptop D", &location, "siti");
    let morning = at("2026-03-02T08:00:00+07:00");
    for l in [&mut a, &mut b, &mut c, &mut d] {
        l.tick(morning);
    }

    // Laptop A registers and verifies: the letter goes to the Kepala Dinas.
    let head = a.head();
    let case = a
        .session
        .as_user(|l, admin| {
            let c = l.case_register(admin, &hosting_request(), at("2026-03-02T08:20:00+07:00"))?;
            let met: Vec<i64> = c.requirements.iter().map(|r| r.number).collect();
            l.case_verify(admin, c.id, &met, at("2026-03-02T08:20:30+07:00"))
        })
        .unwrap();
    assert!(
        b.head() > head,
        "laptop B sees the change marker move after laptop A's change"
    );

    // Both of the Kepala Dinas's laptops tick at the same moment, on their own connections.
    let now = at("2026-03-02T08:20:33+07:00");
    let gate = std::sync::Barrier::new(2);
    let (on_b, on_c) = std::thread::scope(|s| {
        let (b, c, gate) = (&mut b, &mut c, &gate);
        let tb = s.spawn(move || {
            gate.wait();
            b.tick(now)
        });
        let tc = s.spawn(move || {
            gate.wait();
            c.tick(now)
        });
        (tb.join().unwrap(), tc.join().unwrap())
    });
    assert_eq!(
        new_disposition(&on_b) + new_disposition(&on_c),
        1,
        "the Kepala Dinas is told of the new letter once, on one of his two laptops, within seconds: B {on_b:?}, C {on_c:?}"
    );
    let on_a = a.tick(now + Duration::seconds(1));
    let on_d = d.tick(now + Duration::seconds(1));
    assert!(
        new_disposition(&on_a) == 0 && new_disposition(&on_d) == 0,
        "nobody else is told of it: A {on_a:?}, D {on_d:?}"
    );

    // Laptop B disposes to the Sekretaris; her laptop tells her at its next tick.
    let head = a.head();
    b.session
        .as_user(|l, umar| {
            l.disposition_send(
                umar,
                &send(&["sekretaris"], "Proses lebih lanjut", case.id),
                at("2026-03-02T08:30:00+07:00"),
            )
        })
        .unwrap();
    assert!(
        a.head() > head,
        "laptop A's open case page learns of the disposition from the change marker"
    );
    let later = at("2026-03-02T08:30:03+07:00");
    assert_eq!(
        new_disposition(&d.tick(later)),
        1,
        "the Sekretaris is told on her laptop"
    );
    for l in [&mut a, &mut b, &mut c] {
        assert_eq!(
            new_disposition(&l.tick(later)),
            0,
            "{} does not tell its person of the Sekretaris's disposition",
            l.name
        );
    }

    // Every laptop restarts: nothing already told is told again.
    let after_restart = at("2026-03-02T08:35:00+07:00");
    for l in [&mut a, &mut b, &mut c, &mut d] {
        l.restart();
        let titles = l.tick(after_restart);
        assert!(
            titles.is_empty(),
            "after a restart {} tells nothing again: {titles:?}",
            l.name
        );
    }

    // The bell lists it on every laptop the person is signed in to.
    for l in [&b, &c] {
        assert_eq!(
            new_disposition(&l.bell(after_restart)),
            1,
            "the Kepala Dinas's bell lists his disposition on {}",
            l.name
        );
    }
    assert_eq!(
        new_disposition(&d.bell(after_restart)),
        1,
        "the Sekretaris's bell lists hers only"
    );
    assert_eq!(
        new_disposition(&a.bell(after_restart)),
        0,
        "the administrator's bell lists neither"
    );

    // Weeks later the request is overdue: laptop A's scan finds it for the whole office,
    // and each person is told once on a laptop of theirs.
    let late = at("2026-04-30T09:00:00+07:00");
    let found = a.tick(late);
    assert_eq!(
        found.len(),
        1,
        "the administrator is told of the overdue request (with whatever else fell due while the laptop was off, in one notification) on laptop A: {found:?}"
    );
    let (on_b, on_c, on_d) = (
        b.tick(late + Duration::seconds(2)),
        c.tick(late + Duration::seconds(2)),
        d.tick(late + Duration::seconds(2)),
    );
    assert_eq!(
        (on_b.len() + on_c.len(), on_d.len()),
        (1, 1),
        "the office-wide news found on laptop A reaches the Kepala Dinas once (B {on_b:?}, C {on_c:?}) and the Sekretaris once ({on_d:?})"
    );
}
