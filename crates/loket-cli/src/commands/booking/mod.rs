//! `loket resource ...` and `loket booking ...`: the equipment and room schedule.

mod args;

pub use args::{BookingAction, BookingArgs, ResourceAction, ResourceArgs};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_api::booking::{parse_local, BookingRequest, BookingView, NewResource, SlotRequest};
use loket_api::{ApiError, Loket};
use loket_domain::booking::{ResourceKind, WeeklyRule};
use loket_domain::catalog::Weekday;
use loket_domain::time_zone::TimeZone;

use crate::output::{json, table};

/// The moment of the command: now in office time, or `LOKET_NOW` for scripted runs.
fn now(zone: TimeZone) -> Result<DateTime<FixedOffset>, ApiError> {
    Ok(crate::context::now()?.with_timezone(&zone.offset()))
}

fn zone(loket: &Loket) -> Result<TimeZone, ApiError> {
    Ok(loket.office_view()?.office.time_zone)
}

fn date(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "{what} `{text}` tidak valid; tulis TTTT-BB-HH, misalnya 2026-01-05"
        ))
    })
}

/// "vicon:2" → ("vicon", 2); "command-center" → ("command-center", 1).
fn resource_arg(text: &str) -> Result<(String, u32), ApiError> {
    match text.split_once(':') {
        None => Ok((text.to_string(), 1)),
        Some((id, n)) => n.parse::<u32>().map(|q| (id.to_string(), q)).map_err(|_| {
            ApiError::bad_input(format!(
                "--resource `{text}` tidak valid; tulis ID atau ID:JUMLAH, misalnya vicon:2"
            ))
        }),
    }
}

fn weekdays(text: &str) -> Result<Vec<Weekday>, ApiError> {
    text.split(',')
        .map(|d| {
            let d = d.trim().to_lowercase();
            Weekday::ALL.into_iter().find(|w| w.label().to_lowercase() == d).ok_or_else(|| {
                ApiError::bad_input(format!("hari `{d}` tidak dikenal; tulis senin, selasa, rabu, kamis, jumat, sabtu atau minggu, dipisah koma"))
            })
        })
        .collect()
}

fn print_bookings(list: &[BookingView]) {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            let res: Vec<String> = b
                .resources
                .iter()
                .map(|r| {
                    if r.quantity > 1 {
                        format!("{} ×{}", r.name, r.quantity)
                    } else {
                        r.name.clone()
                    }
                })
                .collect();
            vec![
                format!("#{}", b.id),
                b.when_words.clone(),
                b.title.clone(),
                res.join(", "),
                b.status_label.clone(),
            ]
        })
        .collect();
    table(&["NO", "WAKTU", "KEGIATAN", "SUMBER DAYA", "STATUS"], &rows);
}

fn print_booking(b: &BookingView) {
    println!("Pemesanan #{} — {}", b.id, b.title);
    println!("Waktu    : {}", b.when_words);
    println!(
        "Tempat   : {}{}",
        b.location,
        if b.outside_office {
            " (di luar kantor)"
        } else {
            ""
        }
    );
    println!("Status   : {}", b.status_label);
    if let Some(c) = b.case_id {
        println!("Permohonan: #{c}");
    }
    for r in &b.resources {
        println!("  - {} × {}", r.name, r.quantity);
    }
    if !b.operators.is_empty() {
        println!(
            "Operator : {}",
            b.operators
                .iter()
                .map(|o| o.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for h in &b.handovers {
        println!(
            "{} {}: {} ({})",
            if h.kind == "keluar" {
                "Keluar "
            } else {
                "Kembali"
            },
            h.at_words,
            h.condition,
            h.by_person
        );
    }
}

pub fn run_resource(loket: &mut Loket, args: ResourceArgs, as_json: bool) -> Result<(), ApiError> {
    let zone = zone(loket)?;
    let sign_in = args.sign_in;
    match args.action {
        ResourceAction::List => {
            let list = loket.resource_list()?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.name.clone(),
                        r.kind_label.clone(),
                        r.quantity.to_string(),
                        format!("{}/{} menit", r.setup_minutes, r.teardown_minutes),
                        r.unit_name.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table(
                &[
                    "ID",
                    "NAMA",
                    "JENIS",
                    "JUMLAH",
                    "PERSIAPAN/PENGEMASAN",
                    "UNIT",
                ],
                &rows,
            );
            Ok(())
        }
        ResourceAction::Add {
            id,
            name,
            kind,
            quantity,
            setup,
            teardown,
            unit,
            operators,
            skill,
        } => {
            let kind = match kind.as_str() {
                "ruang" => ResourceKind::Ruang,
                "peralatan" => ResourceKind::Peralatan,
                other => {
                    return Err(ApiError::bad_input(format!(
                        "--kind `{other}` tidak dikenal; gunakan ruang atau peralatan"
                    )))
                }
            };
            let r = NewResource {
                id,
                name,
                kind,
                quantity,
                setup_minutes: setup,
                teardown_minutes: teardown,
                unit,
                operators_needed: operators,
                skill,
            };
            let view = loket.resource_add(&r, &sign_in.actor(loket)?, now(zone)?)?;
            if as_json {
                return json(&view);
            }
            println!("Sumber daya {} ({}) tersimpan.", view.name, view.id);
            Ok(())
        }
        ResourceAction::AddSkill { person, skill } => {
            loket.resource_add_skill(&person, &skill, &sign_in.actor(loket)?, now(zone)?)?;
            if as_json {
                return json(&serde_json::json!({"person": person, "skill": skill}));
            }
            println!("Keahlian {skill} dicatat untuk {person}.");
            Ok(())
        }
        ResourceAction::Blackout {
            resource,
            start,
            end,
            reason,
        } => {
            let (s, e) = (
                parse_local(&start, zone, "--start")?,
                parse_local(&end, zone, "--end")?,
            );
            let id = loket.blackout_add(
                resource.as_deref(),
                s,
                e,
                &reason,
                &sign_in.actor(loket)?,
                now(zone)?,
            )?;
            if as_json {
                return json(&serde_json::json!({"blackout": id}));
            }
            println!("Masa tutup #{id} dicatat.");
            Ok(())
        }
        ResourceAction::Blackouts => {
            let list = loket.blackout_list(now(zone)?, None)?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|b| {
                    vec![
                        b.id.to_string(),
                        b.resource_name.clone(),
                        b.when_words.clone(),
                        b.reason.clone(),
                    ]
                })
                .collect();
            table(&["NO", "SUMBER DAYA", "WAKTU", "ALASAN"], &rows);
            Ok(())
        }
        ResourceAction::Unblock { id } => {
            loket.blackout_remove(id, &sign_in.actor(loket)?, now(zone)?)?;
            if as_json {
                return json(&serde_json::json!({"removed": id}));
            }
            println!("Masa tutup #{id} dihapus.");
            Ok(())
        }
    }
}

pub fn run_booking(loket: &mut Loket, args: BookingArgs, as_json: bool) -> Result<(), ApiError> {
    let zone = zone(loket)?;
    let sign_in = args.sign_in;
    match args.action {
        BookingAction::Create {
            title,
            start,
            end,
            resource,
            operator,
            case,
            location,
            outside_office,
            outside_hours,
            rundown,
            weekly,
            until,
            every,
        } => {
            let request = BookingRequest {
                title,
                case_id: case,
                location: location.unwrap_or_else(|| "Kantor".to_string()),
                outside_office,
                outside_hours,
                start: parse_local(&start, zone, "--start")?,
                end: parse_local(&end, zone, "--end")?,
                resources: resource
                    .iter()
                    .map(|r| resource_arg(r))
                    .collect::<Result<_, _>>()?,
                operators: operator,
                rundown: rundown.unwrap_or_default(),
                requested_by: std::env::var("LOKET_USER")
                    .ok()
                    .or_else(|| sign_in.user.clone())
                    .unwrap_or_default(),
            };
            if let Some(days) = weekly {
                let until = until.ok_or_else(|| {
                    ApiError::bad_input("jadwal berulang memerlukan --until TTTT-BB-HH")
                })?;
                let rule = WeeklyRule {
                    weekdays: weekdays(&days)?,
                    every_weeks: every,
                    until: date(&until, "--until")?,
                };
                let report = loket.booking_create_series(
                    &request,
                    &rule,
                    &sign_in.actor(loket)?,
                    now(zone)?,
                )?;
                if as_json {
                    return json(&report);
                }
                println!(
                    "{} pemesanan dibuat (seri #{}).",
                    report.created.len(),
                    report.series_id
                );
                print_bookings(&report.created);
                if !report.skipped.is_empty() {
                    println!("\nDilewati karena bentrok ({}):", report.skipped.len());
                    for s in &report.skipped {
                        println!("  - {}: {}", s.when_words, s.reason);
                    }
                }
                return Ok(());
            }
            let b = loket.booking_create(&request, &sign_in.actor(loket)?, now(zone)?)?;
            if as_json {
                return json(&b);
            }
            print_booking(&b);
            Ok(())
        }
        BookingAction::List {
            from,
            to,
            view,
            date: on,
            resource,
            all,
        } => {
            let (from, to) = match (view.as_deref(), on) {
                (Some(v), on) => {
                    let d = on
                        .map(|t| date(&t, "--date"))
                        .transpose()?
                        .unwrap_or(now(zone)?.date_naive());
                    let (start, days) = match v {
                        "hari" => (d, 1),
                        "minggu" => (
                            d - Duration::days(i64::from(
                                chrono::Datelike::weekday(&d).num_days_from_monday(),
                            )),
                            7,
                        ),
                        "bulan" => {
                            let first = d.with_day0_safe();
                            let next = if chrono::Datelike::month(&first) == 12 {
                                NaiveDate::from_ymd_opt(chrono::Datelike::year(&first) + 1, 1, 1)
                            } else {
                                NaiveDate::from_ymd_opt(
                                    chrono::Datelike::year(&first),
                                    chrono::Datelike::month(&first) + 1,
                                    1,
                                )
                            };
                            (first, next.map_or(31, |n| (n - first).num_days()))
                        }
                        other => {
                            return Err(ApiError::bad_input(format!(
                                "--view `{other}` tidak dikenal; gunakan hari, minggu atau bulan"
                            )))
                        }
                    };
                    (start, start + Duration::days(days))
                }
                (None, _) => {
                    let f = from
                        .map(|t| date(&t, "--from"))
                        .transpose()?
                        .unwrap_or(now(zone)?.date_naive());
                    let t = to
                        .map(|t| date(&t, "--to"))
                        .transpose()?
                        .unwrap_or(f + Duration::days(30));
                    (f, t + Duration::days(1))
                }
            };
            let at = |d: NaiveDate| {
                d.and_hms_opt(0, 0, 0)
                    .and_then(|n| n.and_local_timezone(zone.offset()).single())
            };
            let (Some(f), Some(t)) = (at(from), at(to)) else {
                return Err(ApiError::bad_input("rentang tanggal tidak valid"));
            };
            let list = loket.booking_list(f, t, resource.as_deref(), all)?;
            if as_json {
                return json(&list);
            }
            print_bookings(&list);
            Ok(())
        }
        BookingAction::Show { id } => {
            let b = loket.booking_show(id)?;
            if as_json {
                return json(&b);
            }
            print_booking(&b);
            Ok(())
        }
        BookingAction::Assign { id, operator } => done(
            loket.booking_assign_operators(id, &operator, &sign_in.actor(loket)?, now(zone)?)?,
            as_json,
            "mendapat operator",
        ),
        BookingAction::Approve { id } => done(
            loket.booking_approve(id, &sign_in.actor(loket)?, now(zone)?)?,
            as_json,
            "disetujui",
        ),
        BookingAction::CheckOut { id, condition } => done(
            loket.booking_check_out(id, &condition, &sign_in.actor(loket)?, now(zone)?)?,
            as_json,
            "keluar",
        ),
        BookingAction::CheckIn { id, condition } => done(
            loket.booking_check_in(id, &condition, &sign_in.actor(loket)?, now(zone)?)?,
            as_json,
            "kembali",
        ),
        BookingAction::Cancel { id, reason } => done(
            loket.booking_cancel(id, &reason, &sign_in.actor(loket)?, now(zone)?)?,
            as_json,
            "dibatalkan",
        ),
        BookingAction::FreeSlots {
            minutes,
            resource,
            operator,
            from,
            to,
            outside_hours,
            limit,
        } => {
            let from = date(&from, "--from")?;
            let to = to
                .map(|t| date(&t, "--to"))
                .transpose()?
                .unwrap_or(from + Duration::days(6));
            let res: Vec<(String, u32)> = resource
                .iter()
                .map(|r| resource_arg(r))
                .collect::<Result<_, _>>()?;
            let slots = loket.booking_free_slots(&SlotRequest {
                duration_minutes: minutes,
                resources: res,
                operators: operator,
                from,
                to,
                outside_hours,
                limit,
            })?;
            if as_json {
                return json(&slots);
            }
            if slots.is_empty() {
                println!("Tidak ada slot kosong pada rentang itu.");
            }
            for s in &slots {
                println!("{}", s.when_words);
            }
            Ok(())
        }
        BookingAction::ExportIcs {
            out,
            resource,
            from,
            to,
        } => {
            let today = now(zone)?.date_naive();
            let from = from
                .map(|t| date(&t, "--from"))
                .transpose()?
                .unwrap_or(today - Duration::days(365));
            let to = to
                .map(|t| date(&t, "--to"))
                .transpose()?
                .unwrap_or(today + Duration::days(365));
            let at = |d: NaiveDate| {
                d.and_hms_opt(0, 0, 0)
                    .and_then(|n| n.and_local_timezone(zone.offset()).single())
            };
            let (Some(f), Some(t)) = (at(from), at(to + Duration::days(1))) else {
                return Err(ApiError::bad_input("rentang tanggal tidak valid"));
            };
            let text = loket.booking_export_ics(f, t, resource.as_deref(), now(zone)?)?;
            std::fs::write(&out, &text).map_err(|e| {
                let e = crate::output::os_words(&e);
                ApiError::bad_input(format!(
                    "berkas {} tidak dapat ditulis ({e}); periksa foldernya",
                    out.display()
                ))
            })?;
            if as_json {
                return json(
                    &serde_json::json!({"ics": out.display().to_string(), "events": text.matches("BEGIN:VEVENT").count()}),
                );
            }
            println!(
                "{} acara diekspor ke {}",
                text.matches("BEGIN:VEVENT").count(),
                out.display()
            );
            Ok(())
        }
        BookingAction::Tomorrow { now: at } => {
            let at = at
                .map(|t| parse_local(&t, zone, "--now"))
                .transpose()?
                .unwrap_or(now(zone)?);
            let list = loket.booking_tomorrow(at)?;
            if as_json {
                return json(&list);
            }
            if list.is_empty() {
                println!("Tidak ada yang perlu disiapkan untuk hari kerja berikutnya.");
            }
            for b in &list {
                print_booking(b);
                println!();
            }
            Ok(())
        }
    }
}

fn done(b: BookingView, as_json: bool, what: &str) -> Result<(), ApiError> {
    if as_json {
        return json(&b);
    }
    println!("Pemesanan #{} {what}.", b.id);
    Ok(())
}

trait FirstOfMonth {
    fn with_day0_safe(self) -> NaiveDate;
}

impl FirstOfMonth for NaiveDate {
    fn with_day0_safe(self) -> NaiveDate {
        chrono::Datelike::with_day(&self, 1).unwrap_or(self)
    }
}
