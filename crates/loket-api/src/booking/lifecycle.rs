//! `booking.approve`, `booking.check_out`, `booking.check_in`, `booking.cancel`: a booking's
//! life from request to return, each move checked against the status rules and audited.

use chrono::{DateTime, FixedOffset};
use loket_domain::booking::BookingStatus;

use super::dto::BookingView;
use super::resource::{audit, internal};
use crate::{ApiError, Loket};

pub const APPROVE: &str = "booking.approve";
pub const CHECK_OUT: &str = "booking.check_out";
pub const CHECK_IN: &str = "booking.check_in";
pub const CANCEL: &str = "booking.cancel";

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
        tx.audit(&audit(
            now,
            actor,
            action,
            format!("booking:{id}"),
            Some(serde_json::to_string(&before).map_err(internal)?),
            Some(serde_json::to_string(&after).map_err(internal)?),
        ))?;
        tx.commit()?;
        self.booking_show(id)
    }

    /// Approval by the head responsible for the resource: diminta → disetujui.
    pub fn booking_approve(
        &mut self,
        id: i64,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        self.move_booking(id, BookingStatus::Disetujui, APPROVE, actor, None, now)
    }

    /// Equipment leaves with its condition noted: disetujui → berjalan.
    pub fn booking_check_out(
        &mut self,
        id: i64,
        condition: &str,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
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
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
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
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
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
