//! `letter.issue` (terbit): number the letter, render it with its QR code, store the PDF by
//! its SHA-256 and enter it in the outgoing agenda, linked to its case.

use chrono::{DateTime, FixedOffset};
use loket_db::issued_letters::NewIssuedLetter;
use loket_letters::seal::{self, NoSignature, SigningProvider};

use super::dto::{IssuedLetterView, LetterRequest};
use super::list::issued_view;
use super::numbering::Reservation;
use crate::{ApiError, ErrorCode, Loket};

pub const ISSUE: &str = "letter.issue";

impl Loket {
    /// Issues a letter: checks it by rendering a draft first (so a bad letter consumes no
    /// number), takes the reserved number `number_id` or reserves the next one, renders the
    /// final PDF with the QR code (number, date, short data hash), passes it through the
    /// signing provider (none yet: [`NoSignature`]), and in one transaction fixes the number,
    /// stores the PDF and writes the agenda row. Returns the agenda row and the PDF.
    ///
    /// Errors: `bad_input` for invalid letters, a typed password (never stored: print it with
    /// `letter.render` instead), or a number that is not reserved for this kind.
    pub fn letter_issue(
        &mut self,
        req: &LetterRequest,
        number_id: Option<i64>,
        issued_by: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<(IssuedLetterView, Vec<u8>), ApiError> {
        if req
            .content
            .isi
            .get("password")
            .is_some_and(|v| !v.is_null() && v != "")
        {
            return Err(ApiError::bad_input(
                "kata sandi tidak pernah disimpan di surat terbit; terbitkan tanpa kata sandi lalu cetak salinan dengan `loket letter render --password-stdin`",
            ));
        }
        let renderer = self.letter_renderer()?;
        let draft = self.letter_from(req, None)?;
        renderer.render(&draft, None)?;
        let tanggal = draft
            .content
            .tanggal
            .ok_or_else(|| ApiError::bad_input("tanggal surat belum diisi"))?;
        let number = match number_id {
            Some(id) => {
                let n = self.db.registered_number(id)?.ok_or_else(|| {
                    ApiError::not_found(format!("nomor dengan id {id} tidak ada di buku register"))
                })?;
                if n.status != "dipesan" || n.kind != req.kind {
                    return Err(ApiError::bad_input(format!(
                        "nomor {} berstatus '{}' untuk jenis '{}'; hanya nomor yang masih dipesan untuk jenis '{}' dapat dipakai",
                        n.number, n.status, n.kind, req.kind
                    )));
                }
                super::numbering::view(n)
            }
            None => self.letter_number_reserve(
                &Reservation {
                    kind: &req.kind,
                    tanggal,
                    hal: draft.content.hal.trim(),
                    case_id: req.case_id.as_deref(),
                    reserved_by: issued_by,
                },
                now,
            )?,
        };
        let letter = self.letter_from(req, Some(&number.number))?;
        let data = letter.template_data()?;
        let data_sha = seal::sha256_hex(data.to_string().as_bytes());
        let qr = seal::qr_text(
            &number.number,
            &loket_domain::tanggal::tanggal(tanggal),
            &data_sha,
        );
        let pdf = match renderer
            .render(&letter, Some(&qr))
            .map(|r| r.pdf)
            .map_err(ApiError::from)
            .and_then(|pdf| {
                NoSignature.sign(pdf).map_err(|m| {
                    ApiError::new(
                        ErrorCode::Internal,
                        format!("penandatanganan elektronik gagal: {m}"),
                    )
                })
            }) {
            Ok(pdf) => pdf,
            Err(e) => {
                // The number was taken; record why it went unused instead of reusing it.
                let reason = format!("surat gagal diterbitkan: {}", e.message);
                if number_id.is_none() {
                    self.db
                        .void_number(number.id, &reason, &super::stamp(now))?;
                }
                return Err(e);
            }
        };
        let pdf_sha = seal::sha256_hex(&pdf);
        let stored = serde_json::to_string(&req.content).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("data surat tidak dapat disimpan: {e}"),
            )
        })?;
        let row = self.db.issue_letter(
            &NewIssuedLetter {
                number_id: number.id,
                kind: &req.kind,
                tanggal: &tanggal.to_string(),
                hal: letter.content.hal.trim(),
                kepada: &letter.content.kepada.join("\n"),
                signer: &letter.penandatangan.nama,
                case_id: req.case_id.as_deref(),
                content_sha256: &data_sha,
                pdf_sha256: &pdf_sha,
                data: &stored,
                issued_by,
            },
            &pdf,
            &super::stamp(now),
        )?;
        Ok((issued_view(row), pdf))
    }
}
