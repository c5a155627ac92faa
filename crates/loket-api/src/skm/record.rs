//! `skm.record`: one questionnaire, entered by a signed-in member of the front office (from
//! the paper form, or on the counter screen the applicant fills in while staff are signed in).

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::skm_responses::SkmResponseRow;
use loket_domain::roles::Role;
use loket_domain::skm::{Answers, Profile};
use loket_domain::tanggal::tanggal;

use super::dto::{SkmEntry, SkmResponseView};
use super::RECORD;
use crate::account::Actor;
use crate::case::agenda_label;
use crate::{audit, ApiError, ErrorCode, Loket};

/// The day of the answers: `text` (YYYY-MM-DD) or today; never after today.
fn answered_on(text: &str, now: DateTime<FixedOffset>) -> Result<NaiveDate, ApiError> {
    let today = now.date_naive();
    if text.trim().is_empty() {
        return Ok(today);
    }
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "tanggal pengisian `{text}` tidak valid; tulis TTTT-BB-HH, misalnya {today}"
        ))
    })?;
    if day > today {
        return Err(ApiError::bad_input(format!(
            "tanggal pengisian {} belum tiba; isi tanggal kuesioner diisi (paling lambat hari ini)",
            tanggal(day)
        )));
    }
    Ok(day)
}

impl Loket {
    /// Stores the questionnaire `entry` and returns it.
    ///
    /// Errors: `Forbidden` without the register role; `BadInput` for an answer outside 1–4,
    /// a too long suggestion or any text with a control character, a bad profile, a day in
    /// the future, a case not yet completed or an unknown service;
    /// `NotFound` for an unknown case; `Conflict` when the case already has its response.
    pub fn skm_record(
        &mut self,
        actor: &Actor,
        entry: &SkmEntry,
        now: DateTime<FixedOffset>,
    ) -> Result<SkmResponseView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        // The coded fields are matched against fixed lists; bounded first so that a refusal
        // never repeats a huge text or a terminal escape back.
        for (what, v) in [
            ("jawaban kuesioner", entry.answers.as_str()),
            ("jenis kelamin", &entry.sex),
            ("pendidikan", &entry.education),
            ("pekerjaan", &entry.occupation),
            ("tanggal pengisian", &entry.answered_on),
            ("sumber", &entry.source),
            ("layanan", entry.service_id.as_deref().unwrap_or_default()),
        ] {
            crate::text::check(what, v, crate::text::SHORT_MAX)?;
        }
        let answers = Answers::parse(&entry.answers).map_err(ApiError::bad_input)?;
        let profile = Profile::parse(entry.age, &entry.sex, &entry.education, &entry.occupation)
            .map_err(ApiError::bad_input)?;
        let day = answered_on(&entry.answered_on, now)?;
        let suggestion = super::text(&entry.suggestion, "saran responden", super::MAX_TEXT, true)?;
        let source = match entry.source.trim() {
            "" | "kertas" => "kertas",
            "layar" => "layar",
            other => {
                return Err(ApiError::bad_input(format!(
                    "sumber `{other}` tidak dikenal; pilih kertas atau layar"
                )))
            }
        };
        let service_id = match entry.case_id {
            Some(id) => {
                let case = self
                    .db
                    .case(id)?
                    .ok_or_else(|| crate::case::not_found(id))?;
                if case.status != "selesai" {
                    return Err(ApiError::bad_input(format!(
                        "permohonan {} belum selesai (status {}); survei diisi setelah layanan selesai, atau catat sebagai responden tanpa permohonan",
                        agenda_label(case.year, case.agenda_seq),
                        case.status
                    )));
                }
                if let Some(s) = entry.service_id.as_deref().filter(|s| !s.trim().is_empty()) {
                    if s.trim() != case.service_id {
                        return Err(ApiError::bad_input(format!(
                            "layanan `{s}` berbeda dengan layanan permohonan {} ({}); kosongkan layanan",
                            agenda_label(case.year, case.agenda_seq),
                            case.service_id
                        )));
                    }
                }
                case.service_id
            }
            None => {
                let s = entry
                    .service_id
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| {
                        ApiError::bad_input(
                            "layanan belum dipilih; responden tanpa permohonan menyebut layanan yang diterimanya",
                        )
                    })?;
                if self.db.service_history(s)?.is_empty() {
                    return Err(ApiError::bad_input(format!(
                        "layanan `{s}` tidak ada di katalog; lihat `loket services`"
                    )));
                }
                s.to_string()
            }
        };
        let row = SkmResponseRow {
            id: 0,
            case_id: entry.case_id,
            service_id,
            answered_on: day.to_string(),
            age: profile.age,
            sex: profile.sex.code().to_string(),
            education: profile.education.code().to_string(),
            occupation: profile.occupation.code().to_string(),
            answers: answers.0.iter().map(|v| v.to_string()).collect(),
            suggestion,
            source: source.to_string(),
            entered_by: actor.id().to_string(),
            entered_at: now.to_rfc3339(),
        };
        let tx = self.db.begin()?;
        if let Some(id) = row.case_id {
            if tx.skm_case_answered(id)? {
                return Err(ApiError::new(
                    ErrorCode::Conflict,
                    format!(
                        "permohonan nomor {id} sudah mempunyai survei kepuasan; satu permohonan diisi satu kali"
                    ),
                ));
            }
        }
        let id = tx.insert_skm_response(&row)?;
        let stored = SkmResponseRow { id, ..row };
        audit::record(
            &tx,
            now,
            actor.id(),
            RECORD,
            &format!("skm:{id}"),
            None::<&()>,
            Some(&serde_json::json!({
                "case_id": stored.case_id,
                "service_id": stored.service_id,
                "answered_on": stored.answered_on,
                "answers": stored.answers,
                "source": stored.source,
            })),
        )?;
        tx.commit()?;
        self.skm_view(&stored)
    }
}
