//! `loket calendar ...`: the working calendar and its admin edits.

use std::path::PathBuf;

use clap::Subcommand;
use loket_api::{ApiError, Loket};

use crate::context::SignIn;
use crate::output::{json, list, table};

#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Jam kerja, jadwal khusus, penutupan kantor, hari libur dan riwayat perubahan
    Show {
        /// Hanya hari libur tahun ini
        #[arg(long, value_name = "TAHUN")]
        year: Option<i32>,
    },
    /// Mengganti jam kerja mingguan, misalnya "senin-kamis 08:00-15:45 istirahat 12:00-13:00; jumat 08:00-11:00"
    Hours {
        #[arg(value_name = "JAM")]
        hours: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Menambah jadwal khusus bertanggal, misalnya jam kerja Ramadan
    VariantAdd {
        #[arg(long)]
        name: String,
        /// Tanggal mulai TTTT-BB-HH
        #[arg(long)]
        from: String,
        /// Tanggal akhir TTTT-BB-HH (termasuk)
        #[arg(long)]
        to: String,
        /// Jam kerja dalam rentang itu, format sama dengan `calendar hours`
        #[arg(long)]
        hours: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Menghapus jadwal khusus
    VariantRemove {
        /// Nomor jadwal (lihat `loket calendar show`)
        id: i64,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Menutup kantor pada satu tanggal
    Close {
        #[arg(long)]
        date: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Membatalkan penutupan kantor
    Reopen {
        #[arg(long)]
        date: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
    /// Mengganti hari libur satu tahun dari berkas (misalnya SKB yang direvisi)
    Holidays {
        #[arg(long)]
        year: i32,
        #[arg(value_name = "BERKAS.json")]
        file: PathBuf,
        #[command(flatten)]
        sign_in: SignIn,
    },
}

pub fn run(loket: &mut Loket, action: CalendarAction, as_json: bool) -> Result<(), ApiError> {
    let now = super::now_or_clock(loket, None)?;
    match action {
        CalendarAction::Show { year } => {
            let v = loket.calendar_view(year)?;
            if as_json {
                return json(&v);
            }
            println!("Zona waktu: {}", v.time_zone);
            let who = if v.hours_set_by_admin {
                "diatur admin"
            } else {
                "dari profil kantor"
            };
            list(&format!("Jam kerja ({who})"), &v.hours_words);
            list(
                "Jadwal khusus",
                &v.variants
                    .iter()
                    .map(|x| {
                        format!(
                            "[{}] {} {}..{}: {}",
                            x.id,
                            x.name,
                            x.from,
                            x.to,
                            x.hours_words.join("; ")
                        )
                    })
                    .collect::<Vec<_>>(),
            );
            list(
                "Kantor tutup",
                &v.closures
                    .iter()
                    .map(|c| format!("{} — {}", c.date, c.reason))
                    .collect::<Vec<_>>(),
            );
            list(
                "Sumber hari libur",
                &v.holiday_years
                    .iter()
                    .map(|y| format!("{}: {} hari, {}", y.year, y.days, y.source))
                    .collect::<Vec<_>>(),
            );
            println!();
            let rows: Vec<Vec<String>> = v
                .holidays
                .iter()
                .map(|h| {
                    vec![
                        h.date.to_string(),
                        h.kind.label().to_string(),
                        h.name.clone(),
                    ]
                })
                .collect();
            table(&["TANGGAL", "JENIS", "NAMA"], &rows);
            list(
                "Riwayat perubahan",
                &v.changes
                    .iter()
                    .map(|c| format!("{} {} {} ({})", c.at, c.actor, c.action, c.entity))
                    .collect::<Vec<_>>(),
            );
            Ok(())
        }
        CalendarAction::Hours { hours, sign_in } => {
            let actor = sign_in.actor(loket)?;
            let h = loket.calendar_set_hours(&actor, &hours, now)?;
            if as_json {
                return json(&h);
            }
            list("Jam kerja baru", &loket_api::office::hours_words(&h));
            Ok(())
        }
        CalendarAction::VariantAdd {
            name,
            from,
            to,
            hours,
            sign_in,
        } => {
            let actor = sign_in.actor(loket)?;
            let id = loket.calendar_add_variant(&actor, &name, &from, &to, &hours, now)?;
            if as_json {
                return json(&serde_json::json!({ "id": id }));
            }
            println!("Jadwal khusus [{id}] {name} {from}..{to} ditambahkan.");
            Ok(())
        }
        CalendarAction::VariantRemove { id, sign_in } => {
            let actor = sign_in.actor(loket)?;
            loket.calendar_remove_variant(&actor, id, now)?;
            if as_json {
                return json(&serde_json::json!({ "removed": id }));
            }
            println!("Jadwal khusus [{id}] dihapus.");
            Ok(())
        }
        CalendarAction::Close {
            date,
            reason,
            sign_in,
        } => {
            let actor = sign_in.actor(loket)?;
            let c = loket.calendar_add_closure(&actor, &date, &reason, now)?;
            if as_json {
                return json(&c);
            }
            println!("Kantor tutup pada {}: {}.", c.date, c.reason);
            Ok(())
        }
        CalendarAction::Reopen { date, sign_in } => {
            let actor = sign_in.actor(loket)?;
            let c = loket.calendar_remove_closure(&actor, &date, now)?;
            if as_json {
                return json(&c);
            }
            println!("Penutupan {} ({}) dibatalkan.", c.date, c.reason);
            Ok(())
        }
        CalendarAction::Holidays {
            year,
            file,
            sign_in,
        } => {
            let actor = sign_in.actor(loket)?;
            let r = loket.calendar_replace_holidays(&actor, year, &file, now)?;
            if as_json {
                return json(&r);
            }
            println!("Hari libur {} diganti: {} hari.", r.year, r.total);
            list(
                "Ditambahkan",
                &r.added
                    .iter()
                    .map(|h| format!("{} {}", h.date, h.name))
                    .collect::<Vec<_>>(),
            );
            list(
                "Dihapus",
                &r.removed
                    .iter()
                    .map(|h| format!("{} {}", h.date, h.name))
                    .collect::<Vec<_>>(),
            );
            Ok(())
        }
    }
}
