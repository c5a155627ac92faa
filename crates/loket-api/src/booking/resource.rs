//! `resource.add`, `resource.list`, `resource.add_skill`, `blackout.add`: what can be booked,
//! who may operate it, and when it cannot be booked.

use chrono::{DateTime, FixedOffset};
use loket_db::audit::AuditEntry;
use loket_domain::booking::{Resource, ResourceKind, Span};
use loket_domain::catalog::is_slug;

use super::dto::ResourceView;
use crate::account::Actor;
use crate::{ApiError, Loket};
use loket_domain::roles::Role;

pub const ADD_RESOURCE: &str = "resource.add";
pub const LIST_RESOURCES: &str = "resource.list";
pub const ADD_SKILL: &str = "resource.add_skill";
pub const ADD_BLACKOUT: &str = "blackout.add";

/// A room or equipment pool to add (or update, by id).
#[derive(Debug, Clone)]
pub struct NewResource {
    pub id: String,
    pub name: String,
    pub kind: ResourceKind,
    pub quantity: u32,
    pub setup_minutes: u32,
    pub teardown_minutes: u32,
    pub unit: Option<String>,
    pub operators_needed: u32,
    pub skill: Option<String>,
}

pub(crate) fn view(r: &Resource, units: &[loket_domain::catalog::Unit]) -> ResourceView {
    ResourceView {
        id: r.id.clone(),
        name: r.name.clone(),
        kind: match r.kind {
            ResourceKind::Ruang => "ruang",
            ResourceKind::Peralatan => "peralatan",
        }
        .to_string(),
        kind_label: match r.kind {
            ResourceKind::Ruang => "Ruang",
            ResourceKind::Peralatan => "Peralatan",
        }
        .to_string(),
        quantity: r.quantity,
        setup_minutes: r.setup_minutes,
        teardown_minutes: r.teardown_minutes,
        unit_id: r.unit.clone(),
        unit_name: r
            .unit
            .as_deref()
            .and_then(|u| units.iter().find(|x| x.id == u))
            .map(|u| u.name.clone()),
        operators_needed: r.operators_needed,
        skill: r.skill.clone(),
    }
}

pub(crate) fn audit(
    at: DateTime<FixedOffset>,
    actor: &str,
    action: &str,
    entity: String,
    before: Option<String>,
    after: Option<String>,
) -> AuditEntry {
    AuditEntry {
        at: at.to_rfc3339(),
        actor: actor.to_string(),
        action: action.to_string(),
        entity,
        before,
        after,
    }
}

/// The resource `r` describes, checked.
fn checked_resource(
    r: &NewResource,
    units: &[loket_domain::catalog::Unit],
) -> Result<Resource, ApiError> {
    if !is_slug(&r.id) {
        return Err(ApiError::bad_input(format!("id sumber daya `{}` tidak valid; gunakan huruf kecil, angka, dan '-' (contoh: `command-center`)", r.id)));
    }
    if r.name.trim().is_empty() {
        return Err(ApiError::bad_input("nama sumber daya wajib diisi (--name)"));
    }
    crate::text::check("nama sumber daya", r.name.trim(), crate::text::NAME_MAX)?;
    if r.quantity == 0 || (r.kind == ResourceKind::Ruang && r.quantity != 1) {
        return Err(ApiError::bad_input(
            "jumlah harus lebih dari 0; ruang selalu berjumlah 1 (--quantity)",
        ));
    }
    if r.setup_minutes > 24 * 60 || r.teardown_minutes > 24 * 60 {
        return Err(ApiError::bad_input(
            "waktu persiapan dan pengemasan paling lama 1440 menit (24 jam)",
        ));
    }
    if let Some(u) = &r.unit {
        if !units.iter().any(|x| &x.id == u) {
            let ids: Vec<&str> = units.iter().map(|x| x.id.as_str()).collect();
            return Err(ApiError::bad_input(format!(
                "unit `{u}` tidak dikenal; pilih salah satu: {}",
                ids.join(", ")
            )));
        }
    }
    Ok(Resource {
        id: r.id.clone(),
        name: r.name.trim().to_string(),
        kind: r.kind,
        quantity: r.quantity,
        setup_minutes: r.setup_minutes,
        teardown_minutes: r.teardown_minutes,
        unit: r.unit.clone(),
        operators_needed: r.operators_needed,
        skill: r.skill.clone().filter(|s| !s.trim().is_empty()),
    })
}

impl Loket {
    /// Adds or updates a resource. Errors: `BadInput` for a bad id, empty name, zero quantity,
    /// a room with a quantity other than 1, buffers over 24 hours or an unknown unit.
    pub fn resource_add(
        &mut self,
        r: &NewResource,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<ResourceView, ApiError> {
        let mut added = self.resource_add_all(std::slice::from_ref(r), actor, now)?;
        added.pop().ok_or_else(|| {
            ApiError::new(
                crate::ErrorCode::Internal,
                "sumber daya tidak tersimpan; coba lagi",
            )
        })
    }

    /// Adds or updates several resources with one confirmation (the first-run checklist's
    /// proposals): every one is checked first, then all are saved in one transaction, each
    /// with its own `resource.add` audit entry.
    ///
    /// Errors: as [`Loket::resource_add`], naming the resource; nothing is written.
    pub fn resource_add_all(
        &mut self,
        list: &[NewResource],
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<ResourceView>, ApiError> {
        let actor = &self.booking_actor(actor, Role::Administer)?;
        let units = self.db.units()?;
        let mut checked = Vec::new();
        for r in list {
            let resource = checked_resource(r, &units).map_err(|e| {
                if list.len() > 1 {
                    ApiError::bad_input(format!("{}: {}", r.name.trim(), e.message))
                } else {
                    e
                }
            })?;
            let before = self
                .db
                .resource(&r.id)?
                .map(|x| serde_json::to_string(&x))
                .transpose()
                .map_err(internal)?;
            checked.push((resource, before));
        }
        let tx = self.db.begin()?;
        for (resource, before) in &checked {
            tx.save_resource(resource)?;
            tx.audit(&audit(
                now,
                actor,
                ADD_RESOURCE,
                format!("resource:{}", resource.id),
                before.clone(),
                Some(serde_json::to_string(resource).map_err(internal)?),
            ))?;
        }
        tx.commit()?;
        Ok(checked.iter().map(|(r, _)| view(r, &units)).collect())
    }

    /// Active resources, rooms first.
    pub fn resource_list(&self) -> Result<Vec<ResourceView>, ApiError> {
        let units = self.db.units()?;
        Ok(self
            .db
            .resources()?
            .iter()
            .map(|r| view(r, &units))
            .collect())
    }

    /// Records that a person (from the profile's people or the accounts) holds a skill.
    pub fn resource_add_skill(
        &mut self,
        person_id: &str,
        skill: &str,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let actor = &self.booking_actor(actor, Role::Administer)?;
        if super::query::person_name(self, person_id)?.is_none() {
            return Err(ApiError::bad_input(format!(
                "orang `{person_id}` tidak ada di direktori; lihat `loket people`"
            )));
        }
        if skill.trim().is_empty() {
            return Err(ApiError::bad_input(
                "keahlian wajib diisi (misalnya operator_jammer)",
            ));
        }
        let tx = self.db.begin()?;
        tx.add_operator_skill(person_id, skill.trim())?;
        tx.audit(&audit(
            now,
            actor,
            ADD_SKILL,
            format!("person:{person_id}"),
            None,
            Some(format!("{{\"skill\":{:?}}}", skill.trim())),
        ))?;
        tx.commit()?;
        Ok(())
    }

    /// Blocks a resource (or, with `None`, everything) for maintenance or a closure.
    pub fn blackout_add(
        &mut self,
        resource_id: Option<&str>,
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
        reason: &str,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<i64, ApiError> {
        let actor = &self.booking_actor(actor, Role::Administer)?;
        let span = Span::new(start.timestamp(), end.timestamp())
            .ok_or_else(|| ApiError::bad_input("waktu selesai harus sesudah waktu mulai"))?;
        if let Some(id) = resource_id {
            if self.db.resource(id)?.is_none() {
                return Err(ApiError::bad_input(format!(
                    "sumber daya `{id}` tidak dikenal; lihat `loket resource list`"
                )));
            }
        }
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan wajib diisi (misalnya Perawatan berkala)",
            ));
        }
        crate::text::check("alasan masa tutup", reason.trim(), crate::text::REASON_MAX)?;
        let tx = self.db.begin()?;
        let id = tx.add_blackout(resource_id, span, reason.trim())?;
        tx.audit(&audit(now, actor, ADD_BLACKOUT, format!("blackout:{id}"), None, Some(serde_json::json!({"resource": resource_id, "start": span.start, "end": span.end, "reason": reason}).to_string())))?;
        tx.commit()?;
        Ok(id)
    }
}

/// Appends the audit entry of a change to booking `id`, with its before and after snapshots.
pub(crate) fn audit_booking<T: serde::Serialize>(
    tx: &loket_db::Tx,
    at: DateTime<FixedOffset>,
    actor: &str,
    action: &str,
    id: i64,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), ApiError> {
    let json = |v: Option<&T>| v.map(serde_json::to_string).transpose().map_err(internal);
    tx.audit(&audit(
        at,
        actor,
        action,
        format!("booking:{id}"),
        json(before)?,
        json(after)?,
    ))?;
    Ok(())
}

pub(crate) fn internal(e: serde_json::Error) -> ApiError {
    ApiError::new(
        crate::ErrorCode::Internal,
        format!("data tidak dapat disusun: {e}"),
    )
}
