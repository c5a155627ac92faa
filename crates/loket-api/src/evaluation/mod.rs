//! `evaluation.report`: the evaluation of the service's performance (evaluasi kinerja
//! pelaksana) for a quarter, semester or year, for the office, per unit and per service — the
//! survey's IKM per element and overall with its grade and the respondents against the
//! minimum sample, the service-time compliance of the Laporan recap (on time or late against
//! the standard in force on the day of receipt, median working days), the complaints received
//! and answered in time, and the lowest-scoring elements as the priorities for improvement.

mod draft;
pub mod dto;
mod pdf;
mod summary;
mod xlsx;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::skm_responses::SkmResponseRow;
use loket_domain::skm::{Answers, Education, Occupation, Period, Sex};
use loket_domain::tanggal::tanggal;

use self::dto::{Evaluation, EvaluationRow, ProfileCount, TrendPoint};
use self::summary::{complaints, priorities, summary, Standing};
use crate::account::Actor;
use crate::report::dto::RecapRow;
use crate::skm::complaint::{answer_due, standing};
use crate::{ApiError, Loket};

pub const REPORT: &str = "evaluation.report";
pub const EXPORT_XLSX: &str = "evaluation.export_xlsx";
pub use draft::ID as DRAFT;
pub use pdf::{angka, pdf_name, EXPORT_PDF};

/// The workbook's file name: "evaluasi-2026-T1.xlsx".
pub fn file_name(period: Period) -> String {
    format!("evaluasi-{}.xlsx", period.code())
}

/// Reads a period ("2026-T1", "2026-S2", "2026").
///
/// Errors: `BadInput` naming the accepted forms.
pub fn parse_period(text: &str) -> Result<Period, ApiError> {
    Period::parse(text).map_err(ApiError::bad_input)
}

fn answers(rows: &[&SkmResponseRow]) -> (Vec<Answers>, u32) {
    let walk_in = rows.iter().filter(|r| r.case_id.is_none()).count() as u32;
    (
        rows.iter().map(|r| crate::skm::list_answers(r)).collect(),
        walk_in,
    )
}

fn in_period(day: &str, from: NaiveDate, to: NaiveDate) -> bool {
    NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok_and(|d| from <= d && d <= to)
}

fn age_group(age: u8) -> &'static str {
    match age {
        0..=24 => "15–24 tahun",
        25..=34 => "25–34 tahun",
        35..=44 => "35–44 tahun",
        45..=54 => "45–54 tahun",
        _ => "55 tahun ke atas",
    }
}

fn profile(rows: &[SkmResponseRow]) -> Vec<ProfileCount> {
    let mut out: Vec<ProfileCount> = Vec::new();
    let mut add = |group: &str, label: &str| match out
        .iter_mut()
        .find(|p| p.group == group && p.label == label)
    {
        Some(p) => p.count += 1,
        None => out.push(ProfileCount {
            group: group.to_string(),
            label: label.to_string(),
            count: 1,
        }),
    };
    for r in rows {
        let sex = Sex::ALL
            .iter()
            .find(|s| s.code() == r.sex)
            .map(|s| s.label());
        add("Jenis kelamin", sex.unwrap_or(&r.sex));
        add("Umur", age_group(r.age));
        let e = Education::ALL
            .iter()
            .find(|e| e.code() == r.education)
            .map(|e| e.label());
        add("Pendidikan", e.unwrap_or(&r.education));
        let o = Occupation::ALL
            .iter()
            .find(|o| o.code() == r.occupation)
            .map(|o| o.label());
        add("Pekerjaan", o.unwrap_or(&r.occupation));
    }
    out
}

impl Loket {
    /// The evaluation of `period`, open requests and complaints judged at `now`.
    ///
    /// Errors: `Forbidden` for a deactivated account.
    pub fn evaluation_report(
        &mut self,
        actor: &Actor,
        period: Period,
        now: DateTime<FixedOffset>,
    ) -> Result<Evaluation, ApiError> {
        let (from, to) = (period.from(), period.to());
        let recap = self.report_services(actor, from, to, now)?;
        let cal = self.working_calendar()?;
        let rows = self.db.skm_responses(&from.to_string(), &to.to_string())?;
        let complaint_rows = self.db.complaints(&from.to_string(), &to.to_string())?;
        let standings: Vec<(String, Standing)> = complaint_rows
            .iter()
            .map(|c| {
                let received = DateTime::parse_from_rfc3339(&c.received_at).unwrap_or(now);
                let due = answer_due(received, c.answer_days, &cal);
                let (answered, in_time) = standing(c, due, now, &cal);
                (c.service_id.clone(), (c.kind.as_str(), answered, in_time))
            })
            .collect();

        // Which unit holds each service.
        let mut unit_of: HashMap<String, String> = HashMap::new();
        for v in self.db.service_versions()? {
            unit_of.insert(v.id.clone(), v.unit.clone());
        }
        let mut extra: Vec<String> = rows
            .iter()
            .map(|r| r.service_id.clone())
            .chain(complaint_rows.iter().map(|c| c.service_id.clone()))
            .filter(|id| !recap.services.iter().any(|s| s.key == *id))
            .collect();
        extra.sort();
        extra.dedup();
        for id in &extra {
            if let Some(v) = self.db.service_history(id)?.pop() {
                unit_of.insert(id.clone(), v.unit);
            }
        }

        let line = |key: &str, label: &str, time: &RecapRow, keep: &dyn Fn(&str) -> bool| {
            let mine: Vec<&SkmResponseRow> = rows.iter().filter(|r| keep(&r.service_id)).collect();
            let (a, walk_in) = answers(&mine);
            let c: Vec<Standing> = standings
                .iter()
                .filter(|(s, _)| keep(s))
                .map(|(_, st)| *st)
                .collect();
            EvaluationRow {
                key: key.to_string(),
                label: label.to_string(),
                skm: summary(&a, walk_in, time.completed),
                time: time.clone(),
                complaints: complaints(&c),
            }
        };

        let mut services = Vec::new();
        for s in &recap.services {
            let row = line(&s.key, &s.label, s, &|id| id == s.key);
            if s.received > 0 || row.skm.respondents > 0 || row.complaints.received > 0 {
                services.push(row);
            }
        }
        for id in &extra {
            let name = self.service_name(id)?;
            let time = RecapRow {
                key: id.clone(),
                label: name.clone(),
                ..RecapRow::default()
            };
            services.push(line(id, &name, &time, &|s| s == id));
        }
        let mut units = Vec::new();
        for u in &recap.units {
            let row = line(&u.key, &u.label, u, &|id| {
                unit_of.get(id).is_some_and(|unit| *unit == u.key)
            });
            if u.received > 0 || row.skm.respondents > 0 || row.complaints.received > 0 {
                units.push(row);
            }
        }
        let office = line("kantor", "Seluruh layanan", &recap.total, &|_| true);

        let mut trend = Vec::new();
        for q in period.quarters_of_year() {
            let (qf, qt) = (q.from(), q.to());
            let outside;
            let of_q: Vec<&SkmResponseRow> = if qf >= from && qt <= to {
                rows.iter()
                    .filter(|r| in_period(&r.answered_on, qf, qt))
                    .collect()
            } else {
                outside = self.db.skm_responses(&qf.to_string(), &qt.to_string())?;
                outside.iter().collect()
            };
            let (a, walk_in) = answers(&of_q);
            let s = summary(&a, walk_in, 0);
            trend.push(TrendPoint {
                period: q.code(),
                label: q
                    .label()
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .trim()
                    .to_string(),
                respondents: s.respondents,
                ikm: s.ikm,
                grade: s.grade,
            });
        }

        Ok(Evaluation {
            period: period.code(),
            period_label: period.label(),
            from: from.to_string(),
            to: to.to_string(),
            period_words: format!("{} s.d. {}", tanggal(from), tanggal(to)),
            now_words: recap.now_words.clone(),
            office_name: self.db.office()?.office.nama_dinas,
            priorities: priorities(&office.skm),
            office,
            units,
            services,
            trend,
            profile: profile(&rows),
            suggestions: rows
                .iter()
                .filter(|r| !r.suggestion.is_empty())
                .map(|r| r.suggestion.clone())
                .collect(),
        })
    }
}

impl Loket {
    /// The evaluation of `period` as an `.xlsx` workbook (Unsur, Bidang, Layanan, Tren).
    ///
    /// Errors: as [`Loket::evaluation_report`]; `Internal` when the workbook cannot be made.
    pub fn evaluation_export_xlsx(
        &mut self,
        actor: &Actor,
        period: Period,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<u8>, ApiError> {
        let e = self.evaluation_report(actor, period, now)?;
        xlsx::workbook(&e).map_err(|x| {
            ApiError::new(
                crate::ErrorCode::Internal,
                format!("evaluasi tidak dapat dibuat sebagai Excel: {x}"),
            )
        })
    }
}
