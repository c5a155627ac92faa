//! How urgent a deadline is at a given moment.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::calendar::WorkingCalendar;
use crate::catalog::{Counting, ServiceTime, TimeUnit};

use super::count::office_minutes_between;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// The state of a case or disposition against its deadline, least to most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// On track.
    DalamBatas,
    /// Due soon (within the threshold of [`DueSoon`]).
    SegeraJatuhTempo,
    /// Due before the end of today.
    JatuhTempoHariIni,
    /// The due moment has passed.
    Terlambat,
}

impl DeadlineState {
    /// Every state, least urgent first.
    pub const ALL: [DeadlineState; 4] = [
        DeadlineState::DalamBatas,
        DeadlineState::SegeraJatuhTempo,
        DeadlineState::JatuhTempoHariIni,
        DeadlineState::Terlambat,
    ];

    /// The state as the UI and notifications say it.
    pub fn label(self) -> &'static str {
        match self {
            DeadlineState::DalamBatas => "Dalam batas",
            DeadlineState::SegeraJatuhTempo => "Segera jatuh tempo",
            DeadlineState::JatuhTempoHariIni => "Jatuh tempo hari ini",
            DeadlineState::Terlambat => "Terlambat",
        }
    }

    /// The serde name ("segera_jatuh_tempo"), stable for storage.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineState::DalamBatas => "dalam_batas",
            DeadlineState::SegeraJatuhTempo => "segera_jatuh_tempo",
            DeadlineState::JatuhTempoHariIni => "jatuh_tempo_hari_ini",
            DeadlineState::Terlambat => "terlambat",
        }
    }

    /// The inverse of [`DeadlineState::key`].
    pub fn from_key(key: &str) -> Option<DeadlineState> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// When a deadline counts as due soon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum DueSoon {
    /// Due on one of the next N working days after today.
    WorkingDays(u32),
    /// At most `percent` of the whole time is left, measured in office time when
    /// `office_time`, else in wall time (sub-day services).
    Percent { percent: u8, office_time: bool },
}

impl DueSoon {
    /// The default for a service time: 25 % of the time for minutes and hours, else 1 working day.
    pub fn for_time(time: &ServiceTime) -> DueSoon {
        match time.unit {
            TimeUnit::Menit | TimeUnit::Jam => DueSoon::Percent {
                percent: 25,
                office_time: time.counting == Counting::JamKerja,
            },
            _ => DueSoon::WorkingDays(1),
        }
    }
}

/// The state at `now` of a deadline that started at `start` and is due at `due`.
///
/// Overdue when `now` is after `due`. With [`DueSoon::WorkingDays`]: due today when `due`
/// falls on today's (office-local) date, due soon when it falls on one of the next N working
/// days. With [`DueSoon::Percent`]: due soon when at most that share of the time is left (this
/// wins over due today, being the sharper signal for sub-day services), due today when the
/// deadline started on an earlier day and falls today.
pub fn state_at(
    start: DateTime<FixedOffset>,
    due: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
    rule: DueSoon,
) -> DeadlineState {
    if now > due {
        return DeadlineState::Terlambat;
    }
    let (today, due_day) = (cal.local(now).date(), cal.local(due).date());
    match rule {
        DueSoon::WorkingDays(n) => {
            if due_day == today {
                return DeadlineState::JatuhTempoHariIni;
            }
            let mut day = today;
            let mut working = 0;
            while let Some(next) = day.succ_opt() {
                if next > due_day || working > n {
                    break;
                }
                day = next;
                if cal.is_working_day(day) {
                    working += 1;
                }
            }
            if working <= n {
                DeadlineState::SegeraJatuhTempo
            } else {
                DeadlineState::DalamBatas
            }
        }
        DueSoon::Percent {
            percent,
            office_time,
        } => {
            let (whole, left) = if office_time {
                let (s, n, d) = (cal.local(start), cal.local(now), cal.local(due));
                (
                    office_minutes_between(cal, s, d, &[]),
                    office_minutes_between(cal, n.max(s), d, &[]),
                )
            } else {
                (
                    (due - start).num_minutes(),
                    (due - now.max(start)).num_minutes(),
                )
            };
            if left * 100 <= whole * i64::from(percent) {
                DeadlineState::SegeraJatuhTempo
            } else if due_day == today && cal.local(start).date() < today {
                DeadlineState::JatuhTempoHariIni
            } else {
                DeadlineState::DalamBatas
            }
        }
    }
}
