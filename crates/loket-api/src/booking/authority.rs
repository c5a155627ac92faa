//! Who may do what in the schedule: booking needs the `book` role, resources and blackouts
//! need `administer`, and approval belongs to the head responsible for the booked resources.

use chrono::{DateTime, FixedOffset};
use loket_domain::booking::Resource;
use loket_domain::catalog::{Position, PositionKind, Unit};
use loket_domain::roles::Role;

use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

/// Whether `unit` is `head_unit` or lies under it.
fn within(units: &[Unit], unit: &str, head_unit: &str) -> bool {
    let mut current = Some(unit.to_string());
    for _ in 0..units.len() + 1 {
        match current {
            Some(ref u) if u == head_unit => return true,
            Some(ref u) => {
                current = units
                    .iter()
                    .find(|x| &x.id == u)
                    .and_then(|x| x.parent.clone())
            }
            None => return false,
        }
    }
    false
}

fn is_head(kind: PositionKind) -> bool {
    matches!(
        kind,
        PositionKind::KepalaBidang
            | PositionKind::KepalaSubbagian
            | PositionKind::KepalaSeksi
            | PositionKind::KetuaTim
    )
}

/// Who approves a booking of `booked` resources, in words ("Ketua Tim SPA"): the head post of
/// each responsible unit, else "Kepala <unit>"; "Kepala Dinas atau Sekretaris" when a resource
/// has no unit.
pub(crate) fn approver_words(
    booked: &[(String, u32)],
    resources: &[Resource],
    units: &[Unit],
    positions: &[Position],
) -> String {
    let mut out: Vec<String> = Vec::new();
    for (rid, _) in booked {
        let unit = resources
            .iter()
            .find(|r| &r.id == rid)
            .and_then(|r| r.unit.as_deref());
        let words = match unit {
            None => "Kepala Dinas atau Sekretaris".to_string(),
            Some(u) => positions
                .iter()
                .find(|p| p.unit.as_deref() == Some(u) && is_head(p.kind))
                .map(|p| p.title.clone())
                .or_else(|| {
                    units
                        .iter()
                        .find(|x| x.id == u)
                        .map(|x| format!("Kepala {}", x.name))
                })
                .unwrap_or_else(|| "kepala unit penanggung jawab".to_string()),
        };
        if !out.contains(&words) {
            out.push(words);
        }
    }
    if out.is_empty() {
        return "Kepala Dinas atau Sekretaris".to_string();
    }
    out.join(" dan ")
}

impl Loket {
    /// Whether the actor may approve booking `id` now (see `booking_approver`); what the
    /// booking page reads to offer "Setujui".
    pub(crate) fn booking_may_approve(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<bool, ApiError> {
        match self.booking_approver(actor, id, now) {
            Ok(_) => Ok(true),
            Err(e) if e.code == ErrorCode::Forbidden => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The actor's login after re-reading the account and checking `role`.
    pub(crate) fn booking_actor(&self, actor: &Actor, role: Role) -> Result<String, ApiError> {
        let current = self.current(actor)?;
        current.require(role)?;
        Ok(current.id().to_string())
    }

    /// The actor's login when they may approve booking `id`: an administrator, the Kepala
    /// Dinas or Sekretaris, or the head (kepala bidang/subbagian/seksi, ketua tim) of the unit
    /// responsible for every booked resource, counting Plt./Plh. posts held on the day.
    /// Errors: `Forbidden` naming the unit whose head must approve.
    pub(crate) fn booking_approver(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let current = self.current(actor)?;
        if current.roles().contains(&Role::Administer) {
            return Ok(current.id().to_string());
        }
        let booking = self.db.booking(id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "pemesanan #{id} tidak ada; lihat `loket booking list`"
            ))
        })?;
        let positions = self.db.positions()?;
        let units = self.db.units()?;
        let resources = self.db.resources()?;
        let posts: Vec<_> = self
            .posts_of(&current, now)?
            .into_iter()
            .filter_map(|p| positions.iter().find(|x| x.id == p))
            .collect();
        if posts
            .iter()
            .any(|p| matches!(p.kind, PositionKind::KepalaDinas | PositionKind::Sekretaris))
        {
            return Ok(current.id().to_string());
        }
        let heads: Vec<&str> = posts
            .iter()
            .filter(|p| is_head(p.kind))
            .filter_map(|p| p.unit.as_deref())
            .collect();
        for (rid, _) in &booking.resources {
            let unit = resources
                .iter()
                .find(|r| &r.id == rid)
                .and_then(|r| r.unit.clone());
            let allowed = match &unit {
                Some(u) => heads.iter().any(|h| within(&units, u, h)),
                None => !heads.is_empty(),
            };
            if !allowed {
                let who = unit
                    .as_deref()
                    .and_then(|u| units.iter().find(|x| x.id == u))
                    .map_or("unit penanggung jawab".to_string(), |u| u.name.clone());
                return Err(ApiError::new(ErrorCode::Forbidden, format!("pemesanan #{id} disetujui oleh kepala {who} (atau Kepala Dinas/Sekretaris); akun {} tidak memegang jabatan itu", current.id())));
            }
        }
        Ok(current.id().to_string())
    }
}
