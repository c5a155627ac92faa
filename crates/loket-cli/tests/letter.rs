//! `loket letter ...`: issuing with a number from the register, verifying files, the agenda,
//! refusals that consume no number, and two processes numbering one database.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use loket_tests::backend;

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", ADMIN_PASSWORD)
        .env("LOKET_NEW_PASSWORD", ADMIN_PASSWORD)
        .output()
        .expect("the loket binary runs")
}

/// The administrator `setup` creates; template edits are signed in as them.
const ADMIN_PASSWORD: &str = "sandi-admin-kantor";

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(out: Output) -> serde_json::Value {
    serde_json::from_slice(&ok(out).stdout).expect("--json prints JSON on stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A Demak database with the administrator and a numbering pattern for surat balasan and
/// penolakan.
fn setup(dir: &Path) -> PathBuf {
    let db = backend::db_location(dir);
    ok(loket(&db, &["init", "--office", "demak"]));
    ok(loket(
        &db,
        &[
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Loket",
        ],
    ));
    ok(loket(
        &db,
        &[
            "letter",
            "pattern",
            "set",
            "surat-keluar",
            "--pattern",
            "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}",
            "--klasifikasi",
            "000.8.3.3",
            "--unit",
            "DKI",
            "--kinds",
            "surat_balasan,penolakan,serah_terima_akses",
        ],
    ));
    db
}

/// The sample data of a kind written to a file, after `edit`.
fn data_file(db: &Path, dir: &Path, kind: &str, edit: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let mut sample = json(loket(db, &["letter", "sample", kind]));
    edit(&mut sample);
    let path = dir.join(format!("{kind}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&sample).unwrap()).unwrap();
    path
}

/// `loket letter issue --kind KIND --data FILE`.
fn issue(db: &Path, kind: &str, data: &Path) -> Output {
    loket(
        db,
        &[
            "letter",
            "issue",
            "--kind",
            kind,
            "--data",
            data.to_str().unwrap(),
        ],
    )
}

fn register(db: &Path) -> Vec<serde_json::Value> {
    json(loket(db, &["--json", "letter", "number", "list"]))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn an_issued_letter_is_numbered_stored_listed_and_verifiable_and_one_changed_byte_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let data = data_file(&db, dir.path(), "surat_balasan", |_| {});
    let pdf = dir.path().join("balasan.pdf");
    let issued = json(loket(
        &db,
        &[
            "--json",
            "letter",
            "issue",
            "--kind",
            "surat_balasan",
            "--data",
            data.to_str().unwrap(),
            "--case",
            "PRM-2024-0007",
            "--out",
            pdf.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        issued["nomor"], "000.8.3.3/001/DKI/III/2024",
        "the first number of the year from the pattern, with the letter's Roman month"
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("000.8.3.3/001/DKI/III/2024"),
        "the issued PDF prints its number: {text}"
    );

    let agenda = json(loket(&db, &["--json", "letter", "list"]));
    assert_eq!(
        agenda.as_array().unwrap().len(),
        1,
        "issuing enters the outgoing agenda"
    );
    assert_eq!(
        agenda[0]["case_id"], "PRM-2024-0007",
        "the agenda row is linked to its case"
    );
    let by_case = json(loket(
        &db,
        &["--json", "letter", "list", "--case", "PRM-2024-0099"],
    ));
    assert!(
        by_case.as_array().unwrap().is_empty(),
        "another case has no letters"
    );
    let reg = register(&db);
    assert_eq!(
        reg[0]["status"], "tetap",
        "an issued letter's number is fixed"
    );

    let verified = loket(&db, &["letter", "verify", pdf.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&ok(verified).stdout).into_owned();
    assert!(
        out.contains("ASLI") && out.contains("000.8.3.3/001/DKI/III/2024"),
        "the unaltered file is recognised with its number: {out}"
    );

    let mut bytes = std::fs::read(&pdf).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let altered = dir.path().join("diubah.pdf");
    std::fs::write(&altered, &bytes).unwrap();
    let checked = loket(&db, &["letter", "verify", altered.to_str().unwrap()]);
    assert_eq!(
        checked.status.code(),
        Some(2),
        "an altered file fails verification"
    );
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("TIDAK DIKENAL"),
        "the verdict says the file is not a genuine issued letter"
    );

    let copy = dir.path().join("salinan.pdf");
    ok(loket(
        &db,
        &[
            "letter",
            "pdf",
            "000.8.3.3/001/DKI/III/2024",
            "--out",
            copy.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(&pdf).unwrap(),
        "the stored PDF is exactly the issued one"
    );
}

#[test]
fn a_missing_field_or_over_long_hal_is_refused_and_consumes_no_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let missing = data_file(&db, dir.path(), "penolakan", |v| {
        v["isi"].as_object_mut().unwrap().remove("alasan");
    });
    let out = issue(&db, "penolakan", &missing);
    assert_eq!(
        out.status.code(),
        Some(2),
        "bad letter data is bad input (exit 2)"
    );
    assert!(
        stderr(&out).contains("'alasan'") && stderr(&out).contains("belum diisi"),
        "the message names the missing field: {}",
        stderr(&out)
    );
    let long = data_file(&db, dir.path(), "surat_balasan", |v| {
        v["hal"] = "Permohonan data ".repeat(12).into();
    });
    let out = issue(&db, "surat_balasan", &long);
    assert_eq!(out.status.code(), Some(2), "an over-long hal is bad input");
    assert!(
        stderr(&out).contains("hal terlalu panjang"),
        "says what is wrong: {}",
        stderr(&out)
    );
    assert!(
        register(&db).is_empty(),
        "refused letters consume no number"
    );
    let agenda = json(loket(&db, &["--json", "letter", "list"]));
    assert!(
        agenda.as_array().unwrap().is_empty(),
        "refused letters enter no agenda"
    );
}

#[test]
fn a_password_is_printed_on_request_and_never_issued() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let data = data_file(&db, dir.path(), "serah_terima_akses", |_| {});
    let pdf = dir.path().join("akses.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(&db)
        .args(["letter", "render", "--kind", "serah_terima_akses", "--data"])
        .arg(&data)
        .arg("--password-stdin")
        .arg("--out")
        .arg(&pdf)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"S4ndi-Awal!\n")
        .unwrap();
    ok(child.wait_with_output().unwrap());
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("S4ndi-Awal!"),
        "the typed password is on that print"
    );
    let with_password = data_file(&db, dir.path(), "serah_terima_akses", |v| {
        v["isi"]["password"] = "S4ndi-Awal!".into();
    });
    let out = issue(&db, "serah_terima_akses", &with_password);
    assert_eq!(
        out.status.code(),
        Some(2),
        "issuing with a password is refused"
    );
    assert!(
        stderr(&out).contains("kata sandi tidak pernah disimpan"),
        "{}",
        stderr(&out)
    );
    assert!(register(&db).is_empty(), "no number is taken for it");
}

#[test]
fn two_processes_never_get_the_same_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    const EACH: usize = 25;
    let spawn = |tag: &str| {
        let script = format!(
            "for i in $(seq 1 {EACH}); do \"$0\" --db \"$1\" --json letter number reserve --kind surat_balasan --hal \"{tag} $i\" --tanggal 2024-06-03 || exit 1; done"
        );
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_loket"))
            .arg(&db)
            .env("LOKET_USER", "admin")
            .env("LOKET_PASSWORD", ADMIN_PASSWORD)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn("A");
    let b = spawn("B");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "every reservation succeeds: {}",
            stderr(&out)
        );
    }
    let reg = register(&db);
    let mut numbers: Vec<&str> = reg.iter().map(|r| r["number"].as_str().unwrap()).collect();
    assert_eq!(numbers.len(), 2 * EACH, "every reservation is recorded");
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        2 * EACH,
        "no number is given twice across processes"
    );
    let mut seqs: Vec<i64> = reg.iter().map(|r| r["seq"].as_i64().unwrap()).collect();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (1..=(2 * EACH) as i64).collect::<Vec<_>>(),
        "the running numbers have no gaps and no repeats"
    );
    let voided = json(loket(
        &db,
        &[
            "--json",
            "letter",
            "number",
            "void",
            "1",
            "--alasan",
            "draf batal",
        ],
    ));
    assert_eq!(voided["status"], "batal", "a reserved number can be voided");
    let next = json(loket(
        &db,
        &[
            "--json",
            "letter",
            "number",
            "reserve",
            "--kind",
            "surat_balasan",
            "--hal",
            "x",
            "--tanggal",
            "2024-06-03",
        ],
    ));
    assert_eq!(
        next["seq"],
        2 * EACH as i64 + 1,
        "a voided number is never given again"
    );
}

#[test]
fn a_template_that_does_not_compile_is_refused_with_its_line_and_the_previous_stays_active() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let original =
        String::from_utf8(ok(loket(&db, &["letter", "template", "show", "penolakan.typ"])).stdout)
            .unwrap();
    assert!(
        original.contains("#korespondensi"),
        "show prints the active template to copy"
    );

    let edited = original.replace(
        "Demikian kami sampaikan.",
        "Demikian kami sampaikan dengan hormat.",
    );
    let good = dir.path().join("baik.typ");
    std::fs::write(&good, &edited).unwrap();
    ok(loket(
        &db,
        &[
            "letter",
            "template",
            "save",
            "penolakan.typ",
            "--from",
            good.to_str().unwrap(),
        ],
    ));

    let broken = dir.path().join("rusak.typ");
    std::fs::write(
        &broken,
        edited.replace("#butir(i.alasan)", "#butir(i.alasan"),
    )
    .unwrap();
    let out = loket(
        &db,
        &[
            "letter",
            "template",
            "save",
            "penolakan.typ",
            "--from",
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a template that does not compile is bad input"
    );
    let line = edited
        .lines()
        .position(|l| l.contains("#butir(i.alasan)"))
        .unwrap()
        + 1;
    assert!(
        stderr(&out).contains("penolakan.typ") && stderr(&out).contains(&format!("baris {line}")),
        "the message names the file and line {line}: {}",
        stderr(&out)
    );
    let active =
        String::from_utf8(ok(loket(&db, &["letter", "template", "show", "penolakan.typ"])).stdout)
            .unwrap();
    assert_eq!(active, edited, "the previous (edited) version stays active");

    let preview = dir.path().join("pratinjau.pdf");
    ok(loket(
        &db,
        &[
            "letter",
            "template",
            "preview",
            "--kind",
            "penolakan",
            "--out",
            preview.to_str().unwrap(),
        ],
    ));
    let text = Command::new("pdftotext")
        .arg(&preview)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("dengan hormat."),
        "the preview uses the edited template"
    );
    ok(loket(
        &db,
        &["letter", "template", "reset", "penolakan.typ"],
    ));
    let active =
        String::from_utf8(ok(loket(&db, &["letter", "template", "show", "penolakan.typ"])).stdout)
            .unwrap();
    assert_eq!(active, original, "reset restores the shipped template");
}

#[test]
fn an_unwritable_out_file_issues_once_and_a_retry_fetches_the_stored_letter() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let data = data_file(&db, dir.path(), "surat_balasan", |_| {});
    let args = |out: &str| {
        vec![
            "--json".to_string(),
            "letter".into(),
            "issue".into(),
            "--kind".into(),
            "surat_balasan".into(),
            "--data".into(),
            data.to_str().unwrap().into(),
            "--out".into(),
            out.into(),
        ]
    };
    let bad: Vec<String> = args("/tidak/ada/folder/surat.pdf");
    let bad: Vec<&str> = bad.iter().map(String::as_str).collect();
    let out = loket(&db, &bad);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a folder that does not exist is bad input: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("sudah terbit") && stderr(&out).contains("loket letter pdf"),
        "the message says the letter is issued and how to get its PDF: {}",
        stderr(&out)
    );
    let numbers = register(&db);
    assert_eq!(
        numbers.len(),
        1,
        "one number was taken and it is fixed, not reserved forever: {numbers:?}"
    );
    assert_eq!(
        numbers[0]["status"], "tetap",
        "the number is fixed with its letter"
    );
    let good = dir.path().join("surat.pdf");
    let retry: Vec<String> = args(good.to_str().unwrap());
    let retry: Vec<&str> = retry.iter().map(String::as_str).collect();
    let again = json(loket(&db, &retry));
    assert_eq!(
        again["nomor"], numbers[0]["number"],
        "the retry returns the letter already issued"
    );
    assert_eq!(
        register(&db).len(),
        1,
        "the retry issues nothing new (no second number)"
    );
    assert!(good.exists(), "the retry writes the stored PDF");
}

#[test]
fn a_ralat_of_an_issued_letter_is_a_new_draft_with_its_reason_and_bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let data = data_file(&db, dir.path(), "surat_balasan", |_| {});
    let issued = json(loket(
        &db,
        &[
            "--json",
            "letter",
            "issue",
            "--kind",
            "surat_balasan",
            "--data",
            data.to_str().unwrap(),
        ],
    ));
    let nomor = issued["nomor"].as_str().unwrap().to_string();

    let empty = loket(&db, &["letter", "ralat", &nomor, "--reason", " "]);
    assert_eq!(
        empty.status.code(),
        Some(2),
        "a ralat without a reason is refused with exit 2"
    );
    assert!(
        stderr(&empty).contains("alasan ralat wajib diisi"),
        "the refusal names the missing reason in Bahasa Indonesia: {}",
        stderr(&empty)
    );
    let unknown = loket(
        &db,
        &[
            "letter",
            "ralat",
            "000/999/XYZ/2024",
            "--reason",
            "salah ketik",
        ],
    );
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "a number nobody issued is refused with exit 2"
    );
    assert!(
        stderr(&unknown).contains("tidak ada surat terbit bernomor 000/999/XYZ/2024"),
        "the refusal names the number it did not find: {}",
        stderr(&unknown)
    );
    assert_eq!(register(&db).len(), 1, "a refused ralat reserves no number");

    let out = ok(loket(
        &db,
        &[
            "letter",
            "ralat",
            &nomor,
            "--reason",
            "Nama pemohon salah ketik",
        ],
    ));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        printed.contains("[Konsep]"),
        "the ralat is printed as the new draft, a konsep: {printed}"
    );
    assert!(
        printed.contains(&format!(
            "Ralat : menggantikan surat nomor {nomor} tanggal 25 Maret 2024; alasan: Nama pemohon salah ketik"
        )),
        "the new draft says which letter it replaces and why: {printed}"
    );
    let reg = register(&db);
    assert_eq!(
        reg.len(),
        2,
        "the ralat reserves its own number in the register"
    );
    assert_ne!(
        reg[1]["number"], nomor,
        "the ralat's number is not the original's"
    );

    let again = loket(&db, &["letter", "ralat", &nomor, "--reason", "lagi"]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "a second ralat while the first is on its way is refused with exit 2"
    );
    assert!(
        stderr(&again).contains("sedang disusun"),
        "the refusal points to the ralat already on its way: {}",
        stderr(&again)
    );
}
