//! `letter.sign` (tanda tangan): the Kepala Dinas, or whoever acts for them, signs a fully
//! initialled draft. In one transaction the reserved number is fixed, the PDF (with its QR
//! code) is stored by its hash, the letter enters the outgoing agenda linked to its case,
//! and the draft becomes terbit.

use chrono::{DateTime, FixedOffset};
use loket_db::issued_letters::NewIssuedLetter;
use loket_domain::roles::Role;
use loket_letters::seal::{self, NoSignature, SigningProvider};

use super::dto::DraftView;
use super::{content_json, content_of, save_step, wrong_state, State};
use crate::account::Actor;
use crate::letter::dto::LetterRequest;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "letter.sign";

/// The signing provider used when a letter is signed. This is the seam for an electronic
/// signature (BSrE): a provider that signs the PDF bytes replaces [`NoSignature`] here, and
/// what it returns is what is stored, hashed and verified. Today the letter is the stored
/// PDF with its verification QR code.
fn provider() -> impl SigningProvider {
    NoSignature
}

impl Loket {
    /// Signs and issues draft `id`.
    ///
    /// Errors: `Forbidden` without the sign role or the signing post (own, Plt. or Plh.);
    /// `Conflict` unless every paraf is done; `BadInput` when the letter no longer renders.
    pub fn letter_sign(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        actor.require(Role::Sign)?;
        let before = self.draft_row(id)?;
        if State::parse(&before.status) != State::MenungguTandaTangan {
            return Err(wrong_state(&before, "ditandatangani"));
        }
        if !self
            .posts_of(&actor, now)?
            .contains(&before.signer_position)
        {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "surat {} ditandatangani oleh {}; akun {} tidak memegang jabatan itu dan bukan Plt./Plh.-nya",
                    before.id,
                    self.post_title(&before.signer_position)?,
                    actor.id()
                ),
            ));
        }
        let mut content = content_of(&before)?;
        content.penandatangan = Some(self.signatory_of(&actor, &before.signer_position, now)?);
        let case_text = before.case_id.map(|c| c.to_string());
        let req = LetterRequest {
            kind: before.kind.clone(),
            content,
            signer: None,
            case_id: case_text.clone(),
        };
        let number = self
            .db
            .registered_number(before.number_id)?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("nomor surat {} hilang dari buku register", before.id),
                )
            })?;
        let letter = self.letter_from(&req, Some(&number.number))?;
        let tanggal = letter
            .content
            .tanggal
            .ok_or_else(|| ApiError::bad_input("tanggal surat belum diisi"))?;
        let data = letter.template_data()?;
        let data_sha = seal::sha256_hex(data.to_string().as_bytes());
        let qr = seal::qr_text(
            &number.number,
            &loket_domain::tanggal::tanggal(tanggal),
            &data_sha,
        );
        let rendered = self.letter_renderer()?.render(&letter, Some(&qr))?;
        let pdf = provider().sign(rendered.pdf).map_err(|m| {
            ApiError::new(
                ErrorCode::Internal,
                format!("penandatanganan elektronik gagal: {m}"),
            )
        })?;
        let pdf_sha = seal::sha256_hex(&pdf);
        let stored = content_json(&req.content)?;
        let stamp = crate::letter::stamp(now);
        let mut after = before.clone();
        after.status = State::Terbit.code().to_string();
        after.content = stored.clone();
        after.updated_at = stamp.clone();
        let tx = self.db.begin()?;
        let issued = tx.issue_letter(
            &NewIssuedLetter {
                number_id: before.number_id,
                kind: &before.kind,
                tanggal: &tanggal.to_string(),
                hal: letter.content.hal.trim(),
                kepada: &letter.content.kepada.join("\n"),
                signer: &letter.penandatangan.nama,
                case_id: case_text.as_deref(),
                content_sha256: &data_sha,
                pdf_sha256: &pdf_sha,
                data: &stored,
                issued_by: Some(actor.id()),
            },
            &pdf,
            &stamp,
        )?;
        after.issued_letter_id = Some(issued.id);
        save_step(
            &tx,
            &before,
            &after,
            &actor,
            Some(&before.signer_position),
            "tanda_tangan",
            ID,
            "",
            now,
        )?;
        tx.commit()?;
        self.letter_show(&actor, id, now)
    }
}
