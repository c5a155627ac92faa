//! The last free video-conference kit, wanted from two laptops at the same moment. Each laptop
//! is a thread with its own `Loket` (its own server connection); a barrier lets both act at
//! once. Exactly one wins; the other is refused with the schedule conflict that names the
//! winning booking, so the person can see who has the kit.

use std::sync::Barrier;

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::booking::{BookingRequest, BookingView, NewResource};
use loket_api::{ApiError, ErrorCode, Loket};
use loket_domain::booking::ResourceKind;
use loket_domain::roles::Role;

use crate::cluster::{self, Url};
use crate::office::{at, Office};

struct Schedule {
    url: Url,
    o: Office,
    ketua: Actor,
    kabid: Actor,
    staf: Actor,
}

fn t() -> DateTime<FixedOffset> {
    at("2026-03-02T10:00:00+07:00")
}

fn vicon(quantity: u32) -> NewResource {
    NewResource {
        id: "vicon".into(),
        name: "Perangkat video conference".into(),
        kind: ResourceKind::Peralatan,
        quantity,
        setup_minutes: 0,
        teardown_minutes: 0,
        unit: Some("tim-spa".into()),
        operators_needed: 0,
        skill: None,
    }
}

/// Demak on a fresh server database with `kits` vicon kits, Tim SPA's Ketua Tim and
/// Kepala Bidang (both may approve its equipment) and a staff member who books.
fn schedule(kits: u32) -> Schedule {
    let url = cluster::fresh_database();
    let mut o = Office::on("demak", &url.location());
    let ketua = o.account("ketua.spa", "ketua-tim-spa", None);
    let kabid = o.account("kabid.aptika", "kepala-bidang-aptika", None);
    let staf = o.account("staf.cc", "operator-cc", Some(vec![Role::Book]));
    o.loket.resource_add(&vicon(kits), &o.admin, t()).unwrap();
    Schedule {
        url,
        o,
        ketua,
        kabid,
        staf,
    }
}

/// One kit on Thursday 5 March 2026 from `from` to `to` (office time).
fn kit(title: &str, from: &str, to: &str) -> BookingRequest {
    BookingRequest {
        title: title.into(),
        case_id: None,
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: false,
        start: at(&format!("2026-03-05T{from}:00+07:00")),
        end: at(&format!("2026-03-05T{to}:00+07:00")),
        resources: vec![("vicon".into(), 1)],
        operators: vec![],
        rundown: String::new(),
        requested_by: "Bappeda".into(),
    }
}

/// Runs `a` and `b` on two laptops at once, each with its own connection; their results.
fn at_once<A, B>(url: &Url, a: A, b: B) -> [Result<BookingView, ApiError>; 2]
where
    A: FnOnce(&mut Loket) -> Result<BookingView, ApiError> + Send,
    B: FnOnce(&mut Loket) -> Result<BookingView, ApiError> + Send,
{
    let barrier = Barrier::new(2);
    let location = url.location();
    let (barrier, location) = (&barrier, &location);
    std::thread::scope(|s| {
        let first = s.spawn(move || {
            let mut loket = Loket::open(location).unwrap();
            barrier.wait();
            a(&mut loket)
        });
        let second = s.spawn(move || {
            let mut loket = Loket::open(location).unwrap();
            barrier.wait();
            b(&mut loket)
        });
        [first.join().unwrap(), second.join().unwrap()]
    })
}

/// Exactly one of two results is Ok; the other is the schedule conflict naming it.
fn one_winner(results: [Result<BookingView, ApiError>; 2], what: &str) -> (usize, BookingView) {
    let winners: Vec<usize> = (0..2).filter(|i| results[*i].is_ok()).collect();
    assert_eq!(
        winners.len(),
        1,
        "{what}: exactly one laptop wins the last kit: {results:?}"
    );
    let w = winners[0];
    let [a, b] = results;
    let (won, lost) = if w == 0 { (a, b) } else { (b, a) };
    let won = won.unwrap();
    let lost = lost.unwrap_err();
    assert_eq!(
        lost.code,
        ErrorCode::ScheduleConflict,
        "{what}: the other laptop is refused as a schedule conflict: {}",
        lost.message
    );
    assert!(
        lost.message.contains(&format!("#{}", won.id)),
        "{what}: the refusal names the winning booking #{} so the person sees who has the kit: {}",
        won.id,
        lost.message
    );
    (w, won)
}

/// Kits held at the contested hour by bookings that hold resources, counted by the server.
fn kits_held(url: &Url, statuses: &[&str]) -> i64 {
    let mut su = cluster::superuser(&url.database);
    let statuses: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    su.query_one(
        "SELECT COALESCE(SUM(r.quantity), 0)::BIGINT FROM bookings b
         JOIN booking_resources r ON r.booking_id = b.id
         WHERE r.resource_id = 'vicon' AND b.status = ANY($1)
           AND b.start_at < $3 AND b.end_at > $2",
        &[
            &statuses,
            &at("2026-03-05T10:30:00+07:00").timestamp(),
            &at("2026-03-05T10:31:00+07:00").timestamp(),
        ],
    )
    .unwrap()
    .get(0)
}

#[test]
fn two_laptops_requesting_the_last_kit_at_once_get_it_once() {
    let mut s = schedule(2);
    // One kit is already out for the morning.
    let first =
        s.o.loket
            .booking_create(&kit("Rapat pagi", "08:00", "12:00"), &s.ketua, t())
            .unwrap();
    s.o.loket.booking_approve(first.id, &s.kabid, t()).unwrap();

    let (ketua, staf) = (s.ketua.clone(), s.staf.clone());
    let results = at_once(
        &s.url,
        move |l| l.booking_create(&kit("Vicon Bappeda", "10:00", "11:00"), &ketua, t()),
        move |l| l.booking_create(&kit("Vicon Dinkes", "10:30", "11:30"), &staf, t()),
    );
    let (_, won) = one_winner(results, "two requests for the last kit");
    assert_eq!(
        kits_held(&s.url, &["diminta", "disetujui", "berjalan"]),
        2,
        "the two kits the office owns are held once each at 10.30, never three times"
    );
    let approved = s.o.loket.booking_approve(won.id, &s.kabid, t()).unwrap();
    assert_eq!(
        approved.status, "disetujui",
        "the winning request goes on to approval as usual"
    );
}

#[test]
fn two_heads_approving_the_last_kit_at_once_approve_it_once() {
    // Three kits when the two requests came in; then one went for repair, so the two
    // requests now compete for the last free kit beside the morning's approved booking.
    let mut s = schedule(3);
    let l = &mut s.o.loket;
    let morning = l
        .booking_create(&kit("Rapat pagi", "08:00", "12:00"), &s.ketua, t())
        .unwrap();
    l.booking_approve(morning.id, &s.kabid, t()).unwrap();
    let bappeda = l
        .booking_create(&kit("Vicon Bappeda", "10:00", "11:00"), &s.staf, t())
        .unwrap();
    let dinkes = l
        .booking_create(&kit("Vicon Dinkes", "10:30", "11:30"), &s.staf, t())
        .unwrap();
    l.resource_add(&vicon(2), &s.o.admin, t()).unwrap();

    let (ketua, kabid) = (s.ketua.clone(), s.kabid.clone());
    let (a, b) = (bappeda.id, dinkes.id);
    let results = at_once(
        &s.url,
        move |l| l.booking_approve(a, &ketua, t()),
        move |l| l.booking_approve(b, &kabid, t()),
    );
    let (_, won) = one_winner(results, "two approvals of the last kit");
    assert_eq!(won.status, "disetujui", "the winning approval is recorded");
    assert_eq!(
        kits_held(&s.url, &["disetujui", "berjalan"]),
        2,
        "at 10.30 the two remaining kits are approved once each, never three times"
    );
    let loser = if won.id == a { b } else { a };
    assert_eq!(
        s.o.loket.booking_show(loser).unwrap().status,
        "diminta",
        "the refused approval left its request waiting, unchanged"
    );
}
