//! `letter.issue` (terbit without the paraf chain): an official holding the sign role numbers
//! the letter, renders it with its QR code, stores the PDF by its SHA-256 and enters it in the
//! outgoing agenda, linked to its case — one transaction, audited as their signature. Letters
//! that need paraf go through the workflow (`letter.draft` … `letter.sign`).

use chrono::{DateTime, FixedOffset};
use loket_db::issued_letters::NewIssuedLetter;
use loket_domain::roles::Role;
use loket_letters::seal::{self, NoSignature, SigningProvider};

use super::dto::{IssuedLetterView, LetterRequest};
use super::list::issued_view;
use super::numbering::Reservation;
use crate::account::Actor;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ISSUE: &str = "letter.issue";

/// An issued letter and its PDF; `earlier` when the same letter had been issued before (a
/// retry after the output file could not be written) and nothing new was issued.
#[derive(Debug, Clone)]
pub struct Issued {
    pub letter: IssuedLetterView,
    pub pdf: Vec<u8>,
    pub earlier: bool,
}

impl Loket {
    /// Issues a letter as `actor`, who must hold the sign role: checks it by rendering a draft
    /// first (so a bad letter consumes no number), then in one write transaction takes the
    /// reserved number `number_id` or reserves the next one, renders the final PDF with the
    /// QR code (number, date, short data hash), passes it through the signing provider,
    /// fixes the number, stores the PDF, writes the agenda row and the audit entry. A kill or
    /// a failure at any point leaves no number reserved. The same letter (kind, case, data)
    /// issued before is returned as it was stored, with `earlier` set.
    ///
    /// Errors: `Forbidden` without the sign role; `bad_input` for invalid letters, a typed
    /// password (never stored: print it with `letter.render` instead), or a number that is not
    /// reserved for this kind; `Conflict` for a number held by a draft in the workflow.
    pub fn letter_issue(
        &mut self,
        actor: &Actor,
        req: &LetterRequest,
        number_id: Option<i64>,
        now: DateTime<FixedOffset>,
    ) -> Result<Issued, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Sign)?;
        super::limits::check(&req.kind, &req.content)?;
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
        if req.content.ralat.is_some() {
            return Err(ApiError::bad_input(
                "isian `ralat` hanya diisi Loket pada surat ralat; hapus isian itu dari data, lalu buat ralat atas surat terbit dengan `loket letter ralat NOMOR --reason \"...\"` (atau tombol Ralat pada halaman surat)",
            ));
        }
        let stored = serde_json::to_string(&req.content).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("data surat tidak dapat disimpan: {e}"),
            )
        })?;
        if number_id.is_none() {
            if let Some(l) =
                self.db
                    .issued_letter_same(&req.kind, req.case_id.as_deref(), &stored)?
            {
                let pdf = self.db.letter_file(&l.pdf_sha256)?.ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::Corrupt,
                        format!("berkas PDF surat {} hilang dari penyimpanan", l.nomor),
                    )
                })?;
                return Ok(Issued {
                    letter: issued_view(l),
                    pdf,
                    earlier: true,
                });
            }
        }
        let renderer = self.letter_renderer()?;
        let mut letter = self.letter_from(req, None)?;
        renderer.render(&letter, None)?;
        let tanggal = letter
            .content
            .tanggal
            .ok_or_else(|| ApiError::bad_input("tanggal surat belum diisi"))?;
        let plan = match number_id {
            Some(_) => None,
            None => Some(self.number_plan(&req.kind)?),
        };
        let hal = letter.content.hal.trim().to_string();
        let stamp = super::stamp(now);
        let tx = self.db.begin()?;
        let number = match (number_id, &plan) {
            (Some(id), _) => {
                let n = tx.registered_number(id)?.ok_or_else(|| {
                    ApiError::not_found(format!("nomor dengan id {id} tidak ada di buku register"))
                })?;
                if let Some(d) = tx.draft_of_number(id)? {
                    return Err(ApiError::new(
                        ErrorCode::Conflict,
                        format!(
                            "nomor {} milik konsep surat {}; terbitkan lewat alurnya (`loket letter sign {}`)",
                            n.number, d.id, d.id
                        ),
                    ));
                }
                if n.status != "dipesan" || n.kind != req.kind {
                    return Err(ApiError::bad_input(format!(
                        "nomor {} berstatus '{}' untuk jenis '{}'; hanya nomor yang masih dipesan untuk jenis '{}' dapat dipakai",
                        n.number, n.status, n.kind, req.kind
                    )));
                }
                n
            }
            (None, Some(plan)) => tx.reserve_number(
                &plan.request(&Reservation {
                    kind: &req.kind,
                    tanggal,
                    hal: &hal,
                    case_id: req.case_id.as_deref(),
                    reserved_by: Some(me.id()),
                }),
                &stamp,
                |seq| plan.format(seq, tanggal),
            )?,
            (None, None) => {
                return Err(ApiError::new(
                    ErrorCode::Internal,
                    "pola nomor tidak terbaca",
                ))
            }
        };
        letter.nomor = Some(number.number.clone());
        let data = letter.template_data()?;
        let data_sha = seal::sha256_hex(data.to_string().as_bytes());
        let qr = seal::qr_text(
            &number.number,
            &loket_domain::tanggal::tanggal(tanggal),
            &data_sha,
        );
        let pdf = renderer.render(&letter, Some(&qr))?.pdf;
        let pdf = NoSignature.sign(pdf).map_err(|m| {
            ApiError::new(
                ErrorCode::Internal,
                format!("penandatanganan elektronik gagal: {m}"),
            )
        })?;
        let pdf_sha = seal::sha256_hex(&pdf);
        let row = tx.issue_letter(
            &NewIssuedLetter {
                number_id: number.id,
                kind: &req.kind,
                tanggal: &tanggal.to_string(),
                hal: &hal,
                kepada: &letter.content.kepada.join("\n"),
                signer: &letter.penandatangan.nama,
                case_id: req.case_id.as_deref(),
                content_sha256: &data_sha,
                pdf_sha256: &pdf_sha,
                data: &stored,
                issued_by: Some(me.id()),
                replaces: None,
            },
            &pdf,
            &stamp,
        )?;
        let view = issued_view(row);
        let after = serde_json::json!({
            "tanda_tangan": me.id(),
            "penandatangan": letter.penandatangan.nama,
            "nomor": view.nomor,
            "pdf_sha256": view.pdf_sha256,
            "content_sha256": view.content_sha256,
            "kind": view.kind,
            "tanggal": view.tanggal,
            "hal": view.hal,
        });
        audit::record::<(), _>(
            &tx,
            now,
            me.id(),
            ISSUE,
            &format!("surat-terbit:{}", view.id),
            None,
            Some(&after),
        )?;
        tx.commit()?;
        Ok(Issued {
            letter: view,
            pdf,
            earlier: false,
        })
    }
}
