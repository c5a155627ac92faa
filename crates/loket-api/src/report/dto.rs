//! What the Laporan view shows: one recap of a period.

use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// One line of the service recap (a service, a unit, or the total). Counted over the requests
/// received in the period: `received = completed + returned + rejected + open`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RecapRow {
    /// The service or unit id; "total" for the total line.
    pub key: String,
    /// "Subdomain dan hosting", "Bidang Aptika", "Jumlah".
    pub label: String,
    pub received: u32,
    /// Selesai.
    pub completed: u32,
    /// Completed no later than the due moment.
    pub on_time: u32,
    /// Completed after the due moment.
    pub late: u32,
    /// Completed without a computed due moment (sesuai jadwal, tidak ditentukan).
    pub without_deadline: u32,
    /// `on_time / (on_time + late) * 100`, one decimal; `None` when nothing was measured.
    pub on_time_percent: Option<f64>,
    /// Dikembalikan (waiting for the applicant).
    pub returned: u32,
    /// Ditolak.
    pub rejected: u32,
    /// Still being worked on.
    pub open: u32,
    /// Of the open ones, past their due moment at the report's moment.
    pub open_overdue: u32,
    /// Median working days from receipt to completion, one decimal.
    pub median_days: Option<f64>,
    /// Mean working days from receipt to completion, one decimal.
    pub mean_days: Option<f64>,
}

/// The use of one resource in the period (bookings starting in it).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ResourceUse {
    pub resource_id: String,
    pub name: String,
    /// Bookings not cancelled.
    pub bookings: u32,
    /// Hours booked by the bookings not cancelled, one decimal.
    pub hours: f64,
    pub cancelled: u32,
}

/// Letters issued of one kind in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterCount {
    pub kind: String,
    /// "Surat Rekomendasi".
    pub label: String,
    pub count: u32,
}

/// The recap of a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServiceReport {
    /// YYYY-MM-DD, inclusive.
    pub from: String,
    /// YYYY-MM-DD, inclusive.
    pub to: String,
    /// "1 Maret 2026 s.d. 31 Maret 2026".
    pub period_words: String,
    /// "Senin, 23 November 2026 pukul 13.00 WIB": the moment open requests were judged.
    pub now_words: String,
    pub services: Vec<RecapRow>,
    pub units: Vec<RecapRow>,
    pub total: RecapRow,
    pub resources: Vec<ResourceUse>,
    pub letters: Vec<LetterCount>,
    pub letters_total: u32,
}
