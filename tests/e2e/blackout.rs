//! End-to-end: masa tutup in the real window. Demak's Command Center and vicon kits are
//! prepared through loket-api; the administrator adds the Command Center's maintenance in
//! Jadwal Peralatan → Sumber daya, sees it as a band on the week calendar, is refused a booking
//! inside it with the reason, and removes it; the operator, who may not approve, sees the list
//! read-only and a booking waiting for the Ketua Tim's approval instead of "Setujui".

mod harness;

use chrono::{Duration, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::booking::BookingRequest;
use loket_api::Loket;

const REASON: &str = "Perawatan AC";
const WAITING: &str = "Pinjam vicon Bappeda";
const OPERATOR: (&str, &str) = ("operator.cc", "sandi-operator-cc");

/// Resources, the operator's account and a vicon booking tomorrow awaiting approval (the
/// window reads the real clock, so the data sits around today, office time WIB).
fn prepare(db: &std::path::Path) {
    let wib = FixedOffset::east_opt(7 * 3600).unwrap();
    let now = harness::wall_clock().with_timezone(&wib);
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    harness::add_schedule_resources(&mut l, &admin, now, 0);
    l.account_create(
        &admin,
        &NewAccount {
            login: OPERATOR.0.into(),
            name: "Rudi Hartono".into(),
            nip: String::new(),
            position_id: "operator-cc".into(),
            roles: None,
            password: OPERATOR.1.into(),
        },
        now,
    )
    .unwrap();
    let tomorrow = (now + Duration::days(1)).date_naive();
    let at = |h: u32| {
        tomorrow
            .and_hms_opt(h, 0, 0)
            .unwrap()
            .and_local_timezone(wib)
            .unwrap()
    };
    let waiting = BookingRequest {
        title: WAITING.into(),
        case_id: None,
        location: "Bappeda".into(),
        outside_office: true,
        outside_hours: true,
        start: at(13),
        end: at(14),
        resources: vec![("vicon".into(), 1)],
        operators: vec![],
        rundown: String::new(),
        requested_by: "Bappeda".into(),
    };
    l.booking_create(&waiting, &admin, now).unwrap();
}

/// Finds an element of `css` whose text holds `text` in this week's calendar or the next
/// (tomorrow may be in next week); clicks it when `open`.
async fn find_in_weeks(app: &harness::App, css: &str, text: &str, open: bool) -> bool {
    for _ in 0..2 {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        for e in app.all(css).await {
            if e.text().await.unwrap_or_default().contains(text) {
                if open {
                    e.click().await.unwrap();
                }
                return true;
            }
        }
        app.click("[data-testid=berikutnya]").await;
    }
    false
}

#[test]
fn an_administrator_closes_the_command_center_and_the_calendar_shows_it() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    prepare(&db);
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=buka-sumber-daya]").await;
        app.wait_for("[data-testid=panel-masa-tutup]").await;

        // Tomorrow 08.00–16.00 (the form's defaults), the Command Center only.
        app.click("[data-testid=mt-sumber-daya] option[value=command-center]")
            .await;
        app.type_into("[data-testid=mt-alasan]", REASON).await;
        app.click("[data-testid=simpan-masa-tutup]").await;
        let saved = app
            .wait_text(
                "[data-testid=masa-tutup-tersimpan]",
                "the saved blackout",
                |t| t.contains("Command Center"),
            )
            .await;
        assert!(
            saved.contains("08.00–16.00 WIB"),
            "the confirmation reads the time in words: {saved}"
        );
        let row = app.text("[data-testid=baris-masa-tutup]").await;
        assert!(
            row.contains(REASON) && row.contains("Command Center"),
            "the new blackout is listed: {row}"
        );
        assert_clean(&app.text("#konten").await, "masa tutup");
        app.try_screenshot("jadwal-09-sumber-daya-masa-tutup").await;

        // The week calendar shows the band with its reason.
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=tampilan-minggu]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;
        assert!(
            find_in_weeks(&app, "[data-testid=pita-masa-tutup]", REASON, false).await,
            "the blackout appears as a band in the week calendar"
        );
        assert!(
            app.try_screenshot("jadwal-07-masa-tutup").await,
            "the week with the blackout can be photographed"
        );
        app.click("[data-testid=tampilan-bulan]").await;
        app.wait_for("[data-testid=kalender-bulan] [data-testid=pita-masa-tutup]")
            .await;
        app.try_screenshot("jadwal-10-bulan-masa-tutup").await;

        // Booking inside it is refused with the reason, and no booking link.
        app.click("[data-testid=pesan-baru]").await;
        app.type_into("[data-testid=judul]", "Rapat koordinasi")
            .await;
        app.type_into("[data-testid=jumlah-command-center]", "1")
            .await;
        app.click("[data-testid=luar-jam]").await;
        app.click("[data-testid=simpan-pemesanan]").await;
        let refusal = app
            .wait_text("[data-testid=galat]", "the refusal", |t| {
                t.contains("masa tutup")
            })
            .await;
        assert!(
            refusal.contains(REASON),
            "the refusal names the blackout's reason: {refusal}"
        );
        assert!(
            app.all("[data-testid=buka-bentrok]").await.is_empty(),
            "a blackout is not offered as a booking to open"
        );
        app.try_screenshot("jadwal-11-tolak-masa-tutup").await;

        // Removed after confirming.
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=buka-sumber-daya]").await;
        app.click("[data-testid=hapus-masa-tutup]").await;
        app.click("[data-testid=yakin-hapus-masa-tutup]").await;
        app.wait_text("[data-testid=daftar-masa-tutup]", "the empty list", |t| {
            t.contains("Tidak ada masa tutup yang akan datang")
        })
        .await;

        // The operator may not approve: no "Setujui", but whose approval it waits for.
        app.click("[data-testid=keluar]").await;
        app.sign_in(OPERATOR.0, OPERATOR.1).await;
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=buka-sumber-daya]").await;
        app.wait_for("[data-testid=panel-masa-tutup]").await;
        assert!(
            app.all("[data-testid=formulir-masa-tutup]")
                .await
                .is_empty(),
            "only administrators get the blackout form"
        );
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=tampilan-minggu]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;
        assert!(
            find_in_weeks(&app, "[data-testid=blok-pemesanan]", WAITING, true).await,
            "the operator finds the waiting booking"
        );
        let waiting = app
            .wait_text(
                "[data-testid=menunggu-persetujuan]",
                "the waiting note",
                |t| t.starts_with("Menunggu persetujuan"),
            )
            .await;
        assert_eq!(
            waiting, "Menunggu persetujuan Ketua Tim Sistem dan Program Aplikasi",
            "the note names the post that approves"
        );
        assert!(
            app.all("[data-testid=setujui]").await.is_empty(),
            "the operator gets no approve button"
        );
        if app.try_screenshot("jadwal-08-menunggu-persetujuan").await {
            app.quit().await;
        }
    });
}
