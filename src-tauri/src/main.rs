//! Loket's desktop shell: the window, the menu and one-line commands into `loket-api`.
//! No business logic lives here.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod menu;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use loket_api::app::Session;
use tauri::Manager;

/// The database the user asked for: `--db PATH` (or `--db=PATH`), else `LOKET_DB`, else the
/// shared default in the OS app-data directory (the same file the `loket` command uses).
fn db_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(p) = args.next() {
                return PathBuf::from(p);
            }
        } else if let Some(p) = arg.strip_prefix("--db=") {
            return PathBuf::from(p);
        }
    }
    match std::env::var_os("LOKET_DB") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => loket_api::paths::default_db_path(),
    }
}

/// One window per database: a second start on the same file focuses the open window, while
/// another `--db` (a test, a second office) gets its own. The default database keeps the
/// plain application id.
fn instance_id(db: &Path) -> String {
    if db == loket_api::paths::default_db_path() {
        return loket_api::paths::APP_IDENTIFIER.to_string();
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    db.hash(&mut h);
    format!(
        "{}.db_{:016x}",
        loket_api::paths::APP_IDENTIFIER,
        h.finish()
    )
}

fn main() {
    let db = db_path();
    let single_instance = tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(&db))
        .callback(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        })
        .build();
    let session = Session::new(db);
    let result = tauri::Builder::default()
        .plugin(single_instance)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(session)
        .setup(|app| {
            menu::install(app.handle())?;
            let title = commands::window_title(&app.state::<Session>());
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&title)?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::shipped_offices,
            commands::setup_shipped,
            commands::setup_from_text,
            commands::catalog_list,
            commands::catalog_show,
            commands::office_view,
            commands::session::sign_in,
            commands::session::create_first_admin,
            commands::session::sign_out,
            commands::session::output_dir,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("galat: Loket tidak dapat dijalankan: {e}");
        std::process::exit(1);
    }
}
