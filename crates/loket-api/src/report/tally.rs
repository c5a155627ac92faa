//! Adding up the outcome of each request into recap lines.

use super::dto::RecapRow;

/// What became of one request received in the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Outcome {
    /// Selesai: `late` is `None` without a due moment; `days` from receipt to completion.
    Completed {
        late: Option<bool>,
        days: u32,
    },
    Returned,
    Rejected,
    Open {
        overdue: bool,
    },
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The recap line of `outcomes`.
pub(crate) fn tally(key: &str, label: &str, outcomes: &[Outcome]) -> RecapRow {
    let mut row = RecapRow {
        key: key.to_string(),
        label: label.to_string(),
        received: outcomes.len() as u32,
        ..RecapRow::default()
    };
    let mut days: Vec<u32> = Vec::new();
    for o in outcomes {
        match *o {
            Outcome::Completed { late, days: d } => {
                row.completed += 1;
                days.push(d);
                match late {
                    Some(false) => row.on_time += 1,
                    Some(true) => row.late += 1,
                    None => row.without_deadline += 1,
                }
            }
            Outcome::Returned => row.returned += 1,
            Outcome::Rejected => row.rejected += 1,
            Outcome::Open { overdue } => {
                row.open += 1;
                row.open_overdue += u32::from(overdue);
            }
        }
    }
    let measured = row.on_time + row.late;
    row.on_time_percent =
        (measured > 0).then(|| one_decimal(f64::from(row.on_time) * 100.0 / f64::from(measured)));
    if !days.is_empty() {
        days.sort_unstable();
        let n = days.len();
        let median = if n % 2 == 1 {
            f64::from(days[n / 2])
        } else {
            f64::from(days[n / 2 - 1] + days[n / 2]) / 2.0
        };
        row.median_days = Some(one_decimal(median));
        let sum: u32 = days.iter().sum();
        row.mean_days = Some(one_decimal(f64::from(sum) / n as f64));
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mixed_period_adds_up() {
        let row = tally(
            "total",
            "Jumlah",
            &[
                Outcome::Completed {
                    late: Some(false),
                    days: 1,
                },
                Outcome::Completed {
                    late: Some(false),
                    days: 2,
                },
                Outcome::Completed {
                    late: Some(true),
                    days: 6,
                },
                Outcome::Completed {
                    late: None,
                    days: 3,
                },
                Outcome::Returned,
                Outcome::Rejected,
                Outcome::Open { overdue: true },
                Outcome::Open { overdue: false },
            ],
        );
        assert_eq!(row.received, 8, "every request counts once");
        assert_eq!(
            (row.completed, row.on_time, row.late),
            (4, 2, 1),
            "one completion had no due moment"
        );
        assert_eq!(
            row.on_time_percent,
            Some(66.7),
            "2 of the 3 measured were on time"
        );
        assert_eq!(
            (row.returned, row.rejected, row.open, row.open_overdue),
            (1, 1, 2, 1),
            "the rest"
        );
        assert_eq!(row.median_days, Some(2.5), "median of 1, 2, 3, 6");
        assert_eq!(row.mean_days, Some(3.0), "mean of 1, 2, 3, 6");
    }

    #[test]
    fn an_empty_period_has_no_percentage() {
        let row = tally("x", "X", &[]);
        assert_eq!(
            row.on_time_percent, None,
            "nothing measured, nothing to divide"
        );
        assert_eq!(row.median_days, None, "nothing completed");
    }
}
