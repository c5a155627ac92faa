//! Service times in words, as the UI and letters print them.

use super::types::{Counting, ServiceTime, TimeUnit};
use crate::terbilang::with_words;

fn amount_unit(amount: Option<u32>, unit: TimeUnit) -> String {
    match (unit, amount) {
        (TimeUnit::SesuaiJadwal, _) => "sesuai jadwal".to_string(),
        (TimeUnit::TidakDitentukan, _) => "tidak ditentukan dalam standar".to_string(),
        (_, Some(n)) => format!("{} {}", with_words(u64::from(n)), unit.words()),
        (_, None) => unit.words().to_string(),
    }
}

/// "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja".
pub fn describe_time(t: &ServiceTime) -> String {
    let mut out = amount_unit(t.amount, t.unit);
    if t.counting == Counting::TerusMenerus && matches!(t.unit, TimeUnit::Menit | TimeUnit::Jam) {
        out.push_str(" (terus-menerus, termasuk di luar jam kerja)");
    }
    for a in &t.alternatives {
        out.push_str(&format!(
            "; atau {} ({})",
            amount_unit(a.amount, a.unit),
            a.condition
        ));
    }
    if let Some(e) = &t.extension {
        out.push_str(&format!(
            ", dapat diperpanjang {}",
            amount_unit(e.amount, e.unit)
        ));
    }
    if let Some(n) = &t.notice {
        out.push_str(&format!(
            "; permohonan diajukan paling lambat {} sebelumnya",
            amount_unit(n.amount, n.unit)
        ));
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Duration;

    fn time(amount: u32, unit: TimeUnit) -> ServiceTime {
        ServiceTime {
            amount: Some(amount),
            unit,
            counting: Counting::JamKerja,
            extension: None,
            notice: None,
            alternatives: vec![],
            text: None,
        }
    }

    #[test]
    fn ppid_time_reads_with_its_extension() {
        let mut t = time(10, TimeUnit::HariKerja);
        t.extension = Some(Duration {
            amount: Some(7),
            unit: TimeUnit::HariKerja,
            text: None,
        });
        assert_eq!(
            describe_time(&t),
            "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
            "UU 14/2008: 10 working days, extendable once by 7"
        );
    }

    #[test]
    fn wall_clock_hours_say_so() {
        let mut t = time(24, TimeUnit::Jam);
        t.counting = Counting::TerusMenerus;
        assert!(
            describe_time(&t).starts_with("24 (dua puluh empat) jam (terus-menerus"),
            "24 jam runs around the clock"
        );
    }
}
