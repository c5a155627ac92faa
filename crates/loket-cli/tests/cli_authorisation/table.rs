//! The table: every state-changing `loket` command with arguments valid in the prepared office
//! (see `world.rs`), and the commands that only read.

use super::NOW;

/// Commands that only read (their result may be written to a file the person chose).
pub const READS: &[&str] = &[
    "offices",
    "services",
    "service show",
    "people",
    "check",
    "deadlines",
    "office readiness",
    "office official list",
    "user list",
    "case show",
    "case attachment",
    "case list",
    "case lembar",
    "case lembar-pdf",
    "disposition inbox",
    "disposition instructions",
    "letter kinds",
    "letter sample",
    "letter render",
    "letter verify",
    "letter list",
    "letter pdf",
    "letter pattern list",
    "letter number list",
    "letter template list",
    "letter template show",
    "letter template preview",
    "letter show",
    "letter queue",
    "signer list",
    "sla due",
    "calendar show",
    "resource list",
    "resource blackouts",
    "booking list",
    "booking show",
    "booking free-slots",
    "booking export-ics",
    "booking tomorrow",
    "skm list",
    "skm questions",
    "skm kuesioner",
    "skm pengaduan list",
    "evaluasi report",
    "bench deadlines",
    "bench letters",
];

/// Commands that write without a person's act, each for its stated reason (loket-api's table
/// lists the same use cases as reads or system bookkeeping).
pub const SYSTEM: &[(&str, &str)] = &[
    (
        "watch",
        "the deadline watcher's own bookkeeping of notifications shown (notify.watch)",
    ),
    (
        "backup",
        "a copy of the database to a new file and its checkpoint beside it (store.backup)",
    ),
    (
        "audit checkpoint",
        "the audit trail's head printed or written to a new file (store.checkpoint)",
    ),
    (
        "server init",
        "the IT staff prepares the office's PostgreSQL server with the database owner's credentials; no Loket account exists there yet (store.server_init)",
    ),
    (
        "db copy",
        "the IT staff copies a whole office into an empty database with database credentials; every row arrives as it was, nothing is changed by anyone (store.copy)",
    ),
];

/// What the refusals say, by who tries.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Refusal {
    /// Nobody signed in: `unauthorised` (or `forbidden`); a staff account without the right
    /// and a deactivated account: `forbidden`.
    SignIn,
    /// `user add-admin` signs nobody in: once the office has its administrator every try is a
    /// `conflict`.
    FirstAdminOnce,
}

pub struct Row {
    /// The command as `--help` names it.
    pub cmd: &'static str,
    /// Its arguments; `{name}` is replaced by a prepared id or file (see `World::expand`).
    pub args: &'static [&'static str],
    /// The account for which the same command succeeds on a fresh copy; `None` where that
    /// cannot be shown (the comment on the row says why).
    pub right: Option<&'static str>,
    /// A line on stdin (a certificate's passphrase, a new administrator's password).
    pub stdin: &'static str,
    pub refusal: Refusal,
    /// LOKET_NOW for the row; `None`: the computer's clock.
    pub now: Option<&'static str>,
}

const fn row(cmd: &'static str, args: &'static [&'static str], right: Option<&'static str>) -> Row {
    Row {
        cmd,
        args,
        right,
        stdin: "",
        refusal: Refusal::SignIn,
        now: Some(NOW),
    }
}

/// Every state-changing command with arguments valid enough that only the actor decides.
pub const TABLE: &[Row] = &[
    // Accounts.
    Row {
        // The first administrator exists, so nobody can succeed here any more; that the
        // command works on an empty office is shown by `World::build` itself.
        refusal: Refusal::FirstAdminOnce,
        stdin: "sandi-penyusup-baru-1\n",
        ..row(
            "user add-admin",
            &[
                "--login",
                "penyusup",
                "--name",
                "Penyusup",
                "--password-stdin",
            ],
            None,
        )
    },
    row(
        "user add",
        &[
            "--login",
            "baru",
            "--name",
            "Pegawai Baru",
            "--position",
            "staf-jaringan",
        ],
        Some("admin"),
    ),
    row("user reset-password", &["sekretaris"], Some("admin")),
    row(
        "user roles",
        &["sekretaris", "--roles", "book"],
        Some("admin"),
    ),
    row("user deactivate", &["sekretaris"], Some("admin")),
    row("user activate", &["mantan"], Some("admin")),
    row(
        "user acting",
        &[
            "sekretaris",
            "--position",
            "kepala-dinas",
            "--kind",
            "plt",
            "--from",
            "2026-03-04",
            "--until",
            "2026-03-06",
        ],
        Some("admin"),
    ),
    // The office: profile, officials, paper.
    // Re-importing a profile into an office with accounts changes the kop and the officials
    // on every later letter: an administrator's act, from a file or a shipped profile.
    row("init", &["--profile", "{profile}"], Some("admin")),
    row("init", &["--office", "demak"], Some("admin")),
    row(
        "office official set",
        &[
            "--position",
            "kepala-dinas",
            "--name",
            "Dr. Pejabat Baru, M.Si.",
            "--nip",
            "197501012000031001",
            "--golongan",
            "IV/c",
        ],
        Some("admin"),
    ),
    row(
        "office official clear",
        &["--position", "sekretaris"],
        Some("admin"),
    ),
    row("office paper", &["a4"], Some("admin")),
    // Cases.
    row(
        "case register",
        &[
            "--service",
            "subdomain-hosting",
            "--applicant",
            "Dinas Pendidikan dan Kebudayaan Kabupaten Demak",
            "--letter-number",
            "400.3/513/2026",
            "--letter-date",
            "2026-02-27",
            "--hal",
            "Permohonan subdomain aplikasi PPDB",
            "--received",
            "2026-03-03 08:15",
        ],
        Some("admin"),
    ),
    row(
        "case verify",
        &["{fresh_case}", "--met", "1,2,3"],
        Some("admin"),
    ),
    row(
        "case return",
        &["{fresh_case}", "--missing", "1"],
        Some("admin"),
    ),
    row("case resubmit", &["{returned_case}"], Some("admin")),
    row(
        "case attach",
        &["{case}", "{dir}/lampiran.pdf"],
        Some("admin"),
    ),
    row(
        "case step",
        &["{case}", "1", "--note", "diperiksa"],
        Some("sekretaris"),
    ),
    row(
        "case reject",
        &["{case}", "--reason", "bukan kewenangan Diskominfo"],
        Some("admin"),
    ),
    row("case await-signature", &["{case}"], Some("sekretaris")),
    row("case sign", &["{awaiting_case}"], Some("kadis")),
    // Dispositions.
    row(
        "disposition set-instructions",
        &["Untuk diketahui", "Proses lebih lanjut"],
        Some("admin"),
    ),
    row(
        "disposition send",
        &[
            "{case}",
            "--to",
            "sekretaris",
            "--instruction",
            "Untuk diketahui",
            "--until",
            "2026-03-06",
        ],
        Some("kadis"),
    ),
    row("disposition read", &["{to_sekretaris}"], Some("sekretaris")),
    row(
        "disposition report",
        &["{to_sekretaris}", "sudah ditindaklanjuti"],
        Some("sekretaris"),
    ),
    row(
        "disposition complete",
        &["{to_sekretaris}", "--report", "selesai"],
        Some("sekretaris"),
    ),
    row("disposition withdraw", &["{to_sekretaris}"], Some("kadis")),
    // Deadlines and the working calendar.
    row(
        "sla extend",
        &[
            "--case",
            "{ppid_case}",
            "--reason",
            "informasi tersebar di beberapa bidang",
        ],
        Some("admin"),
    ),
    row(
        "calendar hours",
        &["senin-jumat 07:30-16:00"],
        Some("admin"),
    ),
    row(
        "calendar variant-add",
        &[
            "--name",
            "Jadwal khusus",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-05",
            "--hours",
            "senin-jumat 08:00-12:00",
        ],
        Some("admin"),
    ),
    row("calendar variant-remove", &["{variant}"], Some("admin")),
    row(
        "calendar close",
        &["--date", "2026-05-05", "--reason", "pindah gedung"],
        Some("admin"),
    ),
    row("calendar reopen", &["--date", "2026-05-04"], Some("admin")),
    row(
        "calendar holidays",
        &["--year", "2026", "{dir}/libur-2026.json"],
        Some("admin"),
    ),
    // Letters.
    row(
        "letter issue",
        &["--kind", "surat_balasan", "--data", "{dir}/balasan.json"],
        Some("kadis"),
    ),
    row(
        "letter pattern set",
        &[
            "keluar",
            "--pattern",
            "{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}",
            "--klasifikasi",
            "000.9",
            "--unit",
            "DKIS",
            "--kinds",
            "surat_balasan,penolakan,laporan_evaluasi",
        ],
        Some("admin"),
    ),
    row(
        "letter number reserve",
        &[
            "--kind",
            "penolakan",
            "--hal",
            "Penolakan permohonan",
            "--tanggal",
            "2026-03-03",
        ],
        Some("sekretaris"),
    ),
    row(
        "letter number void",
        &["{number}", "--alasan", "tidak jadi dipakai"],
        Some("sekretaris"),
    ),
    row(
        "letter template save",
        &["naskah.typ", "--from", "{dir}/naskah.typ"],
        Some("admin"),
    ),
    row("letter template reset", &["naskah.typ"], Some("admin")),
    row(
        "letter draft",
        &["--kind", "surat_balasan", "--case", "{case}"],
        Some("sekretaris"),
    ),
    row(
        "letter update",
        &["{draft}", "--data", "{dir}/balasan-2.json"],
        Some("sekretaris"),
    ),
    row("letter submit", &["{draft}"], Some("sekretaris")),
    row("letter paraf", &["{paraf_draft}"], Some("kabid")),
    row(
        "letter return",
        &["{paraf_draft}", "--catatan", "lengkapi ruas"],
        Some("kabid"),
    ),
    row("letter sign", &["{sign_draft}"], Some("kadis")),
    row(
        "letter void",
        &["{draft}", "--alasan", "permohonan dicabut"],
        Some("sekretaris"),
    ),
    row(
        "letter ralat",
        &["{issued}", "--reason", "nama pemohon salah ketik"],
        Some("sekretaris"),
    ),
    row(
        "evaluasi draft",
        &["--period", "2026-T1"],
        Some("sekretaris"),
    ),
    // Signing certificates.
    Row {
        stdin: "passphrase-kadis\n",
        // The certificate made a moment ago is valid from the computer's clock on.
        now: None,
        ..row(
            "signer add",
            &["--person", "kadis", "--p12", "{dir}/kadis.p12"],
            Some("admin"),
        )
    },
    row("signer trust", &["{dir}/ca2.pem"], Some("admin")),
    // Rooms, equipment and bookings.
    row(
        "resource add",
        &["--id", "studio", "--name", "Studio", "--kind", "ruang"],
        Some("admin"),
    ),
    row(
        "resource add-skill",
        &["--person", "sekretaris", "--skill", "operator_vicon"],
        Some("admin"),
    ),
    row(
        "resource blackout",
        &[
            "--resource",
            "command-center",
            "--start",
            "2026-03-21T08:00",
            "--end",
            "2026-03-21T12:00",
            "--reason",
            "Perawatan",
        ],
        Some("admin"),
    ),
    row("resource unblock", &["{blackout}"], Some("admin")),
    row(
        "booking create",
        &[
            "--title",
            "Rapat koordinasi",
            "--start",
            "2026-03-11T09:00",
            "--end",
            "2026-03-11T11:00",
            "--resource",
            "command-center",
        ],
        Some("admin"),
    ),
    // The same command with --weekly is another use case (booking.create_series).
    row(
        "booking create",
        &[
            "--title",
            "Rapat mingguan",
            "--start",
            "2026-03-12T13:00",
            "--end",
            "2026-03-12T14:00",
            "--resource",
            "command-center",
            "--weekly",
            "kamis",
            "--until",
            "2026-04-30",
        ],
        Some("admin"),
    ),
    row("booking approve", &["{booking}"], Some("admin")),
    row(
        "booking assign",
        &["{booking}", "--operator", "sekretaris"],
        Some("admin"),
    ),
    row(
        "booking check-out",
        &["{approved_booking}", "--condition", "lengkap"],
        Some("admin"),
    ),
    row(
        "booking check-in",
        &["{out_booking}", "--condition", "lengkap"],
        Some("admin"),
    ),
    row(
        "booking cancel",
        &["{booking}", "--reason", "acara batal"],
        Some("admin"),
    ),
    // The satisfaction survey and complaints.
    row(
        "skm entry",
        &[
            "--service",
            "subdomain-hosting",
            "--date",
            "2026-03-03",
            "--age",
            "35",
            "--sex",
            "P",
            "--education",
            "s1",
            "--occupation",
            "pns",
            "--answers",
            "443344334",
        ],
        Some("admin"),
    ),
    row(
        "skm pengaduan add",
        &[
            "--service",
            "subdomain-hosting",
            "--channel",
            "1",
            "--from",
            "Warga",
            "--text",
            "Layanan lambat",
        ],
        Some("admin"),
    ),
    row(
        "skm pengaduan answer",
        &["{complaint}", "--text", "sudah ditindaklanjuti"],
        Some("admin"),
    ),
    // Without a number it shows the setting (a read); with one it changes it.
    row("skm pengaduan answer-days", &["7"], Some("admin")),
];
