//! `skm.questionnaire_pdf`: the printable SKM questionnaire through the letters engine — the
//! office's kop, the respondent's profile, the nine elements with their four answers as boxes
//! to tick and, printed for a request, its agenda number, number and a QR code so that the
//! paper answers are entered against the right request (`loket skm entry --case N`).

use chrono::{DateTime, FixedOffset};
use loket_domain::skm::{Education, Occupation, Sex, ELEMENTS};
use loket_letters::form::{self, KUESIONER_SKM};
use serde_json::{json, Value};

use crate::account::Actor;
use crate::{ApiError, Loket};

pub const QUESTIONNAIRE_PDF: &str = "skm.questionnaire_pdf";

/// The text of the QR code printed for case `id` (short: read by a phone or a scanner at the
/// desk that enters the answers).
pub fn qr_text(id: i64, agenda: &str) -> String {
    format!("LOKET-SKM permohonan={id} agenda={agenda}")
}

impl Loket {
    /// The questionnaire as PDF, blank or for case `case`. Returns the file name to save it
    /// under ("kuesioner-skm.pdf", "kuesioner-skm-0012-2026.pdf") and the PDF.
    ///
    /// Errors: `NotFound` for an unknown case; `BadInput` when the office's edited template
    /// does not compile (file and line named).
    pub fn skm_questionnaire_pdf(
        &self,
        actor: &Actor,
        case: Option<i64>,
        now: DateTime<FixedOffset>,
    ) -> Result<(String, Vec<u8>), ApiError> {
        self.current(actor)?;
        let office = self.db.profile()?.office;
        let (permohonan, qr, name) = match case {
            Some(id) => {
                let c = self.case_show(actor, id, now)?;
                let p = json!({
                    "nomor_agenda": c.agenda_number,
                    "kode": id.to_string(),
                    "layanan": c.service_name,
                });
                let name = format!(
                    "kuesioner-skm-{}.pdf",
                    c.agenda_number.replace(['/', '\\', ' '], "-")
                );
                (p, Some(qr_text(id, &c.agenda_number)), name)
            }
            None => (Value::Null, None, "kuesioner-skm.pdf".to_string()),
        };
        let unsur: Vec<Value> = ELEMENTS
            .iter()
            .map(|e| {
                json!({"kode": e.code(), "label": e.label(), "pertanyaan": e.question(),
                       "jawaban": e.answers()})
            })
            .collect();
        let data = json!({
            "kertas": "a4",
            "hal": "Kuesioner Survei Kepuasan Masyarakat",
            "kop": form::kop(&office),
            "permohonan": permohonan,
            "unsur": unsur,
            "jenis_kelamin": Sex::ALL.iter().map(|s| s.label()).collect::<Vec<_>>(),
            "pendidikan": Education::ALL.iter().map(|s| s.label()).collect::<Vec<_>>(),
            "pekerjaan": Occupation::ALL.iter().map(|s| s.label()).collect::<Vec<_>>(),
        });
        let pdf = self
            .letter_renderer()?
            .render_form(KUESIONER_SKM, &data, qr.as_deref())?
            .pdf;
        Ok((name, pdf))
    }
}
