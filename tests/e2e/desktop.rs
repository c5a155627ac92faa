//! End-to-end tests of the desktop app: the real binary, its real window, through
//! tauri-driver. Screenshots of every main screen go to artifacts/screenshots/.

mod harness;

use std::time::{Duration, Instant};

use fantoccini::Locator;
use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::app::Session;
use loket_api::office::shipped_offices;

/// First run with the shipped profile `office_id`: the first-run screen creates nothing, the
/// chosen profile creates the database and opens the main window titled with the office.
fn first_run(office_id: &str) {
    let Some(driver) = Driver::start() else {
        return;
    };
    let offices = shipped_offices().unwrap();
    let i = offices
        .iter()
        .position(|o| o.id == office_id)
        .expect("a shipped profile");
    let office = &offices[i];
    block_on(async {
        {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("loket.db");
            let app = driver.launch(&db).await;
            let radio = format!("[data-testid=profil-{}]", office.id);
            app.wait_for(&radio).await;
            if i == 0 {
                // Only the intro's text: asking WebKitWebDriver for a screenshot or the text of
                // this freshly loaded screen stalled the driver (the first-run screen is
                // photographed in the bad-profile test instead).
                let text = app.text(".pengantar").await;
                assert_clean(&text, "first-run");
                assert!(
                    text.contains(&db.display().to_string()),
                    "the first-run screen says where the database will be created"
                );
            }
            assert!(
                !db.exists(),
                "showing the first-run screen must not create the database"
            );
            app.click(&radio).await;
            app.click("[data-testid=pasang-profil]").await;
            app.wait_text("[data-testid=kantor-masuk]", "the new office", |t| {
                t == office.name
            })
            .await;
            if i == 0 {
                app.screenshot("01-buat-admin").await;
            }
            app.create_first_admin(ADMIN.0, "Sri Wahyuni", ADMIN.1)
                .await;
            assert_eq!(
                app.text("[data-testid=pengguna]").await,
                "Sri Wahyuni",
                "the first administrator is signed in by name"
            );
            let name = app
                .wait_text("[data-testid=nama-kantor]", "the office name", |t| {
                    t == office.name
                })
                .await;
            assert_eq!(
                name, office.name,
                "after first run the header names the chosen office"
            );
            // The first run continues with the office's checklist; leaving it opens Kotak
            // Masuk, which says what is still missing. The catalog is one click away.
            app.click("[data-testid=selesai-persiapan]").await;
            app.wait_for("[data-testid=ringkasan-kotak]").await;
            app.wait_for("[data-testid=kesiapan-kantor]").await;
            app.click("[data-testid=menu-katalog]").await;
            let count = app
                .wait_text("[data-testid=jumlah-layanan]", "the service count", |t| {
                    !t.is_empty()
                })
                .await;
            assert_eq!(
                count,
                format!("{} layanan", office.services),
                "the catalog lists every service of {}",
                office.id
            );
            let title = app.client.title().await.unwrap();
            assert_eq!(
                title,
                format!("Loket — {}", office.name),
                "the window is titled with the office's name"
            );
            assert!(db.exists(), "first run creates the database");
            app.screenshot(&format!("02-katalog-{}", office.id)).await;
            assert_clean(&app.page_text().await, "catalog");
            app.quit().await;
        }
    });
}

#[test]
fn first_run_demak() {
    first_run("demak");
}

#[test]
fn first_run_kediri() {
    first_run("kediri");
}

#[test]
fn first_run_jember() {
    first_run("jember");
}

#[test]
fn first_run_denpasar() {
    first_run("denpasar");
}

#[test]
fn catalog_search_service_page_and_office_profile() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let expected = Session::new(&db)
        .with(|l| l.catalog_list(Some("informasi")))
        .unwrap();
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.type_into("[data-testid=nama-akun]", ADMIN.0).await;
        app.type_into("[data-testid=kata-sandi]", "bukan-sandinya")
            .await;
        app.click("[data-testid=masuk]").await;
        let refused = app.text("[data-testid=galat]").await;
        assert!(
            refused.contains("kata sandi salah"),
            "a wrong password is refused with a reason: {refused}"
        );
        // No screenshot here: photographing the window's first screen stalls WebKitWebDriver
        // (as on the first-run screen); the sign-in screen is photographed after first run.
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.wait_for("[data-testid=ringkasan-kotak]").await;
        app.click("[data-testid=menu-katalog]").await;
        app.wait_text("[data-testid=jumlah-layanan]", "the count", |t| {
            !t.is_empty()
        })
        .await;
        app.wait_for("[data-testid=cari-layanan]")
            .await
            .send_keys("informasi")
            .await
            .unwrap();
        let count = app
            .wait_text("[data-testid=jumlah-layanan]", "the search result", |t| {
                t.contains("cocok")
            })
            .await;
        assert_eq!(
            count,
            format!("{} layanan cocok dengan “informasi”", expected.len()),
            "search shows exactly what loket-api finds"
        );
        let shown = app.all("[data-testid=layanan]").await;
        assert_eq!(
            shown.len(),
            expected.len(),
            "only matching services stay listed"
        );
        app.screenshot("03-katalog-cari").await;

        let mut target = None;
        for button in shown {
            if button
                .text()
                .await
                .unwrap()
                .contains("Layanan Permohonan Informasi Publik")
            {
                target = Some(button);
            }
        }
        target
            .expect("the PPID service is found by searching `informasi`")
            .click()
            .await
            .unwrap();
        let title = app.text("[data-testid=judul-layanan]").await;
        assert_eq!(
            title, "Layanan Permohonan Informasi Publik",
            "the service page opens on the chosen service"
        );
        assert_eq!(
            app.text("[data-testid=jangka-waktu]").await,
            "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
            "the service time is written in words"
        );
        let steps = app.all("[data-testid=langkah]").await;
        assert!(steps.len() >= 5, "every procedure step is shown");
        assert!(
            steps[0].text().await.unwrap().contains("Pemohon"),
            "a step shows its actor by name"
        );
        let page = app.page_text().await;
        for section in [
            "Persyaratan",
            "Prosedur",
            "Produk layanan",
            "Penanganan pengaduan",
            "Dasar hukum",
            "Biaya / tarif",
        ] {
            assert!(
                page.to_lowercase().contains(&section.to_lowercase()),
                "the service page has {section}"
            );
        }
        assert!(
            !page.contains("admin-ppid") && !page.contains("surat_balasan"),
            "no raw ids on the service page"
        );
        assert_clean(&page, "service");
        app.screenshot("04-layanan").await;

        app.click("[data-testid=kembali-ke-katalog]").await;
        app.wait_text("[data-testid=jumlah-layanan]", "the kept search", |t| {
            t.contains("cocok")
        })
        .await;

        app.click("[data-testid=menu-pengaturan]").await;
        let identity = app.text("[data-testid=identitas-kantor]").await;
        assert!(
            identity.contains("Dinas Komunikasi dan Informatika Kabupaten Demak"),
            "Profil Kantor shows the office identity"
        );
        let people = app.text("[data-testid=tabel-pegawai]").await;
        assert!(
            people.contains("NIP"),
            "Profil Kantor lists people with NIP"
        );
        app.wait_for("[data-testid=daftar-pejabat]").await;
        app.wait_for("[data-testid=unit-kerja]").await;
        assert_clean(&app.page_text().await, "office profile");
        app.screenshot("05-profil-kantor").await;

        // The placeholder pages and Tentang Loket are covered by the UI component tests
        // (ui/src/test/shell.test.ts); driving them here hung WebKitWebDriver (to investigate).
        app.quit().await;
    });
}

#[test]
fn a_bad_profile_file_is_explained_and_creates_no_database() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("loket.db");
    let bad = dir.path().join("kantor-rusak.toml");
    let good = loket_api::profiles::shipped("demak").unwrap().text;
    std::fs::write(
        &bad,
        good.replacen("time_zone = \"WIB\"", "time_zone = \"GMT\"", 1),
    )
    .unwrap();
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=profil-demak]").await;
        let input = app
            .client
            .find(Locator::Css("[data-testid=impor-berkas]"))
            .await
            .unwrap();
        input
            .send_keys(&bad.display().to_string())
            .await
            .unwrap_or_else(|e| panic!("a file can be chosen in the import field: {e}"));
        let error = app.text("[data-testid=galat]").await;
        assert!(
            error.contains("kantor-rusak.toml"),
            "the error names the file: {error}"
        );
        assert!(
            error.contains("baris") && error.contains("office.time_zone"),
            "the error gives the line and the field: {error}"
        );
        assert!(
            error.contains("WIB, WITA, WIT"),
            "the error says how to fix it: {error}"
        );
        assert_clean(&error, "bad-profile");
        app.screenshot("08-profil-rusak").await;
        assert!(
            !db.exists(),
            "a bad profile file must not create the database"
        );

        app.click("[data-testid=profil-kediri]").await;
        app.click("[data-testid=pasang-profil]").await;
        app.wait_text("[data-testid=kantor-masuk]", "the office", |t| {
            t.contains("Kediri")
        })
        .await;
        assert!(
            db.exists(),
            "after the error a good profile still sets up the office"
        );
        app.quit().await;
    });
}

/// Cold start: launch to an interactive main window on an existing database.
/// `scripts/bench-startup.sh` runs it; not part of the normal test run.
#[test]
#[ignore]
fn bench_cold_start() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let runs: usize = std::env::var("LOKET_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    block_on(async {
        let mut times = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let app = driver.launch(&db).await;
            app.wait_for("[data-testid=nama-akun]").await;
            let elapsed = start.elapsed();
            times.push(elapsed);
            app.quit().await;
            tokio::time::sleep(Duration::from_millis(700)).await;
        }
        let ms: Vec<u128> = times.iter().map(|t| t.as_millis()).collect();
        let mut sorted = ms.clone();
        sorted.sort();
        println!(
            "cold start to the interactive sign-in screen: runs {ms:?} ms; first {} ms; median {} ms",
            ms[0],
            sorted[sorted.len() / 2]
        );
    });
}
