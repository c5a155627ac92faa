//! `booking.receipt`: the surat bukti peminjaman (Demak's product for the Command Center),
//! filled from an approved booking and rendered through the letters engine.

use chrono::{DateTime, FixedOffset};
use loket_domain::booking::ResourceKind;
use serde::Deserialize;
use serde_json::{json, Map};

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::account::Actor;
use crate::letter::dto::{LetterContent, LetterRequest, RenderedPdf};
use crate::letter::flow::dto::{DraftView, NewDraft};
use crate::{ApiError, Loket};

pub const RECEIPT: &str = "booking.receipt";

/// The letters engine's kind for the receipt.
const KIND: &str = "bukti_peminjaman_cc";

/// Who borrows, as the receipt names them.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Borrower {
    pub nama: String,
    pub jabatan: String,
    /// The borrowing institution; the request's applicant when empty.
    #[serde(default)]
    pub instansi: String,
    /// 18 digits, or empty.
    #[serde(default)]
    pub nip: String,
}

impl Loket {
    /// The letter request of booking `id`'s receipt: activity, day, time and facilities from
    /// the booking, the borrower as given, signed ("yang menyerahkan") by the person holding
    /// the approver's post, else the Kepala Dinas.
    ///
    /// Errors: `NotFound`; `BadInput` for a booking not approved (or cancelled) and for a
    /// borrower without name or post.
    pub fn booking_receipt_request(
        &self,
        actor: &Actor,
        id: i64,
        borrower: &Borrower,
        now: DateTime<FixedOffset>,
    ) -> Result<LetterRequest, ApiError> {
        self.current(actor)?;
        let b = self.booking_show(id)?;
        if !matches!(b.status.as_str(), "disetujui" | "berjalan" | "selesai") {
            return Err(ApiError::bad_input(format!(
                "surat bukti peminjaman dicetak setelah pemesanan #{id} disetujui; statusnya sekarang {}",
                b.status_label
            )));
        }
        if borrower.nama.trim().is_empty() || borrower.jabatan.trim().is_empty() {
            return Err(ApiError::bad_input(
                "isi nama dan jabatan peminjam untuk surat bukti peminjaman",
            ));
        }
        let zone = self.db.office()?.office.time_zone;
        let instansi = match (borrower.instansi.trim(), b.case_id) {
            ("", Some(case)) => self
                .db
                .case(case)?
                .map(|c| c.applicant_name)
                .unwrap_or_default(),
            (given, _) => given.to_string(),
        };
        let catalog = self.db.resources()?;
        let fasilitas: Vec<_> = b
            .resources
            .iter()
            .map(|r| {
                let room = catalog
                    .iter()
                    .any(|c| c.id == r.id && c.kind == ResourceKind::Ruang);
                json!({"nama": r.name, "jumlah": format!("{} {}", r.quantity, if room { "ruang" } else { "unit" })})
            })
            .collect();
        let start = DateTime::parse_from_rfc3339(&b.start).map_err(|_| {
            ApiError::new(
                crate::ErrorCode::Internal,
                format!("waktu pemesanan #{id} tersimpan rusak"),
            )
        })?;
        let end = DateTime::parse_from_rfc3339(&b.end).unwrap_or(start);
        let next_day =
            if end.date_naive() > start.date_naive() && end.format("%H%M").to_string() != "0000" {
                " (hari berikutnya)"
            } else {
                ""
            };
        let waktu = format!(
            "{} s.d. {}{next_day} {}",
            start.format("%H.%M"),
            end.format("%H.%M"),
            zone.label()
        );
        let mut isi = Map::new();
        isi.insert(
            "peminjam".into(),
            json!({"nama": borrower.nama.trim(), "jabatan": borrower.jabatan.trim(), "instansi": instansi, "nip": borrower.nip.trim()}),
        );
        isi.insert("kegiatan".into(), json!(b.title));
        isi.insert("hari_tanggal".into(), json!(start.date_naive().to_string()));
        isi.insert("waktu".into(), json!(waktu));
        isi.insert("fasilitas".into(), json!(fasilitas));
        Ok(LetterRequest {
            kind: KIND.into(),
            content: LetterContent {
                tanggal: Some(now.date_naive()),
                hal: "Bukti Peminjaman Command Center".into(),
                isi,
                ..LetterContent::default()
            },
            signer: self.signer_of(b.approved_by.as_deref())?,
            case_id: b.case_id.map(|c| c.to_string()),
        })
    }

    /// The receipt of booking `id` as a PDF print copy (nothing stored, no number taken).
    pub fn booking_receipt(
        &self,
        actor: &Actor,
        id: i64,
        borrower: &Borrower,
        now: DateTime<FixedOffset>,
    ) -> Result<RenderedPdf, ApiError> {
        let req = self.booking_receipt_request(actor, id, borrower, now)?;
        self.letter_render(&req, None)
    }

    /// Starts the numbered surat bukti peminjaman of booking `id` as a draft of the letters
    /// workflow (paraf, tanda tangan, terbit with a number from the register and its QR),
    /// filled from the booking like the print copy and linked to the booking's request.
    ///
    /// Errors: as [`Loket::booking_receipt_request`] and [`Loket::letter_draft`] (the
    /// drafting role, a numbering pattern for `bukti_peminjaman_cc`).
    pub fn booking_receipt_draft(
        &mut self,
        actor: &Actor,
        id: i64,
        borrower: &Borrower,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let req = self.booking_receipt_request(actor, id, borrower, now)?;
        let new = NewDraft {
            kind: KIND.into(),
            case_id: req.case_id.as_deref().and_then(|c| c.parse().ok()),
        };
        self.letter_draft_with(actor, &new, Some(req.content), now)
    }

    /// The profile person holding the post of account `login`, if any.
    fn signer_of(&self, login: Option<&str>) -> Result<Option<String>, ApiError> {
        let Some(login) = login else { return Ok(None) };
        let post = self
            .db
            .accounts()?
            .into_iter()
            .find(|a| a.id == login)
            .and_then(|a| a.position_id);
        let Some(post) = post else { return Ok(None) };
        Ok(self
            .db
            .people()?
            .into_iter()
            .find(|p| p.position.as_deref() == Some(post.as_str()))
            .map(|p| p.id))
    }
}
