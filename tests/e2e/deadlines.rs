//! End-to-end test of the Tenggat view and the notification centre in the real window. The app
//! reads the real clock, so cases are registered with receipts relative to now: one received
//! today (on track), one a month ago (overdue), and ones whose due falls today or on the next
//! working day when the clock allows it. One watcher tick runs through loket-api with a fake
//! notifier before launch, so the centre has the office-wide events the watcher stored.

mod harness;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::case::NewCase;
use loket_api::sla::{Audience, Notification, Notifier};
use loket_api::{ApiError, Loket};
use loket_domain::deadline::{state_at, DeadlineState, DueSoon};

const SERVICE: &str = "ppid-permohonan-informasi";

struct Quiet(usize);

impl Notifier for Quiet {
    fn show(&mut self, _: &Notification) -> Result<(), ApiError> {
        self.0 += 1;
        Ok(())
    }
}

fn request(n: usize, received: &str) -> NewCase {
    NewCase {
        service_id: SERVICE.into(),
        applicant_kind: "perorangan".into(),
        applicant_name: format!("Pemohon Informasi {n}"),
        letter_number: format!("PPID/{n}/2026"),
        letter_date: received[..10].to_string(),
        hal: format!("Permohonan salinan dokumen anggaran nomor {n}"),
        channel: "surat".into(),
        received_at: received.into(),
        ..NewCase::default()
    }
}

/// Registers one case for each state the real clock allows; returns the states expected,
/// with how many cases are in each.
fn prepare(db: &std::path::Path) -> BTreeMap<&'static str, usize> {
    let mut loket = Loket::open(db).unwrap();
    let admin = loket.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let cal = loket.working_calendar().unwrap();
    let now: DateTime<FixedOffset> = harness::wall_clock().with_timezone(&cal.zone.offset());
    let today = cal.local(now).date();
    let mut found: BTreeMap<DeadlineState, String> = BTreeMap::new();
    for back in 0..40 {
        let received = format!("{} 07:00", today - Duration::days(back));
        let v = loket.sla_due(SERVICE, &received, None).unwrap();
        let (Some(due), Ok(start)) = (
            v.due
                .as_deref()
                .and_then(|d| DateTime::parse_from_rfc3339(d).ok()),
            DateTime::parse_from_rfc3339(&v.effective_start),
        ) else {
            continue;
        };
        if start > now {
            continue;
        }
        let state = state_at(start, due, now, &cal, DueSoon::WorkingDays(1));
        found.entry(state).or_insert(received);
    }
    let mut expected = BTreeMap::new();
    for (n, (state, received)) in found.iter().enumerate() {
        loket
            .case_register(&admin, &request(n + 1, received), now)
            .unwrap_or_else(|e| panic!("registering a case received {received}: {e}"));
        *expected.entry(state.key()).or_insert(0) += 1;
    }
    assert!(
        expected.contains_key("terlambat") && expected.contains_key("dalam_batas"),
        "a receipt a month ago is overdue and one today is on track, at any hour: {expected:?}"
    );
    let r = loket
        .watch_tick(now, &Audience::person(ADMIN.0, &[]), true, &mut Quiet(0))
        .unwrap();
    assert!(
        r.crossings >= 1,
        "the watcher finds at least the overdue case before the window opens"
    );
    expected
}

/// Registers case number `n`, received 35 days ago (overdue), while the window is open.
fn register_overdue(db: &std::path::Path, n: usize) {
    let mut loket = Loket::open(db).unwrap();
    let admin = loket.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let cal = loket.working_calendar().unwrap();
    let now = harness::wall_clock().with_timezone(&cal.zone.offset());
    let received = format!("{} 07:00", cal.local(now).date() - Duration::days(35));
    loket
        .case_register(&admin, &request(n, &received), now)
        .unwrap();
}

#[test]
fn tenggat_colours_each_state_and_the_bell_lists_what_the_watcher_sent() {
    // The window's watcher ticks every 2 s instead of every minute.
    std::env::set_var("LOKET_WATCH_INTERVAL", "2");
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let expected = prepare(&db);
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        let count = app
            .wait_text(
                "[data-testid=jumlah-belum-dibaca]",
                "the unread count",
                |t| !t.is_empty(),
            )
            .await;
        assert!(
            count.parse::<u32>().is_ok_and(|n| n >= 1),
            "the bell counts the unread notifications the watcher stored: {count}"
        );
        app.click("[data-testid=menu-tenggat]").await;
        app.wait_for("[data-testid=tabel-tenggat]").await;
        app.click("[data-testid=saring-status] option[value=semua]")
            .await;
        app.wait_text("[data-testid=jumlah-tenggat]", "every open case", |t| {
            t.starts_with(&format!("{} dari", expected.values().sum::<usize>()))
        })
        .await;
        let rows = app.all("[data-testid=baris-tenggat]").await;
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &rows {
            let state = row.attr("data-state").await.unwrap().unwrap_or_default();
            let badge = row
                .find(fantoccini::Locator::Css("[data-testid=status-tenggat]"))
                .await
                .unwrap();
            let colour = badge.attr("data-colour").await.unwrap().unwrap_or_default();
            let label = badge.text().await.unwrap();
            let remaining = row
                .find(fantoccini::Locator::Css("[data-testid=sisa-waktu]"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let (want_colour, want_label) = match state.as_str() {
                "terlambat" => ("merah", "Terlambat"),
                "jatuh_tempo_hari_ini" => ("oranye", "Jatuh tempo hari ini"),
                "segera_jatuh_tempo" => ("kuning", "Segera jatuh tempo"),
                _ => ("hijau", "Dalam batas"),
            };
            assert_eq!(
                (colour.as_str(), label.as_str()),
                (want_colour, want_label),
                "each state has its colour and says it in words"
            );
            assert!(
                if state == "terlambat" {
                    remaining.starts_with("terlambat")
                } else {
                    remaining.ends_with("lagi") || remaining.starts_with("sisa")
                },
                "the time left is in words: {remaining}"
            );
            *seen.entry(state).or_insert(0) += 1;
        }
        let want: BTreeMap<String, usize> =
            expected.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(seen, want, "every registered case shows in its state");
        app.screenshot("20-tenggat").await;
        assert_clean(&app.text("#konten").await, "tenggat");

        app.click("[data-testid=lonceng]").await;
        app.wait_for("[data-testid=panel-notifikasi]").await;
        let items = app.all("[data-testid=butir-notifikasi]").await;
        assert!(
            !items.is_empty(),
            "the notification centre lists what the watcher stored"
        );
        let first = items[0].text().await.unwrap();
        assert!(
            first.contains("Terlambat") || first.contains("hal perlu perhatian"),
            "the notification says what happened: {first}"
        );
        app.screenshot("21-notifikasi").await;
        app.click("[data-testid=tandai-semua]").await;
        app.wait_text(
            "[data-testid=butir-notifikasi]",
            "read notifications",
            |_| true,
        )
        .await;
        let unread = app.all("[data-testid=jumlah-belum-dibaca]").await;
        assert!(unread.is_empty(), "Tandai semua dibaca clears the count");

        // The app's own watcher (every 2 s here) finds a case that became overdue while the
        // window is open, stores it and tells the window, whose bell counts it.
        register_overdue(&db, 99);
        let count = app
            .wait_text(
                "[data-testid=jumlah-belum-dibaca]",
                "the new notification from the desktop watcher",
                |t| t == "1",
            )
            .await;
        assert_eq!(count, "1", "the desktop watcher's tick refreshes the bell");
        app.quit().await;
    });
}
