//! What became of each request: its status, and for a completed one whether it kept the due
//! moment of its Standar Pelayanan (recomputed as the Tenggat view does: the service time of
//! the standard in force at receipt, the pauses, the extension, today's calendar).

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::cases::CaseRow;
use loket_domain::calendar::WorkingCalendar;
use loket_domain::deadline::{due_at, Extension, Pause};

use super::tally::Outcome;
use crate::{ApiError, Loket};

fn parse(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(t).ok()
}

/// Working days after `from`'s day up to and including `to`'s day (0 on the same day).
pub(crate) fn working_days(
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> u32 {
    let (mut d, end) = (cal.local(from).date(), cal.local(to).date());
    let mut n = 0;
    while d < end && n < 10_000 {
        d += Duration::days(1);
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    n
}

impl Loket {
    /// The outcome of each of `cases`, in the same order. `overdue` tells, per open case,
    /// whether the deadline view finds it late now.
    pub(super) fn outcomes(
        &self,
        cases: &[CaseRow],
        overdue: &HashMap<i64, bool>,
        cal: &WorkingCalendar,
    ) -> Result<Vec<Outcome>, ApiError> {
        let extensions: HashMap<i64, Extension> = self
            .db
            .case_extensions()?
            .into_iter()
            .filter_map(|e| {
                Some((
                    e.case_id,
                    Extension {
                        amount: e.amount,
                        unit: serde_json::from_value(serde_json::Value::String(e.unit)).ok()?,
                        reason: e.reason,
                        granted_by: e.granted_by,
                    },
                ))
            })
            .collect();
        let mut out = Vec::with_capacity(cases.len());
        for c in cases {
            let o = match c.status.as_str() {
                "selesai" => self.completed(c, extensions.get(&c.id), cal)?,
                "dikembalikan" => Outcome::Returned,
                "ditolak" => Outcome::Rejected,
                _ => Outcome::Open {
                    overdue: overdue.get(&c.id).copied().unwrap_or(false),
                },
            };
            out.push(o);
        }
        Ok(out)
    }

    /// A completed case: completed at its last status change, late when after its due moment.
    fn completed(
        &self,
        c: &CaseRow,
        extension: Option<&Extension>,
        cal: &WorkingCalendar,
    ) -> Result<Outcome, ApiError> {
        let (Some(received), Some(done)) = (parse(&c.received_at), parse(&c.updated_at)) else {
            return Ok(Outcome::Completed {
                late: None,
                days: 0,
            });
        };
        let time = self
            .db
            .service_history(&c.service_id)?
            .into_iter()
            .find(|v| v.standard == c.standard_id)
            .map(|v| v.time);
        let pauses: Vec<Pause> = self
            .db
            .pauses(c.id)?
            .iter()
            .filter_map(|p| {
                Some(Pause {
                    from: parse(&p.started_at)?,
                    to: p.ended_at.as_deref().and_then(parse),
                })
            })
            .collect();
        let computed = time.and_then(|t| due_at(&t, received, cal, &pauses, extension).ok());
        // sesuai jadwal: the stored due is the booked slot.
        let due = computed
            .as_ref()
            .and_then(|d| d.due)
            .or_else(|| c.due_at.as_deref().and_then(parse));
        Ok(Outcome::Completed {
            late: due.map(|d| done > d),
            days: working_days(received, done, cal),
        })
    }
}
