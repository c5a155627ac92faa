//! End-to-end: Laporan in the real window. Three of Demak's PPID requests of last year are
//! prepared through loket-api (last year, so every date is in the past whenever the test
//! runs) — one signed two days later (on time), one signed weeks later (late), one still
//! open and long overdue; the Kepala Dinas opens Laporan, chooses last year's dates, sees
//! the counts with the late ones in red, and downloads the Excel workbook, which is saved in
//! `keluaran/` and opens as a workbook of four sheets.

mod harness;

use chrono::{DateTime, Datelike, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::account::{Actor, NewAccount};
use loket_api::case::NewCase;
use loket_api::disposition::Dispatch;
use loket_api::Loket;

const KADIS: (&str, &str) = ("kadis", "sandi-kadis-2026");

/// A moment of this year in office time: ("01-06", "09:00").
fn at(year: i32, day: &str, time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{year}-{day}T{time}:00+07:00")).unwrap()
}

fn request(year: i32, day: &str, hal: &str) -> NewCase {
    NewCase {
        service_id: "ppid-permohonan-informasi".into(),
        applicant_kind: "perorangan".into(),
        applicant_name: "Siti Aminah".into(),
        letter_number: "-".into(),
        letter_date: format!("{year}-{day}"),
        hal: hal.into(),
        channel: "website".into(),
        received_at: format!("{year}-{day} 09:00"),
        ..NewCase::default()
    }
}

fn sign(l: &mut Loket, admin: &Actor, kadis: &Actor, id: i64, year: i32, signed: &str) {
    let verified = at(year, signed, "08:00");
    l.case_verify(admin, id, &[1, 2], verified).unwrap();
    let dispatch = Dispatch {
        case_id: id,
        to: vec!["sekretaris".into()],
        instructions: vec!["Proses lebih lanjut".into()],
        note: String::new(),
        batas_waktu: format!("{year}-{signed}"),
        sifat: String::new(),
    };
    l.disposition_send(kadis, &dispatch, verified).unwrap();
    l.case_await_signature(kadis, id, at(year, signed, "10:00"))
        .unwrap();
    l.case_sign(kadis, id, at(year, signed, "10:30")).unwrap();
}

/// The prepared requests; returns their year (last year on the office's clock, as the
/// window's Laporan page reads it).
fn prepare(db: &std::path::Path) -> i32 {
    let wib = FixedOffset::east_opt(7 * 3600).unwrap();
    let year = harness::wall_clock().with_timezone(&wib).year() - 1;
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let t = at(year, "01-05", "07:00");
    for (login, post) in [(KADIS.0, "kepala-dinas"), ("sekretaris", "sekretaris")] {
        l.account_create(
            &admin,
            &NewAccount {
                login: login.into(),
                name: format!("Pegawai {login}"),
                nip: String::new(),
                position_id: post.into(),
                roles: None,
                password: KADIS.1.into(),
            },
            t,
        )
        .unwrap();
    }
    let kadis = l.sign_in(KADIS.0, KADIS.1).unwrap();
    let mut register = |day: &str, hal: &str| {
        l.case_register(&admin, &request(year, day, hal), at(year, day, "09:05"))
            .unwrap()
            .id
    };
    let on_time = register("01-06", "Salinan DPA");
    let late = register("01-07", "Data jaringan kecamatan");
    register("01-12", "Daftar aplikasi OPD");
    sign(&mut l, &admin, &kadis, on_time, year, "01-08");
    sign(&mut l, &admin, &kadis, late, year, "03-02");
    year
}

#[test]
fn the_kepala_dinas_sees_last_years_recap_and_downloads_it_as_excel() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let year = prepare(&db);

    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(KADIS.0, KADIS.1).await;
        app.click("[data-testid=menu-laporan]").await;
        app.wait_for("[data-testid=periode]").await;
        app.click("[data-testid=periode-pilih]").await;
        // A date field's value is always YYYY-MM-DD, whatever the display locale.
        app.client
            .execute(
                "for (const [id, v] of [['dari-tanggal', arguments[0]], ['sampai-tanggal', arguments[1]]]) { const f = document.querySelector(`[data-testid=${id}]`); f.value = v; f.dispatchEvent(new Event('input', { bubbles: true })); }",
                vec![
                    serde_json::Value::String(format!("{year}-01-01")),
                    serde_json::Value::String(format!("{year}-12-31")),
                ],
            )
            .await
            .expect("the period's dates can be set");
        app.click("[data-testid=tampilkan]").await;
        let period = app
            .wait_text("[data-testid=periode]", "the year", |t| {
                t.starts_with("1 Januari")
            })
            .await;
        assert_eq!(
            period,
            format!("1 Januari {year} s.d. 31 Desember {year}"),
            "the period in Indonesian words"
        );
        let received = app
            .wait_text("[data-testid=total-diterima]", "three requests", |t| {
                t == "3"
            })
            .await;
        assert_eq!(received, "3", "three requests that year");
        let line = "[data-testid=tabel-layanan] [data-key=ppid-permohonan-informasi]";
        assert_eq!(
            app.text(&format!("{line} [data-testid=selesai]")).await,
            "2",
            "two were signed"
        );
        assert_eq!(
            app.text(&format!("{line} [data-testid=tepat-waktu]")).await,
            "1",
            "signed two days after receipt: on time"
        );
        let late = app
            .wait_for(&format!("{line} [data-testid=terlambat]"))
            .await;
        assert_eq!(late.text().await.unwrap(), "1", "signed in March: late");
        assert!(
            late.attr("class")
                .await
                .unwrap()
                .unwrap_or_default()
                .contains("merah"),
            "the late count is in the deadline red"
        );
        assert_eq!(
            app.text(&format!("{line} [data-testid=terlambat-berjalan]"))
                .await,
            "1",
            "the January request still open is overdue"
        );
        assert_eq!(
            app.text(&format!("{line} [data-testid=persen]")).await,
            "50%",
            "one of the two measured was on time"
        );
        assert_clean(&app.text("#konten").await, "laporan");
        assert!(
            app.try_screenshot("laporan-01").await,
            "the recap can be photographed"
        );

        let _ = app
            .client
            .execute(
                "document.querySelector('[data-testid=tabel-bidang]').scrollIntoView()",
                vec![],
            )
            .await;
        app.try_screenshot("laporan-02").await;
        app.click("[data-testid=unduh-excel]").await;
        let saved = app
            .wait_text("[data-testid=tersimpan]", "the workbook", |t| {
                t.contains(".xlsx")
            })
            .await;
        let path = saved.trim_start_matches("Tersimpan di ").trim();
        assert!(
            path.contains("keluaran") && path.ends_with(&format!("{year}-12-31.xlsx")),
            "saved in keluaran/ under the period's name: {path}"
        );
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("the workbook at {path}: {e}"));
        assert!(bytes.starts_with(b"PK"), "an .xlsx is a ZIP file");
        let book =
            calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(std::io::Cursor::new(bytes))
                .unwrap();
        use calamine::Reader;
        assert_eq!(
            book.sheet_names(),
            vec!["Layanan", "Bidang", "Peralatan", "Surat"],
            "the workbook holds the view's four tables"
        );
        app.quit().await;
    });
}
