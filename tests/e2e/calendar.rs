//! End-to-end: Pengaturan → Hari & Jam Kerja in the real window. A PPID request (10 working
//! days) is registered through loket-api with today's receipt; the administrator closes the
//! office on the next working day in the window, sees the notice that the request's deadline
//! moved (naming its agenda number), and the database holds the closure, audited.

mod harness;

use chrono::{DateTime, Duration, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::case::NewCase;
use loket_api::Loket;

const HAL: &str = "Permohonan salinan dokumen anggaran PPDB";
const REASON: &str = "Pindah gedung kantor";

/// Registers the open case; returns its agenda (seq/year) and the day to close.
fn prepare(db: &std::path::Path) -> (String, String) {
    let mut loket = Loket::open(db).unwrap();
    let admin = loket.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let cal = loket.working_calendar().unwrap();
    let now: DateTime<FixedOffset> = harness::wall_clock().with_timezone(&cal.zone.offset());
    let local = cal.local(now);
    let today = local.date();
    // Today's receipt, before office hours: 07.00, or a minute ago when the office's day has
    // only just begun (a receipt in the future is refused).
    let seven = today.and_hms_opt(7, 0, 0).unwrap();
    let received = seven.min(local - Duration::minutes(1));
    let case = loket
        .case_register(
            &admin,
            &NewCase {
                service_id: "ppid-permohonan-informasi".into(),
                applicant_kind: "perorangan".into(),
                applicant_name: "Siti Aminah".into(),
                letter_number: "PPID/7/2026".into(),
                letter_date: today.to_string(),
                hal: HAL.into(),
                channel: "surat".into(),
                received_at: received.format("%Y-%m-%d %H:%M").to_string(),
                ..NewCase::default()
            },
            now,
        )
        .expect("the PPID request registers");
    let mut day = today + Duration::days(1);
    while !cal.is_working_day(day) {
        day += Duration::days(1);
    }
    (
        format!("{}/{}", case.agenda_seq, case.year),
        day.to_string(),
    )
}

async fn scroll_to(app: &harness::App, css: &str) {
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView()",
            vec![css.into()],
        )
        .await
        .expect("the page scrolls");
}

#[test]
fn an_administrator_closes_the_office_and_sees_the_moved_deadline() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let (agenda, day) = prepare(&db);
    // The day as staff type it: HH/BB/TTTT.
    let typed = format!("{}/{}/{}", &day[8..10], &day[5..7], &day[..4]);

    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-kalender]").await;
        app.wait_text("[data-testid=zona-waktu]", "the office time zone", |t| {
            t == "WIB"
        })
        .await;
        app.type_into("[data-testid=tutup-tanggal]", &typed).await;
        app.type_into("[data-testid=tutup-alasan]", REASON).await;
        app.click("[data-testid=simpan-tutup]").await;
        let notice = app
            .wait_text(
                "[data-testid=tenggat-bergeser]",
                "the moved deadline notice",
                |t| t.contains("Tenggat 1 permohonan terbuka bergeser"),
            )
            .await;
        assert!(
            notice.contains(&agenda) && notice.contains(HAL),
            "the notice names the open case {agenda}: {notice}"
        );
        app.wait_text("[data-testid=tutup-baris]", "the closure listed", |t| {
            t.contains(REASON)
        })
        .await;
        app.wait_text("[data-testid=riwayat]", "the change in the history", |t| {
            t.contains("Menutup kantor pada") && t.contains("Administrator Kantor")
        })
        .await;
        assert_clean(&app.page_text().await, "Hari & Jam Kerja");
        scroll_to(&app, "#judul-halaman").await;
        app.try_screenshot("kalender-01").await;
        scroll_to(&app, "[data-testid=tabel-libur]").await;
        app.try_screenshot("kalender-02").await;
        scroll_to(&app, "[data-testid=tutup-baris]").await;
        app.try_screenshot("kalender-03").await;
        scroll_to(&app, "[data-testid=riwayat]").await;
        app.try_screenshot("kalender-04").await;
        app.quit().await;
    });

    let mut l = Loket::open(&db).unwrap();
    let view = l.calendar_view(None).unwrap();
    assert!(
        view.closures
            .iter()
            .any(|c| c.date.to_string() == day && c.reason == REASON),
        "the database holds the closure added in the window"
    );
    assert!(
        view.changes
            .iter()
            .any(|c| c.action == "calendar.closure.add" && c.actor == ADMIN.0),
        "the closure is audited with the administrator as actor"
    );
}
