//! Loket's desktop shell: the window, the menu and one-line commands into `loket-api`.
//! No business logic lives here.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod menu;
mod watcher;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use loket_api::app::Session;
use tauri::Manager;

/// The database the user asked for: `--db PATH` (or `--db=PATH`), else `LOKET_DB`; `None`
/// lets the session choose (the server this person connected to last time, else the shared
/// default file in the OS app-data directory, the same one the `loket` command uses).
fn explicit_db() -> Option<PathBuf> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(p) = args.next() {
                return Some(PathBuf::from(p));
            }
        } else if let Some(p) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    match std::env::var_os("LOKET_DB") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => None,
    }
}

/// One window per database: a second start on the same database focuses the open window,
/// while another `--db` (a test, a second office) gets its own. Without `--db` the plain
/// application id, whichever database (file or server) the window then uses.
fn instance_id(db: Option<&Path>) -> String {
    let Some(db) = db.filter(|d| *d != loket_api::paths::default_db_path()) else {
        return loket_api::paths::APP_IDENTIFIER.to_string();
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    db.hash(&mut h);
    format!(
        "{}.db_{:016x}",
        loket_api::paths::APP_IDENTIFIER,
        h.finish()
    )
}

fn main() {
    let db = explicit_db();
    let single_instance = tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(db.as_deref()))
        .callback(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        })
        .build();
    let session = Session::desktop(db);
    let result = tauri::Builder::default()
        .plugin(single_instance)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(session)
        .setup(|app| {
            menu::install(app.handle())?;
            watcher::start(app.handle().clone());
            // The title needs the database, which may be a server far away: read it on the
            // blocking pool, not on the main thread that draws the window.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn_blocking(move || {
                let title = commands::window_title(&handle.state::<Session>());
                if let Some(window) = handle.get_webview_window("main") {
                    let _ = window.set_title(&title);
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::connection::connection_saved,
            commands::connection::connection_test,
            commands::connection::connection_connect,
            commands::connection::connection_use_local,
            commands::connection::connection_ping,
            commands::shipped_offices,
            commands::setup_shipped,
            commands::setup_from_text,
            commands::catalog_list,
            commands::catalog_show,
            commands::office_view,
            commands::surat::surat_kinds,
            commands::surat::surat_queues,
            commands::surat::surat_show,
            commands::surat::surat_draft,
            commands::surat::surat_update,
            commands::surat::surat_submit,
            commands::surat::surat_paraf,
            commands::surat::surat_return,
            commands::surat::surat_sign,
            commands::surat::surat_void,
            commands::surat::surat_ralat,
            commands::surat::surat_preview,
            commands::surat::surat_pdf,
            commands::templates::templat_daftar,
            commands::templates::templat_teks,
            commands::templates::templat_bawaan,
            commands::templates::templat_pratinjau,
            commands::templates::templat_simpan,
            commands::templates::templat_pulihkan,
            commands::penomoran::pola_halaman,
            commands::penomoran::pola_contoh,
            commands::penomoran::pola_simpan,
            commands::persiapan::kesiapan_kantor,
            commands::persiapan::pejabat_daftar,
            commands::persiapan::pejabat_simpan,
            commands::persiapan::pejabat_hapus,
            commands::persiapan::kertas_kantor,
            commands::persiapan::kertas_simpan,
            commands::persiapan::lambang_simpan,
            commands::persiapan::usulan_pola,
            commands::persiapan::pola_simpan_semua,
            commands::persiapan::usulan_sumber_daya,
            commands::persiapan::sumber_daya_simpan_semua,
            commands::changes::changes_head,
            commands::requests::kotak_masuk,
            commands::requests::case_open,
            commands::requests::case_verify,
            commands::requests::case_give_back,
            commands::requests::case_resubmit,
            commands::requests::case_reject,
            commands::requests::case_step,
            commands::requests::case_attach_file,
            commands::requests::case_await_signature,
            commands::requests::case_sign,
            commands::requests::disposition_send,
            commands::requests::disposition_report,
            commands::requests::disposition_complete,
            commands::requests::disposition_withdraw,
            commands::requests::lembar_disposisi_pdf,
            commands::requests::case_attachment_open,
            commands::jadwal::jadwal_range,
            commands::jadwal::jadwal_tomorrow,
            commands::jadwal::jadwal_show,
            commands::jadwal::jadwal_history,
            commands::jadwal::jadwal_of_case,
            commands::jadwal::jadwal_submit,
            commands::jadwal::jadwal_free_slots,
            commands::jadwal::jadwal_approve,
            commands::jadwal::jadwal_assign,
            commands::jadwal::jadwal_check_out,
            commands::jadwal::jadwal_check_in,
            commands::jadwal::jadwal_cancel,
            commands::jadwal::jadwal_export_ics,
            commands::jadwal::jadwal_receipt,
            commands::jadwal::jadwal_receipt_draft,
            commands::jadwal::jadwal_resources,
            commands::jadwal::jadwal_resource_save,
            commands::jadwal::jadwal_operators,
            commands::jadwal::jadwal_add_skill,
            commands::jadwal::jadwal_blackouts,
            commands::jadwal::jadwal_blackout_add,
            commands::jadwal::jadwal_blackout_remove,
            commands::session::sign_in,
            commands::session::create_first_admin,
            commands::session::sign_out,
            commands::session::output_dir,
            commands::tenggat::deadlines_view,
            commands::tenggat::notifications_list,
            commands::tenggat::notifications_mark_read,
            commands::tenggat::due_soon_settings,
            commands::tenggat::due_soon_set,
            commands::tenggat::signer_expiring,
            commands::signer::signer_list,
            commands::signer::signer_roots,
            commands::signer::signer_add,
            commands::signer::signer_trust,
            commands::signer::surat_sign_certificate,
            commands::laporan::report_services,
            commands::laporan::report_export_xlsx,
            commands::skm::skm_questionnaire,
            commands::skm::skm_record,
            commands::skm::skm_list,
            commands::skm::complaint_register,
            commands::skm::complaint_answer,
            commands::skm::complaint_list,
            commands::skm::evaluation_report,
            commands::skm::evaluation_export_xlsx,
            commands::skm::skm_questionnaire_pdf,
            commands::skm::evaluation_export_pdf,
            commands::skm::evaluation_draft,
            commands::agenda::case_register,
            commands::agenda::case_applicants,
            commands::agenda::case_list,
            commands::agenda::agenda_export,
            commands::accounts::account_list,
            commands::accounts::account_posts,
            commands::accounts::account_create,
            commands::accounts::account_reset_password,
            commands::accounts::account_set_roles,
            commands::accounts::account_set_active,
            commands::accounts::account_acting,
            commands::accounts::account_acting_list,
            commands::accounts::instruction_list,
            commands::accounts::instruction_set,
            commands::kalender::kalender_page,
            commands::kalender::kalender_set_hours,
            commands::kalender::kalender_add_variant,
            commands::kalender::kalender_remove_variant,
            commands::kalender::kalender_add_closure,
            commands::kalender::kalender_remove_closure,
            commands::kalender::kalender_add_holiday,
            commands::kalender::kalender_remove_holiday,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("galat: Loket tidak dapat dijalankan: {e}");
        std::process::exit(1);
    }
}
