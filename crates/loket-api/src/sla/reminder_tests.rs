//! Booking reminders and the notification centre against a real (temporary) database with a
//! fake notifier.

use loket_db::accounts::AccountRow;
use loket_db::bookings::NewBooking;
use loket_domain::booking::{BookingStatus, Span};

use super::watch::{Audience, Urgency};
use super::watch_tests::{seeded, t, Fake};
use crate::account::Actor;
use crate::Loket;

/// A booking 09.00–12.00 WIB on Thursday 9 January 2025 run by `op.a` for `sri`.
fn book(loket: &mut Loket, title: &str, status: BookingStatus) -> i64 {
    let tx = loket.db.begin().unwrap();
    let id = tx
        .insert_booking(&NewBooking {
            title: title.into(),
            case_id: None,
            location: "Command Center".into(),
            outside_office: false,
            outside_hours: false,
            span: Span {
                start: t("2025-01-09T09:00:00+07:00").timestamp(),
                end: t("2025-01-09T12:00:00+07:00").timestamp(),
            },
            status,
            series_id: None,
            rundown: String::new(),
            requested_by: "sri".into(),
            resources: vec![],
            operators: vec!["op.a".into()],
            now: t("2025-01-06T09:00:00+07:00").timestamp(),
        })
        .unwrap();
    tx.commit().unwrap();
    id
}

fn actor(id: &str, position: Option<&str>) -> Actor {
    Actor::from_row(&AccountRow {
        id: id.into(),
        name: id.into(),
        nip: String::new(),
        position_id: position.map(str::to_string),
        roles: "register".into(),
        active: true,
        created_at: "2025-01-02T08:00:00+07:00".into(),
    })
}

fn titles(fake: &Fake) -> Vec<String> {
    fake.shown.iter().map(|n| n.title.clone()).collect()
}

#[test]
fn each_booking_reminder_fires_once_for_its_people() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    seeded(&path);
    let mut loket = Loket::open(&path).unwrap();
    let id = book(&mut loket, "Vicon Musrenbang", BookingStatus::Disetujui);
    let cancelled = book(&mut loket, "Podcast batal", BookingStatus::Dibatalkan);
    let operator = Audience::person("op.a", &[]);
    let mut fake = Fake::default();

    let r = loket
        .watch_tick(t("2025-01-07T09:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    assert_eq!(
        r.crossings, 0,
        "Tuesday is not yet H-1 of a Thursday booking"
    );

    loket
        .watch_tick(t("2025-01-08T09:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    let prepare: Vec<_> = fake
        .shown
        .iter()
        .filter(|n| n.title.starts_with("Persiapan besok"))
        .collect();
    assert!(
        prepare.len() == 1 && prepare[0].items == vec![format!("booking:{id}")],
        "H-1 (Wednesday) reminds the operator to prepare, once, for the live booking only: {:?}",
        titles(&fake)
    );
    assert!(
        prepare[0].body.contains("Kamis, 9 Januari 2025 09.00 WIB"),
        "the reminder says when in Indonesian: {}",
        prepare[0].body
    );
    let r = loket
        .watch_tick(t("2025-01-08T10:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    assert_eq!(r.crossings, 0, "the preparation reminder is not repeated");

    drop(loket);
    let mut loket = Loket::open(&path).unwrap();
    let stranger = Audience::person("orang.lain", &[]);
    let before = fake.shown.len();
    let r = loket
        .watch_tick(t("2025-01-09T08:40:00+07:00"), &stranger, false, &mut fake)
        .unwrap();
    assert!(
        r.crossings >= 1
            && !fake.shown[before..]
                .iter()
                .any(|n| n.title.starts_with("Peminjaman dimulai")),
        "the start reminder fires 30 minutes ahead but is not shown to someone not involved: {:?}",
        titles(&fake)
    );
    let stored = loket.db.notification_events(20).unwrap();
    let start = stored
        .iter()
        .find(|e| e.title.starts_with("Peminjaman dimulai"))
        .expect("the start reminder is stored for the centre");
    assert_eq!(
        start.recipients,
        vec!["account:op.a".to_string(), "account:sri".to_string()],
        "a booking reminder is for its operators and its requester"
    );
    assert!(
        loket.db.notification_told(start.id).unwrap().is_empty(),
        "a reminder not shown to the operator is not marked told: it waits for them"
    );

    let tx = loket.db.begin().unwrap();
    tx.add_handover(
        id,
        "keluar",
        t("2025-01-09T08:50:00+07:00").timestamp(),
        "op.a",
        "baik",
    )
    .unwrap();
    tx.commit().unwrap();
    let r = loket
        .watch_tick(t("2025-01-09T11:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    assert!(
        !r.notifications
            .iter()
            .any(|n| n.title.starts_with("Peralatan belum kembali")),
        "equipment out during the booking is not overdue"
    );
    let r = loket
        .watch_tick(t("2025-01-09T13:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    let back: Vec<_> = r
        .notifications
        .iter()
        .filter(|n| n.title.starts_with("Peralatan belum kembali"))
        .collect();
    assert!(
        back.len() == 1 && back[0].urgency == Urgency::Critical,
        "equipment checked out and not back after the booking ended is overdue, urgently: {:?}",
        r.notifications
    );
    let r = loket
        .watch_tick(t("2025-01-09T14:00:00+07:00"), &operator, false, &mut fake)
        .unwrap();
    assert_eq!(r.crossings, 0, "the overdue return fires once");
    assert!(
        !loket
            .db
            .notification_events(50)
            .unwrap()
            .iter()
            .any(|e| e.items.contains(&format!("booking:{cancelled}"))),
        "a cancelled booking never reminds anyone"
    );
}

#[test]
fn a_catch_up_groups_booking_reminders_per_recipients() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    seeded(&path);
    let mut loket = Loket::open(&path).unwrap();
    let first = book(&mut loket, "Vicon pagi", BookingStatus::Disetujui);
    let second = book(&mut loket, "Streaming rapat", BookingStatus::Diminta);
    let mut fake = Fake::default();
    let r = loket
        .watch_tick(
            t("2025-01-09T10:00:00+07:00"),
            &Audience::person("op.a", &[]),
            true,
            &mut fake,
        )
        .unwrap();
    let grouped: Vec<_> = r.notifications.iter().filter(|n| n.grouped).collect();
    assert_eq!(
        grouped.len(),
        1,
        "the laptop woke during two bookings: one grouped notification for the operator, not one each: {:?}",
        r.notifications
    );
    assert_eq!(
        grouped[0].items,
        vec![format!("booking:{first}"), format!("booking:{second}")],
        "the group names both bookings"
    );
    assert!(
        !r.notifications
            .iter()
            .any(|n| n.grouped && n.items.iter().any(|i| i.starts_with("disposition"))),
        "office-wide deadline news is not mixed into a personal group"
    );
    let centre = loket
        .notifications(&actor("op.a", None), t("2025-01-09T10:01:00+07:00"))
        .unwrap();
    let group = centre.events.iter().find(|e| e.grouped).unwrap();
    assert_eq!(
        (group.section.as_str(), group.target_id),
        ("jadwal", None),
        "a group of booking reminders leads to the schedule"
    );
}

#[test]
fn the_centre_lists_what_each_person_was_sent_and_remembers_what_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    let position = seeded(&path);
    let mut loket = Loket::open(&path).unwrap();
    let id = book(&mut loket, "Vicon Musrenbang", BookingStatus::Disetujui);
    let mut fake = Fake::default();
    loket
        .watch_tick(
            t("2025-01-08T09:00:00+07:00"),
            &Audience::office(std::slice::from_ref(&position)),
            false,
            &mut fake,
        )
        .unwrap();
    let now = t("2025-01-08T09:05:00+07:00");
    let sri = actor("sri", Some(&position));
    // Marking read is a change: the operator's account must exist and be active.
    let op = actor("op.a", None);
    let tx = loket.db.begin().unwrap();
    tx.insert_account(
        &AccountRow {
            id: "op.a".into(),
            name: "op.a".into(),
            nip: String::new(),
            position_id: None,
            roles: "register".into(),
            active: true,
            created_at: "2025-01-02T08:00:00+07:00".into(),
        },
        "x",
    )
    .unwrap();
    tx.commit().unwrap();
    let boss = actor("kepala", Some("bukan-jabatan-ini"));
    let for_sri = loket.notifications(&sri, now).unwrap();
    let for_op = loket.notifications(&op, now).unwrap();
    let for_boss = loket.notifications(&boss, now).unwrap();
    assert_eq!(
        for_sri.events.len(),
        3,
        "sri gets the new disposition to her post, the office-wide due soon and the reminder as requester: {:?}",
        for_sri.events
    );
    assert_eq!(
        for_op.events.len(),
        2,
        "the operator gets the reminder and the office-wide news, not sri's disposition"
    );
    assert_eq!(
        for_boss.events.len(),
        1,
        "someone else sees only office-wide news"
    );
    assert!(
        for_sri.events.windows(2).all(|w| w[0].id > w[1].id),
        "newest first"
    );
    let reminder = for_op
        .events
        .iter()
        .find(|e| e.title.starts_with("Persiapan"))
        .unwrap();
    assert_eq!(
        (reminder.section.as_str(), reminder.target_id),
        ("jadwal", Some(id)),
        "a booking reminder leads to the booking page"
    );
    let disposition = for_sri
        .events
        .iter()
        .find(|e| e.title.starts_with("Disposisi baru"))
        .unwrap();
    assert_eq!(
        (disposition.section.as_str(), disposition.target_id),
        ("permohonan", Some(1)),
        "a disposition leads to its case page"
    );
    assert_eq!(for_op.unread, 2, "nothing is read yet");

    let after = loket
        .notifications_mark_read(&op, Some(&[reminder.id]), now)
        .unwrap();
    assert_eq!(after.unread, 1, "one marked read leaves one unread");
    let after = loket.notifications_mark_read(&op, None, now).unwrap();
    assert!(
        after.unread == 0 && after.events.iter().all(|e| e.read),
        "Tandai semua dibaca marks every notification of the operator read"
    );
    assert_eq!(
        loket.notifications(&sri, now).unwrap().unread,
        3,
        "reading is per person: sri's stay unread"
    );
    let trail = loket.db.audit_entries(Some("account:op.a")).unwrap();
    assert_eq!(
        trail
            .iter()
            .filter(|e| e.entry.action == super::NOTIFY_READ)
            .count(),
        2,
        "each marking is audited"
    );
}

#[test]
fn the_desktop_watcher_catches_up_after_a_gap_and_tells_nobody_while_nobody_is_signed_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.db");
    seeded(&path);
    let session = crate::app::Session::new(&path);
    let mut watcher = super::Watcher::new(60);
    let mut fake = Fake::default();
    assert!(
        watcher.catch_up(t("2025-01-08T09:00:00+07:00")),
        "the first tick after a start catches up"
    );
    let r = watcher
        .tick(&session, t("2025-01-08T09:00:00+07:00"), &mut fake)
        .unwrap();
    assert_eq!(
        (r.crossings, r.notifications.len()),
        (1, 0),
        "with nobody signed in the office-wide due soon is recorded, and shown to nobody"
    );
    assert!(
        !watcher.catch_up(t("2025-01-08T09:01:00+07:00")),
        "a tick one interval later is a regular one"
    );
    assert!(
        watcher.catch_up(t("2025-01-08T12:00:00+07:00")),
        "a tick after the laptop slept for hours catches up"
    );
    let hash = crate::account::password::hash("sri", "sandi-sri-kantor").unwrap();
    session
        .with(|l| {
            let tx = l.db.begin()?;
            tx.set_password_hash("sri", &hash)?;
            tx.commit()?;
            Ok(())
        })
        .unwrap();
    session
        .sign_in("sri", "sandi-sri-kantor", t("2025-01-08T09:00:30+07:00"))
        .unwrap();
    let r = watcher
        .tick(&session, t("2025-01-08T09:00:33+07:00"), &mut fake)
        .unwrap();
    let mut titles: Vec<&str> = r.notifications.iter().map(|n| n.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        (titles.len(), r.delivered),
        (2, 2),
        "once sri signs in she is told of the due soon stored before and of the disposition to her post: {titles:?}"
    );
    assert!(
        titles[0].starts_with("Disposisi baru") && titles[1].starts_with("Segera jatuh tempo"),
        "{titles:?}"
    );
    let stored = session.with(|l| Ok(l.db.notification_events(10)?)).unwrap();
    for e in &stored {
        let told = session.with(|l| Ok(l.db.notification_told(e.id)?)).unwrap();
        assert_eq!(
            told,
            vec!["sri".to_string()],
            "each is claimed for sri: {}",
            e.title
        );
    }
}
