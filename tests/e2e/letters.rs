//! End-to-end: the Surat section in the real window. A Demak database with the preparer,
//! the Kepala Bidang Aptika, the Sekretaris, the Kepala Dinas and a fibre-optic request is
//! prepared through loket-api; in the window the preparer drafts the recommendation from
//! the request with the live preview and sends it on, the Kepala Bidang and the Sekretaris
//! initial it, the Kepala Dinas signs, and the outgoing agenda shows the number. The issued
//! PDF is rendered to PNG for a look.

mod harness;

use chrono::FixedOffset;
use harness::{assert_clean, block_on, prepared_db, workspace_root, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::case::NewCase;
use loket_api::letter::dto::NumberPatternView;
use loket_api::Loket;
use loket_domain::roles::Role;

const PASSWORD: &str = "sandi-pegawai-1";

/// The window reads the real clock, so the request is received today (WIB).
fn prepare(db: &std::path::Path) -> i64 {
    let wib = FixedOffset::east_opt(7 * 3600).unwrap();
    let now = harness::wall_clock().with_timezone(&wib);
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    for (login, name, nip, post, roles) in [
        (
            "staf.fo",
            "Rina Kusumawati",
            "",
            "staf-fo",
            Some(vec![Role::Register, Role::Book]),
        ),
        (
            "kabid.aptika",
            "Bambang Setiawan",
            "",
            "kepala-bidang-aptika",
            None,
        ),
        ("sekretaris", "Sri Lestari", "", "sekretaris", None),
        (
            "kadis",
            "Dra. ENDAH CAHYA RINI, MM",
            "196809031993022001",
            "kepala-dinas",
            None,
        ),
    ] {
        l.account_create(
            &admin,
            &NewAccount {
                login: login.into(),
                name: name.into(),
                nip: nip.into(),
                position_id: post.into(),
                roles,
                password: PASSWORD.into(),
            },
            now,
        )
        .unwrap();
    }
    l.letter_pattern_set(
        &admin,
        &NumberPatternView {
            id: "rekomendasi".into(),
            pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
            klasifikasi: "500.12.4".into(),
            unit: "DKIS".into(),
            kinds: vec!["rekomendasi_teknis_fo".into()],
        },
        now,
    )
    .unwrap();
    let received = (now - chrono::Duration::hours(1))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    l.case_register(
        &admin,
        &NewCase {
            service_id: "rekomendasi-galian-fo".into(),
            applicant_kind: "Instansi".into(),
            applicant_name: "PT Telekomunikasi Pesisir Utara".into(),
            applicant_phone: "(024) 8501234".into(),
            applicant_email: "perizinan@pesisirutara.co.id".into(),
            letter_number: "045/TPU/II/2026".into(),
            letter_date: (now.date_naive() - chrono::Duration::days(5)).to_string(),
            hal: "Permohonan rekomendasi teknis penempatan kabel fiber optik".into(),
            sifat: "biasa".into(),
            channel: "langsung".into(),
            received_at: received,
            ..NewCase::default()
        },
        now,
    )
    .unwrap()
    .id
}

async fn open_first_in_list(app: &harness::App) {
    app.click("[data-testid=menu-surat]").await;
    app.click("[data-testid=buka-surat]").await;
    app.wait_for("[data-testid=alur-paraf]").await;
}

async fn sign_out(app: &harness::App) {
    app.click("[data-testid=keluar]").await;
    app.wait_for("[data-testid=nama-akun]").await;
}

#[test]
fn a_recommendation_is_drafted_initialled_signed_and_entered_in_the_agenda() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let case_id = prepare(&db);
    let nomor = block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in("staf.fo", PASSWORD).await;
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=surat-baru]").await;
        app.wait_for("[data-testid=pilih-jenis]")
            .await
            .select_by_value("rekomendasi_teknis_fo")
            .await
            .unwrap();
        app.wait_for(&format!(
            "[data-testid=pilih-permohonan] option[value='{case_id}']"
        ))
        .await;
        app.wait_for("[data-testid=pilih-permohonan]")
            .await
            .select_by_value(&case_id.to_string())
            .await
            .unwrap();
        app.click("[data-testid=buat-konsep]").await;
        let missing = app
            .wait_text("[data-testid=galat-pratinjau]", "the missing route", |t| {
                t.contains("ruas")
            })
            .await;
        assert!(
            missing.contains("ruas"),
            "the preview says the route table is still empty: {missing}"
        );
        let pemohon = app
            .wait_for("[data-testid=isian-pemohon]")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        assert_eq!(
            pemohon, "PT Telekomunikasi Pesisir Utara",
            "the applicant is pre-filled from the request"
        );
        app.type_into(
            "[data-testid=isian-ruas]",
            "Jalan Sultan Fatah, Demak | 1.200 meter | Tanam langsung (HDD)",
        )
        .await;
        app.wait_for("[data-testid=halaman-pratinjau] svg").await;
        let nomor = app.text("[data-testid=nomor-surat]").await;
        assert!(
            nomor.ends_with("/DKIS/2026") || nomor.contains("/DKIS/"),
            "the draft shows its reserved number: {nomor}"
        );
        app.screenshot("surat-konsep-pratinjau").await;
        eprintln!("e2e surat: ajukan");
        app.click("[data-testid=ajukan-paraf]").await;
        app.wait_text("[data-testid=status-surat]", "menunggu paraf", |t| {
            t.contains("Menunggu paraf")
        })
        .await;
        assert_clean(
            &app.text("[data-testid=riwayat-surat]").await,
            "letter page",
        );
        sign_out(&app).await;

        eprintln!("e2e surat: kabid");
        app.sign_in("kabid.aptika", PASSWORD).await;
        open_first_in_list(&app).await;
        app.click("[data-testid=paraf]").await;
        app.wait_text(
            "[data-testid=alur-paraf]",
            "the Kepala Bidang's paraf",
            |t| t.contains("Bambang Setiawan"),
        )
        .await;
        sign_out(&app).await;

        eprintln!("e2e surat: sekretaris");
        app.sign_in("sekretaris", PASSWORD).await;
        open_first_in_list(&app).await;
        app.click("[data-testid=paraf]").await;
        app.wait_text("[data-testid=status-surat]", "waiting for signature", |t| {
            t.contains("Menunggu tanda tangan")
        })
        .await;
        sign_out(&app).await;

        eprintln!("e2e surat: kadis");
        app.sign_in("kadis", PASSWORD).await;
        open_first_in_list(&app).await;
        eprintln!("e2e surat: kadis opened the letter");
        app.click("[data-testid=tanda-tangan]").await;
        eprintln!("e2e surat: signed");
        app.wait_text("[data-testid=status-surat]", "issued", |t| {
            t.contains("Terbit")
        })
        .await;
        eprintln!("e2e surat: pdf");
        app.click("[data-testid=buka-pdf]").await;
        let saved = app
            .wait_text("[data-testid=info-surat]", "where the PDF went", |t| {
                t.contains("Tersimpan di")
            })
            .await;
        assert!(
            saved.contains("keluaran"),
            "the PDF is saved next to the database: {saved}"
        );
        eprintln!("e2e surat: saved");
        // The preparer sees the issued letter in the outgoing agenda.
        sign_out(&app).await;
        app.sign_in("staf.fo", PASSWORD).await;
        app.click("[data-testid=menu-surat]").await;
        eprintln!("e2e surat: agenda");
        app.click("[data-testid=tab-issued]").await;
        let agenda = app.text("[data-testid=agenda-surat-keluar]").await;
        assert!(
            agenda.contains(&nomor),
            "the outgoing agenda shows the number {nomor}: {agenda}"
        );
        assert_clean(&agenda, "outgoing agenda");
        // A second screenshot in one session stalls WebKitWebDriver here; the preview
        // screenshot above shows the window.
        app.quit().await;
        nomor
    });

    let l = Loket::open(&db).unwrap();
    let pdf = l.letter_pdf(&nomor).unwrap();
    assert!(
        l.letter_verify(&pdf).unwrap().genuine,
        "the issued PDF verifies"
    );
    let out = workspace_root().join("artifacts").join("letters");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("e2e-rekomendasi-fo.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&file)
        .arg(out.join("e2e-rekomendasi-fo"))
        .status();
    assert!(
        status.map(|s| s.success()).unwrap_or(true),
        "pdftoppm renders the issued letter for a look"
    );
}
