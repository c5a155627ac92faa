//! The survey's printed papers. `loket skm kuesioner`: the printable SKM questionnaire for
//! every shipped office (its kop, the nine questions with their answers, the respondent's
//! profile), and printed for a request with its agenda number and number so paper answers go
//! to the right request. `loket evaluasi report --pdf`: the quarter's evaluation with the
//! figures computed by hand, Indonesian numbers and dates. The text is read back with
//! `pdftotext` (poppler-utils).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loket_tests::backend;

const PASSWORD: &str = "sandi-rahasia-1";

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", PASSWORD)
        .env("LOKET_NOW", "2026-03-02T10:00:00+07:00")
        .output()
        .expect("the loket binary runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn office(dir: &Path, id: &str) -> PathBuf {
    let db = backend::db_location_named(dir, &format!("{id}.db"));
    ok(&loket(&db, &["init", "--office", id]));
    ok(&loket(
        &db,
        &["user", "add-admin", "--login", "admin", "--name", "Admin"],
    ));
    db
}

/// The PDF's text, with line breaks and runs of spaces made single spaces.
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext reads the questionnaire");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps `pdf` and every page of it as PNG (`pdftoppm -r 60`) under the workspace's
/// artifacts/letters/ as `<name>.pdf` and `<name>-<page>.png`, for a person to look at;
/// the pages of an earlier run are removed first so no stale page stays behind.
fn keep_for_a_look(pdf: &Path, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts/letters");
    std::fs::create_dir_all(&dir).unwrap();
    for old in std::fs::read_dir(&dir).unwrap().flatten() {
        let file = old.file_name().to_string_lossy().to_string();
        if file.starts_with(&format!("{name}-")) && file.ends_with(".png") {
            std::fs::remove_file(old.path()).unwrap();
        }
    }
    std::fs::copy(pdf, dir.join(format!("{name}.pdf"))).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(pdf)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success(), "pdftoppm renders every page of {name}");
}

fn field(toml: &str, key: &str) -> String {
    let line = toml
        .lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("the office file has {key}"));
    line.split('"').nth(1).unwrap_or_default().to_string()
}

#[test]
fn the_blank_questionnaire_of_every_shipped_office_has_its_kop_and_the_nine_questions() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["demak", "kediri", "denpasar", "jember"] {
        let db = office(dir.path(), id);
        let pdf = dir.path().join(format!("kuesioner-{id}.pdf"));
        ok(&loket(
            &db,
            &["skm", "kuesioner", "--out", pdf.to_str().unwrap()],
        ));
        let text = text_of(&pdf);
        let toml = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../data/offices/{id}.toml")),
        )
        .unwrap();
        for key in ["pemerintah", "nama_dinas"] {
            let want = field(&toml, key);
            assert!(
                text.contains(&want),
                "{id}: the kop prints the office's {key} `{want}`"
            );
        }
        for want in [
            "KUESIONER SURVEI KEPUASAN MASYARAKAT",
            "kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            "kualitas sarana dan prasarana?",
            "Sangat sopan dan ramah",
            "Dikelola dengan baik",
            "Umur",
            "Jenis kelamin",
            "Perempuan",
            "Pendidikan",
            "D4/S1",
            "Pekerjaan",
            "Pelajar/mahasiswa",
            "Saran dan masukan",
        ] {
            assert!(
                text.contains(want),
                "{id}: the questionnaire prints `{want}`: {text}"
            );
        }
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        assert!(
            String::from_utf8_lossy(&info.stdout)
                .lines()
                .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
            "{id}: the questionnaire is one page, handed out as one sheet"
        );
        assert!(
            !text.contains("Nomor agenda"),
            "{id}: a blank questionnaire names no request"
        );
    }
}

#[test]
fn the_questionnaire_printed_for_a_request_names_its_agenda_number_and_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path(), "demak");
    let case = ok(&loket(
        &db,
        &[
            "--json",
            "case",
            "register",
            "--service",
            "subdomain-hosting",
            "--applicant-kind",
            "opd",
            "--applicant",
            "Dinas Kesehatan Kabupaten Demak",
            "--letter-number",
            "400.7/88/2026",
            "--letter-date",
            "2026-02-26",
            "--hal",
            "Permohonan subdomain sikesehatan",
            "--channel",
            "surat",
            "--received",
            "2026-03-02 08:00",
        ],
    ));
    let case: serde_json::Value = serde_json::from_str(&case).unwrap();
    let id = case["id"].as_i64().expect("the case has an id").to_string();
    let pdf = dir.path().join("kuesioner-kasus.pdf");
    ok(&loket(
        &db,
        &[
            "skm",
            "kuesioner",
            "--case",
            &id,
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    let text = text_of(&pdf);
    assert!(
        text.contains("Nomor agenda: 0001/2026"),
        "the request's agenda number is printed: {text}"
    );
    assert!(
        text.contains(&format!("Nomor permohonan: {id}")),
        "the number staff type into `skm entry --case` is printed: {text}"
    );
    let again = loket(&db, &["skm", "kuesioner", "--out", pdf.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is never overwritten (exit 2 for bad input)"
    );
    let unknown = loket(
        &db,
        &[
            "skm",
            "kuesioner",
            "--case",
            "999",
            "--out",
            "/tmp/x-none.pdf",
        ],
    );
    assert!(
        !unknown.status.success() && String::from_utf8_lossy(&unknown.stderr).contains("999"),
        "an unknown request is refused with its number named: {}",
        String::from_utf8_lossy(&unknown.stderr)
    );
}

#[test]
fn the_evaluation_pdf_prints_the_hand_computed_ikm_with_indonesian_numbers_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path(), "demak");
    // U1–U8: (4 + 3 + 4) / 3 × 25 = 91,67 (A); U9: (4 + 3 + 2) / 3 × 25 = 75,00 (C);
    // IKM = (8 × 11/3 + 3) / 9 × 25 = 89,81 (A).
    for answers in ["444444444", "333333333", "444444442"] {
        ok(&loket(
            &db,
            &[
                "skm",
                "entry",
                "--service",
                "ppid-permohonan-informasi",
                "--date",
                "2026-03-02",
                "--age",
                "30",
                "--sex",
                "P",
                "--education",
                "s1",
                "--occupation",
                "pns",
                "--answers",
                answers,
            ],
        ));
    }
    let pdf = dir.path().join("evaluasi.pdf");
    ok(&loket(
        &db,
        &[
            "evaluasi",
            "report",
            "--period",
            "2026-T1",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    ));
    keep_for_a_look(&pdf, "evaluasi-demak-2026-T1");
    let text = text_of(&pdf);
    for (want, rule) in [
        ("LAPORAN EVALUASI KINERJA PELAKSANA", "the report's title"),
        ("DINAS KOMUNIKASI DAN INFORMATIKA", "the office's kop"),
        ("1 Januari 2026 s.d. 31 Maret 2026", "the period in words"),
        ("IKM unit pelayanan: 89,81", "the IKM with a decimal comma"),
        ("Sangat baik", "the grade in words"),
        ("91,67 (A)", "an element's converted value and grade"),
        (
            "U9 Sarana dan prasarana: 75,00 (mutu C)",
            "the lowest element is the first priority",
        ),
        ("Triwulan I", "the trend names the quarter"),
        (
            "Permohonan yang diselesaikan: 0. Sampel minimum",
            "the population and the minimum sample stay apart",
        ),
        (
            "Demak, 2 Maret 2026",
            "the report's place and date in words",
        ),
        ("[belum bernomor]", "a draft without a number says so"),
        (
            "Umar Surya Suksmana",
            "the head of office's signature block",
        ),
    ] {
        assert!(text.contains(want), "{rule}: `{want}` in {text}");
    }
    assert!(
        !text.contains("89.81"),
        "no decimal point in an Indonesian report"
    );
    let again = loket(
        &db,
        &[
            "evaluasi",
            "report",
            "--period",
            "2026-T1",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is never overwritten (exit 2 for bad input)"
    );
}
