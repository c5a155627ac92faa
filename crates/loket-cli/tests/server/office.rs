//! A populated Demak office in an SQLite file, as a laptop holds it after two months of work:
//! accounts for the disposition chain, 120 requests over January and February 2026 (half
//! verified and disposed to the Sekretaris, a quarter on to the Kepala Bidang, some completed),
//! letters issued directly and through the paraf chain with their PDFs, a reserved and a voided
//! number, a booking carried through approval, check-out and return, a closure, a complaint, an
//! SKM response, an official set by the office, an attachment and the watcher's notifications —
//! every act audited. Built once per test process (the requests through loket-api for speed,
//! the rest through the `loket` command as an office works) and copied by each test.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::Datelike;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Weekday};
use loket_api::account::NewAccount;
use loket_api::case::NewCase;
use loket_api::disposition::Dispatch;
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_domain::roles::Role;

use super::{loket, Run};

/// Password of every account of the office.
pub const PASSWORD: &str = "sandi-kantor-demak-1";
/// The moment the CLI acts are done at.
pub const NOW: &str = "2026-03-03T10:00:00+07:00";
const CASES: usize = 120;

const HAL: &[&str] = &[
    "Permohonan subdomain dan hosting aplikasi",
    "Permohonan fasilitasi video conference rapat koordinasi",
    "Permohonan informasi publik anggaran",
];
const SERVICES: &[&str] = &[
    "subdomain-hosting",
    "video-conference",
    "ppid-permohonan-informasi",
];
const APPLICANTS: &[&str] = &[
    "Dinas Pendidikan dan Kebudayaan Kabupaten Demak",
    "Dinas Kesehatan Kabupaten Demak",
    "Badan Perencanaan Pembangunan Daerah Kabupaten Demak",
    "Kecamatan Mranggen",
    "RSUD Sunan Kalijaga",
];

/// The prepared office: its file and the issued letters' PDFs as the office handed them out.
pub struct Office {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    /// (letter number, its PDF as issued).
    pub letters: Vec<(String, PathBuf)>,
}

impl Office {
    /// A fresh copy of the office's file in `dir`.
    pub fn copy_to(&self, dir: &Path) -> PathBuf {
        let path = dir.join("kantor.db");
        std::fs::copy(&self.path, &path).expect("the prepared office is copied");
        path
    }
}

/// The office, built on first use.
pub fn populated() -> &'static Office {
    static OFFICE: OnceLock<Office> = OnceLock::new();
    OFFICE.get_or_init(build)
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("an RFC 3339 moment")
}

/// The `n`th working day (Monday to Friday) from 5 January 2026.
fn working_day(n: usize) -> NaiveDate {
    let mut d = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date");
    let mut left = n;
    while left > 0 || matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
        d += Duration::days(1);
    }
    d
}

fn build() -> Office {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("kantor.db");
    requests(&path);
    let letters = cli_acts(dir.path(), &path);
    Office {
        _dir: dir,
        path,
        letters,
    }
}

/// The office, its accounts and the requests with their dispositions, through loket-api.
fn requests(path: &Path) {
    let mut l = Loket::open(path).expect("a new office file opens");
    let t0 = at("2026-01-02T07:00:00+07:00");
    l.office_init(&ProfileSource::Shipped("demak".into()), t0)
        .expect("Demak's profile imports");
    let admin = l
        .account_bootstrap("admin", "Admin Loket", PASSWORD, t0)
        .expect("the first administrator");
    for (login, name, nip, post, roles) in [
        (
            "kadis",
            "Ir. Budi Santoso",
            "197005122001121007",
            "kepala-dinas",
            None,
        ),
        ("sekretaris", "Sekretaris Dinas", "", "sekretaris", None),
        (
            "kabid",
            "Kepala Bidang Aptika",
            "",
            "kepala-bidang-aptika",
            None,
        ),
        (
            "staf",
            "Staf Pencatat",
            "",
            "staf-fo",
            Some(vec![Role::Register, Role::Book]),
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
            t0,
        )
        .unwrap_or_else(|e| panic!("account {login}: {e}"));
    }
    let kadis = l.sign_in_at("kadis", PASSWORD, t0).expect("kadis signs in");
    let sekretaris = l
        .sign_in_at("sekretaris", PASSWORD, t0)
        .expect("sekretaris signs in");
    let kabid = l.sign_in_at("kabid", PASSWORD, t0).expect("kabid signs in");
    for i in 0..CASES {
        let day = working_day(i / 4);
        let received = format!("{day} {:02}:{:02}", 8 + i % 4, (i * 7) % 60);
        let now = at(&format!("{day}T14:00:00+07:00"));
        let case = l
            .case_register(
                &admin,
                &NewCase {
                    service_id: SERVICES[i % SERVICES.len()].into(),
                    applicant_kind: "OPD".into(),
                    applicant_name: APPLICANTS[i % APPLICANTS.len()].into(),
                    letter_number: format!("400.3/{}/2026", 100 + i),
                    letter_date: (day - Duration::days(2)).to_string(),
                    hal: format!("{} nomor {i}", HAL[i % HAL.len()]),
                    sifat: if i % 5 == 0 { "segera" } else { "biasa" }.into(),
                    channel: if i % 3 == 0 { "srikandi" } else { "surat" }.into(),
                    received_at: received,
                    ..NewCase::default()
                },
                now,
            )
            .unwrap_or_else(|e| panic!("request {i}: {e}"));
        if i % 2 == 1 {
            continue;
        }
        let met: Vec<i64> = (1..=case.requirements.len() as i64).collect();
        l.case_verify(&admin, case.id, &met, now)
            .unwrap_or_else(|e| panic!("request {i} verified: {e}"));
        let later = now + Duration::minutes(30);
        let dispatch = |to: &str| Dispatch {
            case_id: case.id,
            to: vec![to.to_string()],
            instructions: vec!["Proses lebih lanjut".into()],
            note: format!("catatan disposisi {i}"),
            batas_waktu: (day + Duration::days(7)).to_string(),
            sifat: String::new(),
        };
        l.disposition_send(&kadis, &dispatch("sekretaris"), later)
            .unwrap_or_else(|e| panic!("request {i} to the Sekretaris: {e}"));
        if i % 4 != 0 {
            continue;
        }
        let view = l
            .disposition_send(
                &sekretaris,
                &dispatch("kepala-bidang-aptika"),
                later + Duration::minutes(30),
            )
            .unwrap_or_else(|e| panic!("request {i} to the Kepala Bidang: {e}"));
        if i % 8 == 0 {
            let open = view
                .dispositions
                .iter()
                .rev()
                .find(|d| d.to_position == "kepala-bidang-aptika" && d.completed_at.is_none())
                .map(|d| d.id)
                .expect("the disposition to the Kepala Bidang");
            l.disposition_complete(
                &kabid,
                open,
                Some("hosting sudah dibuat"),
                later + Duration::hours(2),
            )
            .unwrap_or_else(|e| panic!("request {i} completed: {e}"));
        }
    }
}

/// `loket --db PATH ARGS` as `user` at [`NOW`]; fails the build naming the step.
fn act(path: &Path, dir: &Path, user: Option<&str>, args: &[&str]) -> Run {
    let mut all: Vec<String> = vec!["--db".into(), path.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    let mut env = vec![("LOKET_NOW", NOW), ("LOKET_PASSWORD", PASSWORD)];
    if let Some(u) = user {
        env.push(("LOKET_USER", u));
    }
    let run = loket(dir, &all, &env);
    assert!(
        run.code == Some(0),
        "preparing the office: `loket {}` as {user:?} succeeds: {}",
        args.join(" "),
        run.text()
    );
    run
}

/// `act` with `--json`, answering `field` of the result.
fn act_id(path: &Path, dir: &Path, user: Option<&str>, args: &[&str], field: &str) -> String {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let v = act(path, dir, user, &all).json();
    match &v[field] {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => panic!("`loket {}` answers {field}: {other} in {v}", args.join(" ")),
    }
}

/// Letters, numbers, a booking, the calendar, a complaint, an SKM response, an official, an
/// attachment and notifications, through the `loket` command. Returns the issued letters.
fn cli_acts(dir: &Path, db: &Path) -> Vec<(String, PathBuf)> {
    let act = |user: Option<&str>, args: &[&str]| act(db, dir, user, args);
    let id = |user: Option<&str>, args: &[&str], field: &str| act_id(db, dir, user, args, field);
    let admin = Some("admin");
    act(
        admin,
        &[
            "letter",
            "pattern",
            "set",
            "keluar",
            "--pattern",
            "{klasifikasi}/{urut}/{unit}/{tahun}",
            "--klasifikasi",
            "000.9",
            "--unit",
            "DKIS",
            "--kinds",
            "surat_balasan,penolakan",
        ],
    );
    let mut sample = act(None, &["--json", "letter", "sample", "surat_balasan"]).json();
    sample["tanggal"] = "2026-03-03".into();
    let data = |name: &str, hal: &str| {
        let mut v = sample.clone();
        v["hal"] = hal.into();
        let file = dir.join(name);
        std::fs::write(&file, v.to_string()).expect("letter data written");
        file.display().to_string()
    };
    let first = data(
        "balasan-1.json",
        "Jawaban permohonan subdomain aplikasi PPDB",
    );
    let second = data(
        "balasan-2.json",
        "Jawaban permohonan data jaringan kecamatan",
    );
    act(
        Some("kadis"),
        &[
            "letter",
            "issue",
            "--kind",
            "surat_balasan",
            "--data",
            &first,
            "--case",
            "1",
        ],
    );
    act(
        Some("kadis"),
        &[
            "letter",
            "issue",
            "--kind",
            "surat_balasan",
            "--data",
            &second,
        ],
    );
    // Through the paraf chain: drafted by the staff, initialled, signed by the Kepala Dinas.
    let draft = id(
        Some("staf"),
        &["letter", "draft", "--kind", "surat_balasan", "--case", "5"],
        "id",
    );
    let third = data(
        "balasan-3.json",
        "Jawaban permohonan video conference Musrenbang",
    );
    act(
        Some("staf"),
        &["letter", "update", &draft, "--data", &third],
    );
    act(Some("staf"), &["letter", "submit", &draft]);
    act(Some("kabid"), &["letter", "paraf", &draft]);
    act(Some("sekretaris"), &["letter", "paraf", &draft]);
    act(Some("kadis"), &["letter", "sign", &draft]);
    let number = id(
        Some("sekretaris"),
        &[
            "letter",
            "number",
            "reserve",
            "--kind",
            "penolakan",
            "--hal",
            "Penolakan permohonan",
            "--tanggal",
            "2026-03-03",
        ],
        "id",
    );
    act(
        Some("sekretaris"),
        &[
            "letter",
            "number",
            "void",
            &number,
            "--alasan",
            "permohonan dicabut pemohon",
        ],
    );

    act(
        admin,
        &[
            "resource",
            "add",
            "--id",
            "command-center",
            "--name",
            "Command Center",
            "--kind",
            "ruang",
            "--unit",
            "tim-spa",
        ],
    );
    let booking = id(
        admin,
        &[
            "booking",
            "create",
            "--title",
            "Rapat koordinasi SPBE",
            "--start",
            "2026-03-04T09:00",
            "--end",
            "2026-03-04T11:00",
            "--resource",
            "command-center",
        ],
        "id",
    );
    act(admin, &["booking", "approve", &booking]);
    act(
        admin,
        &["booking", "check-out", &booking, "--condition", "lengkap"],
    );
    act(
        admin,
        &[
            "booking",
            "check-in",
            &booking,
            "--condition",
            "lengkap, bersih",
        ],
    );
    act(
        admin,
        &[
            "calendar",
            "close",
            "--date",
            "2026-05-04",
            "--reason",
            "pindah gedung",
        ],
    );
    act(None, &["calendar", "show"]);
    act(
        admin,
        &[
            "skm",
            "pengaduan",
            "add",
            "--service",
            "subdomain-hosting",
            "--channel",
            "1",
            "--from",
            "Warga Mranggen",
            "--text",
            "Balasan permohonan hosting lambat",
        ],
    );
    act(
        admin,
        &[
            "skm",
            "entry",
            "--service",
            "subdomain-hosting",
            "--date",
            "2026-03-02",
            "--age",
            "34",
            "--sex",
            "P",
            "--education",
            "s1",
            "--occupation",
            "pns",
            "--answers",
            "433443344",
            "--saran",
            "Pertahankan",
        ],
    );
    act(
        admin,
        &[
            "office",
            "official",
            "set",
            "--position",
            "sekretaris",
            "--name",
            "Drs. Sekretaris Dinas",
            "--nip",
            "197601012000031002",
            "--golongan",
            "IV/b",
        ],
    );
    let scan = dir.join("lampiran.pdf");
    std::fs::write(&scan, b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n").expect("attachment written");
    act(admin, &["case", "attach", "3", &scan.display().to_string()]);
    act(
        None,
        &[
            "watch",
            "--once",
            "--stdout",
            "--now",
            "2026-03-03T10:00",
            "--position",
            "sekretaris",
        ],
    );

    let list = act(None, &["--json", "letter", "list"]).json();
    let numbers: Vec<String> = list
        .as_array()
        .expect("the letter list is an array")
        .iter()
        .map(|l| l["nomor"].as_str().expect("a letter number").to_string())
        .collect();
    assert_eq!(numbers.len(), 3, "three letters were issued: {list}");
    numbers
        .into_iter()
        .enumerate()
        .map(|(i, nomor)| {
            let pdf = dir.join(format!("surat-{i}.pdf"));
            act(
                None,
                &["letter", "pdf", &nomor, "--out", &pdf.display().to_string()],
            );
            (nomor, pdf)
        })
        .collect()
}
