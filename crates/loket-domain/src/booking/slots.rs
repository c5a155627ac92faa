//! Finding free slots: the earliest times a booking of a given length fits.

use std::collections::HashMap;

use super::{check, Blackout, Claim, Resource, Span};

/// What to look for. `windows` are the times a booking may occupy (office hours of each day
/// in the range, or whole days for bookings outside hours), built by the caller from the
/// working calendar.
#[derive(Debug, Clone)]
pub struct SlotQuery {
    pub duration_minutes: u32,
    pub resources: Vec<(String, u32)>,
    pub operators: Vec<String>,
    pub windows: Vec<Span>,
    /// How many slots to return.
    pub limit: usize,
    /// Candidate start times are this many minutes apart inside a window (15 if 0).
    pub step_minutes: u32,
}

/// The earliest free, mutually non-overlapping slots, in time order: within each window the
/// first fit, then the first fit after it, and so on, until `limit` slots are found.
pub fn free_slots(
    q: &SlotQuery,
    resources: &HashMap<String, Resource>,
    existing: &[Claim],
    blackouts: &[Blackout],
) -> Vec<Span> {
    let step = i64::from(q.step_minutes.max(1)) * 60;
    let step = if q.step_minutes == 0 { 15 * 60 } else { step };
    let length = i64::from(q.duration_minutes) * 60;
    let mut windows = q.windows.clone();
    windows.sort();
    let mut out = Vec::new();
    for w in windows {
        let mut t = w.start;
        while t + length <= w.end && out.len() < q.limit {
            let candidate = Claim {
                booking_id: 0,
                title: String::new(),
                span: Span {
                    start: t,
                    end: t + length,
                },
                resources: q.resources.clone(),
                operators: q.operators.clone(),
            };
            if check(&candidate, resources, existing, blackouts).is_empty() {
                out.push(candidate.span);
                t += length;
            } else {
                t += step;
            }
        }
        if out.len() >= q.limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::ResourceKind;
    use super::*;

    const M: i64 = 60;

    fn room(setup: u32) -> HashMap<String, Resource> {
        let r = Resource {
            id: "cc".into(),
            name: "Command Center".into(),
            kind: ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: setup,
            teardown_minutes: setup,
            unit: None,
            operators_needed: 0,
            skill: None,
        };
        HashMap::from([(r.id.clone(), r)])
    }

    fn booked(start_min: i64, end_min: i64) -> Claim {
        Claim {
            booking_id: 1,
            title: "Rapat".into(),
            span: Span::new(start_min * M, end_min * M).unwrap(),
            resources: vec![("cc".into(), 1)],
            operators: vec![],
        }
    }

    #[test]
    fn earliest_slots_skip_bookings_and_respect_windows() {
        let q = SlotQuery {
            duration_minutes: 60,
            resources: vec![("cc".into(), 1)],
            operators: vec![],
            windows: vec![
                Span::new(8 * 60 * M, 12 * 60 * M).unwrap(),
                Span::new(24 * 60 * M + 8 * 60 * M, 24 * 60 * M + 9 * 60 * M).unwrap(),
            ],
            limit: 4,
            step_minutes: 15,
        };
        let slots = free_slots(&q, &room(0), &[booked(9 * 60, 10 * 60 + 30)], &[]);
        let starts: Vec<i64> = slots.iter().map(|s| s.start / M).collect();
        assert_eq!(starts, vec![8 * 60, 10 * 60 + 30, 24 * 60 + 8 * 60], "08.00, then right after the 10.30 end, then the next day's window; 11.30 would end at 12.30 past the window");
        assert!(
            slots.iter().all(|s| s.end - s.start == 60 * M),
            "every slot has the wanted length"
        );
    }

    #[test]
    fn buffers_push_the_next_slot_back() {
        let q = SlotQuery {
            duration_minutes: 60,
            resources: vec![("cc".into(), 1)],
            operators: vec![],
            windows: vec![Span::new(8 * 60 * M, 16 * 60 * M).unwrap()],
            limit: 1,
            step_minutes: 15,
        };
        let slots = free_slots(&q, &room(30), &[booked(8 * 60, 10 * 60)], &[]);
        assert_eq!(slots[0].start / M, 11 * 60, "10.00 end + 30 min teardown + 30 min setup: the room is next usable for a booking starting 11.00");
    }
}
