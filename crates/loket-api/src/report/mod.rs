//! `report.services`: the recap a Kepala Dinas or Sekretaris reports upward for a month or a
//! year — per service and per unit, the requests received in the period and what became of
//! them (completed on time or late against the Standar Pelayanan, returned, rejected, still
//! open and overdue), the bookings per resource and the letters issued per kind; and
//! `report.export_xlsx`, the same tables as an Excel workbook.

pub mod dto;
mod outcome;
mod tally;
mod xlsx;

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_domain::booking::{BookingStatus, Span};
use loket_domain::deadline::DeadlineState;
use loket_domain::tanggal::tanggal;

use self::dto::{LetterCount, RecapRow, ResourceUse, ServiceReport};
use self::tally::{tally, Outcome};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const SERVICES: &str = "report.services";
pub const EXPORT_XLSX: &str = "report.export_xlsx";

/// Parses a period's day (TTTT-BB-HH); `what` names it in the message.
///
/// Errors: `BadInput` naming the value and the format.
pub fn parse_day(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "{what} `{text}` tidak valid; tulis TTTT-BB-HH, misalnya 2026-03-01"
        ))
    })
}

/// The workbook's file name: "rekap-layanan-2026-03-01-sd-2026-03-31.xlsx".
pub fn file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("rekap-layanan-{from}-sd-{to}.xlsx")
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Loket {
    /// The recap of the requests received from `from` to `to` (inclusive), judged at `now`.
    ///
    /// Errors: `Forbidden` for a deactivated account; `BadInput` when `from` is after `to`.
    pub fn report_services(
        &mut self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<ServiceReport, ApiError> {
        self.current(actor)?;
        if from > to {
            return Err(ApiError::bad_input(format!(
                "periode laporan terbalik: tanggal awal {} sesudah tanggal akhir {}; tukar keduanya",
                tanggal(from),
                tanggal(to)
            )));
        }
        let cal = self.working_calendar()?;
        let overdue: HashMap<i64, bool> = self
            .deadlines_all(now)?
            .iter()
            .filter(|i| i.kind == "permohonan")
            .map(|i| (i.case_id, i.state == Some(DeadlineState::Terlambat)))
            .collect();
        let cases = self.db.cases(&loket_db::cases::CaseQuery {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            ..Default::default()
        })?;
        let outcomes = self.outcomes(&cases, &overdue, &cal)?;

        // The catalog's services in order, then any retired one a request still names.
        let mut services: Vec<(String, String, String)> = Vec::new();
        for v in self.db.service_versions()? {
            if !services.iter().any(|(id, _, _)| *id == v.id) {
                services.push((v.id.clone(), v.name.clone(), v.unit.clone()));
            }
        }
        for c in &cases {
            if !services.iter().any(|(id, _, _)| *id == c.service_id) {
                if let Some(v) = self.db.service_history(&c.service_id)?.pop() {
                    services.push((v.id.clone(), v.name.clone(), v.unit.clone()));
                }
            }
        }
        let of_service = |id: &str| -> Vec<Outcome> {
            cases
                .iter()
                .zip(&outcomes)
                .filter(|(c, _)| c.service_id == id)
                .map(|(_, o)| *o)
                .collect()
        };
        let service_rows: Vec<RecapRow> = services
            .iter()
            .map(|(id, name, _)| tally(id, name, &of_service(id)))
            .collect();
        let mut unit_rows = Vec::new();
        for u in self.db.units()? {
            let ids: Vec<&str> = services
                .iter()
                .filter(|(_, _, unit)| *unit == u.id)
                .map(|(id, _, _)| id.as_str())
                .collect();
            if ids.is_empty() {
                continue;
            }
            let of_unit: Vec<Outcome> = cases
                .iter()
                .zip(&outcomes)
                .filter(|(c, _)| ids.contains(&c.service_id.as_str()))
                .map(|(_, o)| *o)
                .collect();
            unit_rows.push(tally(&u.id, &u.name, &of_unit));
        }
        let total = tally("total", "Jumlah", &outcomes);
        let (resources, letters) = (
            self.resource_use(from, to, &cal)?,
            self.letters_issued(from, to)?,
        );
        Ok(ServiceReport {
            from: from.to_string(),
            to: to.to_string(),
            period_words: format!("{} s.d. {}", tanggal(from), tanggal(to)),
            now_words: crate::sla::moment_words(now, &cal),
            services: service_rows,
            units: unit_rows,
            total,
            letters_total: letters.iter().map(|l| l.count).sum(),
            resources,
            letters,
        })
    }

    /// The recap of the period as an `.xlsx` workbook (Layanan, Bidang, Peralatan, Surat).
    ///
    /// Errors: as [`Loket::report_services`]; `Internal` when the workbook cannot be made.
    pub fn report_export_xlsx(
        &mut self,
        actor: &Actor,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<u8>, ApiError> {
        let report = self.report_services(actor, from, to, now)?;
        xlsx::workbook(&report).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("laporan tidak dapat dibuat sebagai Excel: {e}"),
            )
        })
    }

    /// Bookings starting in the period, per resource (every resource, in catalog order).
    fn resource_use(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        cal: &loket_domain::calendar::WorkingCalendar,
    ) -> Result<Vec<ResourceUse>, ApiError> {
        let start = cal
            .at(from.and_hms_opt(0, 0, 0).unwrap_or_default())
            .timestamp();
        let end = cal
            .at((to + Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default())
            .timestamp();
        let bookings = match Span::new(start, end) {
            Some(window) => self.db.bookings_in(window)?,
            None => Vec::new(),
        };
        let mut out: Vec<ResourceUse> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| ResourceUse {
                resource_id: r.id,
                name: r.name,
                ..ResourceUse::default()
            })
            .collect();
        for b in bookings
            .iter()
            .filter(|b| b.span.start >= start && b.span.start < end)
        {
            for (rid, _) in &b.resources {
                let Some(u) = out.iter_mut().find(|u| u.resource_id == *rid) else {
                    continue;
                };
                if b.status == BookingStatus::Dibatalkan {
                    u.cancelled += 1;
                } else {
                    u.bookings += 1;
                    u.hours += (b.span.end - b.span.start) as f64 / 3600.0;
                }
            }
        }
        for u in &mut out {
            u.hours = one_decimal(u.hours);
        }
        Ok(out)
    }

    /// Letters of the outgoing agenda dated in the period, per kind (kinds with none left out).
    fn letters_issued(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LetterCount>, ApiError> {
        let mut out: Vec<LetterCount> = Loket::letter_kinds()
            .into_iter()
            .map(|k| LetterCount {
                kind: k.id,
                label: k.label,
                count: 0,
            })
            .collect();
        for l in self.db.issued_letters(None)? {
            let day = l
                .tanggal
                .get(..10)
                .or(l.issued_at.get(..10))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            if !day.is_some_and(|d| from <= d && d <= to) {
                continue;
            }
            match out.iter_mut().find(|c| c.kind == l.kind) {
                Some(c) => c.count += 1,
                None => out.push(LetterCount {
                    label: l.kind.clone(),
                    kind: l.kind,
                    count: 1,
                }),
            }
        }
        out.retain(|c| c.count > 0);
        Ok(out)
    }
}
