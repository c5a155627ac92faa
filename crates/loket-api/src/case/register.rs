//! `case.register`: registrasi surat masuk — a request for one service gets the next agenda
//! number of its year, its requirement and step checklists, attachments and a due moment.

use std::path::PathBuf;

use chrono::{DateTime, Datelike, FixedOffset};
use loket_db::cases::CaseRow;
use loket_domain::case_status::CaseStatus;
use loket_domain::catalog::PositionKind;
use loket_domain::intake::{ApplicantKind, Channel, Sifat};
use loket_domain::roles::Role;
use serde::Deserialize;

use super::input::{date, moment, required};
use super::{record, CaseView};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.register";

/// Longest applicant address.
const REASON_MAX_ADDRESS: usize = crate::text::REASON_MAX;

/// The register form. Text fields as typed; they are validated all at once.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewCase {
    pub service_id: String,
    /// "OPD", "Instansi" or "Perorangan".
    pub applicant_kind: String,
    pub applicant_name: String,
    #[serde(default)]
    pub applicant_phone: String,
    #[serde(default)]
    pub applicant_email: String,
    #[serde(default)]
    pub applicant_address: String,
    pub letter_number: String,
    /// TTTT-BB-HH or HH/BB/TTTT.
    pub letter_date: String,
    pub hal: String,
    /// "biasa", "segera", "sangat segera", "rahasia"; empty means biasa.
    #[serde(default)]
    pub sifat: String,
    /// "langsung", "surat", "email", "srikandi", "website".
    pub channel: String,
    /// RFC 3339 or "TTTT-BB-HH JJ:MM" in office time; empty means now.
    #[serde(default)]
    pub received_at: String,
    /// First holder's post; empty means the Kepala Dinas.
    #[serde(default)]
    pub addressed_to: String,
    #[serde(default)]
    pub notes: String,
    /// Files to attach (scans, PDF copies).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "Array<string>"))]
    pub attachments: Vec<PathBuf>,
}

impl Loket {
    /// Registers a request. Every field problem is reported at once; nothing is written
    /// unless all are right and every attachment is accepted.
    ///
    /// Errors: `Forbidden` without the register role; `BadInput` for missing or malformed
    /// fields, an unknown or retired service, a letter dated after its receipt, an unknown
    /// post, or a refused attachment (too large, not PDF/PNG/JPEG, content not matching name).
    pub fn case_register(
        &mut self,
        actor: &Actor,
        new: &NewCase,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        let offset = self.db.office()?.office.time_zone.offset();
        // Every stored moment is in the office's zone, whatever the caller's clock says.
        let now = now.with_timezone(&offset);
        let mut problems = Vec::new();
        let service_id = required("layanan", &new.service_id, &mut problems);
        let applicant_name = required("nama pemohon", &new.applicant_name, &mut problems);
        let letter_number = required("nomor surat", &new.letter_number, &mut problems);
        let hal = required("hal", &new.hal, &mut problems);
        use crate::text::{problem, HAL_MAX, NAME_MAX, NOTES_MAX, SHORT_MAX};
        for (field, value, max, multiline) in [
            ("nama pemohon", &new.applicant_name, NAME_MAX, false),
            ("telepon pemohon", &new.applicant_phone, SHORT_MAX, false),
            ("pos-el pemohon", &new.applicant_email, SHORT_MAX, false),
            (
                "alamat pemohon",
                &new.applicant_address,
                REASON_MAX_ADDRESS,
                true,
            ),
            ("nomor surat", &new.letter_number, SHORT_MAX, false),
            ("hal", &new.hal, HAL_MAX, false),
            ("catatan", &new.notes, NOTES_MAX, true),
        ] {
            problems.extend(problem(field, value.trim(), max, multiline));
        }
        let kind = take(
            &mut problems,
            ApplicantKind::parse(&new.applicant_kind).map_err(|e| e.to_string()),
        );
        let channel = take(
            &mut problems,
            Channel::parse(&new.channel).map_err(|e| e.to_string()),
        );
        let sifat = if new.sifat.trim().is_empty() {
            Some(Sifat::Biasa)
        } else {
            take(
                &mut problems,
                Sifat::parse(&new.sifat).map_err(|e| e.to_string()),
            )
        };
        let letter_date = if new.letter_date.trim().is_empty() {
            take(&mut problems, Err("tanggal surat belum diisi".to_string()))
        } else {
            take(&mut problems, date("tanggal surat", &new.letter_date))
        };
        let received = if new.received_at.trim().is_empty() {
            Some(now)
        } else {
            take(
                &mut problems,
                moment("waktu diterima", &new.received_at, offset),
            )
        };
        if let (Some(d), Some(r)) = (letter_date, received) {
            if d > r.date_naive() {
                problems.push(format!(
                    "tanggal surat {d} sesudah tanggal diterima {}; periksa kedua tanggal",
                    r.date_naive()
                ));
            }
        }
        if let Some(r) = received {
            if r > now {
                problems.push(format!(
                    "waktu diterima {} belum terjadi; isi waktu surat benar-benar diterima",
                    r.to_rfc3339()
                ));
            }
        }
        let positions = self.db.positions()?;
        let addressed_to = if new.addressed_to.trim().is_empty() {
            positions
                .iter()
                .find(|p| p.kind == PositionKind::KepalaDinas)
                .map(|p| p.id.clone())
        } else {
            positions
                .iter()
                .find(|p| p.id == new.addressed_to.trim())
                .map(|p| p.id.clone())
        };
        if addressed_to.is_none() {
            problems.push(format!(
                "tujuan surat `{}` bukan jabatan di profil kantor; sebutkan id jabatan (lihat `loket office --json`)",
                new.addressed_to.trim()
            ));
        }
        let version = match (service_id.is_empty(), received) {
            (false, Some(r)) => {
                let history = self.db.service_history(&service_id)?;
                if history.is_empty() {
                    problems.push(format!(
                        "layanan `{service_id}` tidak ada di katalog; lihat daftar dengan `loket services`"
                    ));
                    None
                } else if self.db.service_active(&service_id)? != Some(true) {
                    problems.push(format!(
                        "layanan `{service_id}` tidak lagi diberikan menurut standar pelayanan terbaru"
                    ));
                    None
                } else {
                    let v = history
                        .into_iter()
                        .filter(|v| v.effective <= r.date_naive())
                        .max_by_key(|v| v.effective);
                    if v.is_none() {
                        problems.push(format!(
                            "layanan `{service_id}` belum berlaku pada {}; periksa waktu diterima",
                            r.date_naive()
                        ));
                    }
                    v
                }
            }
            _ => None,
        };
        let files = self.check_attachments(&new.attachments, &mut problems);
        let (
            Some(kind),
            Some(channel),
            Some(sifat),
            Some(letter_date),
            Some(received),
            Some(version),
            Some(addressed_to),
            true,
        ) = (
            kind,
            channel,
            sifat,
            letter_date,
            received,
            version,
            addressed_to,
            problems.is_empty(),
        )
        else {
            return Err(ApiError::bad_input(format!(
                "permohonan belum dapat dicatat: {}",
                problems.join("; ")
            )));
        };
        let stored = self.read_attachments(&files)?;
        let mut row = CaseRow {
            id: 0,
            year: i64::from(received.year()),
            agenda_seq: 0,
            service_id: service_id.clone(),
            standard_id: version.standard.clone(),
            addressed_to,
            received_at: received.to_rfc3339(),
            channel: word(&channel),
            sifat: word(&sifat),
            status: CaseStatus::Diterima.code().to_string(),
            applicant_kind: word(&kind),
            applicant_name,
            applicant_phone: new.applicant_phone.trim().to_string(),
            applicant_email: new.applicant_email.trim().to_string(),
            applicant_address: new.applicant_address.trim().to_string(),
            letter_number,
            letter_date: letter_date.to_string(),
            hal,
            notes: new.notes.trim().to_string(),
            due_at: None,
            registered_by: actor.id().to_string(),
            registered_at: now.to_rfc3339(),
            updated_at: now.to_rfc3339(),
        };
        row.due_at = self.case_due(&row, &[])?;
        let steps: Vec<(u32, String, Option<String>)> = version
            .steps
            .iter()
            .map(|s| (s.number, s.text.clone(), s.actor.clone()))
            .collect();
        let tx = self.db.begin()?;
        let saved = tx.insert_case(&row, &version.requirements, &steps)?;
        for file in &stored {
            super::attach::store(&tx, saved.id, file, actor, now)?;
        }
        record(&tx, now, actor.id(), ID, None, saved.id)?;
        tx.commit()?;
        self.case_show(actor, saved.id, now)
    }
}

/// The stored word of a vocabulary value (its serde name, "sangat_segera").
pub(crate) fn word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value, or `None` with its problem noted.
fn take<T>(problems: &mut Vec<String>, r: Result<T, String>) -> Option<T> {
    r.map_err(|e| problems.push(e)).ok()
}
