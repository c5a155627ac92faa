//! Each subcommand: call the use case, print the result.
//!
//! New areas (deadlines, cases, letters, bookings) add a module here with a `run` function and
//! one arm in [`run`] or [`with_db`], so areas do not edit each other's code.

pub mod booking;
pub mod deadline;
pub mod evaluasi;
pub mod letter;
pub mod office;
pub mod requests;
pub mod server;
pub mod signer;
pub mod skm;
pub mod store;

use loket_api::office::{shipped_offices, LoadedProfile, ProfileSource};
use loket_api::paths::default_db_path;
use loket_api::{ApiError, Loket};

use crate::args::{Cli, Command, ServiceAction};
use crate::output::{json, list, table};

pub fn run(cli: Cli) -> Result<(), ApiError> {
    // `--db`, else `LOKET_DB` (as for the desktop app), else the app-data file.
    let db_path = cli
        .db
        .clone()
        .or_else(|| {
            std::env::var_os("LOKET_DB")
                .filter(|v| !v.is_empty())
                .map(std::path::PathBuf::from)
        })
        .unwrap_or_else(default_db_path);
    let as_json = cli.json;
    match cli.command {
        c @ (Command::Sla { .. }
        | Command::Deadlines { .. }
        | Command::Calendar { .. }
        | Command::Watch { .. }
        | Command::Bench { .. }) => deadline::run_top(&db_path, c, as_json),
        Command::Offices => {
            let offices = shipped_offices()?;
            if as_json {
                return json(&offices);
            }
            let rows = offices
                .iter()
                .map(|o| {
                    vec![
                        o.id.clone(),
                        o.name.clone(),
                        o.time_zone.clone(),
                        o.services.to_string(),
                    ]
                })
                .collect::<Vec<_>>();
            table(&["ID", "KANTOR", "ZONA", "LAYANAN"], &rows);
            Ok(())
        }
        // The IT staff's commands name their databases themselves (no `--db`, no account).
        Command::Server { action } => server::run_server(action, as_json),
        Command::Db { action } => server::run_db(action, as_json),
        Command::Check { checkpoints, codes } => {
            store::check(&db_path, &checkpoints, &codes, as_json)
        }
        Command::Init {
            office,
            profile,
            sign_in,
        } => {
            let source = match (office, profile) {
                (Some(id), _) => ProfileSource::Shipped(id),
                (None, Some(path)) => ProfileSource::File(path),
                (None, None) => {
                    return Err(ApiError::bad_input(
                        "sebutkan --office <kantor> atau --profile BERKAS.toml",
                    ))
                }
            };
            // Validate before opening: a bad profile must not create or touch the database.
            let loaded = LoadedProfile::read(&source)?;
            let mut loket = Loket::open(&db_path)?;
            let now = crate::context::now()?;
            // An office with accounts is re-imported by a signed-in administrator only.
            let report = match loket.office_import(&loaded, now) {
                Err(e)
                    if e.code == loket_api::ErrorCode::Forbidden && sign_in.login().is_some() =>
                {
                    let actor = sign_in.actor(&loket)?;
                    loket.office_reimport(&actor, &loaded, now)?
                }
                other => other?,
            };
            if as_json {
                return json(&report);
            }
            let verb = if report.updated {
                "diperbarui"
            } else {
                "dibuat"
            };
            println!("Profil {} {verb} di {}", report.office_name, report.db_path);
            println!(
                "{} layanan ({} versi standar), {} orang.",
                report.services, report.service_versions, report.people
            );
            Ok(())
        }
        command => {
            let mut loket = Loket::open(&db_path)?;
            crate::context::set_office_zone(&loket);
            with_db(&mut loket, command, as_json)
        }
    }
}

fn with_db(loket: &mut Loket, command: Command, as_json: bool) -> Result<(), ApiError> {
    match command {
        Command::Office {
            action: Some(action),
        } => office::run(loket, action, as_json),
        Command::Office { action: None } => {
            let view = loket.office_view()?;
            if as_json {
                return json(&view);
            }
            let o = &view.office;
            println!("{}\n{}", o.pemerintah, o.nama_dinas);
            println!(
                "{}",
                [o.alamat.as_str(), o.kode_pos.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            for (label, value) in [
                ("Telepon", &o.telepon),
                ("Faksimile", &o.faksimile),
                ("Pos-el", &o.pos_el),
                ("Laman", &o.laman),
            ] {
                if !value.is_empty() {
                    println!("{label}: {value}");
                }
            }
            println!("Zona waktu: {}", view.time_zone_label);
            list("Jam kerja", &view.office_hours_words);
            list(
                "Unit",
                &view
                    .units
                    .iter()
                    .map(|u| format!("{} ({})", u.name, u.kind.label()))
                    .collect::<Vec<_>>(),
            );
            list(
                "Standar pelayanan",
                &view
                    .standards
                    .iter()
                    .map(|s| format!("{} — berlaku {}", s.title, s.effective))
                    .collect::<Vec<_>>(),
            );
            Ok(())
        }
        Command::Services { query } => {
            let services = loket.catalog_list(query.as_deref())?;
            if as_json {
                return json(&services);
            }
            let rows = services
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.name.clone(),
                        s.unit_name.clone(),
                        s.time_words.clone(),
                    ]
                })
                .collect::<Vec<_>>();
            table(&["ID", "LAYANAN", "UNIT", "WAKTU"], &rows);
            Ok(())
        }
        Command::Service {
            action: ServiceAction::Show { id, on },
        } => {
            let on = on
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| {
                        ApiError::bad_input(format!(
                            "tanggal --on `{d}` tidak valid; tulis TTTT-BB-HH, misalnya 2024-03-27"
                        ))
                    })
                })
                .transpose()?;
            let d = loket.catalog_show(&id, on)?;
            if as_json {
                return json(&d);
            }
            let s = &d.service;
            println!("{}\n", s.name);
            println!("Unit          : {}", d.unit_name);
            println!("Waktu layanan : {}", d.time_words);
            println!("Biaya         : {}", s.fee);
            println!(
                "Standar       : {} (berlaku {})",
                d.standard.title, s.effective
            );
            list("Persyaratan", &s.requirements);
            let steps: Vec<String> = d
                .steps
                .iter()
                .map(|st| {
                    let actor = st
                        .actor_name
                        .as_deref()
                        .map(|a| format!("[{a}] "))
                        .unwrap_or_default();
                    let time = st
                        .time_words
                        .as_deref()
                        .map(|t| format!(" ({t})"))
                        .unwrap_or_default();
                    format!("{actor}{}{time}", st.text)
                })
                .collect();
            list("Prosedur", &steps);
            list("Produk layanan", &s.products);
            list(
                "Surat yang dihasilkan",
                &d.letters
                    .iter()
                    .map(|l| l.label.clone())
                    .collect::<Vec<_>>(),
            );
            list("Pengaduan", &s.complaints);
            list("Dasar hukum", &s.legal_basis);
            if d.versions.len() > 1 {
                list(
                    "Versi standar",
                    &d.versions
                        .iter()
                        .map(|v| {
                            format!(
                                "{} — berlaku {}: {}",
                                v.standard_number, v.effective, v.time_words
                            )
                        })
                        .collect::<Vec<_>>(),
                );
            }
            Ok(())
        }
        Command::People => {
            let people = loket.people_list()?;
            if as_json {
                return json(&people);
            }
            let rows = people
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.nip_formatted.clone(),
                        p.pangkat.clone().unwrap_or_default(),
                        p.jabatan.clone(),
                    ]
                })
                .collect::<Vec<_>>();
            table(&["NAMA", "NIP", "PANGKAT", "JABATAN"], &rows);
            Ok(())
        }
        Command::Letter { action } => letter::run(loket, action, as_json),
        Command::Signer { action } => signer::run(loket, action, as_json),
        c @ (Command::User(_) | Command::Case(_) | Command::Disposition(_)) => {
            requests::run(loket, c, as_json)
        }
        Command::Resource(args) => booking::run_resource(loket, args, as_json),
        Command::Booking(args) => booking::run_booking(loket, args, as_json),
        Command::Skm(args) => skm::run(loket, args, as_json),
        Command::Evaluasi(args) => evaluasi::run(loket, args, as_json),
        Command::Backup { out } => store::backup(loket, &out, as_json),
        Command::Audit { action } => store::audit(loket, action, as_json),
        Command::Offices
        | Command::Check { .. }
        | Command::Server { .. }
        | Command::Db { .. }
        | Command::Init { .. }
        | Command::Sla { .. }
        | Command::Deadlines { .. }
        | Command::Calendar { .. }
        | Command::Watch { .. }
        | Command::Bench { .. } => {
            unreachable!("handled before the database is opened")
        }
    }
}
