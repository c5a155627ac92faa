//! Area C in the real window: a Jember PPID request registered through the form with the
//! keyboard, found in the buku agenda by full-text search and exported to CSV in keluaran/;
//! and an account created in Pengaturan → Akun & Peran that then signs in.
//! Screenshots: the register form, the agenda number, the agenda book, the accounts page.

mod harness;

use harness::{assert_clean, block_on, prepared_db, App, Driver, ADMIN};

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

const HAL: &str = "Permohonan salinan DPA Diskominfo 2026";

/// Presses Enter in the field `css` (keeping what it holds).
async fn press_enter(app: &App, css: &str) {
    app.wait_for(css)
        .await
        .send_keys(ENTER)
        .await
        .unwrap_or_else(|e| panic!("pressing Enter in `{css}`: {e}"));
}

#[test]
fn a_jember_request_is_registered_found_and_exported_in_the_window() {
    let Some(driver) = Driver::start() else {
        return;
    };
    block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(dir.path(), "jember");
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;

        app.click("[data-testid=menu-permohonan]").await;
        app.wait_text("[data-testid=jumlah-agenda]", "the count", |t| {
            t.contains("0 surat")
        })
        .await;
        app.click("[data-testid=catat-surat-masuk]").await;
        app.type_into("[data-testid=isian-layanan]", "pelayanan informasi publik")
            .await;
        app.wait_for("[data-testid=pilihan-layanan]").await;
        press_enter(&app, "[data-testid=isian-layanan]").await;
        app.wait_for("[data-testid=persyaratan]").await;
        let picked = app
            .client
            .find(fantoccini::Locator::Css("[data-testid=isian-layanan]"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        assert_eq!(
            picked, "Pelayanan Informasi Publik",
            "Enter picks the service from the list"
        );
        app.click("[data-testid=jenis-pemohon] option[value=Perorangan]")
            .await;
        app.type_into("[data-testid=nama-pemohon]", "Siti Aminah")
            .await;
        app.type_into("[data-testid=pos-el]", "siti@example.id")
            .await;
        app.type_into("[data-testid=nomor-surat]", "-").await;
        app.type_into("[data-testid=tanggal-surat]", "02/03/2026")
            .await;
        app.click("[data-testid=tujuan] option[value=ppid-utama]")
            .await;
        app.type_into("[data-testid=hal]", HAL).await;
        app.screenshot("c-01-catat-surat-masuk").await;
        press_enter(&app, "[data-testid=hal]").await;

        let number = app
            .wait_text("[data-testid=nomor-agenda]", "the agenda number", |t| {
                t.starts_with("0001/")
            })
            .await;

        app.click("[data-testid=menu-permohonan]").await;
        app.type_into("[data-testid=cari-agenda]", "salinan DPA")
            .await;
        app.wait_text("[data-testid=jumlah-agenda]", "one match", |t| {
            t.starts_with("1 surat")
        })
        .await;
        let row = app.text("[data-testid=baris-agenda]").await;
        assert!(
            row.contains(&number) && row.contains(HAL),
            "full-text search finds the new letter by words of its hal: {row}"
        );
        app.type_into("[data-testid=cari-agenda]", "hosting").await;
        app.wait_text("[data-testid=jumlah-agenda]", "no match", |t| {
            t.starts_with("0 surat")
        })
        .await;
        app.type_into("[data-testid=cari-agenda]", "aminah").await;
        app.wait_text("[data-testid=jumlah-agenda]", "the applicant found", |t| {
            t.starts_with("1 surat")
        })
        .await;
        app.screenshot("c-03-buku-agenda").await;
        assert_clean(&app.text("[data-testid=tabel-agenda]").await, "agenda book");

        app.click("[data-testid=ekspor-csv]").await;
        let path = app
            .wait_text("[data-testid=jalur-ekspor]", "the saved path", |t| {
                t.ends_with(".csv")
            })
            .await;
        assert!(
            path.starts_with(&dir.path().join("keluaran").display().to_string()),
            "the export is saved in keluaran/ beside the database: {path}"
        );
        let text = std::fs::read_to_string(&path).expect("the exported CSV exists");
        assert!(
            text.contains(HAL) && text.contains(&number),
            "the CSV holds the registered letter: {text}"
        );
        app.quit().await;
        let l = loket_api::Loket::open(&db).unwrap();
        let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
        let line = &l
            .case_list(&admin, &Default::default(), harness::now())
            .unwrap()[0];
        let case = l.case_show(&admin, line.id, harness::now()).unwrap();
        assert_eq!(
            (case.addressed_to.as_str(), case.applicant_kind.as_str()),
            ("ppid-utama", "perorangan"),
            "the form sent the chosen addressee and applicant kind"
        );
    });
}

#[test]
fn an_administrator_creates_an_account_in_the_window_and_it_signs_in() {
    let Some(driver) = Driver::start() else {
        return;
    };
    block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db = prepared_db(dir.path(), "demak");
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-akun]").await;
        app.wait_for("[data-testid=tabel-akun]").await;
        app.click("[data-testid=buat-akun]").await;
        app.type_into("[data-testid=akun-login]", "siti.rahayu")
            .await;
        app.type_into("[data-testid=akun-nama]", "Siti Rahayu")
            .await;
        let hint = app.text("[data-testid=akun-nip-bantu]").await;
        assert_eq!(
            hint, "18 angka, boleh dengan spasi; kosongkan bila bukan PNS.",
            "an empty NIP field says what it takes"
        );
        app.type_into("[data-testid=akun-nip]", "19700512").await;
        app.wait_text("[data-testid=akun-nip-bantu]", "the count so far", |t| {
            t == "8 dari 18 angka"
        })
        .await;
        app.type_into("[data-testid=akun-nip]", "197005122001121007")
            .await;
        app.wait_text(
            "[data-testid=akun-nip-bantu]",
            "the NIP as it will be printed",
            |t| t == "Tercetak: NIP. 19700512 200112 1 007",
        )
        .await;
        app.click("[data-testid=akun-jabatan] option[value=sekretaris]")
            .await;
        let sign = app
            .wait_for("[data-testid=akun-peran-sign]")
            .await
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(
            sign.as_deref(),
            Some("true"),
            "the Sekretaris post pre-ticks its default roles"
        );
        app.type_into("[data-testid=akun-sandi]", "sandi-sekretaris-1")
            .await;
        app.screenshot("c-04-buat-akun").await;
        press_enter(&app, "[data-testid=akun-sandi]").await;
        app.wait_text("[data-testid=pemberitahuan]", "the new account", |t| {
            t.contains("siti.rahayu")
        })
        .await;
        let rows = app.text("[data-testid=tabel-akun]").await;
        assert!(
            rows.contains("Siti Rahayu") && rows.contains("Sekretaris"),
            "the new account is listed with its post: {rows}"
        );
        assert!(
            rows.contains("NIP. 19700512 200112 1 007"),
            "the list shows the NIP grouped as printed: {rows}"
        );
        app.screenshot("c-05-akun-dan-peran").await;
        assert_clean(&rows, "accounts");

        app.click("[data-testid=keluar]").await;
        app.sign_in("siti.rahayu", "sandi-sekretaris-1").await;
        app.wait_text("[data-testid=pengguna]", "the new user", |t| {
            t == "Siti Rahayu"
        })
        .await;
        app.quit().await;
    });
}
