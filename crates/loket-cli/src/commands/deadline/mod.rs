//! Area "deadlines": `loket sla due`, `loket deadlines`, `loket calendar ...`, `loket watch`
//! and `loket bench deadlines`.

mod calendar;
mod desktop;
mod watch;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::Subcommand;
use loket_api::sla::{bench_deadlines, parse_within};
use loket_api::{ApiError, Loket};

use crate::args::Command;
use crate::context::SignIn;
use crate::output::{json, list, table};

pub use calendar::CalendarAction;

#[derive(Debug, Subcommand)]
pub enum SlaAction {
    /// Tenggat satu permohonan: kapan jatuh tempo dan hari/menit kerja yang dihitung
    Due {
        /// Id layanan (lihat `loket services`)
        #[arg(long, value_name = "ID")]
        service: String,
        /// Waktu diterima, TTTT-BB-HHTJJ:MM waktu kantor (atau RFC 3339 dengan zona)
        #[arg(long, value_name = "WAKTU")]
        received: String,
        /// Berkas hari libur (format data/holidays) pengganti tabel libur untuk perhitungan ini
        #[arg(long, value_name = "BERKAS.json")]
        holidays: Option<PathBuf>,
    },
    /// Memperpanjang tenggat satu permohonan sekali (mis. PPID + 7 hari kerja) dengan alasan
    Extend {
        /// Nomor (id) permohonan
        #[arg(long = "case", value_name = "ID")]
        case_id: i64,
        /// Alasan yang disampaikan kepada pemohon
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        sign_in: SignIn,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchArea {
    /// Status tenggat 100 000 permohonan terbuka dan disposisinya (riwayat 10 tahun buatan)
    Deadlines {
        /// Jumlah permohonan
        #[arg(long, default_value_t = 100_000)]
        cases: usize,
        /// Profil kantor bawaan yang dipakai
        #[arg(long, default_value = "kediri")]
        office: String,
    },
    /// Membuat setiap surat bawaan berulang kali; rasio terhadap LibreOffice
    Letters(crate::commands::letter::bench::LettersBench),
}

/// "now" for a command: `--now` when given, else the clock (see [`crate::context::now_or`]).
pub(crate) fn now_or_clock(
    loket: &mut Loket,
    now: Option<&str>,
) -> Result<DateTime<FixedOffset>, ApiError> {
    crate::context::now_or(loket, now)
}

/// Runs the commands of this area; only `bench` runs without opening the database.
pub fn run_top(db: &std::path::Path, command: Command, as_json: bool) -> Result<(), ApiError> {
    if let Command::Bench { .. } = command {
        return run(None, command, as_json);
    }
    let mut loket = Loket::open(db)?;
    crate::context::set_office_zone(&loket);
    run(Some(&mut loket), command, as_json)
}

fn run(loket: Option<&mut Loket>, command: Command, as_json: bool) -> Result<(), ApiError> {
    let Some(loket) = loket else {
        return bench(command, as_json);
    };
    match command {
        Command::Sla {
            action:
                SlaAction::Due {
                    service,
                    received,
                    holidays,
                },
        } => {
            let v = loket.sla_due(&service, &received, holidays.as_deref())?;
            if as_json {
                return json(&v);
            }
            println!("Layanan       : {} ({})", v.service_name, v.service_id);
            println!("Waktu layanan : {}", v.time_words);
            println!("Diterima      : {}", v.received);
            println!("Mulai dihitung: {}", v.effective_start);
            match (&v.due, &v.due_words) {
                (Some(due), Some(words)) => println!("Jatuh tempo   : {due} ({words})"),
                _ => println!("Jatuh tempo   : {}", v.note.clone().unwrap_or_default()),
            }
            if v.working_days > 0 {
                println!("Hari kerja    : {}", v.working_days);
            }
            if v.calendar_days > 0 {
                println!("Hari kalender : {}", v.calendar_days);
            }
            println!(
                "Menit kerja   : {} ({} jam {} menit)",
                v.working_minutes,
                v.working_minutes / 60,
                v.working_minutes % 60
            );
            println!("Hari libur dari: {}", v.holidays_from);
            list(
                "Hari yang tidak dihitung",
                &v.skipped
                    .iter()
                    .map(|s| format!("{} — {}", s.date, s.reason))
                    .collect::<Vec<_>>(),
            );
            Ok(())
        }
        Command::Sla {
            action:
                SlaAction::Extend {
                    case_id,
                    reason,
                    sign_in,
                },
        } => {
            let now = now_or_clock(loket, None)?;
            let actor = sign_in.actor(loket)?;
            let due = loket.sla_extend(&actor, case_id, &reason, now)?;
            if as_json {
                return json(&serde_json::json!({ "case": case_id, "due": due }));
            }
            println!("Permohonan #{case_id} diperpanjang; tenggat baru {due}.");
            Ok(())
        }
        Command::Deadlines { now, within } => {
            let now = now_or_clock(loket, now.as_deref())?;
            let within = within.as_deref().map(parse_within).transpose()?;
            let items = loket.deadlines_list(now, within)?;
            if as_json {
                return json(&items);
            }
            if items.is_empty() {
                println!(
                    "Tidak ada tenggat yang perlu perhatian pada {}.",
                    now.to_rfc3339()
                );
                return Ok(());
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    let mut due = i.due.clone().unwrap_or_else(|| "-".into());
                    if let Some(old) = &i.stored_due {
                        due.push_str(&format!(" (semula {old})"));
                    }
                    vec![i.state_label.clone(), i.kind.clone(), i.title.clone(), due]
                })
                .collect();
            table(&["STATUS", "JENIS", "PERIHAL", "TENGGAT"], &rows);
            Ok(())
        }
        Command::Calendar { action } => calendar::run(loket, action, as_json),
        Command::Watch {
            once,
            now,
            interval,
            position,
            stdout,
        } => watch::run(
            loket,
            watch::WatchArgs {
                once,
                now,
                interval,
                position,
                stdout,
            },
            as_json,
        ),
        other => Err(ApiError::new(
            loket_api::ErrorCode::Internal,
            format!("perintah {other:?} bukan bagian tenggat"),
        )),
    }
}

fn bench(command: Command, as_json: bool) -> Result<(), ApiError> {
    match command {
        Command::Bench {
            area: BenchArea::Deadlines { cases, office },
        } => {
            let r = bench_deadlines(&office, cases)?;
            if as_json {
                return json(&r);
            }
            println!(
                "bench deadlines: {} permohonan + {} disposisi ({} kantor, diterima {} s.d. {}), status pada {}",
                r.cases, r.dispositions, r.office, r.first_receipt, r.last_receipt, r.now
            );
            println!(
                "waktu: {} ms, {:.2} µs per permohonan (termasuk disposisinya)",
                r.millis, r.micros_per_case
            );
            println!(
                "status: {} dalam batas, {} segera, {} hari ini, {} terlambat, {} ditunda",
                r.by_state[0], r.by_state[1], r.by_state[2], r.by_state[3], r.paused
            );
            Ok(())
        }
        Command::Bench {
            area: BenchArea::Letters(args),
        } => crate::commands::letter::bench::run(args, as_json),
        other => Err(ApiError::new(
            loket_api::ErrorCode::Internal,
            format!("perintah {other:?} memerlukan basis data"),
        )),
    }
}
