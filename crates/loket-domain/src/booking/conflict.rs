//! The no-double-booking rule: pools within their quantity at every instant including buffers,
//! rooms once, operators in one place, nothing during a blackout.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Blackout, Claim, Resource, Span};

/// Why a booking cannot be made. Each names what it collides with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    /// The resource id is not known.
    UnknownResource { resource_id: String },
    /// More units asked than the pool owns at all.
    BeyondPool {
        resource_id: String,
        wanted: u32,
        quantity: u32,
    },
    /// At `at`, the bookings listed already hold so many units that `wanted` do not fit.
    OverCapacity {
        resource_id: String,
        wanted: u32,
        free: u32,
        at: i64,
        bookings: Vec<(i64, String)>,
    },
    /// The operator is assigned to an overlapping booking.
    OperatorBusy {
        person_id: String,
        booking_id: i64,
        title: String,
    },
    /// The resource (or the whole office) is blacked out.
    Blackout {
        resource_id: Option<String>,
        blackout_id: i64,
        reason: String,
    },
}

/// The span during which the operators of a claim are busy: booked time widened by the
/// largest setup and teardown of its resources.
fn operator_span(claim: &Claim, resources: &HashMap<String, Resource>) -> Span {
    let (setup, teardown) = claim
        .resources
        .iter()
        .filter_map(|(id, _)| resources.get(id))
        .fold((0, 0), |(s, t), r| {
            (s.max(r.setup_minutes), t.max(r.teardown_minutes))
        });
    claim.span.buffered(setup, teardown)
}

/// Every conflict `candidate` would have with `existing` claims and `blackouts`; empty when it
/// fits. `existing` must not contain the candidate itself and should hold only claims whose
/// status holds resources. Runs in O(n log n) in the number of overlapping claims.
pub fn check(
    candidate: &Claim,
    resources: &HashMap<String, Resource>,
    existing: &[Claim],
    blackouts: &[Blackout],
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (id, wanted) in &candidate.resources {
        let Some(resource) = resources.get(id) else {
            conflicts.push(Conflict::UnknownResource {
                resource_id: id.clone(),
            });
            continue;
        };
        if *wanted > resource.quantity {
            conflicts.push(Conflict::BeyondPool {
                resource_id: id.clone(),
                wanted: *wanted,
                quantity: resource.quantity,
            });
            continue;
        }
        let window = candidate
            .span
            .buffered(resource.setup_minutes, resource.teardown_minutes);
        for b in blackouts {
            if b.resource_id.as_ref().is_none_or(|r| r == id) && b.span.overlaps(&window) {
                conflicts.push(Conflict::Blackout {
                    resource_id: b.resource_id.clone(),
                    blackout_id: b.id,
                    reason: b.reason.clone(),
                });
            }
        }
        if let Some(c) = capacity_conflict(id, *wanted, resource, window, existing) {
            conflicts.push(c);
        }
    }
    let mine = operator_span(candidate, resources);
    for other in existing {
        if !operator_span(other, resources).overlaps(&mine) {
            continue;
        }
        for person in candidate
            .operators
            .iter()
            .filter(|p| other.operators.contains(p))
        {
            conflicts.push(Conflict::OperatorBusy {
                person_id: person.clone(),
                booking_id: other.booking_id,
                title: other.title.clone(),
            });
        }
    }
    conflicts
}

/// Peak use of `resource` inside `window` by existing claims (each with its own buffers); a
/// conflict when the peak plus `wanted` exceeds the pool, naming the claims at the peak.
fn capacity_conflict(
    id: &str,
    wanted: u32,
    resource: &Resource,
    window: Span,
    existing: &[Claim],
) -> Option<Conflict> {
    let holders: Vec<(Span, u32, &Claim)> = existing
        .iter()
        .filter_map(|c| {
            let qty: u32 = c
                .resources
                .iter()
                .filter(|(r, _)| r == id)
                .map(|(_, q)| q)
                .sum();
            let span = c
                .span
                .buffered(resource.setup_minutes, resource.teardown_minutes);
            (qty > 0 && span.overlaps(&window)).then_some((span, qty, c))
        })
        .collect();
    if holders.is_empty() {
        return None;
    }
    // Sweep: +qty at each (clipped) start, -qty at each end; ends sort before starts at the
    // same instant because intervals are half-open.
    let mut events: Vec<(i64, i64)> = Vec::with_capacity(holders.len() * 2);
    for (span, qty, _) in &holders {
        events.push((span.start.max(window.start), i64::from(*qty)));
        events.push((span.end.min(window.end), -i64::from(*qty)));
    }
    events.sort_unstable_by_key(|&(t, d)| (t, d));
    let (mut used, mut peak, mut at) = (0i64, 0i64, window.start);
    for (t, d) in events {
        used += d;
        if used > peak {
            peak = used;
            at = t;
        }
    }
    let free = (i64::from(resource.quantity) - peak).max(0) as u32;
    if free >= wanted {
        return None;
    }
    let at_peak = holders
        .iter()
        .filter(|(span, _, _)| span.start.max(window.start) <= at && at < span.end.min(window.end))
        .map(|(_, _, c)| (c.booking_id, c.title.clone()))
        .collect();
    Some(Conflict::OverCapacity {
        resource_id: id.to_string(),
        wanted,
        free,
        at,
        bookings: at_peak,
    })
}

#[cfg(test)]
mod tests {
    use super::super::ResourceKind;
    use super::*;

    const H: i64 = 3600;

    fn pool(id: &str, quantity: u32, setup: u32, teardown: u32) -> Resource {
        Resource {
            id: id.into(),
            name: id.into(),
            kind: if quantity == 1 {
                ResourceKind::Ruang
            } else {
                ResourceKind::Peralatan
            },
            quantity,
            setup_minutes: setup,
            teardown_minutes: teardown,
            unit: None,
            operators_needed: 0,
            skill: None,
        }
    }

    fn claim(id: i64, start_h: i64, end_h: i64, res: &[(&str, u32)], ops: &[&str]) -> Claim {
        Claim {
            booking_id: id,
            title: format!("Acara {id}"),
            span: Span::new(start_h * H, end_h * H).unwrap(),
            resources: res.iter().map(|(r, q)| (r.to_string(), *q)).collect(),
            operators: ops.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn catalog(list: Vec<Resource>) -> HashMap<String, Resource> {
        list.into_iter().map(|r| (r.id.clone(), r)).collect()
    }

    #[test]
    fn pool_quantity_holds_at_every_instant() {
        let res = catalog(vec![pool("vicon", 3, 0, 0)]);
        let existing = vec![
            claim(1, 8, 12, &[("vicon", 2)], &[]),
            claim(2, 11, 14, &[("vicon", 1)], &[]),
        ];
        assert!(
            check(&claim(9, 8, 10, &[("vicon", 1)], &[]), &res, &existing, &[]).is_empty(),
            "08–10 only booking 1 holds 2 of 3 kits"
        );
        let c = check(
            &claim(9, 10, 13, &[("vicon", 1)], &[]),
            &res,
            &existing,
            &[],
        );
        match &c[..] {
            [Conflict::OverCapacity {
                free, at, bookings, ..
            }] => {
                assert_eq!(*free, 0, "at 11–12 both bookings hold all three kits");
                assert_eq!(*at, 11 * H, "the peak starts when booking 2 begins");
                assert_eq!(
                    bookings.iter().map(|b| b.0).collect::<Vec<_>>(),
                    vec![1, 2],
                    "the refusal names both bookings at the peak"
                );
            }
            other => panic!("expected one over-capacity conflict, got {other:?}"),
        }
        assert!(
            check(
                &claim(9, 12, 15, &[("vicon", 2)], &[]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "after 12.00 one kit is used, two are free"
        );
    }

    #[test]
    fn room_is_never_double_booked_but_touching_is_fine() {
        let res = catalog(vec![pool("command-center", 1, 0, 0)]);
        let existing = vec![claim(1, 9, 11, &[("command-center", 1)], &[])];
        assert!(
            !check(
                &claim(2, 10, 12, &[("command-center", 1)], &[]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "overlap refused"
        );
        assert!(
            check(
                &claim(2, 11, 12, &[("command-center", 1)], &[]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "intervals are half-open: 11.00 end and 11.00 start touch"
        );
    }

    #[test]
    fn buffers_touching_pass_and_overlapping_fail() {
        // 30 min setup, 30 min teardown: booking 1 blocks 08.30–11.30.
        let res = catalog(vec![pool("cc", 1, 30, 30)]);
        let existing = vec![claim(1, 9, 11, &[("cc", 1)], &[])];
        let at = |start_min: i64, end_min: i64| Claim {
            span: Span::new(start_min * 60, end_min * 60).unwrap(),
            ..claim(2, 0, 1, &[("cc", 1)], &[])
        };
        assert!(
            check(&at(12 * 60, 13 * 60), &res, &existing, &[]).is_empty(),
            "11.30 teardown end meets 11.30 setup start of a 12.00 booking"
        );
        assert!(
            !check(&at(11 * 60 + 45, 13 * 60), &res, &existing, &[]).is_empty(),
            "a 11.45 start needs setup from 11.15, inside the teardown"
        );
        assert!(
            !check(&at(11 * 60, 12 * 60), &res, &existing, &[]).is_empty(),
            "back-to-back without room for buffers is refused"
        );
    }

    #[test]
    fn operator_cannot_be_in_two_places() {
        let res = catalog(vec![pool("jammer", 4, 0, 0), pool("streaming", 2, 60, 0)]);
        let existing = vec![claim(1, 9, 11, &[("jammer", 1)], &["budi"])];
        let c = check(
            &claim(2, 10, 12, &[("jammer", 1)], &["budi"]),
            &res,
            &existing,
            &[],
        );
        assert!(
            matches!(&c[..], [Conflict::OperatorBusy { person_id, booking_id: 1, .. }] if person_id == "budi"),
            "same operator overlapping: {c:?}"
        );
        assert!(
            check(
                &claim(3, 12, 13, &[("streaming", 1)], &["budi"]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "streaming setup 11–12 only touches budi's booking that ends at 11.00"
        );
        let mut early = claim(3, 12, 13, &[("streaming", 1)], &["budi"]);
        early.span.start -= 30 * 60;
        assert!(
            !check(&early, &res, &existing, &[]).is_empty(),
            "an 11.30 start needs budi for setup from 10.30, while he is still at booking 1"
        );
        assert!(
            check(
                &claim(4, 10, 12, &[("jammer", 1)], &["sari"]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "another operator is free"
        );
    }

    #[test]
    fn blackouts_block_their_resource_or_everything() {
        let res = catalog(vec![pool("cc", 1, 0, 0), pool("sound", 2, 0, 0)]);
        let maintenance = Blackout {
            id: 7,
            resource_id: Some("cc".into()),
            span: Span::new(8 * H, 17 * H).unwrap(),
            reason: "Perawatan".into(),
        };
        let closure = Blackout {
            id: 8,
            resource_id: None,
            span: Span::new(24 * H, 48 * H).unwrap(),
            reason: "Cuti bersama".into(),
        };
        assert!(
            !check(
                &claim(1, 9, 10, &[("cc", 1)], &[]),
                &res,
                &[],
                std::slice::from_ref(&maintenance)
            )
            .is_empty(),
            "maintenance blocks the room"
        );
        assert!(
            check(
                &claim(1, 9, 10, &[("sound", 1)], &[]),
                &res,
                &[],
                &[maintenance]
            )
            .is_empty(),
            "another resource is not blocked"
        );
        assert!(
            !check(
                &claim(1, 30, 31, &[("sound", 1)], &[]),
                &res,
                &[],
                &[closure]
            )
            .is_empty(),
            "an office closure blocks every resource"
        );
    }

    #[test]
    fn asking_beyond_the_pool_or_unknown_is_refused() {
        let res = catalog(vec![pool("vicon", 2, 0, 0)]);
        assert!(
            matches!(
                check(&claim(1, 1, 2, &[("vicon", 3)], &[]), &res, &[], &[])[..],
                [Conflict::BeyondPool { quantity: 2, .. }]
            ),
            "3 of 2 kits"
        );
        assert!(
            matches!(
                check(&claim(1, 1, 2, &[("drone", 1)], &[]), &res, &[], &[])[..],
                [Conflict::UnknownResource { .. }]
            ),
            "unknown resource"
        );
    }

    #[test]
    fn across_midnight_is_one_interval() {
        let res = catalog(vec![pool("sound", 1, 0, 0)]);
        let existing = vec![claim(1, 22, 26, &[("sound", 1)], &[])]; // 22.00 to 02.00 next day
        assert!(
            !check(
                &claim(2, 25, 27, &[("sound", 1)], &[]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "01.00 next day is inside a booking that crossed midnight"
        );
        assert!(
            check(
                &claim(2, 26, 27, &[("sound", 1)], &[]),
                &res,
                &existing,
                &[]
            )
            .is_empty(),
            "02.00 next day is free again"
        );
    }
}
