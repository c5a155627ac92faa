//! End to end: two laptops on the office's PostgreSQL server, two Loket windows open at once.
//!
//! Against the throwaway cluster of `scripts/with-postgres.sh` (`LOKET_TEST_PG`): one fresh
//! server database with the Demak office, its administrator (the secretariat) and the Kepala
//! Dinas. Each "laptop" is its own app (`LOKET_DB` naming the server), with its own HOME and
//! XDG folders and its own D-Bus session bus with a notification server (dunst) and a
//! dbus-monitor recording what reaches it. Window A (secretariat) registers a request through
//! the form and verifies it, which sends it to the Kepala Dinas; window B (Kepala Dinas),
//! left on Kotak Masuk, lists it within 5 seconds without being reloaded and B's desktop
//! shows the notification (A's does not); B disposes it to the Sekretaris and A's open case
//! page shows the new timeline entry within 5 seconds. The windows stand side by side (A
//! left, B right; scripts/test.sh gives this test a double-width screen) and each step is
//! photographed as the whole screen, both windows and B's notification in one picture
//! (artifacts/screenshots/dua-laptop-*.png).

mod harness;

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use harness::{assert_clean, block_on, now, App, Driver, ADMIN};
use loket_api::account::NewAccount;
use loket_api::app::Session;
use loket_api::office::ProfileSource;
use loket_api::Loket;

const KADIS: (&str, &str) = ("umar", "sandi-kepala-dinas-1");
const HAL: &str = "Permohonan subdomain dan hosting aplikasi PPDB";
/// What the issue asks: another laptop's change shows within 5 seconds.
const WITHIN: Duration = Duration::from_secs(5);

/// A fresh server database with the Demak office, its administrator and the Kepala Dinas.
fn office_on_server() -> String {
    let url = loket_tests::backend::fresh_server_database();
    let session = Session::new(&url);
    session
        .setup(&ProfileSource::Shipped("demak".into()), now())
        .unwrap_or_else(|e| panic!("the office is set up on the server: {e}"));
    session
        .create_first_admin(ADMIN.0, "Sri Wahyuni", ADMIN.1, now())
        .unwrap_or_else(|e| panic!("the administrator: {e}"));
    let mut l = Loket::open(Path::new(&url)).unwrap();
    let admin = l.sign_in(ADMIN.0, ADMIN.1).unwrap();
    l.account_create(
        &admin,
        &NewAccount {
            login: KADIS.0.into(),
            name: "Umar Surya Suksmana".into(),
            nip: String::new(),
            position_id: "kepala-dinas".into(),
            roles: None,
            password: KADIS.1.into(),
        },
        now(),
    )
    .unwrap_or_else(|e| panic!("the Kepala Dinas's account: {e}"));
    url
}

/// One laptop's desktop session: its own D-Bus session bus, a notification server on it
/// (dunst, on the test's X display) and dbus-monitor writing every Notify call to a file.
/// Every process is ended when this is dropped.
struct DesktopBus {
    address: String,
    log: PathBuf,
    children: Vec<Child>,
}

impl DesktopBus {
    fn start(dir: &Path) -> DesktopBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is installed (scripts/setup.sh: dbus-x11)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_string();
        assert!(!address.is_empty(), "dbus-daemon prints its address");
        let mut bus = DesktopBus {
            address,
            log: dir.join("notify.log"),
            children: vec![daemon],
        };
        let log = std::fs::File::create(&bus.log).unwrap();
        bus.children.push(
            Command::new("dbus-monitor")
                .args([
                    "--address",
                    &bus.address,
                    "interface='org.freedesktop.Notifications',member='Notify'",
                ])
                .stdout(log)
                .stderr(Stdio::null())
                .spawn()
                .expect("dbus-monitor is installed"),
        );
        bus.children.push(
            Command::new("dunst")
                .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("dunst is installed (scripts/setup.sh)"),
        );
        let start = Instant::now();
        while !bus.has_notification_server() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "dunst takes the notification service on its bus within 10 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        bus
    }

    fn has_notification_server(&self) -> bool {
        Command::new("dbus-send")
            .args([
                &format!("--bus={}", self.address),
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.Notifications",
            ])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    /// How many notifications the notification server holds (shown, waiting, in history).
    fn dunst_count(&self) -> u32 {
        ["displayed", "waiting", "history"]
            .iter()
            .map(|what| {
                Command::new("dunstctl")
                    .args(["count", what])
                    .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                    .output()
                    .ok()
                    .and_then(|o| {
                        String::from_utf8_lossy(&o.stdout)
                            .trim()
                            .parse::<u32>()
                            .ok()
                    })
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Every Notify call seen on this bus so far.
    fn notifications(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for DesktopBus {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A laptop's own folders and desktop session, and the environment its app starts with.
struct Laptop {
    home: tempfile::TempDir,
    bus: DesktopBus,
}

impl Laptop {
    fn new() -> Laptop {
        let home = tempfile::tempdir().unwrap();
        let bus = DesktopBus::start(home.path());
        Laptop { home, bus }
    }

    fn env<'a>(
        &'a self,
        config: &'a Path,
        data: &'a Path,
        db: &'a str,
    ) -> Vec<(&'a str, &'a OsStr)> {
        vec![
            ("HOME", self.home.path().as_os_str()),
            ("XDG_CONFIG_HOME", config.as_os_str()),
            ("XDG_DATA_HOME", data.as_os_str()),
            ("DBUS_SESSION_BUS_ADDRESS", OsStr::new(&self.bus.address)),
            ("LOKET_DB", OsStr::new(db)),
        ]
    }
}

/// Waits until `ok` holds, checking every 100 ms; how long it took. Fails after `limit`.
async fn within<F, Fut>(limit: Duration, what: &str, mut ok: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if ok().await {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "{what} within {limit:?} (still not after {:?})",
            start.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A picture of the whole screen: both windows side by side (A left, B right) and the
/// desktop notifications on it, as a person would see them. Taken from the X server rather
/// than through WebKitWebDriver, whose screenshots stalled with two windows open.
fn screen_shot(name: &str) {
    eprintln!("tangkapan layar {name}");
    // Let the last keystroke or update be drawn.
    std::thread::sleep(Duration::from_millis(300));
    let dir = harness::workspace_root()
        .join("artifacts")
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(dir.join(format!("{name}.png")))
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "ImageMagick's import photographs the screen (scripts/setup.sh installs imagemagick)"
    );
}

/// Scrolls `app`'s case page to its timeline (Riwayat), for the picture.
async fn show_timeline(app: &App) {
    app.client
        .execute(
            "document.querySelector('[data-testid=linimasa]').scrollIntoView({block: 'center'});",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("the timeline scrolls into view: {e}"));
}

/// Today in the office's zone (WIB), as the register form's letter date wants it.
fn today_wib() -> String {
    let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    harness::wall_clock()
        .with_timezone(&wib)
        .format("%d/%m/%Y")
        .to_string()
}

/// Registers the hosting request through window A's form; returns its agenda number.
async fn register(app: &App) -> String {
    const ENTER: &str = "\u{E007}";
    app.click("[data-testid=menu-permohonan]").await;
    app.click("[data-testid=catat-surat-masuk]").await;
    app.type_into("[data-testid=isian-layanan]", "subdomain dan hosting")
        .await;
    app.wait_for("[data-testid=pilihan-layanan]").await;
    app.wait_for("[data-testid=isian-layanan]")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    app.wait_for("[data-testid=persyaratan]").await;
    app.click("[data-testid=jenis-pemohon] option[value=OPD]")
        .await;
    app.type_into(
        "[data-testid=nama-pemohon]",
        "Dinas Pendidikan dan Kebudayaan Kabupaten Demak",
    )
    .await;
    app.type_into("[data-testid=nomor-surat]", "400.3/512/2026")
        .await;
    app.type_into("[data-testid=tanggal-surat]", &today_wib())
        .await;
    app.type_into("[data-testid=hal]", HAL).await;
    screen_shot("dua-laptop-02-a-catat-surat");
    app.click("[data-testid=simpan-surat]").await;
    app.wait_text("[data-testid=nomor-agenda]", "the agenda number", |t| {
        t.ends_with("/2026")
    })
    .await
}

#[test]
fn a_disposition_sent_on_laptop_a_reaches_the_kepala_dinas_on_laptop_b_within_seconds() {
    if std::env::var("LOKET_E2E").as_deref() != Ok("1") {
        eprintln!("e2e dilewati: jalankan lewat scripts/test.sh (LOKET_E2E=1, Xvfb, D-Bus)");
        return;
    }
    assert!(
        std::env::var_os("LOKET_TEST_PG").is_some(),
        "this e2e test needs the throwaway PostgreSQL cluster: run it through scripts/with-postgres.sh (scripts/test.sh does)"
    );
    let url = office_on_server();
    let _database = loket_tests::backend::TestDatabase::adopt(Path::new(&url));
    let (laptop_a, laptop_b) = (Laptop::new(), Laptop::new());
    let dirs = |l: &Laptop| {
        (
            l.home.path().join(".config"),
            l.home.path().join(".local/share"),
        )
    };
    let ((config_a, data_a), (config_b, data_b)) = (dirs(&laptop_a), dirs(&laptop_b));
    let Some(driver_a) = Driver::start_with_env(&laptop_a.env(&config_a, &data_a, &url), &[])
    else {
        return;
    };
    let driver_b = driver_a.start_beside(&laptop_b.env(&config_b, &data_b, &url), &[]);
    block_on(async {
        let a = driver_a.launch_with_args(&[]).await;
        let b = driver_b.launch_with_args(&[]).await;
        // Side by side, as two laptops' screens: both in view for the screen picture.
        for (app, x) in [(&a, 0), (&b, 1360)] {
            app.client
                .set_window_rect(x, 0, 1280, 860)
                .await
                .unwrap_or_else(|e| panic!("the window moves to x={x}: {e}"));
        }
        a.sign_in(ADMIN.0, ADMIN.1).await;
        a.wait_for("[data-testid=ringkasan-kotak]").await;
        b.sign_in(KADIS.0, KADIS.1).await;
        b.wait_for("[data-testid=kotak-kosong]").await;
        for app in [&a, &b] {
            let header = app.text("[data-testid=basis-data]").await;
            assert!(
                header.starts_with("Server kantor:"),
                "each window works on the office's server: {header}"
            );
        }
        screen_shot("dua-laptop-01-masuk");
        // Marks B's Kotak Masuk: a reload or a page drawn anew would lose the mark.
        b.client
            .execute(
                "document.querySelector('[data-testid=ringkasan-kotak]').dataset.uji = 'tetap'; window.ujiTanpaMuatUlang = true;",
                vec![],
            )
            .await
            .unwrap();

        // Laptop A registers the request and verifies it: it goes to the Kepala Dinas.
        let agenda = register(&a).await;
        a.click("[data-testid=buka-permohonan]").await;
        a.wait_for("[data-testid=judul-permohonan]").await;
        for tick in a.all("[data-testid=persyaratan] input").await {
            tick.click().await.unwrap();
        }
        a.click("[data-testid=verifikasi]").await;
        a.wait_text("[data-testid=status-permohonan]", "verified", |t| {
            t == "Diverifikasi"
        })
        .await;
        let sent = Instant::now();
        show_timeline(&a).await;
        screen_shot("dua-laptop-03-a-diteruskan");
        assert_eq!(
            a.all("[data-testid=disposisi-linimasa]").await.len(),
            1,
            "A's timeline shows the hand-over to the Kepala Dinas"
        );

        // Laptop B lists it by itself, and its desktop says so.
        within(WITHIN, "B's Kotak Masuk lists the new letter", || async {
            !b.all("[data-testid=disposisi-baris]").await.is_empty()
        })
        .await;
        let row = b.text("[data-testid=disposisi-baris]").await;
        assert!(
            row.contains(HAL) && row.contains(&agenda),
            "the row names the letter and its agenda number: {row}"
        );
        let kept = b
            .client
            .execute(
                "return [document.querySelector('[data-testid=ringkasan-kotak]').dataset.uji, window.ujiTanpaMuatUlang === true];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            kept,
            serde_json::json!(["tetap", true]),
            "B's page was updated in place, not reloaded"
        );
        let told = within(
            WITHIN.saturating_sub(sent.elapsed()),
            "B's desktop notification",
            || async {
                laptop_b
                    .bus
                    .notifications()
                    .contains("Disposisi baru untuk Anda")
            },
        )
        .await;
        let reached = sent.elapsed();
        eprintln!("laptop B: Kotak Masuk dan notifikasi {reached:?} setelah verifikasi di A");
        b.wait_text("[data-testid=jumlah-belum-dibaca]", "B's bell count", |t| {
            t == "1"
        })
        .await;
        assert!(
            laptop_b.bus.dunst_count() >= 1,
            "B's notification server received it"
        );
        // Let the popup be drawn before the picture.
        tokio::time::sleep(Duration::from_millis(500)).await;
        screen_shot("dua-laptop-04-b-kotak-masuk-dan-notifikasi");
        assert!(
            reached <= WITHIN,
            "the letter reached laptop B's Kotak Masuk and desktop within 5 s: {reached:?} (notification after {told:?} more)"
        );
        let shown = laptop_b.bus.notifications();
        assert_eq!(
            shown.matches("Disposisi baru untuk Anda").count(),
            1,
            "B's desktop shows it once: {shown}"
        );
        assert!(
            shown.contains(&format!("Disposisi baru untuk Anda: Agenda {agenda}"))
                && shown.contains(HAL),
            "the notification names the agenda number and the hal: {shown}"
        );
        assert!(
            shown.contains("Loket"),
            "the notification comes from Loket: {shown}"
        );
        assert_clean(&b.text("#konten").await, "Kotak Masuk");

        // Laptop B disposes it to the Sekretaris.
        b.click("[data-testid=disposisi-baris]").await;
        b.wait_for("[data-testid=judul-permohonan]").await;
        b.click("[data-testid=disposisikan]").await;
        b.wait_for("[data-testid=dialog-disposisi]").await;
        b.click("[data-testid=tujuan-sekretaris]").await;
        b.click("[data-testid=instruksi]").await;
        b.type_into("[data-testid=catatan-disposisi]", "Mohon segera diproses")
            .await;
        screen_shot("dua-laptop-05-b-dialog-disposisi");
        b.click("[data-testid=kirim-disposisi]").await;
        b.wait_text("[data-testid=status-permohonan]", "disposed", |t| {
            t == "Didisposisi"
        })
        .await;
        let disposed = Instant::now();

        // Laptop A's open case page follows.
        within(WITHIN, "A's case page shows B's disposition", || async {
            a.all("[data-testid=disposisi-linimasa]").await.len() == 2
        })
        .await;
        let followed = disposed.elapsed();
        eprintln!("laptop A: linimasa {followed:?} setelah disposisi di B");
        show_timeline(&a).await;
        screen_shot("dua-laptop-06-a-linimasa-b-didisposisi");
        let status = a.text("[data-testid=status-permohonan]").await;
        assert_eq!(
            status, "Didisposisi",
            "A's case page shows the new status too"
        );
        let timeline = a.text("[data-testid=linimasa]").await;
        assert!(
            timeline.contains("kepada Sekretaris") && timeline.contains("Mohon segera diproses"),
            "A's timeline shows the disposition to the Sekretaris with its note: {timeline}"
        );
        assert!(
            followed <= WITHIN,
            "A's open case page showed B's disposition within 5 s: {followed:?}"
        );
        assert_clean(&a.text("#konten").await, "case page");
        let on_a = laptop_a.bus.notifications();
        assert!(
            !on_a.contains("Disposisi baru"),
            "laptop A (the secretariat) is not told of dispositions to others: {on_a}"
        );
        a.quit().await;
        b.quit().await;
    });
    drop(driver_b);
}
