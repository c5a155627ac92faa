//! The office the table runs in: a Demak database with cases in every state a row needs, a
//! disposition to the Sekretaris, bookings (requested, approved, out), a blackout, a closure, a
//! Ramadan schedule, letter drafts (konsep, waiting for a paraf, waiting for the signature), a
//! reserved number, a complaint, a trusted root and the files the rows read; copied fresh for
//! every row so that one refusal can never hide behind another row's change. On SQLite the
//! office is a backup file copied per row; on PostgreSQL it is the office's own server
//! database, copied per row with `CREATE DATABASE … TEMPLATE` (tests/backend.rs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loket_tests::backend::{self, TestDatabase};

use super::{loket, text, NIP, PASS, PASSWORD, SETUP_NOW};

/// The prepared office: a template database and the ids and files the rows name.
pub struct World {
    pub dir: tempfile::TempDir,
    /// The database every copy is made from; no `loket` runs on it once built.
    template: TestDatabase,
    vars: BTreeMap<&'static str, String>,
}

impl World {
    pub fn build() -> World {
        let dir = tempfile::tempdir().expect("temporary folder");
        let d = dir.path().to_path_buf();
        let db = backend::db_location(&d);
        let run = |user: Option<&str>, args: &[&str]| -> Output {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let out = loket(&db, &d, user, Some(SETUP_NOW), &args, "");
            assert!(
                out.status.success(),
                "preparing the office: `loket {}` as {user:?} succeeds: {}",
                args.join(" "),
                text(&out)
            );
            out
        };
        let id = |user: Option<&str>, args: &[&str], field: &str| -> String {
            let mut all = vec!["--json"];
            all.extend_from_slice(args);
            let out = run(user, &all);
            let v: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("--json prints JSON");
            match &v[field] {
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::String(s) => s.clone(),
                other => panic!("`loket {}` answers {field}: {other} in {v}", args.join(" ")),
            }
        };
        let admin = Some("admin");

        run(None, &["init", "--office", "demak"]);
        // `user add-admin` works once, on an office without accounts (its row shows the second
        // time is refused).
        let bootstrap = Command::new(env!("CARGO_BIN_EXE_loket"))
            .arg("--db")
            .arg(&db)
            .args([
                "user",
                "add-admin",
                "--login",
                "admin",
                "--name",
                "Admin Loket",
            ])
            .env_remove("LOKET_USER")
            .env("LOKET_PASSWORD", PASSWORD)
            .env("LOKET_NOW", SETUP_NOW)
            .output()
            .expect("loket runs");
        assert!(
            bootstrap.status.success(),
            "the first administrator is created without sign-in on an office without accounts: {}",
            text(&bootstrap)
        );
        for (login, name, nip, post, roles) in [
            ("kadis", "Ir. Budi Santoso", NIP, "kepala-dinas", None),
            ("sekretaris", "Sekretaris Dinas", "", "sekretaris", None),
            (
                "kabid",
                "Kepala Bidang Aptika",
                "",
                "kepala-bidang-aptika",
                None,
            ),
            ("staf", "Staf Pencatat", "", "staf-fo", Some("register")),
            // The account every row is tried as: a post, no role at all, no part in anything.
            ("tamu", "Tamu Tanpa Peran", "", "staf-jaringan", Some("")),
            (
                "mantan",
                "Mantan Pegawai",
                "",
                "staf-fo",
                Some("register,dispose,paraf,sign,book,administer"),
            ),
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
            run(admin, &args);
        }
        run(admin, &["user", "deactivate", "mantan"]);

        let register = |hal: &str| {
            id(
                admin,
                &[
                    "case",
                    "register",
                    "--service",
                    "subdomain-hosting",
                    "--applicant",
                    "Dinas Pendidikan dan Kebudayaan Kabupaten Demak",
                    "--letter-number",
                    "400.3/512/2026",
                    "--letter-date",
                    "2026-02-27",
                    "--hal",
                    hal,
                    "--sifat",
                    "segera",
                    "--channel",
                    "srikandi",
                    "--received",
                    "2026-03-02 08:15",
                ],
                "id",
            )
        };
        let case = register("Permohonan subdomain dan hosting aplikasi PPDB");
        run(admin, &["case", "verify", &case, "--met", "1,2,3"]);
        let sent = {
            let out = run(
                Some("kadis"),
                &[
                    "--json",
                    "disposition",
                    "send",
                    &case,
                    "--to",
                    "sekretaris",
                    "--instruction",
                    "Proses lebih lanjut",
                    "--until",
                    "2026-03-06",
                ],
            );
            serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
        };
        let to_sekretaris = sent["dispositions"]
            .as_array()
            .and_then(|ds| {
                ds.iter()
                    .rev()
                    .find(|d| d["to"] == "sekretaris" || d["to_position"] == "sekretaris")
                    .or(ds.last())
            })
            .map(|d| d["id"].to_string())
            .expect("the disposition to the Sekretaris");
        let fresh_case = register("Permohonan subdomain aplikasi perpustakaan");
        let returned_case = register("Permohonan hosting aplikasi arsip");
        run(admin, &["case", "return", &returned_case, "--missing", "1"]);
        let awaiting_case = register("Permohonan hosting aplikasi kepegawaian");
        // A request for public information: its service time may be extended once.
        let ppid_case = id(
            admin,
            &[
                "case",
                "register",
                "--service",
                "ppid-permohonan-informasi",
                "--applicant",
                "Lembaga Kajian Anggaran Demak",
                "--letter-number",
                "07/LKAD/II/2026",
                "--letter-date",
                "2026-02-28",
                "--hal",
                "Permohonan informasi realisasi anggaran 2025",
                "--received",
                "2026-03-02 08:30",
            ],
            "id",
        );
        run(admin, &["case", "verify", &awaiting_case, "--met", "1,2,3"]);
        run(
            Some("kadis"),
            &[
                "disposition",
                "send",
                &awaiting_case,
                "--to",
                "sekretaris",
                "--instruction",
                "Proses lebih lanjut",
            ],
        );
        run(
            Some("sekretaris"),
            &["case", "await-signature", &awaiting_case],
        );

        run(
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
        let booking_at = |title: &str, day: &str| {
            id(
                admin,
                &[
                    "booking",
                    "create",
                    "--title",
                    title,
                    "--start",
                    &format!("{day}T09:00"),
                    "--end",
                    &format!("{day}T11:00"),
                    "--resource",
                    "command-center",
                ],
                "id",
            )
        };
        let booking = booking_at("Rapat koordinasi", "2026-03-10");
        let approved_booking = booking_at("Rapat evaluasi", "2026-03-16");
        run(admin, &["booking", "approve", &approved_booking]);
        let out_booking = booking_at("Siaran langsung", "2026-03-17");
        run(admin, &["booking", "approve", &out_booking]);
        run(
            admin,
            &[
                "booking",
                "check-out",
                &out_booking,
                "--condition",
                "lengkap",
            ],
        );
        let blackout = id(
            admin,
            &[
                "resource",
                "blackout",
                "--resource",
                "command-center",
                "--start",
                "2026-03-20T08:00",
                "--end",
                "2026-03-20T12:00",
                "--reason",
                "Perawatan AC",
            ],
            "blackout",
        );
        run(
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
        let variant = id(
            admin,
            &[
                "calendar",
                "variant-add",
                "--name",
                "Ramadan 1447 H",
                "--from",
                "2026-02-18",
                "--to",
                "2026-03-19",
                "--hours",
                "senin-kamis 08:00-14:30; jumat 08:00-11:00",
            ],
            "id",
        );
        run(
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
                "surat_balasan,penolakan,laporan_evaluasi",
            ],
        );

        // Files the rows read.
        let mut sample: serde_json::Value =
            serde_json::from_slice(&run(None, &["letter", "sample", "surat_balasan"]).stdout)
                .expect("the sample is JSON");
        sample["tanggal"] = "2026-03-03".into();
        std::fs::write(d.join("balasan.json"), sample.to_string()).unwrap();
        sample["hal"] = "Jawaban permohonan subdomain aplikasi PPDB".into();
        std::fs::write(d.join("balasan-2.json"), sample.to_string()).unwrap();
        let naskah = run(None, &["letter", "template", "show", "naskah.typ"]).stdout;
        std::fs::write(d.join("naskah.typ"), naskah).unwrap();
        std::fs::write(
            d.join("libur-2026.json"),
            r#"[{"date":"2026-01-01","name":"Tahun Baru 2026 Masehi","kind":"libur_nasional"}]"#,
        )
        .unwrap();
        std::fs::write(
            d.join("lampiran.pdf"),
            b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n",
        )
        .unwrap();
        certificates(&d);

        // Drafts: one in konsep (sekretaris), one waiting for a paraf, one waiting for the
        // Kepala Dinas's signature.
        let draft = id(
            Some("sekretaris"),
            &[
                "letter",
                "draft",
                "--kind",
                "surat_balasan",
                "--case",
                &case,
            ],
            "id",
        );
        run(
            Some("sekretaris"),
            &[
                "letter",
                "update",
                &draft,
                "--data",
                &d.join("balasan.json").display().to_string(),
            ],
        );
        let drafted = |who: &str| {
            let n = id(
                Some(who),
                &["letter", "draft", "--kind", "surat_balasan"],
                "id",
            );
            run(
                Some(who),
                &[
                    "letter",
                    "update",
                    &n,
                    "--data",
                    &d.join("balasan.json").display().to_string(),
                ],
            );
            run(Some(who), &["letter", "submit", &n]);
            n
        };
        let paraf_draft = drafted("staf");
        let sign_draft = drafted("staf");
        run(Some("kabid"), &["letter", "paraf", &sign_draft]);
        run(Some("sekretaris"), &["letter", "paraf", &sign_draft]);
        // A letter the Kepala Dinas issued (other data than the `letter issue` row's, so
        // that row still issues a new one), for a ralat to start from.
        let mut terbit = sample.clone();
        terbit["hal"] = "Jawaban atas permohonan data jaringan".into();
        std::fs::write(d.join("terbit.json"), terbit.to_string()).unwrap();
        let issued = id(
            Some("kadis"),
            &[
                "letter",
                "issue",
                "--kind",
                "surat_balasan",
                "--data",
                &d.join("terbit.json").display().to_string(),
            ],
            "nomor",
        );
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
        // A saved template, so that resetting it changes something.
        run(
            admin,
            &[
                "letter",
                "template",
                "save",
                "naskah.typ",
                "--from",
                &d.join("naskah.typ").display().to_string(),
            ],
        );
        run(
            admin,
            &["signer", "trust", &d.join("ca.pem").display().to_string()],
        );
        let complaint = id(
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
                "Warga",
                "--text",
                "Layanan lambat",
            ],
            "id",
        );
        // An official set by the office, so that clearing it changes something.
        run(
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
        // Seed the shipped holiday years now, so that reading the calendar later writes nothing.
        run(None, &["calendar", "show"]);

        let template = if backend::is_postgres() {
            // Every `loket` above has ended, so no session is open on the server database.
            TestDatabase::adopt(&db)
        } else {
            // A backup is one complete file (no write-ahead log beside it) to copy.
            let file = d.join("template.db");
            run(None, &["backup", &file.display().to_string()]);
            TestDatabase::adopt(&file)
        };

        let mut vars = BTreeMap::new();
        vars.insert("dir", d.display().to_string());
        vars.insert(
            "profile",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/offices/demak.toml").to_string(),
        );
        vars.insert("case", case);
        vars.insert("fresh_case", fresh_case);
        vars.insert("returned_case", returned_case);
        vars.insert("awaiting_case", awaiting_case);
        vars.insert("ppid_case", ppid_case);
        vars.insert("to_sekretaris", to_sekretaris);
        vars.insert("booking", booking);
        vars.insert("approved_booking", approved_booking);
        vars.insert("out_booking", out_booking);
        vars.insert("blackout", blackout);
        vars.insert("variant", variant);
        vars.insert("draft", draft);
        vars.insert("paraf_draft", paraf_draft);
        vars.insert("sign_draft", sign_draft);
        vars.insert("number", number);
        vars.insert("issued", issued);
        vars.insert("complaint", complaint);
        World {
            dir,
            template,
            vars,
        }
    }

    /// `text` with every `{name}` replaced by its prepared value.
    pub fn expand(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (k, v) in &self.vars {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }

    /// A fresh copy of the template database (removed with what is returned first), and its
    /// `--db` value.
    pub fn copy(&self) -> ((TestDatabase, tempfile::TempDir), PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = backend::copy_database(self.template.location(), dir.path());
        let path = db.location().to_path_buf();
        assert_eq!(
            loket_db::is_server_location(&path),
            backend::is_postgres(),
            "the copy is on the run's backend"
        );
        ((db, dir), path)
    }
}

/// A root CA (trusted by the office), a second root (for `signer trust`) and the Kepala
/// Dinas's PKCS#12 file, made with `openssl`.
fn certificates(dir: &Path) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .expect("openssl runs");
        assert!(out.status.success(), "openssl {args:?}: {}", text(&out));
    };
    for (name, cn) in [
        ("ca", "Balai Sertifikasi Uji Root CA"),
        ("ca2", "Balai Uji Kedua Root CA"),
    ] {
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
            "-days",
            "3650",
            "-subj",
            &format!("/O=Balai Sertifikasi Uji/CN={cn}"),
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]);
    }
    std::fs::write(
        dir.join("ttd.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "kadis.key",
        "-out",
        "kadis.csr",
        "-subj",
        &format!("/CN=Ir. Budi Santoso/serialNumber={NIP}/O=Pemerintah Kabupaten Demak"),
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "kadis.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "365",
        "-extfile",
        "ttd.ext",
        "-out",
        "kadis.pem",
    ]);
    openssl(&[
        "pkcs12",
        "-export",
        "-inkey",
        "kadis.key",
        "-in",
        "kadis.pem",
        "-certfile",
        "ca.pem",
        "-passout",
        &format!("pass:{PASS}"),
        "-out",
        "kadis.p12",
    ]);
}
