//! The menu bar: Berkas → Keluar, Bantuan → Tentang Loket (the window shows version and
//! database path when it receives `menu:tentang`).

use tauri::menu::{MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter};

pub const ABOUT: &str = "tentang";

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let quit = PredefinedMenuItem::quit(app, Some("Keluar"))?;
    let berkas = SubmenuBuilder::new(app, "&Berkas").item(&quit).build()?;
    let about = MenuItemBuilder::with_id(ABOUT, "&Tentang Loket").build(app)?;
    let bantuan = SubmenuBuilder::new(app, "B&antuan").item(&about).build()?;
    let menu = MenuBuilder::new(app).items(&[&berkas, &bantuan]).build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        if event.id() == ABOUT {
            let _ = app.emit("menu:tentang", ());
        }
    });
    Ok(())
}
