//! `sla.extend`: the one extension a service allows (UU 14/2008: the PPID may extend once by
//! 7 hari kerja, telling the applicant why). Recorded with its reason and who granted it; the
//! case's stored due moves, and the watcher's thresholds re-arm for the new due.

use chrono::{DateTime, FixedOffset};
use loket_db::case_extensions::ExtensionRow;
use loket_domain::catalog::TimeUnit;
use loket_domain::deadline::{due_at, Extension, Pause};
use loket_domain::roles::Role;

use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "sla.extend";

/// The serde name of a unit ("hari_kerja"), as stored.
fn unit_key(unit: TimeUnit) -> String {
    serde_json::to_value(unit)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A stored extension as the deadline rules take it; `None` for an unknown unit.
pub(crate) fn extension_of(row: &ExtensionRow) -> Option<Extension> {
    Some(Extension {
        amount: row.amount,
        unit: serde_json::from_value(serde_json::Value::String(row.unit.clone())).ok()?,
        reason: row.reason.clone(),
        granted_by: row.granted_by.clone(),
    })
}

impl Loket {
    /// Extends case `case_id` by its service's extension; returns the new due (RFC 3339).
    ///
    /// The extension is granted by an official who signs (the PPID signs the notice to the
    /// applicant), recorded as the signed-in account.
    ///
    /// Errors: `Forbidden` without the sign role (or for a deactivated account);
    /// `NotFound` for an unknown case; `BadInput` for an empty reason, a service whose
    /// standard allows no extension, or a case already extended (nothing is written).
    pub fn sla_extend(
        &mut self,
        actor: &Actor,
        case_id: i64,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Sign)?;
        let granted_by = me.id();
        let case = self.db.case(case_id)?.ok_or_else(|| {
            ApiError::not_found(format!("permohonan #{case_id} tidak ada; periksa nomornya"))
        })?;
        crate::text::check(
            "alasan perpanjangan",
            reason.trim(),
            crate::text::REASON_MAX,
        )?;
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan perpanjangan wajib diisi (--reason); alasan ini disampaikan kepada pemohon",
            ));
        }
        if let Some(e) = self.db.case_extension(case_id)? {
            return Err(ApiError::bad_input(format!(
                "permohonan #{case_id} sudah diperpanjang pada {} oleh {}; perpanjangan hanya sekali",
                e.granted_at, e.granted_by
            )));
        }
        let version = self
            .db
            .service_history(&case.service_id)?
            .into_iter()
            .find(|v| v.standard == case.standard_id)
            .ok_or_else(|| {
                ApiError::not_found(format!("layanan `{}` tidak ditemukan", case.service_id))
            })?;
        let Some(allowed) = version.time.extension.as_ref() else {
            return Err(ApiError::bad_input(format!(
                "standar pelayanan `{}` tidak mengenal perpanjangan waktu",
                version.name
            )));
        };
        let amount = allowed.amount.ok_or_else(|| {
            ApiError::bad_input(
                "perpanjangan di katalog tidak menyebut jumlahnya; perbaiki katalog",
            )
        })?;
        let row = ExtensionRow {
            case_id,
            amount,
            unit: unit_key(allowed.unit),
            reason: reason.trim().to_string(),
            granted_by: granted_by.to_string(),
            granted_at: now.to_rfc3339(),
        };
        let cal = self.working_calendar()?;
        let received = DateTime::parse_from_rfc3339(&case.received_at).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("waktu terima tersimpan rusak: {e}"),
            )
        })?;
        let pauses: Vec<Pause> = self
            .db
            .open_cases()?
            .into_iter()
            .find(|c| c.id == case_id)
            .map(|c| c.pauses)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(f, t)| {
                Some(Pause {
                    from: DateTime::parse_from_rfc3339(&f).ok()?,
                    to: t.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()),
                })
            })
            .collect();
        let computed = due_at(
            &version.time,
            received,
            &cal,
            &pauses,
            extension_of(&row).as_ref(),
        )
        .map_err(|e| ApiError::bad_input(e.to_string()))?;
        let due = computed.due.map(|d| d.to_rfc3339());
        let tx = self.db.begin()?;
        tx.insert_case_extension(&row)?;
        tx.set_case_due(case_id, due.as_deref())?;
        let after = serde_json::json!({ "amount": amount, "unit": row.unit, "reason": row.reason, "due": due });
        record::<(), _>(
            &tx,
            now,
            granted_by,
            ID,
            &format!("case:{case_id}"),
            None,
            Some(&after),
        )?;
        tx.commit()?;
        Ok(due.unwrap_or_default())
    }
}
