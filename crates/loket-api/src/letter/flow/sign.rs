//! `letter.sign` (tanda tangan): the Kepala Dinas, or whoever acts for them, signs a fully
//! initialled draft, by hand (no certificate: the letter says so) or electronically with
//! their registered certificate's PKCS#12 file. In one transaction the reserved number is
//! fixed, the PDF (with its QR code, and its PAdES signature when signed electronically) is
//! stored by its hash, the letter enters the outgoing agenda linked to its case, and the
//! draft becomes terbit.

use chrono::{DateTime, FixedOffset};
use loket_db::issued_letters::NewIssuedLetter;
use loket_domain::roles::Role;
use loket_letters::pades::Pkcs12Signer;
use loket_letters::seal::{self, QrFacts, SignatureMarks, SigningContext, SigningProvider};

use super::dto::DraftView;
use super::{audit_shape, content_json, content_of, save_step_audited, wrong_state, State};
use crate::account::Actor;
use crate::letter::dto::LetterRequest;
use crate::signer::Pkcs12Input;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "letter.sign";

/// How the signer signs.
pub enum SignWith<'a> {
    /// By hand on the printed letter: no electronic signature, the QR code at the side.
    Hand,
    /// With the signer's registered certificate, from its PKCS#12 file and passphrase.
    Certificate(Pkcs12Input<'a>),
}

impl Loket {
    /// Signs and issues draft `id` by hand (no certificate).
    ///
    /// Errors: as [`Loket::letter_sign_with`].
    pub fn letter_sign(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        self.letter_sign_with(actor, id, &SignWith::Hand, now)
    }

    /// Signs and issues draft `id` the way `with` says.
    ///
    /// Errors: `Forbidden` without the sign role or the signing post (own, Plt. or Plh.);
    /// `Conflict` unless every paraf is done; `BadInput` when the letter no longer renders,
    /// or for a certificate that cannot sign (wrong passphrase, key not matching, not
    /// registered for this account, expired, not chaining to a trusted root). Nothing is
    /// stored and no number is used when it is refused.
    pub fn letter_sign_with(
        &mut self,
        actor: &Actor,
        id: i64,
        with: &SignWith,
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
        let (provider, note) = self.provider(&actor, with, now)?;
        let mut content = content_of(&before)?;
        content.penandatangan = Some(self.signatory_of(&actor, &before.signer_position, now)?);
        // A ralat prints the letter it replaces from its link, never from the typed content,
        // and is refused once another ralat replaced that letter.
        let replaces = self.ralat_to_issue(before.id)?;
        content.ralat = self.ralat_of(before.id)?;
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
        let marks = provider.marks();
        let qr = seal::qr_facts_text(&QrFacts {
            nomor: &number.number,
            tanggal: &loket_domain::tanggal::tanggal(tanggal),
            hal: &letter.content.hal,
            penandatangan: &letter.penandatangan.nama,
            marks: &marks,
            data_sha256: &data_sha,
        });
        let rendered = self
            .letter_renderer()?
            .render_marked(&letter, Some(&qr), &marks)?;
        let tempat = data
            .get("tempat")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_string();
        let about = SigningContext {
            nomor: number.number.clone(),
            penandatangan: letter.penandatangan.nama.clone(),
            tempat,
            at: now,
        };
        let pdf = provider.signer(about).sign(rendered.pdf).map_err(|m| {
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
                replaces: replaces.as_ref().map(|(id, why)| (*id, why.as_str())),
            },
            &pdf,
            &stamp,
        )?;
        after.issued_letter_id = Some(issued.id);
        let mut shape = audit_shape(&after);
        shape["pdf_sha256"] = serde_json::Value::String(pdf_sha.clone());
        save_step_audited(
            &tx,
            &before,
            &after,
            &shape,
            &actor,
            Some(&before.signer_position),
            "tanda_tangan",
            ID,
            &note,
            now,
        )?;
        tx.commit()?;
        let mut view = self.letter_show(&actor, id, now)?;
        if self.emblem_is_placeholder()? {
            view.warnings
                .push(crate::office::emblem::ISSUED_WITH_PLACEHOLDER.to_string());
        }
        Ok(view)
    }

    /// The seam where a letter's signature is made: the signing provider for `with`, and
    /// the note its step records. By hand: [`seal::NoSignature`]. With a certificate:
    /// [`Pkcs12Signer`] after the certificate is checked (see `signer_key`). A provider
    /// for BSrE's signing service would be chosen here.
    fn provider(
        &self,
        actor: &Actor,
        with: &SignWith,
        now: DateTime<FixedOffset>,
    ) -> Result<(Provider, String), ApiError> {
        match with {
            SignWith::Hand => Ok((Provider::Hand, "tanpa sertifikat elektronik".to_string())),
            SignWith::Certificate(input) => {
                let (signer, fingerprint) = self.signer_key(actor, input, now)?;
                Ok((
                    Provider::Pkcs12(signer),
                    format!("ditandatangani secara elektronik, sertifikat SHA-256 {fingerprint}"),
                ))
            }
        }
    }
}

/// The provider chosen at the seam, before the letter it signs is known.
enum Provider {
    Hand,
    Pkcs12(Pkcs12Signer),
}

impl Provider {
    fn marks(&self) -> SignatureMarks {
        match self {
            Provider::Hand => seal::NoSignature.marks(),
            Provider::Pkcs12(s) => s.marks(),
        }
    }

    /// The provider for this letter.
    fn signer(self, about: SigningContext) -> Box<dyn SigningProvider> {
        match self {
            Provider::Hand => Box::new(seal::NoSignature),
            Provider::Pkcs12(s) => Box::new(s.about(about)),
        }
    }
}
