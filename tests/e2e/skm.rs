//! End-to-end: the survey's counter mode in the real window. The administrator (who holds the
//! front office's register role) opens Survei & Evaluasi and starts the counter mode: the
//! window shows only the questionnaire in large type, no menu, and a reload keeps it locked;
//! an applicant answers the nine questions, is thanked and the screen returns to its start;
//! the answers are stored as a counter-screen questionnaire; the staff member leaves the mode
//! with the password and the evaluation shows the respondent.

mod harness;

use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::Loket;

/// A picture of the window, given up after 20 s (WebKitWebDriver stalls on pages that do not
/// scroll: the document is made taller first, under the full-screen counter).
async fn shot(app: &harness::App, name: &str) -> bool {
    let _ = app
        .client
        .execute(
            "if (!document.getElementById('e2e-tinggi')) { const d = document.createElement('div'); d.id = 'e2e-tinggi'; d.style.height = '1400px'; document.body.appendChild(d); }",
            vec![],
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    match tokio::time::timeout(std::time::Duration::from_secs(20), app.client.screenshot()).await {
        Ok(Ok(png)) => {
            let dir = harness::workspace_root()
                .join("artifacts")
                .join("screenshots");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
            true
        }
        _ => {
            eprintln!("tangkapan layar {name} tidak dapat diambil");
            false
        }
    }
}

#[test]
fn an_applicant_answers_in_counter_mode_and_the_screen_returns_to_the_start() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    {
        // The numbering pattern the evaluation report's letter takes its number from.
        let mut l = Loket::open(&db).unwrap();
        let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
        l.letter_pattern_set(
            &admin,
            &loket_api::letter::dto::NumberPatternView {
                id: "laporan".into(),
                pattern: "{klasifikasi}/{urut:3}/{unit}/{tahun}".into(),
                klasifikasi: "000.4.4".into(),
                unit: "DKIS".into(),
                kinds: vec!["laporan_evaluasi".into()],
            },
            harness::now(),
        )
        .unwrap();
    }

    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-skm]").await;
        app.click("[data-testid=mulai-mode-loket]").await;
        app.wait_for("[data-testid=layar-mulai]").await;
        assert!(
            app.all("[data-testid^=menu-]").await.is_empty(),
            "counter mode shows no menu: nothing else of Loket is reachable"
        );
        assert!(
            app.all("[data-testid=keluar]").await.is_empty(),
            "nor the header with sign-out"
        );
        assert!(
            shot(&app, "skm-loket-01-mulai").await,
            "the counter's start screen can be photographed"
        );
        let _ = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            app.client
                .execute("setTimeout(() => location.reload(), 50)", vec![]),
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        app.wait_for("[data-testid=layar-mulai]").await;
        assert!(
            app.all("[data-testid^=menu-]").await.is_empty(),
            "reloading the window keeps it locked"
        );

        app.click("[data-testid=mulai-survei]").await;
        app.click("[data-testid=loket-layanan] option[value=ppid-permohonan-informasi]")
            .await;
        app.type_into("[data-testid=loket-umur]", "34").await;
        app.click("[data-testid=loket-jk-P]").await;
        app.click("[data-testid=loket-pendidikan] option[value=s1]")
            .await;
        app.click("[data-testid=loket-pekerjaan] option[value=wirausaha]")
            .await;
        shot(&app, "skm-loket-02-profil").await;
        app.click("[data-testid=loket-lanjut]").await;
        for (i, answer) in ["4", "3", "4", "4", "3", "3", "4", "2", "3"]
            .iter()
            .enumerate()
        {
            app.wait_text("[data-testid=loket-pertanyaan]", "the next question", |t| {
                !t.is_empty()
            })
            .await;
            if i == 2 {
                shot(&app, "skm-loket-03-pertanyaan").await;
            }
            app.click(&format!("[data-testid=loket-jawab-{answer}]"))
                .await;
        }
        app.type_into("[data-testid=loket-saran]", "Ruang tunggu sejuk")
            .await;
        app.click("[data-testid=loket-kirim]").await;
        app.wait_for("[data-testid=layar-terima-kasih]").await;
        assert_clean(&app.page_text().await, "terima kasih");
        assert!(
            shot(&app, "skm-loket-04-terima-kasih").await,
            "the thanks screen can be photographed"
        );
        app.wait_for("[data-testid=layar-mulai]").await;
        assert!(
            app.all("[data-testid=layar-terima-kasih]").await.is_empty(),
            "after the thanks the start screen is back for the next respondent"
        );

        let stored = {
            let l = Loket::open(&db).unwrap();
            let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
            l.skm_list(
                &admin,
                "2000-01-01".parse().unwrap(),
                "2100-12-31".parse().unwrap(),
            )
            .unwrap()
        };
        assert_eq!(stored.len(), 1, "one questionnaire was stored");
        assert_eq!(
            (stored[0].answers.clone(), stored[0].source.as_str()),
            (vec![4, 3, 4, 4, 3, 3, 4, 2, 3], "layar"),
            "the applicant's answers, marked as given on the counter screen"
        );

        app.click("[data-testid=keluar-mode-loket]").await;
        app.type_into("[data-testid=sandi-keluar-loket]", "salah-sekali")
            .await;
        app.click("[data-testid=konfirmasi-keluar-loket]").await;
        app.wait_for("[data-testid=dialog-keluar-loket] [role=alert]")
            .await;
        assert!(
            app.all("[data-testid^=menu-]").await.is_empty(),
            "a wrong password keeps the counter locked"
        );
        app.type_into("[data-testid=sandi-keluar-loket]", ADMIN.1)
            .await;
        app.click("[data-testid=konfirmasi-keluar-loket]").await;
        app.click("[data-testid=menu-skm]").await;
        let ikm = app
            .wait_text("[data-testid=nilai-ikm]", "the respondent's IKM", |t| {
                t != "—"
            })
            .await;
        // 30 / 9 × 25 = 83,33.
        assert_eq!(
            ikm, "83,33",
            "the evaluation counts the counter's respondent"
        );
        shot(&app, "skm-evaluasi-01").await;

        // The report the Kepala Dinas signs: a numbered letter with the figures frozen.
        app.click("[data-testid=susun-surat-evaluasi]").await;
        let frozen = app
            .wait_text(
                "[data-testid=isian-evaluasi]",
                "the frozen figures' note",
                |t| !t.is_empty(),
            )
            .await;
        assert!(
            frozen.contains("tidak dapat diubah"),
            "the draft's figures are shown as computed by Loket, not editable: {frozen}"
        );
        let status = app.text("[data-testid=status-surat]").await;
        assert!(
            status.to_lowercase().contains("konsep"),
            "the report starts as a draft of the letters workflow: {status}"
        );
        shot(&app, "skm-evaluasi-02-konsep-surat").await;
        app.quit().await;
    });
}
