//! `loket watch` on a real session bus with a real notification server: dunst under Xvfb,
//! inside `dbus-run-session`, with dbus-monitor recording every Notify call. Needs the Debian
//! packages dunst, xvfb, dbus-x11 and libnotify-bin (scripts/setup.sh installs them).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::Command;

use loket_db::accounts::AccountRow;
use loket_db::cases::CaseRow;
use loket_db::Db;
use loket_tests::backend;

const LOKET: &str = env!("CARGO_BIN_EXE_loket");

/// One open hosting case received Mon 6 Jan 2025 09.00 (due Mon 13 Jan 15.45).
fn seed(db: &Path) {
    let init = Command::new(LOKET)
        .args([
            "--db",
            &db.display().to_string(),
            "init",
            "--office",
            "kediri",
        ])
        .output()
        .unwrap();
    assert!(init.status.success(), "init works: {init:?}");
    let mut store = Db::open(db).unwrap();
    let standard = store.service_history("hosting").unwrap()[0]
        .standard
        .clone();
    let position = store.positions().unwrap()[0].id.clone();
    let tx = store.begin().unwrap();
    tx.insert_account(
        &AccountRow {
            id: "sri".into(),
            name: "Sri".into(),
            nip: String::new(),
            position_id: Some(position.clone()),
            roles: "register".into(),
            active: true,
            created_at: "2025-01-02T08:00:00+07:00".into(),
        },
        "x",
    )
    .unwrap();
    let at = "2025-01-06T09:00:00+07:00".to_string();
    tx.insert_case(
        &CaseRow {
            id: 0,
            year: 2025,
            agenda_seq: 0,
            service_id: "hosting".into(),
            standard_id: standard,
            addressed_to: position,
            received_at: at.clone(),
            channel: "surat".into(),
            sifat: "biasa".into(),
            status: "diproses".into(),
            applicant_kind: "opd".into(),
            applicant_name: "Dinas Pendidikan".into(),
            applicant_phone: String::new(),
            applicant_email: String::new(),
            applicant_address: String::new(),
            letter_number: "000/1/2025".into(),
            letter_date: "2025-01-06".into(),
            hal: "Permohonan hosting sekolah".into(),
            notes: String::new(),
            due_at: None,
            registered_by: "sri".into(),
            registered_at: at.clone(),
            updated_at: at,
        },
        &[],
        &[],
    )
    .unwrap();
    tx.commit().unwrap();
}

const SCRIPT: &str = r#"
set -u
display=":$((90 + $$ % 100))"
Xvfb "$display" -screen 0 640x480x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY="$display"
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
dbus-monitor "interface='org.freedesktop.Notifications',member='Notify'" > "$WORK/monitor.log" 2>/dev/null & monitor=$!
dunst > "$WORK/dunst.log" 2>&1 & dunst=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q true && break
  sleep 0.1
done
"$LOKET" --db "$DB" watch --once --now 2025-01-14T09:00 > "$WORK/first.txt" 2>&1; echo "first=$?"
"$LOKET" --db "$DB" watch --once --now 2025-01-14T09:30 > "$WORK/second.txt" 2>&1; echo "second=$?"
sleep 0.5
echo "server_count=$(( $(dunstctl count displayed) + $(dunstctl count waiting) + $(dunstctl count history) ))"
kill "$dunst" "$monitor" "$xvfb" 2>/dev/null
wait 2>/dev/null
"#;

#[test]
fn overdue_case_reaches_dunst_once_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location(dir.path());
    seed(&db);
    let out = Command::new("timeout")
        .args(["60", "dbus-run-session", "--", "bash", "-c", SCRIPT])
        .env("LOKET", LOKET)
        .env("DB", &db)
        .env("WORK", dir.path())
        .output()
        .expect("timeout and dbus-run-session are needed (scripts/setup.sh installs dbus-x11)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    let context = format!(
        "script: {stdout}\nstderr: {}\nfirst: {}\nsecond: {}\ndunst: {}",
        String::from_utf8_lossy(&out.stderr),
        read("first.txt"),
        read("second.txt"),
        read("dunst.log")
    );
    assert!(
        stdout.contains("first=0") && stdout.contains("second=0"),
        "both watcher runs succeed on a real bus: {context}"
    );
    let monitor = read("monitor.log");
    assert_eq!(
        monitor.matches("member=Notify").count(),
        1,
        "one Notify call in total: the restart does not repeat it: {context}\nmonitor: {monitor}"
    );
    assert!(
        monitor.contains("Terlambat: Agenda 1/2025") && monitor.contains("Loket"),
        "the notification says the case is overdue and comes from Loket: {monitor}"
    );
    assert!(
        stdout.contains("server_count=1"),
        "dunst received exactly one notification: {context}"
    );
    assert!(
        read("second.txt").contains("0 perubahan"),
        "the second run finds nothing new: {context}"
    );
}
