//! `booking.approve`, `booking.check_out`, `booking.check_in`, `booking.cancel`: a booking's
//! life from request to return, each move checked against the status rules and audited.

use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;

use loket_db::bookings::BookingRow;
use loket_db::Tx;
use loket_domain::booking::{check, BookingStatus, Claim, Conflict, Resource};
use loket_domain::time_zone::TimeZone;

use super::create::{describe, widest, BookingRequest};

use super::dto::BookingView;
use super::resource::audit_booking;
use crate::account::Actor;
use crate::{ApiError, Loket};
use loket_domain::roles::Role;

pub const APPROVE: &str = "booking.approve";
pub const CHECK_OUT: &str = "booking.check_out";
pub const CHECK_IN: &str = "booking.check_in";
pub const CANCEL: &str = "booking.cancel";
pub const ASSIGN: &str = "booking.assign_operators";

impl Loket {
    fn move_booking(
        &mut self,
        id: i64,
        next: BookingStatus,
        action: &str,
        actor: &str,
        note: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let zone = match next {
            BookingStatus::Disetujui => Some(self.db.office()?.office.time_zone),
            _ => None,
        };
        let tx = self.db.begin()?;
        let before = tx.booking(id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "pemesanan #{id} tidak ada; lihat `loket booking list`"
            ))
        })?;
        if !before.status.can_move_to(next) {
            return Err(ApiError::bad_input(format!(
                "pemesanan #{id} berstatus {} dan tidak dapat diubah menjadi {}",
                before.status.label(),
                next.label()
            )));
        }
        if let Some(zone) = zone {
            approval_fits(&tx, &before, zone)?;
        }
        tx.set_booking_status(id, next, actor, note, now.timestamp())?;
        match next {
            BookingStatus::Berjalan => {
                tx.add_handover(id, "keluar", now.timestamp(), actor, note.unwrap_or(""))?
            }
            BookingStatus::Selesai => {
                tx.add_handover(id, "kembali", now.timestamp(), actor, note.unwrap_or(""))?
            }
            _ => {}
        }
        let after = tx.booking(id)?;
        audit_booking(&tx, now, actor, action, id, Some(&before), after.as_ref())?;
        tx.commit()?;
        self.booking_show(id)
    }

    /// Approval by the head responsible for the resource: diminta → disetujui. Refused while
    /// fewer operators are assigned than the booked resources need together.
    pub fn booking_approve(
        &mut self,
        id: i64,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_approver(actor, id, now)?;
        let booking = self.booking_show(id)?;
        let resources = self.db.resources()?;
        let needed: u32 = booking
            .resources
            .iter()
            .filter_map(|r| resources.iter().find(|x| x.id == r.id))
            .map(|r| r.operators_needed)
            .sum();
        if (booking.operators.len() as u32) < needed {
            return Err(ApiError::bad_input(format!(
                "pemesanan #{id} memerlukan {needed} operator tetapi baru {} ditugaskan; tugaskan dengan `loket booking assign {id} --operator ID`",
                booking.operators.len()
            )));
        }
        self.move_booking(id, BookingStatus::Disetujui, APPROVE, actor, None, now)
    }

    /// Assigns the operators of a booking not yet under way, checking their skills and that
    /// none is elsewhere at the time (`ScheduleConflict` naming the other booking).
    pub fn booking_assign_operators(
        &mut self,
        id: i64,
        operators: &[String],
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        let before = self.booking_show(id)?;
        if !matches!(before.status.as_str(), "diminta" | "disetujui") {
            return Err(ApiError::bad_input(format!(
                "operator pemesanan #{id} tidak dapat diubah karena statusnya {}",
                before.status_label
            )));
        }
        let resources: HashMap<String, Resource> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let stored = |t: &str| {
            DateTime::parse_from_rfc3339(t).map_err(|_| {
                ApiError::new(
                    crate::ErrorCode::Internal,
                    format!("waktu pemesanan #{id} tersimpan rusak"),
                )
            })
        };
        let request = BookingRequest {
            title: before.title.clone(),
            case_id: before.case_id,
            location: before.location.clone(),
            outside_office: before.outside_office,
            outside_hours: true,
            start: stored(&before.start)?,
            end: stored(&before.end)?,
            resources: before
                .resources
                .iter()
                .map(|r| (r.id.clone(), r.quantity))
                .collect(),
            operators: operators.to_vec(),
            rundown: String::new(),
            requested_by: String::new(),
        };
        let cal = self.booking_calendar()?;
        let span = self.validate(&request, &cal, &resources)?;
        let tx = self.db.begin()?;
        let existing: Vec<Claim> = tx
            .claims_in(widest(span, &resources))?
            .into_iter()
            .filter(|c| c.booking_id != id)
            .collect();
        let claim = Claim {
            booking_id: id,
            title: request.title.clone(),
            span,
            resources: request.resources.clone(),
            operators: operators.to_vec(),
        };
        let conflicts: Vec<Conflict> = check(&claim, &resources, &existing, &[])
            .into_iter()
            .filter(|c| matches!(c, Conflict::OperatorBusy { .. }))
            .collect();
        if !conflicts.is_empty() {
            let message = describe(&conflicts, &resources, &[], cal.zone, |b| {
                tx.booking(b).ok().flatten().map(|x| x.span)
            });
            return Err(ApiError::new(crate::ErrorCode::ScheduleConflict, message));
        }
        let old = tx.booking(id)?;
        tx.set_booking_operators(id, operators, now.timestamp())?;
        let new = tx.booking(id)?;
        audit_booking(&tx, now, actor, ASSIGN, id, old.as_ref(), new.as_ref())?;
        tx.commit()?;
        self.booking_show(id)
    }

    /// Equipment leaves with its condition noted: disetujui → berjalan.
    pub fn booking_check_out(
        &mut self,
        id: i64,
        condition: &str,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        if condition.trim().is_empty() {
            return Err(ApiError::bad_input(
                "catat kondisi peralatan saat keluar (misalnya \"lengkap, baik\")",
            ));
        }
        self.move_booking(
            id,
            BookingStatus::Berjalan,
            CHECK_OUT,
            actor,
            Some(condition.trim()),
            now,
        )
    }

    /// Equipment returns with its condition noted: berjalan → selesai.
    pub fn booking_check_in(
        &mut self,
        id: i64,
        condition: &str,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        if condition.trim().is_empty() {
            return Err(ApiError::bad_input("catat kondisi peralatan saat kembali (misalnya \"lengkap, baik\" atau kerusakannya)"));
        }
        self.move_booking(
            id,
            BookingStatus::Selesai,
            CHECK_IN,
            actor,
            Some(condition.trim()),
            now,
        )
    }

    /// Cancels a booking not yet under way, freeing its slot; the reason is kept.
    pub fn booking_cancel(
        &mut self,
        id: i64,
        reason: &str,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan pembatalan wajib diisi (--reason)",
            ));
        }
        self.move_booking(
            id,
            BookingStatus::Dibatalkan,
            CANCEL,
            actor,
            Some(reason.trim()),
            now,
        )
    }
}

/// An approval commits the booked resources: the booking must fit beside the bookings already
/// approved or under way at that time (requests still waiting do not hold it back: the first
/// head to approve wins). Read inside the write transaction, so two heads approving at once on
/// two laptops never both take the last unit, e.g. after a kit went for repair.
///
/// Errors: `ScheduleConflict` naming the bookings that hold the resource.
fn approval_fits(tx: &Tx, booking: &BookingRow, zone: TimeZone) -> Result<(), ApiError> {
    let resources: HashMap<String, Resource> = tx
        .resources()?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let mut committed = Vec::new();
    for claim in tx.claims_in(widest(booking.span, &resources))? {
        let holds = claim.booking_id != booking.id
            && tx.booking(claim.booking_id)?.is_some_and(|b| {
                matches!(b.status, BookingStatus::Disetujui | BookingStatus::Berjalan)
            });
        if holds {
            committed.push(claim);
        }
    }
    let claim = Claim {
        booking_id: booking.id,
        title: booking.title.clone(),
        span: booking.span,
        resources: booking.resources.clone(),
        operators: booking.operators.clone(),
    };
    let conflicts: Vec<Conflict> = check(&claim, &resources, &committed, &[])
        .into_iter()
        .filter(|c| {
            matches!(
                c,
                Conflict::OverCapacity { .. } | Conflict::BeyondPool { .. }
            )
        })
        .collect();
    if conflicts.is_empty() {
        return Ok(());
    }
    let message = describe(&conflicts, &resources, &[], zone, |b| {
        tx.booking(b).ok().flatten().map(|x| x.span)
    });
    Err(ApiError::new(
        crate::ErrorCode::ScheduleConflict,
        format!(
            "pemesanan #{} belum dapat disetujui — {message}; unit itu sudah disetujui untuk pemesanan tersebut: ubah waktu permintaan ini, tambah jumlah unit di Jadwal Peralatan → Sumber daya & masa tutup, atau batalkan permintaan ini",
            booking.id
        ),
    ))
}
