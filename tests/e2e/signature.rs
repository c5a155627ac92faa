//! End-to-end test of the signer-certificate warning in the real window: the Kepala Dinas's
//! certificate (from a CA made in the test) ends in 10 days, so the Tenggat view warns that
//! it must be renewed, with the working days left on the office's calendar.

mod harness;
#[path = "../../crates/loket-letters/tests/support/test_ca.rs"]
mod test_ca;

use harness::{assert_clean, block_on, now, prepared_db, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input};
use loket_api::Loket;
use test_ca::TestCa;

const NIP: &str = "197005122001121007";
const PASS: &str = "passphrase-kadis";

/// The Kepala Dinas with a registered certificate that ends 10 days from the real clock.
fn prepare(db: &std::path::Path) {
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    l.account_create(
        &admin,
        &NewAccount {
            login: "kadis".into(),
            name: "Ir. Budi Santoso, M.T.".into(),
            nip: NIP.into(),
            position_id: "kepala-dinas".into(),
            roles: None,
            password: "sandi-kadis-kantor".into(),
        },
        now(),
    )
    .unwrap();
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let real = harness::wall_clock();
    let from = (real - chrono::Duration::days(355))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let to = (real + chrono::Duration::days(10))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let cert = ca.issue("Ir. Budi Santoso, M.T.", NIP, &from, &to);
    let at = real.with_timezone(now().offset());
    l.signer_trust(&admin, &ca.pem(), at).unwrap();
    l.signer_add(
        &admin,
        &NewSignerCertificate {
            account: "kadis",
            key: Pkcs12Input {
                p12: &ca.p12(&cert, PASS),
                passphrase: PASS,
            },
        },
        at,
    )
    .unwrap();
}

#[test]
fn tenggat_warns_before_a_signer_certificate_expires() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    prepare(&db);
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-tenggat]").await;
        let text = app
            .wait_text(
                "[data-testid=sertifikat-kedaluwarsa]",
                "the certificate warning",
                |t| t.contains("Ir. Budi Santoso"),
            )
            .await;
        assert!(
            text.contains("hari kerja lagi") && text.contains("Balai Sertifikasi Uji"),
            "the warning names the signer, the working days left and the issuer: {text}"
        );
        app.try_screenshot("60-tenggat-sertifikat").await;
        assert_clean(&app.text("#konten").await, "tenggat");
        app.quit().await;
    });
}

/// Demak with the preparer, both initialling officials and the Kepala Dinas (with a NIP), a
/// fibre-optic recommendation initialled and waiting for his signature, and his certificate
/// registered by the administrator. Returns the draft id and the .p12 file written to `dir`.
fn waiting_for_electronic_signature(
    db: &std::path::Path,
    dir: &std::path::Path,
) -> (i64, std::path::PathBuf) {
    use loket_api::case::NewCase;
    use loket_api::letter::dto::NumberPatternView;
    use loket_api::letter::flow::dto::NewDraft;
    use loket_domain::roles::Role;

    // The window reads the real clock, so everything happens today (WIB).
    let t = harness::wall_clock().with_timezone(now().offset());
    let mut l = Loket::open(db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    for (login, name, nip, post, roles) in [
        (
            "staf.fo",
            "Rina Kusumawati",
            "",
            "staf-fo",
            Some(vec![Role::Register]),
        ),
        (
            "kabid.aptika",
            "Bambang Setiawan",
            "",
            "kepala-bidang-aptika",
            None,
        ),
        ("sekretaris", "Sri Lestari", "", "sekretaris", None),
        ("kadis", "Ir. Budi Santoso, M.T.", NIP, "kepala-dinas", None),
    ] {
        l.account_create(
            &admin,
            &NewAccount {
                login: login.into(),
                name: name.into(),
                nip: nip.into(),
                position_id: post.into(),
                roles,
                password: KANTOR.into(),
            },
            t,
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
        t,
    )
    .unwrap();
    let case_id = l
        .case_register(
            &admin,
            &NewCase {
                service_id: "rekomendasi-galian-fo".into(),
                applicant_kind: "Instansi".into(),
                applicant_name: "PT Telekomunikasi Pesisir Utara".into(),
                letter_number: "045/TPU/II/2026".into(),
                letter_date: (t.date_naive() - chrono::Duration::days(5)).to_string(),
                hal: "Permohonan rekomendasi teknis penempatan kabel fiber optik".into(),
                sifat: "biasa".into(),
                channel: "langsung".into(),
                received_at: (t - chrono::Duration::hours(1))
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                ..NewCase::default()
            },
            t,
        )
        .unwrap()
        .id;
    let preparer = l.sign_in("staf.fo", KANTOR).unwrap();
    let draft = l
        .letter_draft(
            &preparer,
            &NewDraft {
                kind: "rekomendasi_teknis_fo".into(),
                case_id: Some(case_id),
            },
            t,
        )
        .unwrap();
    let mut content = draft.content.clone();
    content.isi.insert(
        "ruas".into(),
        serde_json::json!([{"lokasi": "Jalan Sultan Fatah, Demak", "panjang": "1.200 meter", "metode": "Tanam langsung (HDD)"}]),
    );
    l.letter_update(&preparer, draft.id, &content, t).unwrap();
    l.letter_submit(&preparer, draft.id, t).unwrap();
    for login in ["kabid.aptika", "sekretaris"] {
        let who = l.sign_in(login, KANTOR).unwrap();
        l.letter_paraf(&who, draft.id, t).unwrap();
    }
    let ca = TestCa::new("Balai Sertifikasi Uji");
    let real = harness::wall_clock();
    let from = (real - chrono::Duration::days(30))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let to = (real + chrono::Duration::days(700))
        .format("%Y%m%d%H%M%SZ")
        .to_string();
    let cert = ca.issue("Ir. Budi Santoso, M.T.", NIP, &from, &to);
    let p12 = ca.p12(&cert, PASS);
    l.signer_trust(&admin, &ca.pem(), t).unwrap();
    l.signer_add(
        &admin,
        &NewSignerCertificate {
            account: "kadis",
            key: Pkcs12Input {
                p12: &p12,
                passphrase: PASS,
            },
        },
        t,
    )
    .unwrap();
    let file = dir.join("kadis.p12");
    std::fs::write(&file, &p12).unwrap();
    (draft.id, file)
}

const KANTOR: &str = "sandi-pegawai-1";

#[test]
fn the_kepala_dinas_signs_a_letter_electronically_with_his_passphrase() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let (draft, p12) = waiting_for_electronic_signature(&db, dir.path());
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in("kadis", KANTOR).await;
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=buka-surat]").await;
        app.wait_for("[data-testid=alur-paraf]").await;
        app.wait_for("[data-testid=tanda-tangan]").await;
        app.click("[data-testid=tanda-tangan-tte]").await;
        let file = app.wait_for("[data-testid=tte-berkas]").await;
        file.send_keys(p12.to_str().unwrap())
            .await
            .unwrap_or_else(|e| panic!("choosing the .p12 file: {e}"));
        app.type_into("[data-testid=tte-sandi]", "keliru").await;
        app.click("[data-testid=tte-kirim]").await;
        let refusal = app
            .wait_text(
                "[data-testid=dialog-tte] [data-testid=galat]",
                "the refusal",
                |t| t.contains("belum ditandatangani"),
            )
            .await;
        assert!(
            refusal.contains("passphrase"),
            "a wrong passphrase is refused naming the passphrase: {refusal}"
        );
        assert!(
            app.text("[data-testid=status-surat]")
                .await
                .contains("Menunggu tanda tangan"),
            "a refused signature issues nothing"
        );
        app.try_screenshot("61-surat-tte-dialog").await;
        app.type_into("[data-testid=tte-sandi]", PASS).await;
        app.click("[data-testid=tte-kirim]").await;
        app.wait_text("[data-testid=status-surat]", "issued", |t| {
            t.contains("Terbit")
        })
        .await;
        let info = app.text("[data-testid=info-surat]").await;
        assert!(
            info.contains("secara elektronik"),
            "the page says the letter was signed electronically: {info}"
        );
        app.try_screenshot("62-surat-tte-terbit").await;
        assert_clean(&app.text("#konten").await, "surat tte");
        app.quit().await;
    });

    let l = Loket::open(&db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let nomor = l
        .letter_show(
            &admin,
            draft,
            harness::wall_clock().with_timezone(now().offset()),
        )
        .unwrap()
        .issued
        .expect("the letter signed in the window is issued")
        .nomor;
    let pdf = l.letter_pdf(&nomor).unwrap();
    let report = l.letter_verify(&pdf).unwrap();
    let sig = report.signature.clone();
    assert!(
        report.status == "ASLI" && sig.as_ref().is_some_and(|s| s.intact && s.whole_file && s.trusted),
        "the stored letter carries an intact PAdES signature chained to the trusted root: {} {sig:?}",
        report.verdict
    );
    let out = harness::workspace_root().join("artifacts").join("letters");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("e2e-rekomendasi-fo-tte.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&file)
        .arg(out.join("e2e-rekomendasi-fo-tte"))
        .status();
    assert!(
        status.map(|s| s.success()).unwrap_or(true),
        "pdftoppm renders the signed letter for a look"
    );
}

#[test]
fn an_administrator_sees_the_signer_certificates_and_trusts_a_root_in_pengaturan() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    prepare(&db);
    let second = TestCa::new("CA Provinsi Uji");
    let pem = dir.path().join("ca-provinsi.pem");
    std::fs::write(&pem, second.pem()).unwrap();
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-tte]").await;
        let row = app
            .wait_text(
                "[data-testid=baris-sertifikat]",
                "the registered certificate",
                |t| t.contains("Ir. Budi Santoso"),
            )
            .await;
        assert!(
            row.contains("segera kedaluwarsa")
                && row.contains("hari kerja lagi")
                && row.contains("sesuai NIP/NIK"),
            "the row shows the state, working days left and the NIP match: {row}"
        );
        app.click("[data-testid=percayai-akar]").await;
        let file = app.wait_for("[data-testid=berkas-akar]").await;
        file.send_keys(pem.to_str().unwrap())
            .await
            .unwrap_or_else(|e| panic!("choosing the PEM file: {e}"));
        app.click("[data-testid=simpan-tte]").await;
        let roots = app
            .wait_text("[data-testid=daftar-akar]", "the new root", |t| {
                t.contains("CA Provinsi Uji")
            })
            .await;
        assert!(
            roots.contains("Balai Sertifikasi Uji"),
            "the earlier root stays trusted next to the new one: {roots}"
        );
        app.try_screenshot("63-pengaturan-tte").await;
        assert_clean(&app.text("#konten").await, "pengaturan tte");
        app.quit().await;
    });
    let l = Loket::open(&db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    assert_eq!(
        l.signer_roots(&admin).unwrap().len(),
        2,
        "the root picked in the window is stored"
    );
}
