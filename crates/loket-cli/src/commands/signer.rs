//! `loket signer add|list|trust`: signer certificates registered once from their PKCS#12
//! files (only the certificate is stored) and the roots the office trusts. The passphrase
//! is read from stdin (after the account password when --password-stdin is given too),
//! without echo on a terminal, and never stored.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use clap::Subcommand;
use loket_api::signer::{NewSignerCertificate, Pkcs12Input, SignerCertificateView};
use loket_api::{ApiError, Loket};

use super::letter::io_error;
use crate::context::{now, SignIn};
use crate::output::{json, table};

#[derive(Debug, Subcommand)]
pub enum SignerAction {
    /// Mendaftarkan sertifikat penanda tangan dari berkas .p12 (administrator); kuncinya tidak disimpan
    Add {
        /// Akun penanda tangan (nama masuk), mis. kadis
        #[arg(long, value_name = "AKUN")]
        person: String,
        /// Berkas PKCS#12 (.p12/.pfx) berisi sertifikat dan kunci privat
        #[arg(long, value_name = "BERKAS.p12")]
        p12: PathBuf,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Daftar sertifikat penanda tangan dan masa berlakunya, serta akar tepercaya
    List {
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengimpor sertifikat akar tepercaya (PEM atau DER), mis. akar BSrE (administrator)
    Trust {
        /// Berkas sertifikat akar
        file: PathBuf,
        #[command(flatten)]
        sign_in: SignIn,
    },
}

/// Reads a PKCS#12 file.
pub(crate) fn read_p12(path: &Path) -> Result<Vec<u8>, ApiError> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

/// The certificate's passphrase: one line of stdin, typed without echo on a terminal.
pub(crate) fn passphrase() -> Result<String, ApiError> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("Passphrase sertifikat: ");
        let _ = Process::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if terminal {
        let _ = Process::new("stty").arg("echo").status();
        eprintln!();
    }
    read.map_err(|e| {
        let e = crate::output::os_words(&e);
        ApiError::bad_input(format!("passphrase tidak dapat dibaca dari stdin: {e}"))
    })?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    if p.is_empty() {
        return Err(ApiError::bad_input(
            "passphrase sertifikat kosong; ketik passphrase berkas .p12 (satu baris pada stdin)",
        ));
    }
    Ok(p)
}

fn print(views: &[SignerCertificateView]) {
    let rows: Vec<Vec<String>> = views
        .iter()
        .map(|v| {
            vec![
                v.account_id.clone(),
                v.subject.clone(),
                v.issuer_name.clone(),
                format!(
                    "{} s.d. {}",
                    &v.not_before[..10.min(v.not_before.len())],
                    &v.not_after[..10.min(v.not_after.len())]
                ),
                v.state.clone(),
                v.working_days_left.to_string(),
                if v.names_nip { "ya" } else { "tidak" }.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "AKUN",
            "SUBJEK",
            "PENERBIT",
            "BERLAKU",
            "STATUS",
            "SISA HARI KERJA",
            "MEMUAT NIP",
        ],
        &rows,
    );
}

/// Runs one `loket signer` command.
pub fn run(loket: &mut Loket, action: SignerAction, as_json: bool) -> Result<(), ApiError> {
    let t = now()?;
    match action {
        SignerAction::Add {
            person,
            p12,
            sign_in,
        } => {
            let a = sign_in.actor(loket)?;
            let bytes = read_p12(&p12)?;
            let pass = passphrase()?;
            let v = loket.signer_add(
                &a,
                &NewSignerCertificate {
                    account: &person,
                    key: Pkcs12Input {
                        p12: &bytes,
                        passphrase: &pass,
                    },
                },
                t,
            )?;
            if as_json {
                return json(&v);
            }
            println!(
                "Sertifikat terdaftar untuk akun {} ({})",
                v.account_id, v.account_name
            );
            println!("Subjek   : {}", v.subject);
            println!("Penerbit : {}", v.issuer);
            println!(
                "Berlaku  : {} s.d. {} ({})",
                v.not_before, v.not_after, v.state
            );
            println!(
                "NIP/NIK  : {}",
                if v.names_nip {
                    "sertifikat memuat NIP/NIK pemilik akun"
                } else {
                    "sertifikat tidak memuat NIP/NIK; dicocokkan dengan nama"
                }
            );
            println!("SHA-256  : {}", v.fingerprint);
            Ok(())
        }
        SignerAction::List { sign_in } => {
            let a = sign_in.actor(loket)?;
            let certs = loket.signer_list(&a, t)?;
            let roots = loket.signer_roots(&a)?;
            if as_json {
                return json(&serde_json::json!({ "certificates": certs, "roots": roots }));
            }
            print(&certs);
            println!("Akar tepercaya ({})", roots.len());
            for r in &roots {
                println!("  {}  (berlaku s.d. {})", r.subject, r.not_after);
            }
            Ok(())
        }
        SignerAction::Trust { file, sign_in } => {
            let a = sign_in.actor(loket)?;
            let bytes = std::fs::read(&file).map_err(|e| io_error(&file, e))?;
            let added = loket.signer_trust(&a, &bytes, t)?;
            if as_json {
                return json(&added);
            }
            if added.is_empty() {
                println!("Sertifikat akar ini sudah tepercaya; tidak ada yang ditambahkan.");
            }
            for r in &added {
                println!(
                    "Akar tepercaya ditambahkan: {} (berlaku s.d. {})",
                    r.subject, r.not_after
                );
            }
            Ok(())
        }
    }
}
