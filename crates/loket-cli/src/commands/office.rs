//! `loket office readiness|official|paper`: the first-day checklist from the command line —
//! what the office still lacks, the officials who sign (administrators; audited) and the
//! paper size letters start on. `loket office` alone shows the profile.

use clap::Subcommand;
use loket_api::office::officials::{OfficialForm, OfficialsPage};
use loket_api::{ApiError, Loket};
use loket_domain::catalog::Acting;

use crate::context::{now, SignIn};
use crate::output::json;

#[derive(Debug, Subcommand)]
pub enum OfficeAction {
    /// Yang belum disiapkan kantor: pejabat, lambang, kertas, pola nomor, ruang dan peralatan
    Readiness,
    /// Pejabat penanda tangan dan pemaraf (Kepala Dinas, Sekretaris, Kepala Bidang)
    Official {
        #[command(subcommand)]
        action: OfficialAction,
    },
    /// Ukuran kertas surat kantor: tanpa argumen ditampilkan, dengan a4/f4 diubah (administrator)
    Paper {
        /// a4 atau f4
        kertas: Option<String>,
        #[command(flatten)]
        sign_in: SignIn,
    },
}

#[derive(Debug, Subcommand)]
pub enum OfficialAction {
    /// Daftar jabatan yang menandatangani atau memaraf, dengan pejabatnya
    List,
    /// Menetapkan pejabat suatu jabatan (administrator; tercatat di jejak audit)
    Set {
        /// Id jabatan, mis. kepala-dinas (lihat `loket office official list`)
        #[arg(long, value_name = "JABATAN")]
        position: String,
        /// Nama lengkap dengan gelar
        #[arg(long)]
        name: String,
        /// NIP 18 angka (spasi boleh)
        #[arg(long)]
        nip: String,
        /// Golongan/ruang, mis. IV/c
        #[arg(long)]
        golongan: String,
        /// Pangkat; bila kosong mengikuti golongan
        #[arg(long, default_value = "")]
        pangkat: String,
        /// plt atau plh bila pejabat bertindak sebagai pelaksana
        #[arg(long, value_name = "plt|plh")]
        acting: Option<String>,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Menghapus pejabat yang ditetapkan kantor sehingga kembali seperti profil (administrator)
    Clear {
        #[arg(long, value_name = "JABATAN")]
        position: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
}

fn acting(text: Option<&str>) -> Result<Option<Acting>, ApiError> {
    match text.map(|t| t.trim().to_ascii_lowercase()) {
        None => Ok(None),
        Some(t) if t == "plt" => Ok(Some(Acting::Plt)),
        Some(t) if t == "plh" => Ok(Some(Acting::Plh)),
        Some(t) => Err(ApiError::bad_input(format!(
            "--acting '{t}' tidak dikenal; tulis plt atau plh, atau hilangkan untuk pejabat definitif"
        ))),
    }
}

fn print_officials(page: &OfficialsPage) {
    for p in &page.posts {
        println!(
            "{} ({}, {})",
            p.title,
            p.position_id,
            p.role_label.to_lowercase()
        );
        match &p.holder {
            Some(h) => {
                for line in &h.block[1..] {
                    println!("    {line}");
                }
            }
            None => println!("    (belum ada pejabat)"),
        }
    }
}

pub fn run(loket: &mut Loket, action: OfficeAction, as_json: bool) -> Result<(), ApiError> {
    match action {
        OfficeAction::Readiness => {
            let r = loket.office_readiness()?;
            if as_json {
                return json(&r);
            }
            for s in &r.steps {
                println!(
                    "[{}] {}: {}",
                    if s.done { "x" } else { " " },
                    s.label,
                    s.detail
                );
            }
            println!("{} langkah belum selesai", r.missing);
            Ok(())
        }
        OfficeAction::Official { action } => {
            let page = match action {
                OfficialAction::List => loket.office_officials()?,
                OfficialAction::Set {
                    position,
                    name,
                    nip,
                    golongan,
                    pangkat,
                    acting: a,
                    sign_in,
                } => {
                    let form = OfficialForm {
                        position_id: position,
                        name,
                        nip,
                        pangkat,
                        golongan,
                        acting: acting(a.as_deref())?,
                    };
                    let actor = sign_in.actor(loket)?;
                    loket.office_official_set(&actor, &form, now()?)?
                }
                OfficialAction::Clear { position, sign_in } => {
                    let actor = sign_in.actor(loket)?;
                    loket.office_official_clear(&actor, &position, now()?)?
                }
            };
            if as_json {
                return json(&page);
            }
            print_officials(&page);
            Ok(())
        }
        OfficeAction::Paper { kertas, sign_in } => {
            let setting = match kertas {
                Some(k) => {
                    let actor = sign_in.actor(loket)?;
                    loket.office_paper_set(&actor, &k, now()?)?
                }
                None => loket.office_paper()?,
            };
            if as_json {
                return json(&setting);
            }
            println!(
                "Kertas surat: {}{}",
                setting.kertas.to_uppercase(),
                if setting.chosen {
                    ""
                } else {
                    " (bawaan, belum dipilih)"
                }
            );
            Ok(())
        }
    }
}
