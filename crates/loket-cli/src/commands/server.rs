//! Area "server" for the office's IT staff: `loket server init` prepares the PostgreSQL server,
//! `loket db copy` moves a whole office between a file and a server. Both work with database
//! credentials, not a Loket account, and ignore `--db`: they name their databases themselves.
//!
//! Passwords stay off the command line: the owner's (or a server's) from `PGPASSWORD` when the
//! address has none, as for `psql`; the application role's from the environment variable named
//! by `--app-password-env`.

use std::path::PathBuf;

use clap::Subcommand;
use loket_api::store::{copy, server_init, CopyView, ServerInitView, COPY_TABLES};
use loket_api::ApiError;

use crate::output::{json, table};

#[derive(Debug, Subcommand)]
pub enum ServerAction {
    /// Menyiapkan atau memperbarui basis data kantor di server PostgreSQL (petugas TI, sebagai pemilik basis data): membuat basis data bila belum ada, skema versi Loket ini, dan peran aplikasi untuk laptop
    Init {
        /// Alamat server sebagai pemilik basis data, mis. postgres://pemilik@server-kantor/loket (kata sandi dari variabel PGPASSWORD bila tidak ditulis)
        #[arg(value_name = "ALAMAT")]
        owner_url: String,
        /// Peran (pengguna PostgreSQL) yang dipakai laptop untuk masuk
        #[arg(long, default_value = "loket_app", value_name = "PERAN")]
        app_role: String,
        /// Nama variabel lingkungan yang berisi kata sandi peran aplikasi (bukan kata sandinya); wajib bila peran itu belum ada
        #[arg(long, value_name = "VARIABEL")]
        app_password_env: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DbAction {
    /// Menyalin seluruh kantor ke basis data kosong: berkas ke server, server ke berkas, atau cadangan kembali ke server; lalu memeriksa hasilnya
    Copy {
        /// Basis data sumber: berkas atau alamat postgres:// (kata sandi dari PGPASSWORD bila tidak ditulis)
        #[arg(long, value_name = "BERKAS|ALAMAT")]
        from: PathBuf,
        /// Basis data tujuan yang masih kosong: berkas baru atau alamat postgres:// yang disiapkan `loket server init`
        #[arg(long, value_name = "BERKAS|ALAMAT")]
        to: PathBuf,
    },
}

/// `PGPASSWORD`, when set and not empty.
fn pg_password() -> Option<String> {
    std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty())
}

/// The application role's password from the variable named `name` (never from argv).
fn app_password(name: &str) -> Result<String, ApiError> {
    let is_name = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_name {
        // Not echoed: someone may have typed the password itself here.
        return Err(ApiError::bad_input(
            "--app-password-env menerima NAMA variabel lingkungan (huruf, angka, garis bawah), bukan kata sandinya; misalnya LOKET_APP_PASSWORD=... loket server init ... --app-password-env LOKET_APP_PASSWORD",
        ));
    }
    match std::env::var(name) {
        Ok(p) if !p.is_empty() => Ok(p),
        Ok(_) => Err(ApiError::bad_input(format!(
            "variabel {name} kosong; isi dengan kata sandi peran aplikasi lalu ulangi"
        ))),
        Err(_) => Err(ApiError::bad_input(format!(
            "variabel lingkungan {name} tidak ada; jalankan misalnya `read -rs {name} && export {name}` lalu ulangi"
        ))),
    }
}

/// `loket server init OWNER_URL [--app-role R] [--app-password-env VAR]`.
pub fn run_server(action: ServerAction, as_json: bool) -> Result<(), ApiError> {
    let ServerAction::Init {
        owner_url,
        app_role,
        app_password_env,
    } = action;
    let password = app_password_env.as_deref().map(app_password).transpose()?;
    let owner_password = pg_password();
    let view = server_init(
        &owner_url,
        owner_password.as_deref(),
        &app_role,
        password.as_deref(),
    )?;
    if as_json {
        return json(&view);
    }
    print_init(&view);
    Ok(())
}

fn print_init(v: &ServerInitView) {
    println!("Server basis data kantor: {}", v.location);
    println!(
        "Basis data    : {}",
        if v.created_database {
            "dibuat sekarang (UTF8, urutan teks C)"
        } else {
            "sudah ada, dipakai"
        }
    );
    if v.schema_before == v.schema_after {
        println!("Skema         : versi {}, sudah terbaru", v.schema_after);
    } else {
        println!(
            "Skema         : versi {} → {}",
            v.schema_before, v.schema_after
        );
    }
    let role = match (v.created_role, v.password_set) {
        (true, _) => "dibuat sekarang",
        (false, true) => "sudah ada, kata sandinya diganti",
        (false, false) => "sudah ada, tidak diubah",
    };
    println!("Peran aplikasi: {} ({role})", v.app_role);
    println!("Hak akses:");
    for line in &v.grants {
        println!("  - {line}");
    }
    println!("Alamat untuk laptop (--db, LOKET_DB atau layar sambungan):");
    println!("  {}", v.laptop_url);
    println!(
        "  Kata sandinya tidak dicetak; berikan kepada laptop lewat layar sambungan atau tuliskan di alamat (postgres://{}:KATA-SANDI@...).",
        v.app_role
    );
    if v.laptop_url_is_local {
        println!(
            "  Alamat ini menunjuk komputer ini sendiri: untuk laptop, ganti nama host dengan nama atau alamat IP server di jaringan kantor."
        );
    }
}

/// `loket db copy --from A --to B`.
pub fn run_db(action: DbAction, as_json: bool) -> Result<(), ApiError> {
    let DbAction::Copy { from, to } = action;
    let now = crate::context::now()?;
    let total = COPY_TABLES.len();
    let mut done = 0usize;
    let mut last = 0usize;
    let view = copy(&from, &to, pg_password().as_deref(), now, |_, _| {
        done += 1;
        let quarter = done * 4 / total.max(1);
        if !as_json && quarter != last {
            last = quarter;
            eprintln!("salin: {}%", quarter * 25);
        }
    })?;
    if as_json {
        return json(&view);
    }
    print_copy(&view);
    Ok(())
}

fn print_copy(v: &CopyView) {
    println!("Disalin dari {} ke {}", v.from, v.to);
    let rows: Vec<Vec<String>> = v
        .tables
        .iter()
        .map(|t| vec![t.table.clone(), t.rows.to_string()])
        .collect();
    table(&["TABEL", "BARIS"], &rows);
    println!(
        "Jumlah: {} baris dalam {} tabel{}",
        v.total,
        v.tables.len(),
        if v.created_file { " (berkas baru)" } else { "" }
    );
    let c = &v.check;
    println!(
        "Pemeriksaan tujuan: baik — skema versi {}, keutuhan dan kunci asing baik, jejak audit utuh dan sama dengan sumber, data teraudit sama dengan jejaknya, isi lampiran cocok",
        c.schema_version
    );
    for line in &c.checkpoints {
        println!("  {line}");
    }
    if v.to_server {
        println!(
            "Laptop kini dapat memakai server ini (--db atau layar sambungan, dengan peran aplikasinya)."
        );
    }
}
