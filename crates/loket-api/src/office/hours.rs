//! Office hours in words: "Senin–Kamis 08.00–15.45 (istirahat 12.00–13.00)".

use loket_domain::catalog::{DayHours, OfficeHours};

fn clock(m: u16) -> String {
    format!("{:02}.{:02}", m / 60, m % 60)
}

fn same_hours(a: &DayHours, b: &DayHours) -> bool {
    a.open == b.open && a.close == b.close && a.breaks == b.breaks
}

/// One line per run of consecutive days with the same hours.
pub fn hours_words(hours: &OfficeHours) -> Vec<String> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < hours.days.len() {
        let mut j = i;
        while j + 1 < hours.days.len()
            && same_hours(&hours.days[i], &hours.days[j + 1])
            && hours.days[j + 1].day as u8 == hours.days[j].day as u8 + 1
        {
            j += 1;
        }
        let d = &hours.days[i];
        let days = if i == j {
            d.day.label().to_string()
        } else {
            format!("{}–{}", d.day.label(), hours.days[j].day.label())
        };
        let mut line = format!("{days} {}–{}", clock(d.open), clock(d.close));
        if !d.breaks.is_empty() {
            let b: Vec<String> = d
                .breaks
                .iter()
                .map(|b| format!("{}–{}", clock(b.start), clock(b.end)))
                .collect();
            line.push_str(&format!(" (istirahat {})", b.join(", ")));
        }
        lines.push(line);
        i = j + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_hours_read_as_two_lines() {
        assert_eq!(
            hours_words(&OfficeHours::default_hours()),
            vec![
                "Senin–Kamis 07.30–16.00 (istirahat 12.00–13.00)",
                "Jumat 07.30–16.30 (istirahat 11.30–13.00)"
            ],
            "consecutive days with equal hours are grouped"
        );
        assert_eq!(
            OfficeHours::default_hours().weekly_minutes(),
            37 * 60 + 30,
            "the default is 37,5 jam a week (Perpres 21/2023)"
        );
    }
}
