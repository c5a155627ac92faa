//! Demak's subdomain-and-hosting request end to end in the real window: the registrar
//! verifies it from Kotak Masuk, then Kepala Dinas → Sekretaris → Kepala Bidang Aplikasi
//! Informatika → Ketua Tim → administrator dispose it down the chain, the administrator
//! reports back and completes, everyone completes up the chain, and the head signs.
//! Screenshots: Kotak Masuk, the case page, the dispose dialog.

mod harness;
#[path = "../scenario/office.rs"]
mod office;

use harness::{assert_clean, block_on, now, prepared_db, App, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::Loket;

const PASSWORD: &str = "sandi-pegawai-1";

/// (login, name, post) of everyone in the chain, head first.
const CHAIN: [(&str, &str, &str); 5] = [
    ("umar", "Umar Surya Suksmana", "kepala-dinas"),
    ("sekretaris", "Siti Aminah", "sekretaris"),
    ("kabid.aptika", "Bambang Wicaksono", "kepala-bidang-aptika"),
    ("ketua.spa", "Rina Kartika", "ketua-tim-spa"),
    ("admin.hosting", "Dwi Prasetyo", "administrator"),
];

/// The prepared office: the chain's accounts and one registered hosting request.
fn prepare(dir: &std::path::Path) -> (std::path::PathBuf, i64) {
    let db = prepared_db(dir, "demak");
    let mut l = Loket::open(&db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    for (login, name, post) in CHAIN {
        l.account_create(
            &admin,
            &NewAccount {
                login: login.into(),
                name: name.into(),
                nip: String::new(),
                position_id: post.into(),
                roles: None,
                password: PASSWORD.into(),
            },
            now(),
        )
        .unwrap_or_else(|e| panic!("account {login}: {e}"));
    }
    let case = l
        .case_register(&admin, &office::hosting_request(), now())
        .unwrap();
    (db, case.id)
}

/// Keluar, then Masuk as `login`; waits for Kotak Masuk.
async fn switch_to(app: &App, login: &str, password: &str) {
    app.click("[data-testid=keluar]").await;
    app.sign_in(login, password).await;
    app.wait_for("[data-testid=ringkasan-kotak]").await;
}

/// Opens the (only) case from Kotak Masuk and waits for its page.
async fn open_case(app: &App, row: &str) {
    app.click(&format!("[data-testid={row}]")).await;
    app.wait_for("[data-testid=judul-permohonan]").await;
}

/// Opens the inline form `button`, types `text` and sends it; waits until the form closes.
async fn inline(app: &App, button: &str, text: &str) {
    app.click(&format!("[data-testid={button}]")).await;
    if !text.is_empty() {
        app.type_into("[data-testid=isian-aksi]", text).await;
    }
    app.click("[data-testid=kirim-aksi]").await;
    wait_gone(app, "[data-testid=form-aksi]").await;
}

/// Ticks every procedure step this person may tick, one at a time (the page reloads).
async fn tick_my_steps(app: &App) {
    let start = std::time::Instant::now();
    loop {
        let buttons = app.all("[data-testid^=centang-]").await;
        let Some(first) = buttons.first() else {
            return;
        };
        first.click().await.unwrap();
        while app.all("[data-testid^=centang-]").await.len() >= buttons.len() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(30),
                "a ticked step must leave the list of steps to tick"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}

async fn wait_gone(app: &App, css: &str) {
    let start = std::time::Instant::now();
    while !app.all(css).await.is_empty() {
        if !app.all("[data-testid=galat]").await.is_empty() {
            panic!(
                "the window refused: {}",
                app.text("[data-testid=galat]").await
            );
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "`{css}` must close"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[test]
fn demak_hosting_request_through_the_chain_in_the_window() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = prepare(dir.path());
    block_on(async {
        let app = driver.launch(&db).await;
        app.wait_for("[data-testid=nama-akun]").await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.wait_for("[data-testid=ringkasan-kotak]").await;

        // The registrar ticks every requirement and verifies: the case goes to the head.
        open_case(&app, "verifikasi-baris").await;
        for b in app.all("[data-testid=persyaratan] input").await {
            b.click().await.unwrap();
        }
        app.click("[data-testid=verifikasi]").await;
        app.wait_text("[data-testid=status-permohonan]", "verified", |t| {
            t == "Diverifikasi"
        })
        .await;

        for (i, (login, _, _)) in CHAIN.iter().enumerate().take(4) {
            let next = CHAIN[i + 1].2;
            switch_to(&app, login, PASSWORD).await;
            let row = app.text("[data-testid=disposisi-baris]").await;
            assert!(
                row.contains("Permohonan subdomain dan hosting aplikasi PPDB"),
                "{login}'s Kotak Masuk lists the request: {row}"
            );
            if i == 0 {
                let unread = app
                    .wait_for("[data-testid=disposisi-baris]")
                    .await
                    .attr("data-unread")
                    .await
                    .unwrap();
                assert_eq!(unread.as_deref(), Some("ya"), "a new disposition is unread");
                app.screenshot("30-kotak-masuk").await;
                assert_clean(&app.page_text().await, "Kotak Masuk");
            }
            open_case(&app, "disposisi-baris").await;
            tick_my_steps(&app).await;
            app.click("[data-testid=disposisikan]").await;
            app.wait_for("[data-testid=dialog-disposisi]").await;
            app.click(&format!("[data-testid=tujuan-{next}]")).await;
            app.click("[data-testid=instruksi]").await;
            if i == 0 {
                app.type_into("[data-testid=catatan-disposisi]", "Mohon segera diproses")
                    .await;
                app.screenshot("31-dialog-disposisi").await;
            }
            app.click("[data-testid=kirim-disposisi]").await;
            wait_gone(&app, "[data-testid=dialog-disposisi]").await;
            if i == 0 {
                app.wait_text("[data-testid=status-permohonan]", "disposed", |t| {
                    t == "Didisposisi"
                })
                .await;
                app.screenshot("32-halaman-permohonan").await;
                assert_clean(&app.page_text().await, "case page");
            }
        }

        // The administrator does the work, reports back and completes.
        switch_to(&app, CHAIN[4].0, PASSWORD).await;
        open_case(&app, "disposisi-baris").await;
        tick_my_steps(&app).await;
        inline(
            &app,
            "laporkan",
            "Subdomain ppdb.demakkab.go.id dan hosting sudah aktif",
        )
        .await;
        app.wait_text("[data-testid=status-permohonan]", "in progress", |t| {
            t == "Diproses"
        })
        .await;
        inline(&app, "selesaikan", "").await;

        // Everyone completes up the chain; the head sends for signature, signs, completes.
        for (login, _, _) in CHAIN[1..4].iter().rev() {
            switch_to(&app, login, PASSWORD).await;
            open_case(&app, "disposisi-baris").await;
            inline(&app, "selesaikan", "selesai").await;
        }
        switch_to(&app, CHAIN[0].0, PASSWORD).await;
        open_case(&app, "disposisi-baris").await;
        tick_my_steps(&app).await;
        app.click("[data-testid=ajukan-ttd]").await;
        app.wait_text(
            "[data-testid=status-permohonan]",
            "awaiting signature",
            |t| t == "Menunggu tanda tangan",
        )
        .await;
        app.click("[data-testid=tandatangani]").await;
        app.wait_text("[data-testid=status-permohonan]", "closed", |t| {
            t == "Selesai"
        })
        .await;
        inline(&app, "selesaikan", "").await;
        app.click("[data-testid=cetak-lembar]").await;
        let saved = app.text("[data-testid=tersimpan]").await;
        assert!(
            saved.contains("keluaran") && saved.contains("lembar-disposisi-0001-2026"),
            "the lembar disposisi is saved next to the database: {saved}"
        );
        let timeline = app.text("[data-testid=linimasa]").await;
        assert!(
            timeline.contains("Subdomain ppdb.demakkab.go.id dan hosting sudah aktif"),
            "the report shows in the timeline"
        );
        app.screenshot("33-permohonan-selesai").await;
        app.client
            .execute(
                "document.querySelector('[data-testid=linimasa]').scrollIntoView()",
                vec![],
            )
            .await
            .unwrap();
        app.screenshot("34-linimasa").await;
        assert_clean(&app.page_text().await, "closed case page");
        app.click("[data-testid=kembali-kotak]").await;
        app.wait_for("[data-testid=kotak-kosong]").await;
        app.quit().await;
    });

    let l = Loket::open(&db).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    let c = l.case_show(&admin, id, now()).unwrap();
    assert_eq!(c.status, "selesai", "the window closed the case");
    let chain: Vec<(&str, &str)> = c
        .dispositions
        .iter()
        .filter(|d| d.kind == "disposisi")
        .map(|d| {
            (
                d.from_position.as_deref().unwrap_or(""),
                d.to_position.as_str(),
            )
        })
        .collect();
    assert_eq!(
        chain,
        vec![
            ("kepala-dinas", "sekretaris"),
            ("sekretaris", "kepala-bidang-aptika"),
            ("kepala-bidang-aptika", "ketua-tim-spa"),
            ("ketua-tim-spa", "administrator"),
        ],
        "the chain made in the window follows Demak's procedure"
    );
    assert!(
        c.dispositions
            .iter()
            .all(|d| d.completed_at.is_some() && d.read_at.is_some()),
        "every disposition was read and completed"
    );
    assert_eq!(
        c.dispositions
            .iter()
            .find(|d| d.to_position == "kepala-dinas" && d.kind == "disposisi")
            .map(|d| d.id),
        None,
        "nothing went upward"
    );
    let first = c
        .dispositions
        .iter()
        .find(|d| d.kind == "disposisi")
        .unwrap();
    assert_eq!(
        first.note, "Mohon segera diproses",
        "the typed note is kept"
    );
    assert!(
        !first.instructions.is_empty(),
        "the ticked instruction is kept"
    );
}
