//! End-to-end: Jadwal Peralatan in the real window. Demak's Command Center and vicon kits are
//! prepared through loket-api; in the window the administrator books a video conference
//! through the form (first meeting a conflict, then picking a free slot), assigns the
//! operator, sees it in the calendars; the head of Bidang Aptika signs in, approves it and
//! prints the surat bukti peminjaman.

mod harness;

use chrono::{Duration, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::booking::BookingRequest;
use loket_api::Loket;

const TITLE: &str = "Video conference Musrenbang (Bappeda)";
const KABID: (&str, &str) = ("kabid.aptika", "sandi-kabid-aptika");

/// The window reads the real clock, so the prepared data sits around today (office time WIB).
fn prepare(db: &std::path::Path) -> i64 {
    let wib = FixedOffset::east_opt(7 * 3600).unwrap();
    let now = harness::wall_clock().with_timezone(&wib);
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    harness::add_schedule_resources(&mut l, &admin, now, 1);
    l.letter_pattern_set(
        &admin,
        &loket_api::letter::dto::NumberPatternView {
            id: "peminjaman".into(),
            pattern: "{klasifikasi}/{urut:3}/{unit}/{tahun}".into(),
            klasifikasi: "000.7.2".into(),
            unit: "DKIS".into(),
            kinds: vec!["bukti_peminjaman_cc".into()],
        },
        now,
    )
    .unwrap();
    for (login, name, post, password) in [
        (KABID.0, "Bambang Setiawan", "kepala-bidang-aptika", KABID.1),
        (
            "operator.cc",
            "Rudi Hartono",
            "operator-cc",
            "sandi-operator-cc",
        ),
    ] {
        l.account_create(
            &admin,
            &NewAccount {
                login: login.into(),
                name: name.into(),
                nip: String::new(),
                position_id: post.into(),
                roles: None,
                password: password.into(),
            },
            now,
        )
        .unwrap();
    }
    l.resource_add_skill("operator.cc", "operator_vicon", &admin, now)
        .unwrap();
    // Tomorrow 09.00–11.00 the Command Center is already taken (outside office hours allowed,
    // so this holds on any day the test runs).
    let tomorrow = (now + Duration::days(1)).date_naive();
    let at = |h: u32| {
        tomorrow
            .and_hms_opt(h, 0, 0)
            .unwrap()
            .and_local_timezone(wib)
            .unwrap()
    };
    let taken = BookingRequest {
        title: "Rapat koordinasi Sekretariat".into(),
        case_id: None,
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: true,
        start: at(9),
        end: at(11),
        resources: vec![("command-center".into(), 1)],
        operators: vec![],
        rundown: String::new(),
        requested_by: "Sekretariat".into(),
    };
    l.booking_create(&taken, &admin, now).unwrap().id
}

#[test]
fn a_video_conference_is_booked_approved_and_its_receipt_printed() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let taken = prepare(&db);
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-jadwal]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;

        // The form: a conflict first, named and linked.
        app.click("[data-testid=pesan-baru]").await;
        app.type_into("[data-testid=judul]", TITLE).await;
        app.type_into("[data-testid=jumlah-command-center]", "1")
            .await;
        app.type_into("[data-testid=jumlah-vicon]", "1").await;
        app.type_into(
            "[data-testid=rundown]",
            "09.00 pembukaan; 09.30 paparan Bappeda",
        )
        .await;
        app.click("[data-testid=luar-jam]").await;
        app.click("[data-testid=simpan-pemesanan]").await;
        let clash = app
            .wait_text("[data-testid=galat]", "the conflict", |t| {
                t.contains("bentrok")
            })
            .await;
        assert!(
            clash.contains(&format!("#{taken}")),
            "the refusal names the booking already holding the Command Center: {clash}"
        );
        app.wait_for("[data-testid=buka-bentrok]").await;
        app.screenshot("jadwal-05-formulir-bentrok").await;

        // "Cari jadwal kosong" inside office hours, pick the earliest slot, book it.
        app.click("[data-testid=luar-jam]").await;
        app.click("[data-testid=cari-jadwal]").await;
        app.click("[data-testid=slot] button").await;
        app.click("[data-testid=simpan-pemesanan]").await;
        app.wait_text("[data-testid=judul-pemesanan]", "the new booking", |t| {
            t == TITLE
        })
        .await;
        app.click("[data-testid=operator-operator\\.cc]").await;
        app.click("[data-testid=tugaskan]").await;
        app.wait_text("[data-testid=operator]", "the operator", |t| {
            t.contains("Rudi Hartono")
        })
        .await;

        // The week calendar shows it (this week, or next when tomorrow's slots were full).
        app.click("[data-testid=menu-jadwal]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;
        let mut found = false;
        for _ in 0..3 {
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
            for b in app.all("[data-testid=blok-pemesanan]").await {
                if b.text().await.unwrap_or_default().contains(TITLE) {
                    found = true;
                }
            }
            if found {
                break;
            }
            app.click("[data-testid=berikutnya]").await;
        }
        assert!(
            found,
            "the new booking appears as a block in the week calendar"
        );
        app.screenshot("jadwal-01-minggu").await;
        assert_clean(&app.page_text().await, "jadwal minggu");
        app.click("[data-testid=tampilan-bulan]").await;
        app.wait_for("[data-testid=kalender-bulan]").await;
        app.screenshot("jadwal-03-bulan").await;
        app.click("[data-testid=tampilan-hari]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;
        app.click("[data-testid=hari-ini]").await;
        app.click("[data-testid=berikutnya]").await;
        app.wait_for("[data-testid=blok-pemesanan]").await;
        app.screenshot("jadwal-02-hari").await;
        // The head of Bidang Aptika (Tim SPA holds the Command Center) approves.
        app.click("[data-testid=keluar]").await;
        app.sign_in(KABID.0, KABID.1).await;
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=tampilan-minggu]").await;
        let mut opened = false;
        for _ in 0..3 {
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
            for b in app.all("[data-testid=blok-pemesanan]").await {
                if b.text().await.unwrap_or_default().contains(TITLE) {
                    b.click().await.unwrap();
                    opened = true;
                    break;
                }
            }
            if opened {
                break;
            }
            app.click("[data-testid=berikutnya]").await;
        }
        assert!(opened, "the head finds the booking in the calendar");
        app.click("[data-testid=setujui]").await;
        app.wait_text("[data-testid=status-pemesanan]", "approval", |t| {
            t == "Disetujui"
        })
        .await;

        app.wait_text("[data-testid=riwayat]", "the history", |t| {
            t.contains("Disetujui")
        })
        .await;
        assert_clean(&app.text("#konten").await, "pemesanan");
        assert!(
            app.try_screenshot("jadwal-06-pemesanan").await,
            "the booking page can be photographed"
        );
        app.click("[data-testid=ics-command-center]").await;
        let ics = app
            .wait_text("[data-testid=tersimpan]", "the .ics export", |t| {
                t.contains(".ics")
            })
            .await;
        let ics_path = ics.trim_start_matches("Tersimpan di ").trim();
        let text = std::fs::read_to_string(ics_path).unwrap();
        assert!(
            text.starts_with("BEGIN:VCALENDAR") && text.contains(TITLE),
            "the Command Center's calendar file holds the video conference"
        );
        app.click("[data-testid=cetak-bukti]").await;
        app.type_into("[data-testid=peminjam-nama]", "Ahmad Fauzi")
            .await;
        app.type_into(
            "[data-testid=peminjam-jabatan]",
            "Kepala Bidang Perencanaan",
        )
        .await;
        app.click("[data-testid=cetak-sekarang]").await;
        let saved = app
            .wait_text("[data-testid=tersimpan]", "the printed receipt", |t| {
                t.contains(".pdf")
            })
            .await;
        let path = saved.trim_start_matches("Tersimpan di ").trim();
        let pdf = std::fs::read(path).unwrap_or_else(|e| panic!("the receipt at {path}: {e}"));
        assert!(pdf.starts_with(b"%PDF"), "the receipt is a PDF");
        let shots = harness::workspace_root().join("artifacts/screenshots");
        std::fs::write(shots.join("jadwal-bukti-peminjaman.pdf"), &pdf).unwrap();

        // The numbered receipt: a draft of the letters workflow with a reserved number.
        app.click("[data-testid=cetak-bukti]").await;
        app.type_into("[data-testid=peminjam-nama]", "Ahmad Fauzi")
            .await;
        app.type_into(
            "[data-testid=peminjam-jabatan]",
            "Kepala Bidang Perencanaan",
        )
        .await;
        app.click("[data-testid=susun-bukti]").await;
        app.wait_text("[data-testid=status-surat]", "the receipt's draft", |t| {
            t.contains("Konsep")
        })
        .await;
        let nomor = app.text("[data-testid=nomor-surat]").await;
        assert!(
            nomor.starts_with("000.7.2/001/DKIS/"),
            "the numbered receipt reserved a number from the register: {nomor}"
        );

        // "Besok": tomorrow's bookings for the operators, with what to prepare.
        app.click("[data-testid=menu-jadwal]").await;
        app.click("[data-testid=tampilan-besok]").await;
        app.wait_for("[data-testid=baris-besok]").await;
        let besok = app.text("[data-testid=daftar-besok]").await;
        assert!(
            besok.contains("Rapat koordinasi Sekretariat") && besok.contains("08.30"),
            "tomorrow's list names the booking and its setup start (09.00 less 30 minutes): {besok}"
        );
        assert_clean(&besok, "besok");
        // Last, as it may stall WebKitWebDriver on this page: a bounded try at a picture.
        if app.try_screenshot("jadwal-04-besok").await {
            app.quit().await;
        }
    });
}
