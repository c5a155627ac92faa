//! Drives the real `loket-desktop` binary through tauri-driver + WebKitWebDriver.
//!
//! Runs only when `LOKET_E2E=1` (scripts/test.sh sets it and provides Xvfb and a D-Bus
//! session); otherwise each test says it was skipped and passes. Every e2e target in
//! tests/e2e/ includes this module and uses part of it.
#![allow(dead_code)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// One app at a time: the shell is single-instance and tauri-driver owns one port.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const WAIT: Duration = Duration::from_secs(30);

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The debug build scripts/test.sh makes, or `LOKET_DESKTOP_BIN`.
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("LOKET_DESKTOP_BIN") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("debug").join("loket-desktop")
}

/// A running tauri-driver (with its WebKitWebDriver and app) in its own process group,
/// ended as a group when dropped, also when a test panics.
pub struct Driver {
    child: Child,
    port: u16,
    /// The first driver of a test holds the turn; one started beside it shares that turn.
    _turn: Option<MutexGuard<'static, ()>>,
}

impl Driver {
    /// `None` (the test is skipped) unless `LOKET_E2E=1`.
    pub fn start() -> Option<Driver> {
        Self::start_with_env(&[], &[])
    }

    /// Like [`Driver::start`], with `set` added to and `remove` taken from the environment
    /// the app gets (tauri-driver passes its own on): a fresh HOME, no `LOKET_DB`.
    pub fn start_with_env(set: &[(&str, &std::ffi::OsStr)], remove: &[&str]) -> Option<Driver> {
        if std::env::var("LOKET_E2E").as_deref() != Ok("1") {
            eprintln!("e2e dilewati: jalankan lewat scripts/test.sh (LOKET_E2E=1, Xvfb, D-Bus)");
            return None;
        }
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        Some(Self::spawn(set, remove, Some(turn)))
    }

    /// A second tauri-driver beside this one, on ports of its own, for a test that drives two
    /// windows at once (two laptops). Give each app its own D-Bus session bus
    /// (`DBUS_SESSION_BUS_ADDRESS` in `set`): the single-instance guard and the notification
    /// server belong to one desktop session, as on two laptops.
    pub fn start_beside(&self, set: &[(&str, &std::ffi::OsStr)], remove: &[&str]) -> Driver {
        Self::spawn(set, remove, None)
    }

    fn spawn(
        set: &[(&str, &std::ffi::OsStr)],
        remove: &[&str],
        turn: Option<MutexGuard<'static, ()>>,
    ) -> Driver {
        let bin = app_binary();
        assert!(
            bin.exists(),
            "the app binary {} must be built before the e2e tests (cargo build -p loket-desktop)",
            bin.display()
        );
        let (port, native_port) = (free_port(), free_port());
        let mut cmd =
            Command::new(std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into()));
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .envs(set.iter().copied())
        .stdout(Stdio::null())
        // LOKET_E2E_DEBUG=1 shows what the driver and the app print (the app's warnings).
        .stderr(if std::env::var_os("LOKET_E2E_DEBUG").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        });
        for name in remove {
            cmd.env_remove(name);
        }
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd.spawn().unwrap_or_else(|e| {
            panic!("tauri-driver must be installed (cargo install tauri-driver --version 2.1.0 --locked): {e}")
        });
        let driver = Driver {
            child,
            port,
            _turn: turn,
        };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "tauri-driver must listen on port {port} within 15 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    /// Starts the app on the database at `db` and connects to its window.
    pub async fn launch(&self, db: &Path) -> App {
        self.launch_with_args(&[std::ffi::OsStr::new("--db"), db.as_os_str()])
            .await
    }

    /// Starts the app with `args` (none: the database the app chooses itself).
    pub async fn launch_with_args(&self, args: &[&std::ffi::OsStr]) -> App {
        // Only tauri:options: tauri-driver turns it into WebKitGTK's options; a browserName
        // would make WebKitWebDriver look for a browser instead of our binary.
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".to_string(),
            json!({
                "application": app_binary(),
                "args": args,
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .unwrap_or_else(|e| panic!("a WebDriver session on the Loket window must open: {e}"));
        App { client }
    }
}

/// A port nobody listens on now, so a stale driver from an earlier run cannot answer.
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("a free local port for tauri-driver: {e}"))
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
        // The single-instance guard needs the previous window gone before the next test.
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// The Loket window under test.
pub struct App {
    pub client: Client,
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("`{css}` must appear in the window: {e}"))
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("`{css}` must be clickable: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of `{css}`: {e}"))
    }

    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("finding `{css}`: {e}"))
    }

    /// Waits until the text of `css` satisfies `ok`; returns the last text seen.
    pub async fn wait_text(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let t = self.text(css).await;
            if ok(&t) {
                return t;
            }
            assert!(
                start.elapsed() < WAIT,
                "`{css}` must come to show {what}; it shows: {t}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types `text` into the field `css` (after clearing it).
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clearing `{css}`: {e}"));
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into `{css}`: {e}"));
    }

    /// Signs in on the Masuk screen and waits for the main window.
    pub async fn sign_in(&self, login: &str, password: &str) {
        self.type_into("[data-testid=nama-akun]", login).await;
        self.type_into("[data-testid=kata-sandi]", password).await;
        self.click("[data-testid=masuk]").await;
        self.wait_for("[data-testid=keluar]").await;
    }

    /// On a new office: creates the first administrator and waits for the main window.
    pub async fn create_first_admin(&self, login: &str, name: &str, password: &str) {
        self.type_into("[data-testid=nama-akun]", login).await;
        self.type_into("[data-testid=nama-lengkap]", name).await;
        self.type_into("[data-testid=kata-sandi]", password).await;
        self.type_into("[data-testid=ulang-kata-sandi]", password)
            .await;
        self.click("[data-testid=masuk]").await;
        self.wait_for("[data-testid=keluar]").await;
    }

    /// The visible text of the whole page.
    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    /// Saves a screenshot to artifacts/screenshots/<name>.png.
    pub async fn screenshot(&self, name: &str) {
        // Let fonts and layout settle.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("a screenshot of {name} must be taken: {e}"));
        let dir = workspace_root().join("artifacts").join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// A picture of the window, given up after 20 s (returns false). Whole-window
    /// screenshots of short pages (Besok, the booking page) stalled WebKitWebDriver; the
    /// content area is made to scroll first, which the pages that photograph fine all do.
    pub async fn try_screenshot(&self, name: &str) -> bool {
        let _ = self
            .client
            .execute(
                "const k = document.querySelector('#konten'); const d = document.createElement('div'); d.style.height = '1200px'; k.appendChild(d);",
                vec![],
            )
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        match tokio::time::timeout(Duration::from_secs(20), self.client.screenshot()).await {
            Ok(Ok(png)) => {
                let dir = workspace_root().join("artifacts").join("screenshots");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
                true
            }
            _ => {
                eprintln!("tangkapan layar {name} tidak dapat diambil (WebKitWebDriver macet)");
                false
            }
        }
    }

    /// Ends the WebDriver session; a session that does not end within 10 s is left to the
    /// driver's process-group kill instead of hanging the test.
    pub async fn quit(self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.close()).await;
    }
}

/// Words that must never reach the screen: raw values and English leftovers.
pub fn assert_clean(text: &str, screen: &str) {
    for bad in [
        "undefined",
        "null",
        "NaN",
        "[object Object]",
        "Loading",
        "Error",
        "Search",
        "Settings",
    ] {
        assert!(
            !text.contains(bad),
            "the {screen} screen must not show `{bad}` (raw value or English leftover)"
        );
    }
}

/// Longest one end-to-end test may take before it fails instead of hanging CI.
const TEST_LIMIT: Duration = Duration::from_secs(300);

/// A current-thread runtime for one test, bounded by [`TEST_LIMIT`].
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            tokio::time::timeout(TEST_LIMIT, f)
                .await
                .unwrap_or_else(|_| panic!("an end-to-end test must finish within {TEST_LIMIT:?}; the window or driver stopped answering"))
        })
}

/// The real clock, as the window reads it: tests that put records around "today" in the
/// window must read the same clock (the only place the e2e tests may; see clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn wall_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// The clock the prepared databases were set up at.
pub fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap()
}

/// The administrator every prepared database has: (login, password).
pub const ADMIN: (&str, &str) = ("admin", "sandi-admin-kantor");

/// A database already set up for `office` with its administrator, as after a first run.
/// Tests add their own accounts and records through `loket_api::app::Session` or `Loket`.
pub fn prepared_db(dir: &Path, office: &str) -> PathBuf {
    let db = dir.join("loket.db");
    let session = loket_api::app::Session::new(&db);
    session
        .setup(
            &loket_api::office::ProfileSource::Shipped(office.into()),
            now(),
        )
        .unwrap_or_else(|e| panic!("preparing a {office} database: {e}"));
    session
        .create_first_admin(ADMIN.0, "Administrator Kantor", ADMIN.1, now())
        .unwrap_or_else(|e| panic!("the administrator of {office}: {e}"));
    db
}

/// The Command Center (a room) and two video-conference kits (a pool) of the schedule tests,
/// each with 30-minute setup and teardown buffers under the Tim SPA; a booking of the kits
/// needs `vicon_operators` operators with the `operator_vicon` skill.
pub fn add_schedule_resources(
    l: &mut loket_api::Loket,
    admin: &loket_api::account::Actor,
    now: chrono::DateTime<chrono::FixedOffset>,
    vicon_operators: u32,
) {
    use loket_domain::booking::ResourceKind;
    for (id, name, kind, quantity, operators) in [
        (
            "command-center",
            "Command Center",
            ResourceKind::Ruang,
            1,
            0,
        ),
        (
            "vicon",
            "Perangkat video conference",
            ResourceKind::Peralatan,
            2,
            vicon_operators,
        ),
    ] {
        let r = loket_api::booking::NewResource {
            id: id.into(),
            name: name.into(),
            kind,
            quantity,
            setup_minutes: 30,
            teardown_minutes: 30,
            unit: Some("tim-spa".into()),
            operators_needed: operators,
            skill: (operators > 0).then(|| "operator_vicon".to_string()),
        };
        l.resource_add(&r, admin, now)
            .unwrap_or_else(|e| panic!("resource {id}: {e}"));
    }
}
