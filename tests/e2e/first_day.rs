//! End-to-end: a new office's first day through the window alone. Denpasar, from an empty
//! machine: the first-run profile choice and administrator, the Persiapan kantor checklist
//! (the Kepala Dinas the profile does not name, F4 paper, the proposed numbering patterns with
//! their kode klasifikasi, the proposed video-conference kits and sound system), the
//! Sekretaris and Kepala Dinas accounts made in Akun & Peran, a surat balasan drafted,
//! initialled, signed and issued, and a booking of the kits created and approved. A
//! screenshot is taken at each step.

mod harness;

use harness::{assert_clean, block_on, App, Driver};

const ADMIN: (&str, &str) = ("admin", "sandi-admin-denpasar");
const PASSWORD: &str = "sandi-pegawai-1";
const KADIS_NIP: &str = "197005122001121007";

/// Sets a form field the way a person's typing does (date inputs do not take keys through
/// WebKitWebDriver): the value, then the input event Svelte listens to.
async fn set_value(app: &App, css: &str, value: &str) {
    app.wait_for(css).await;
    app.client
        .execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("setting `{css}`: {e}"));
}

/// A screenshot inside the main window (given up after 20 s rather than stalling).
async fn shot(app: &App, name: &str) {
    app.try_screenshot(&format!("hari-pertama-{name}")).await;
}

/// Scrolls the content area back to its top, for a picture of the whole checklist.
async fn top(app: &App) {
    let _ = app
        .client
        .execute("document.querySelector('#konten')?.scrollTo(0, 0);", vec![])
        .await;
}

async fn sign_out(app: &App) {
    app.click("[data-testid=keluar]").await;
    app.wait_for("[data-testid=nama-akun]").await;
}

async fn create_account(app: &App, login: &str, name: &str, nip: &str, post: &str) {
    app.click("[data-testid=buat-akun]").await;
    app.type_into("[data-testid=akun-login]", login).await;
    app.type_into("[data-testid=akun-nama]", name).await;
    if !nip.is_empty() {
        app.type_into("[data-testid=akun-nip]", nip).await;
    }
    app.click(&format!("[data-testid=akun-jabatan] option[value={post}]"))
        .await;
    app.type_into("[data-testid=akun-sandi]", PASSWORD).await;
    app.wait_for("[data-testid=akun-sandi]")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap_or_else(|e| panic!("pressing Enter in the account form: {e}"));
    app.wait_text("[data-testid=pemberitahuan]", "the new account", |t| {
        t.contains(login)
    })
    .await;
}

#[test]
fn denpasar_reaches_its_first_issued_letter_and_first_booking_in_the_window() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("loket.db");
    block_on(async {
        let app = driver.launch(&db).await;

        // First run: the profile, then the administrator.
        app.click("[data-testid=profil-denpasar]").await;
        app.click("[data-testid=pasang-profil]").await;
        app.wait_for("[data-testid=nama-lengkap]").await;
        app.type_into("[data-testid=nama-akun]", ADMIN.0).await;
        app.type_into("[data-testid=nama-lengkap]", "Ni Luh Ayu Wulandari")
            .await;
        app.type_into("[data-testid=kata-sandi]", ADMIN.1).await;
        app.type_into("[data-testid=ulang-kata-sandi]", ADMIN.1)
            .await;
        app.screenshot("hari-pertama-01-administrator").await;
        app.click("[data-testid=masuk]").await;

        // The checklist opens on the officials: the profile names no Kepala Dinas.
        let missing = app
            .wait_text("[data-testid=sisa-langkah]", "the checklist", |t| {
                t.contains("5 langkah")
            })
            .await;
        assert!(
            missing.contains("5 langkah"),
            "a new Denpasar office misses all five steps: {missing}"
        );
        shot(&app, "02-persiapan").await;
        app.click("[data-testid=ubah-pejabat-kepala-dinas]").await;
        app.type_into(
            "[data-testid=nama-pejabat]",
            "Dr. I Made Santika, S.Kom., M.T.",
        )
        .await;
        app.type_into("[data-testid=nip-pejabat]", "NIP. 19700512 200112 1 007")
            .await;
        let hint = app
            .wait_text("[data-testid=nip-bantu]", "the grouped NIP", |t| {
                t.contains("Tercetak")
            })
            .await;
        assert!(
            hint.contains("NIP. 19700512 200112 1 007") && !hint.contains("NIP NIP"),
            "the NIP is shown as it prints, grouped and labelled once: {hint}"
        );
        app.click("[data-testid=golongan-pejabat] option[value='IV/c']")
            .await;
        shot(&app, "03-pejabat-isi").await;
        app.click("[data-testid=simpan-pejabat]").await;
        let block = app
            .wait_text(
                "[data-testid=blok-ttd-kepala-dinas]",
                "the signature block",
                |t| t.contains("Santika"),
            )
            .await;
        assert!(
            block.contains("Pembina Utama Muda (IV/c)")
                && block.contains("NIP. 19700512 200112 1 007"),
            "the signature block shows pangkat (golongan) and the grouped NIP: {block}"
        );
        app.wait_text("[data-testid=keterangan-pejabat]", "the step done", |t| {
            t.contains("Santika")
        })
        .await;
        shot(&app, "04-pejabat-tersimpan").await;
        app.click("[data-testid=lanjut-pejabat]").await;

        // The emblem: the placeholder is said plainly; skipped for now.
        app.wait_for("[data-testid=lambang-pengganti]").await;
        shot(&app, "05-lambang").await;
        app.click("[data-testid=lewati-lambang]").await;

        // Paper: F4.
        app.click("[data-testid=kertas-f4]").await;
        app.click("[data-testid=simpan-kertas]").await;
        app.wait_text("[data-testid=keterangan-kertas]", "F4 chosen", |t| {
            t.contains("F4")
        })
        .await;

        // Numbering patterns proposed from the catalog, with the kode klasifikasi filled in.
        app.wait_for("[data-testid=usulan-pola]").await;
        for (id, kode) in [
            ("surat-balasan", "000.8.3.3"),
            ("pemberitahuan-perpanjangan", "000.8.3.3"),
            ("rekomendasi-tte-pendaftaran", "800.1.11.13"),
            ("rekomendasi-tte-pembaruan", "800.1.11.13"),
            ("rekomendasi-tte-pencabutan", "800.1.11.13"),
            ("bukti-peminjaman-cc", "000.2.3"),
            ("penolakan", "000.8.3.3"),
            ("laporan-evaluasi", "000.4.4"),
        ] {
            let css = format!("[data-testid=klasifikasi-{id}]");
            if !app.all(&css).await.is_empty() {
                app.type_into(&css, kode).await;
            }
        }
        shot(&app, "06-pola-nomor").await;
        app.click("[data-testid=buat-pola]").await;
        app.wait_text("[data-testid=keterangan-penomoran]", "patterns made", |t| {
            t.contains("sudah memiliki pola")
        })
        .await;

        // Rooms and equipment proposed from the services that book them: two vicon kits.
        app.wait_for("[data-testid=usulan-sumber-daya]").await;
        set_value(&app, "[data-testid=jumlah-vicon]", "2").await;
        shot(&app, "07-sumber-daya").await;
        app.click("[data-testid=buat-sumber-daya]").await;
        let left = app
            .wait_text("[data-testid=sisa-langkah]", "only the emblem left", |t| {
                t.contains("1 langkah")
            })
            .await;
        assert!(
            left.contains("1 langkah"),
            "only the skipped emblem is left: {left}"
        );
        top(&app).await;
        shot(&app, "08-persiapan-selesai").await;
        assert_clean(&app.page_text().await, "persiapan kantor");
        app.click("[data-testid=selesai-persiapan]").await;

        // Kotak Masuk says what is still missing.
        let reminder = app.text("[data-testid=kesiapan-kantor]").await;
        assert!(
            reminder.contains("Lambang daerah") && !reminder.contains("Pejabat penanda tangan"),
            "Kotak Masuk lists only the missing emblem: {reminder}"
        );
        shot(&app, "09-kotak-masuk").await;
        app.quit().await;
    });

    // The next session (each phase has its own time limit): accounts and the first letter.
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;

        // The accounts the letter's chain needs, made in Akun & Peran.
        app.click("[data-testid=menu-pengaturan]").await;
        app.click("[data-testid=tab-akun]").await;
        app.wait_for("[data-testid=tabel-akun]").await;
        create_account(
            &app,
            "sekretaris",
            "Ni Made Sri Utami, S.E.",
            "",
            "sekretaris",
        )
        .await;
        create_account(
            &app,
            "kadis",
            "Dr. I Made Santika, S.Kom., M.T.",
            KADIS_NIP,
            "kepala-dinas",
        )
        .await;
        shot(&app, "10-akun").await;

        // The administrator drafts the first letter: a surat balasan, on F4.
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=surat-baru]").await;
        app.wait_for("[data-testid=pilih-jenis]")
            .await
            .select_by_value("surat_balasan")
            .await
            .unwrap();
        app.click("[data-testid=buat-konsep]").await;
        app.wait_for("[data-testid=isian-kepada]").await;
        app.type_into(
            "[data-testid=isian-kepada]",
            "Kepala Dinas Kesehatan Kota Denpasar",
        )
        .await;
        app.type_into("[data-testid=isian-surat_nomor]", "440/215/DIKES/2026")
            .await;
        set_value(&app, "[data-testid=isian-surat_tanggal]", "2026-02-27").await;
        app.type_into(
            "[data-testid=isian-surat_hal]",
            "Permohonan data kunjungan puskesmas",
        )
        .await;
        app.wait_for("[data-testid=halaman-pratinjau] svg").await;
        let warning = app.text("[data-testid=peringatan-surat]").await;
        assert!(
            warning.contains("lambang pengganti"),
            "the draft warns that the kop has the placeholder emblem: {warning}"
        );
        let nomor = app.text("[data-testid=nomor-surat]").await;
        assert!(
            nomor.starts_with("000.8.3.3/001/DKIS/"),
            "the draft reserves a number from the created pattern: {nomor}"
        );
        shot(&app, "11-konsep").await;
        app.click("[data-testid=ajukan-paraf]").await;
        app.wait_text("[data-testid=status-surat]", "menunggu paraf", |t| {
            t.contains("Menunggu paraf")
        })
        .await;
        sign_out(&app).await;

        app.sign_in("sekretaris", PASSWORD).await;
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=buka-surat]").await;
        app.click("[data-testid=paraf]").await;
        app.wait_text("[data-testid=status-surat]", "waiting for signature", |t| {
            t.contains("Menunggu tanda tangan")
        })
        .await;
        sign_out(&app).await;

        app.sign_in("kadis", PASSWORD).await;
        app.click("[data-testid=menu-surat]").await;
        app.click("[data-testid=buka-surat]").await;
        app.wait_for("[data-testid=tanda-tangan]").await;
        shot(&app, "12-tanda-tangan").await;
        app.click("[data-testid=tanda-tangan]").await;
        app.wait_text("[data-testid=status-surat]", "issued", |t| {
            t.contains("Terbit")
        })
        .await;
        shot(&app, "13-terbit").await;
        app.quit().await;
    });

    // The first booking: two video-conference kits, approved by the administrator.
    block_on(async {
        let app = driver.launch(&db).await;
        app.sign_in(ADMIN.0, ADMIN.1).await;
        app.click("[data-testid=menu-jadwal]").await;
        app.wait_for("[data-testid=kalender-waktu]").await;
        app.click("[data-testid=pesan-baru]").await;
        app.type_into(
            "[data-testid=judul]",
            "Video conference rapat koordinasi Dinas Kesehatan",
        )
        .await;
        app.type_into("[data-testid=jumlah-vicon]", "2").await;
        app.type_into("[data-testid=rundown]", "09.00 pembukaan; 09.15 paparan")
            .await;
        app.click("[data-testid=cari-jadwal]").await;
        app.click("[data-testid=slot] button").await;
        shot(&app, "14-pemesanan").await;
        app.click("[data-testid=simpan-pemesanan]").await;
        app.wait_text("[data-testid=judul-pemesanan]", "the new booking", |t| {
            t.contains("rapat koordinasi")
        })
        .await;
        app.click("[data-testid=setujui]").await;
        app.wait_text("[data-testid=status-pemesanan]", "approval", |t| {
            t == "Disetujui"
        })
        .await;
        shot(&app, "15-disetujui").await;
        app.quit().await;
    });

    let l = loket_api::Loket::open(&db).unwrap();
    let issued = l.letter_list(None).unwrap();
    assert_eq!(
        issued.len(),
        1,
        "Denpasar's first letter is in the outgoing agenda"
    );
    let pdf = l.letter_pdf(&issued[0].nomor).unwrap();
    assert!(
        l.letter_verify(&pdf).unwrap().genuine,
        "the issued PDF verifies"
    );
    let out = harness::workspace_root().join("artifacts").join("letters");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("e2e-denpasar-surat-pertama.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let _ = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(out.join("e2e-denpasar-surat-pertama"))
        .status();
}
