//! End-to-end: Pengaturan → Templat Surat in the real window. The administrator opens the
//! penolakan template, types a broken edit and sees the Typst error with its line in the
//! live preview and in the gutter, tries to save it and is refused while the shipped version
//! stays active, fixes it and saves; the office's copy is then what letters use, and
//! "Kembalikan ke bawaan" restores the shipped text. The database is checked through
//! loket-api after each step.

mod harness;

use harness::{assert_clean, block_on, prepared_db, Driver, ADMIN};
use loket_api::Loket;

const FILE: &str = "penolakan.typ";
const GOOD: (&str, &str) = (
    "Demikian kami sampaikan.",
    "Demikian kami sampaikan dengan hormat.",
);
const BAD: (&str, &str) = ("#butir(i.alasan)", "#butir(i.alasan");

/// Replaces the editor's text as typing would (one input event), without sending thousands
/// of keystrokes through WebDriver.
async fn set_text(app: &harness::App, text: &str) {
    app.client
        .execute(
            "const t = document.querySelector('[data-testid=teks-templat]'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::Value::String(text.to_string())],
        )
        .await
        .expect("the template text can be replaced");
}

fn active_text(db: &std::path::Path) -> String {
    Loket::open(db).unwrap().letter_template_show(FILE).unwrap()
}

#[test]
fn an_administrator_edits_a_template_with_live_preview_is_refused_a_broken_one_and_resets_it() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    let shipped = Loket::letter_template_default(FILE).unwrap();
    let edited = shipped.replace(GOOD.0, GOOD.1);
    let broken = edited.replace(BAD.0, BAD.1);
    let line = edited.lines().position(|l| l.contains(BAD.0)).unwrap() + 1;
    assert!(
        edited != shipped && broken != edited,
        "the shipped template has the texts this test edits"
    );

    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-templat]").await;
        app.wait_for(&format!(
            "[data-testid=pilih-templat] option[value='{FILE}']"
        ))
        .await;
        app.wait_for("[data-testid=pilih-templat]")
            .await
            .select_by_value(FILE)
            .await
            .unwrap();
        app.wait_text("[data-testid=templat-terbuka]", FILE, |t| t == FILE)
            .await;
        app.wait_for("[data-testid=halaman-pratinjau] svg").await;
        let version = app.text("[data-testid=versi-templat]").await;
        assert!(
            version.contains("Versi bawaan"),
            "an untouched template says it is the shipped one: {version}"
        );

        set_text(&app, &broken).await;
        let error = app
            .wait_text("[data-testid=galat-pratinjau]", "the Typst error", |t| {
                t.contains("baris")
            })
            .await;
        assert!(
            error.contains(FILE) && error.contains(&format!("baris {line}")),
            "the live preview names the file and line {line}: {error}"
        );
        let marked = app.text("[data-testid=baris-galat]").await;
        assert_eq!(
            marked,
            line.to_string(),
            "the gutter marks the failing line"
        );
        app.click("[data-testid=simpan-templat]").await;
        let refused = app
            .wait_text(".kotak-galat", "the refusal", |t| {
                t.contains("versi sebelumnya tetap dipakai")
            })
            .await;
        assert!(
            refused.contains(&format!("baris {line}")),
            "the refused save names the line: {refused}"
        );
        app.try_screenshot("templat-01-galat").await;
        assert_eq!(
            active_text(&db),
            shipped,
            "a template that does not compile is not saved; the shipped one stays active"
        );

        set_text(&app, &edited).await;
        app.wait_text(
            "[data-testid=pratinjau]",
            "the preview without error",
            |t| !t.contains("gagal dikompilasi"),
        )
        .await;
        app.click("[data-testid=simpan-templat]").await;
        let saved = app.text("[data-testid=pesan-templat]").await;
        assert!(
            saved.contains("berlaku untuk surat berikutnya"),
            "saving is confirmed: {saved}"
        );
        let version = app
            .wait_text("[data-testid=versi-templat]", "the office's copy", |t| {
                t.contains("Versi kantor")
            })
            .await;
        assert!(
            version.contains("admin"),
            "the version names who saved it: {version}"
        );
        assert_clean(&version, "template editor");
        assert_eq!(
            active_text(&db),
            edited,
            "the office's copy is active for the next letters"
        );
        app.try_screenshot("templat-02-tersimpan").await;

        app.click("[data-testid=kembali-bawaan]").await;
        app.click("[data-testid=yakin-bawaan]").await;
        app.wait_text("[data-testid=pesan-templat]", "the reset", |t| {
            t.contains("kembali ke versi bawaan")
        })
        .await;
        app.quit().await;
    });

    assert_eq!(
        active_text(&db),
        shipped,
        "after Kembalikan ke bawaan the shipped template is active again"
    );
    let l = Loket::open(&db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let trail = l
        .audit_trail(&admin, Some(&format!("template:{FILE}")))
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec!["letter.template.save", "letter.template.reset"],
        "the window's save and reset are audited as the signed-in administrator"
    );
    assert!(
        trail.iter().all(|e| e.actor == ADMIN.0),
        "the audit names the administrator"
    );
}

/// Pengaturan → Penomoran Surat in the real window: a new office has no numbering pattern,
/// the page names the kinds that cannot be drafted yet, the administrator creates one
/// pattern for all of them with the next number previewed, and the register has it.
#[test]
fn an_administrator_sets_the_numbering_pattern_of_a_new_office() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path(), "demak");
    assert!(
        Loket::open(&db)
            .unwrap()
            .letter_pattern_list()
            .unwrap()
            .is_empty(),
        "a new office starts without numbering patterns"
    );
    let year = harness::wall_clock().format("%Y").to_string();
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-penomoran]").await;
        let warning = app.text("[data-testid=tanpa-pola]").await;
        assert!(
            warning.contains("Surat balasan") || warning.contains("Surat Balasan"),
            "the kinds without a pattern are named: {warning}"
        );
        app.click("[data-testid=pola-untuk-semua]").await;
        app.type_into("[data-testid=klasifikasi-pola]", "000.8.3.3")
            .await;
        app.type_into("[data-testid=unit-pola]", "DKIS").await;
        let example = app
            .wait_text("[data-testid=contoh-nomor]", "the next number", |t| {
                t.contains("000.8.3.3/001/DKIS/")
            })
            .await;
        assert!(
            example.ends_with(&year),
            "the example carries this year: {example}"
        );
        app.try_screenshot("penomoran-01-pola-baru").await;
        app.click("[data-testid=simpan-pola]").await;
        let saved = app.text("[data-testid=pesan-pola]").await;
        assert!(
            saved.contains("surat-keluar"),
            "saving is confirmed: {saved}"
        );
        assert_clean(
            &app.text("[data-testid=daftar-pola]").await,
            "numbering patterns",
        );
        assert!(
            app.all("[data-testid=tanpa-pola]").await.is_empty(),
            "no kind is left without a pattern"
        );
        app.quit().await;
    });
    let patterns = Loket::open(&db).unwrap().letter_pattern_list().unwrap();
    assert_eq!(patterns.len(), 1, "one pattern was created in the window");
    assert!(
        patterns[0].kinds.iter().any(|k| k == "surat_balasan")
            && !patterns[0].kinds.iter().any(|k| k == "lembar_disposisi"),
        "it numbers every outgoing kind: {:?}",
        patterns[0].kinds
    );
}
