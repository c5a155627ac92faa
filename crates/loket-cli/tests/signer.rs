//! `loket signer add|list|trust` and `loket letter sign --p12` with certificates made by the
//! `openssl` command: refusals exit 2 with nothing stored and no number fixed; a signed
//! letter passes `pdfsig` and `loket letter verify` (ASLI), a changed byte is DIUBAH.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use loket_tests::backend;

const PASSWORD: &str = "sandi-akun-kantor";
const PASS: &str = "passphrase-kadis";
const NIP: &str = "197005122001121007";

fn loket_as(db: &Path, user: &str, args: &[&str], stdin: &str) -> Output {
    loket_at(db, user, args, stdin, None)
}

/// `loket_as` at the moment `now` (RFC 3339, `LOKET_NOW` of debug builds) when given.
fn loket_at(db: &Path, user: &str, args: &[&str], stdin: &str, now: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loket"));
    if let Some(t) = now {
        cmd.env("LOKET_NOW", t);
    }
    let mut child = cmd
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", user)
        .env("LOKET_PASSWORD", PASSWORD)
        .env("LOKET_NEW_PASSWORD", PASSWORD)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the loket binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn loket(db: &Path, args: &[&str]) -> Output {
    loket_as(db, "admin", args, "")
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(out.status.success(), "openssl {args:?}: {}", text(&out));
}

/// A root CA and, for each (name, subject), a certificate and its PKCS#12 file `name.p12`.
fn certificates(dir: &Path, people: &[(&str, &str, &str)]) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "3650",
            "-subj",
            "/O=Balai Sertifikasi Uji/CN=Balai Sertifikasi Uji Root CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    std::fs::write(
        dir.join("ttd.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    for (name, subject, days) in people {
        let (key, csr, pem, p12) = (
            format!("{name}.key"),
            format!("{name}.csr"),
            format!("{name}.pem"),
            format!("{name}.p12"),
        );
        openssl(
            dir,
            &[
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", &key, "-out", &csr, "-subj",
                subject,
            ],
        );
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                days,
                "-extfile",
                "ttd.ext",
                "-out",
                &pem,
            ],
        );
        openssl(
            dir,
            &[
                "pkcs12",
                "-export",
                "-inkey",
                &key,
                "-in",
                &pem,
                "-certfile",
                "ca.pem",
                "-passout",
                &format!("pass:{PASS}"),
                "-out",
                &p12,
            ],
        );
    }
}

/// Demak with the accounts of the paraf chain and a surat balasan waiting for signature.
fn office(dir: &Path) -> PathBuf {
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
    for (login, name, nip, post, roles) in [
        ("kadis", "Ir. Budi Santoso", NIP, "kepala-dinas", None),
        ("kabid", "Kepala Bidang", "", "kepala-bidang-aptika", None),
        ("sekretaris", "Sekretaris", "", "sekretaris", None),
        ("staf", "Staf", "", "staf-fo", Some("register")),
    ] {
        let mut args = vec![
            "user",
            "add",
            "--login",
            login,
            "--name",
            name,
            "--nip",
            nip,
            "--position",
            post,
        ];
        if let Some(r) = roles {
            args.extend(["--roles", r]);
        }
        ok(loket(&db, &args));
    }
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
            "surat_balasan",
        ],
    ));
    ok(loket_as(
        &db,
        "staf",
        &["letter", "draft", "--kind", "surat_balasan"],
        "",
    ));
    let sample = ok(loket(&db, &["letter", "sample", "surat_balasan"])).stdout;
    let data = dir.join("balasan.json");
    std::fs::write(&data, sample).unwrap();
    ok(loket_as(
        &db,
        "staf",
        &["letter", "update", "1", "--data", data.to_str().unwrap()],
        "",
    ));
    ok(loket_as(&db, "staf", &["letter", "submit", "1"], ""));
    ok(loket_as(&db, "kabid", &["letter", "paraf", "1"], ""));
    ok(loket_as(&db, "sekretaris", &["letter", "paraf", "1"], ""));
    db
}

fn refused(out: Output, words: &str, rule: &str) {
    assert_eq!(
        out.status.code(),
        Some(2),
        "{rule}: exit 2 for bad input: {}",
        text(&out)
    );
    assert!(
        text(&out).contains(words),
        "{rule}: the message says '{words}': {}",
        text(&out)
    );
}

fn registered(db: &Path) -> usize {
    let out = ok(loket(db, &["--json", "signer", "list"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["certificates"].as_array().unwrap().len()
}

fn number_status(db: &Path) -> String {
    let out = ok(loket(db, &["--json", "letter", "number", "list"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v[0]["status"].as_str().unwrap().to_string()
}

#[test]
fn certificates_are_registered_once_and_a_signed_letter_verifies_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(
        d,
        &[
            (
                "kadis",
                &format!("/CN=Ir. Budi Santoso/serialNumber={NIP}/O=Pemerintah Kabupaten Demak"),
                "365",
            ),
            (
                "segera",
                &format!("/CN=Ir. Budi Santoso/serialNumber={NIP}/O=Pemerintah Kabupaten Demak"),
                "10",
            ),
            (
                "lain",
                "/CN=Siti Aminah/serialNumber=198001012005012002/O=Pemerintah Kabupaten Demak",
                "365",
            ),
            (
                "kurun",
                &format!("/CN=Ir. Budi Santoso/serialNumber={NIP}/O=Pemerintah Kabupaten Demak"),
                "2",
            ),
        ],
    );
    let db = office(d);
    let p = |n: &str| d.join(n).display().to_string();
    let add = |p12: &str, pass: &str| {
        loket_as(
            &db,
            "admin",
            &["signer", "add", "--person", "kadis", "--p12", p12],
            &format!("{pass}\n"),
        )
    };

    refused(
        add(&p("kadis.p12"), PASS),
        "akar tepercaya",
        "a certificate of a CA the office does not trust",
    );
    refused(
        loket_as(&db, "kadis", &["signer", "trust", &p("ca.pem")], ""),
        "berwenang",
        "only administrators import roots",
    );
    ok(loket(&db, &["signer", "trust", &p("ca.pem")]));
    refused(
        add(&p("kadis.p12"), "salah"),
        "passphrase",
        "a wrong passphrase",
    );
    refused(
        add(&p("lain.p12"), PASS),
        "milik orang lain",
        "a certificate of someone else",
    );
    assert_eq!(registered(&db), 0, "nothing refused is stored");
    let out = ok(add(&p("kadis.p12"), PASS));
    let shown = text(&out);
    assert!(
        shown.contains("Ir. Budi Santoso")
            && shown.contains("Balai Sertifikasi Uji")
            && shown.contains("memuat NIP/NIK pemilik akun"),
        "registration shows subject, issuer and that it names the NIP: {shown}"
    );
    assert_eq!(registered(&db), 1, "the certificate is registered");
    let list = text(&ok(loket(&db, &["signer", "list"])));
    assert!(
        list.contains("berlaku") && list.contains("kadis"),
        "the list shows the account and validity: {list}"
    );
    ok(add(&p("segera.p12"), PASS));
    let out = ok(loket(&db, &["--json", "signer", "list"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let soon: Vec<&serde_json::Value> = v["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["state"] == "segera kedaluwarsa")
        .collect();
    assert_eq!(
        soon.len(),
        1,
        "a certificate ending in 10 days is announced as expiring soon, the yearly one is not: {v}"
    );
    let left = soon[0]["working_days_left"].as_i64().unwrap();
    assert!(
        (5..=10).contains(&left),
        "the days left are working days of the office's calendar (10 calendar days): {left}"
    );

    refused(
        loket_as(
            &db,
            "kadis",
            &["letter", "sign", "1", "--p12", &p("kadis.p12")],
            "keliru\n",
        ),
        "passphrase",
        "a wrong passphrase at signing",
    );
    refused(
        loket_as(
            &db,
            "kadis",
            &["letter", "sign", "1", "--p12", &p("lain.p12")],
            &format!("{PASS}\n"),
        ),
        "belum didaftarkan",
        "another person's certificate at signing",
    );
    // Registered while valid, used after its last day.
    ok(add(&p("kurun.p12"), PASS));
    // openssl dated the two-day certificate by the real clock; five days on it has expired.
    #[allow(clippy::disallowed_methods)]
    let later = (chrono::Utc::now() + chrono::Duration::days(5)).to_rfc3339();
    let expired = loket_at(
        &db,
        "kadis",
        &["letter", "sign", "1", "--p12", &p("kurun.p12")],
        &format!("{PASS}\n"),
        Some(&later),
    );
    refused(
        expired,
        "sudah kedaluwarsa",
        "a registered certificate past its notAfter at signing",
    );
    assert_eq!(
        number_status(&db),
        "dipesan",
        "no number is fixed by a refusal"
    );

    let pdf = d.join("surat.pdf");
    let signed = ok(loket_as(
        &db,
        "kadis",
        &[
            "letter",
            "sign",
            "1",
            "--p12",
            &p("kadis.p12"),
            "--out",
            pdf.to_str().unwrap(),
        ],
        &format!("{PASS}\n"),
    ));
    assert!(
        String::from_utf8_lossy(&signed.stderr)
            .contains("Peringatan: Surat ini terbit dengan lambang pengganti"),
        "issuing with the placeholder emblem warns on the command line, without refusing"
    );
    assert_eq!(number_status(&db), "tetap", "signing fixes the number");
    let sig = Command::new("pdfsig").arg(&pdf).output().unwrap();
    let report = text(&sig);
    assert!(
        report.contains("Signature is Valid") && report.contains("Total document signed"),
        "pdfsig reports the signature valid over the whole document:\n{report}"
    );
    let verified = ok(loket(&db, &["letter", "verify", pdf.to_str().unwrap()]));
    let said = text(&verified);
    assert!(
        said.starts_with("ASLI") && said.contains("Ir. Budi Santoso") && said.contains("utuh"),
        "loket letter verify: ASLI, who signed, signature intact: {said}"
    );

    let mut bytes = std::fs::read(&pdf).unwrap();
    let mid = bytes.len() / 3;
    bytes[mid] ^= 0x01;
    let changed = d.join("diubah.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    let report = text(&Command::new("pdfsig").arg(&changed).output().unwrap());
    assert!(
        !report.contains("Signature is Valid"),
        "pdfsig notices one changed byte:\n{report}"
    );
    let out = loket(&db, &["letter", "verify", changed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "a changed file is not genuine");
    assert!(
        text(&out).contains("DIUBAH") && text(&out).contains("RUSAK"),
        "loket letter verify says DIUBAH and that the signature is broken: {}",
        text(&out)
    );
}
