//! End-to-end: the Surat section in the real window. A Demak database with the preparer,
//! the Kepala Bidang Aptika, the Sekretaris, the Kepala Dinas and a fibre-optic request is
//! prepared through loket-api; in the window the preparer drafts the recommendation from
//! the request with the live preview and sends it on, the Kepala Bidang and the Sekretaris
//! initial it, the Kepala Dinas signs, and the outgoing agenda shows the number. The issued
//! PDF is rendered to PNG for a look.

mod harness;

use chrono::{DateTime, Duration, FixedOffset};
use harness::{assert_clean, block_on, prepared_db, workspace_root, App, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::case::NewCase;
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::flow::dto::NewDraft;
use loket_api::Loket;
use loket_domain::roles::Role;

const PASSWORD: &str = "sandi-pegawai-1";

/// The real clock in WIB, as the window reads it.
fn wib_now() -> DateTime<FixedOffset> {
    let wib = FixedOffset::east_opt(7 * 3600).unwrap();
    harness::wall_clock().with_timezone(&wib)
}

/// The accounts, the numbering pattern and a fibre-optic request received an hour before
/// `now`. The window reads the real clock, so `now` is today (WIB).
fn prepare(db: &std::path::Path, now: DateTime<FixedOffset>) -> i64 {
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
    let received = (now - Duration::hours(1))
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
            letter_date: (now.date_naive() - Duration::days(5)).to_string(),
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

async fn open_first_in_list(app: &App) {
    app.click("[data-testid=menu-surat]").await;
    app.click("[data-testid=buka-surat]").await;
    app.wait_for("[data-testid=alur-paraf]").await;
}

async fn sign_out(app: &App) {
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
    let case_id = prepare(&db, wib_now());
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

/// The route of the original letter, with the length mistyped (12.000 for 1.200 meter).
const WRONG_ROUTE: &str = "Jalan Sultan Fatah, Demak | 12.000 meter | Tanam langsung (HDD)";
const RIGHT_ROUTE: &str = "Jalan Sultan Fatah, Demak | 1.200 meter | Tanam langsung (HDD)";
const REASON: &str = "Panjang ruas tertulis 12.000 meter, seharusnya 1.200 meter";

/// The prepared office with its recommendation already issued (drafted from the request,
/// initialled by the Kepala Bidang and the Sekretaris, signed by the Kepala Dinas) half an
/// hour ago: (draft id, number).
fn prepare_issued(db: &std::path::Path) -> (i64, String) {
    let start = wib_now() - Duration::minutes(30);
    let case_id = prepare(db, start);
    let mut l = Loket::open(db).unwrap();
    let [staf, kabid, sekretaris, kadis] =
        ["staf.fo", "kabid.aptika", "sekretaris", "kadis"].map(|a| l.sign_in(a, PASSWORD).unwrap());
    let at = |m: i64| start + Duration::minutes(m);
    let draft = l
        .letter_draft(
            &staf,
            &NewDraft {
                kind: "rekomendasi_teknis_fo".into(),
                case_id: Some(case_id),
            },
            at(2),
        )
        .unwrap();
    let mut content = draft.content.clone();
    let parts: Vec<&str> = WRONG_ROUTE.split(" | ").collect();
    content.isi.insert(
        "ruas".into(),
        serde_json::json!([{"lokasi": parts[0], "panjang": parts[1], "metode": parts[2]}]),
    );
    l.letter_update(&staf, draft.id, &content, at(4)).unwrap();
    l.letter_submit(&staf, draft.id, at(6)).unwrap();
    l.letter_paraf(&kabid, draft.id, at(8)).unwrap();
    l.letter_paraf(&sekretaris, draft.id, at(10)).unwrap();
    let signed = l.letter_sign(&kadis, draft.id, at(12)).unwrap();
    let nomor = signed.issued.expect("the original is issued").nomor;
    (draft.id, nomor)
}

/// Opens, from the outgoing agenda, the issued letter numbered `nomor`.
async fn open_issued(app: &App, nomor: &str) {
    app.click("[data-testid=menu-surat]").await;
    app.click("[data-testid=tab-issued]").await;
    app.wait_for("[data-testid=agenda-surat-keluar]").await;
    let mut found = None;
    for link in app.all("[data-testid=buka-terbit]").await {
        if link.text().await.unwrap_or_default().trim() == nomor {
            found = Some(link);
        }
    }
    found
        .unwrap_or_else(|| panic!("the outgoing agenda links the letter {nomor}"))
        .click()
        .await
        .unwrap();
    app.wait_text("[data-testid=nomor-surat]", "the opened letter", |t| {
        t == nomor
    })
    .await;
}

/// A screenshot of the letter pages; a whole-window screenshot of a page that does not
/// scroll stalls WebKitWebDriver, so it goes through [`App::try_screenshot`].
async fn shot(app: &App, name: &str) {
    assert!(
        app.try_screenshot(name).await,
        "the screenshot {name} must be taken"
    );
}

#[test]
fn an_issued_letter_is_corrected_by_a_ralat_and_the_original_says_so() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let (original_id, original) = prepare_issued(&db);

    // The preparer opens the issued letter, asks for a ralat with its reason, and the new
    // draft says which letter it replaces; the route is corrected and it is sent on.
    let ralat = block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in("staf.fo", PASSWORD).await;
        open_issued(&app, &original).await;
        app.wait_text("[data-testid=status-surat]", "issued", |t| {
            t.contains("Terbit")
        })
        .await;
        shot(&app, "surat-ralat-01-surat-terbit").await;
        app.click("[data-testid=ralat]").await;
        let dialog = app.text("[data-testid=dialog-catatan]").await;
        assert!(
            dialog.contains("Alasan ralat") && dialog.contains("Buat konsep ralat"),
            "the dialog asks for the reason of the ralat: {dialog}"
        );
        app.type_into("[data-testid=isian-catatan]", REASON).await;
        shot(&app, "surat-ralat-02-alasan").await;
        app.click("[data-testid=kirim-catatan]").await;
        let atas = app
            .wait_text("[data-testid=ralat-atas]", "the replaced letter", |t| {
                t.contains(&original)
            })
            .await;
        assert!(
            atas.contains(&format!("Menggantikan surat nomor {original}")) && atas.contains(REASON),
            "the new draft says which letter it replaces and why: {atas}"
        );
        let ralat = app.text("[data-testid=nomor-surat]").await;
        assert_ne!(ralat, original, "the ralat has its own number");
        let status = app.text("[data-testid=status-surat]").await;
        assert_eq!(status, "Konsep", "the ralat starts as a draft");
        let info = app.text("[data-testid=info-surat]").await;
        assert!(
            info.contains(&ralat),
            "the window says the ralat draft was made with its number: {info}"
        );
        shot(&app, "surat-ralat-03-konsep-ralat").await;
        app.type_into("[data-testid=isian-ruas]", RIGHT_ROUTE).await;
        app.wait_for("[data-testid=halaman-pratinjau] svg").await;
        shot(&app, "surat-ralat-04-ruas-diperbaiki").await;
        assert_clean(&app.page_text().await, "ralat draft");
        app.click("[data-testid=ajukan-paraf]").await;
        app.wait_text("[data-testid=status-surat]", "menunggu paraf", |t| {
            t.contains("Menunggu paraf")
        })
        .await;
        app.quit().await;
        ralat
    });

    // The Kepala Bidang and the Sekretaris initial it and the Kepala Dinas signs it.
    {
        let mut l = Loket::open(&db).unwrap();
        let [staf, kabid, sekretaris, kadis] = ["staf.fo", "kabid.aptika", "sekretaris", "kadis"]
            .map(|a| l.sign_in(a, PASSWORD).unwrap());
        let id = l
            .letter_show(&staf, original_id, wib_now())
            .unwrap()
            .ralat_draft_id
            .expect("the original knows its ralat draft");
        let draft = l.letter_show(&staf, id, wib_now()).unwrap();
        assert_eq!(
            draft.nomor, ralat,
            "the draft made in the window is the ralat"
        );
        assert_eq!(
            draft.content.isi["ruas"][0]["panjang"], "1.200 meter",
            "the corrected route was saved from the window"
        );
        l.letter_paraf(&kabid, id, wib_now()).unwrap();
        l.letter_paraf(&sekretaris, id, wib_now()).unwrap();
        let issued = l.letter_sign(&kadis, id, wib_now()).unwrap();
        assert_eq!(
            issued.issued.expect("the ralat is issued").nomor,
            ralat,
            "the ralat is issued under the number it reserved"
        );
    }

    // The agenda lists both; the original says which letter replaced it.
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in("staf.fo", PASSWORD).await;
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=tab-issued]").await;
        let agenda = app.text("[data-testid=agenda-surat-keluar]").await;
        assert!(
            agenda.contains(&original) && agenda.contains(&ralat),
            "the outgoing agenda lists the original and the ralat: {agenda}"
        );
        let replaces = app.text("[data-testid=agenda-menggantikan]").await;
        assert_eq!(replaces, format!("Ralat, menggantikan {original}"));
        let replaced = app.text("[data-testid=agenda-diganti]").await;
        assert_eq!(replaced, format!("Diganti dengan {ralat}"));
        assert_clean(&agenda, "outgoing agenda");
        shot(&app, "surat-ralat-05-agenda").await;

        open_issued(&app, &original).await;
        let diganti = app
            .wait_text("[data-testid=diganti-dengan]", "the ralat", |t| {
                t.contains(&ralat)
            })
            .await;
        assert!(
            diganti.contains(&format!("Diganti dengan surat nomor {ralat}")),
            "the original's page names the letter that replaced it: {diganti}"
        );
        assert!(
            app.all("[data-testid=ralat]").await.is_empty(),
            "a letter already replaced offers no second ralat"
        );
        shot(&app, "surat-ralat-06-asli-diganti").await;
        app.click("[data-testid=buka-pengganti]").await;
        app.wait_text("[data-testid=nomor-surat]", "the ralat's page", |t| {
            t == ralat
        })
        .await;
        app.wait_text("[data-testid=status-surat]", "issued", |t| {
            t.contains("Terbit")
        })
        .await;
        let atas = app.text("[data-testid=ralat-atas]").await;
        assert!(
            atas.contains(&original),
            "the issued ralat still names the letter it replaces: {atas}"
        );
        shot(&app, "surat-ralat-07-ralat-terbit").await;
        app.quit().await;
    });

    let l = Loket::open(&db).unwrap();
    let original_pdf = l.letter_pdf(&original).unwrap();
    assert!(
        l.letter_verify(&original_pdf).unwrap().genuine,
        "the replaced original stays genuine"
    );
}
