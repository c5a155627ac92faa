//! The numbering register: patterns (`letter.pattern.save`, `letter.pattern.list`) and
//! numbers (`letter.number.reserve`, `letter.number.void`, `letter.number.list`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use loket_db::letter_numbers::{NumberError, NumberRequest, RegisteredNumber};
use loket_db::number_patterns::StoredPattern;
use loket_domain::numbering::{NumberParts, NumberPattern};

use super::dto::{NumberPatternView, RegisteredNumberView};
use super::kind;
use crate::account::Actor;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const PATTERN_LIST: &str = "letter.pattern.list";
pub const NUMBER_RESERVE: &str = "letter.number.reserve";
pub const NUMBER_VOID: &str = "letter.number.void";
pub const NUMBER_LIST: &str = "letter.number.list";

impl From<NumberError> for ApiError {
    fn from(e: NumberError) -> Self {
        match e {
            NumberError::NotFound(_) => ApiError::not_found(e.to_string()),
            NumberError::WrongStatus { .. } => ApiError::bad_input(e.to_string()),
            NumberError::Db(db) => db.into(),
        }
    }
}

/// Reserving and voiding numbers belongs to those who prepare letters (as drafting does).
fn may_prepare(actor: &Actor) -> Result<(), ApiError> {
    crate::letter::require_preparer(actor, "memesan atau membatalkan nomor surat")
}

fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn view(r: RegisteredNumber) -> RegisteredNumberView {
    RegisteredNumberView {
        id: r.id,
        pattern_id: r.pattern_id,
        year: r.year,
        seq: r.seq,
        number: r.number,
        kind: r.kind,
        hal: r.hal,
        case_id: r.case_id,
        status: r.status,
        reserved_at: r.reserved_at,
        fixed_at: r.fixed_at,
        voided_at: r.voided_at,
        void_reason: r.void_reason,
    }
}

/// The pattern `p` checked (id, tokens, the values its tokens need, known kinds) and ready
/// to store.
///
/// Errors: `bad_input` naming the field and the fix.
pub(crate) fn validated(p: &NumberPatternView) -> Result<StoredPattern, ApiError> {
    if !id_ok(&p.id) {
        return Err(ApiError::bad_input(format!(
            "id pola '{}' tidak sah; pakai huruf kecil, angka dan '-', mis. surat-keluar",
            p.id
        )));
    }
    let pattern =
        NumberPattern::parse(&p.pattern).map_err(|e| ApiError::bad_input(e.to_string()))?;
    if pattern.uses_unit() && p.unit.trim().is_empty() {
        return Err(ApiError::bad_input(format!(
            "pola '{pattern}' memakai {{unit}}; isi kode unit (di CLI: --unit), mis. DKIS"
        )));
    }
    if pattern.uses_klasifikasi() && p.klasifikasi.trim().is_empty() {
        return Err(ApiError::bad_input(format!(
        "pola '{pattern}' memakai {{klasifikasi}}; isi kode klasifikasi arsip (di CLI: --klasifikasi), mis. 000.8.3.3"
        )));
    }
    for k in &p.kinds {
        kind(k)?;
    }
    Ok(StoredPattern {
        id: p.id.clone(),
        pattern: pattern.text().to_string(),
        klasifikasi: p.klasifikasi.trim().to_string(),
        unit: p.unit.trim().to_string(),
        kinds: p.kinds.clone(),
    })
}

/// What a reservation is for.
#[derive(Debug, Clone)]
pub struct Reservation<'a> {
    pub kind: &'a str,
    /// The letter's date: its year picks the counter, its month fills {bulan}/{bulan_romawi}.
    pub tanggal: NaiveDate,
    pub hal: &'a str,
    pub case_id: Option<&'a str>,
    pub reserved_by: Option<&'a str>,
}

/// The pattern that numbers a kind, ready to format running numbers.
pub(crate) struct NumberPlan {
    stored: StoredPattern,
    pattern: NumberPattern,
}

impl NumberPlan {
    /// The plan of a stored pattern.
    pub(crate) fn of(stored: StoredPattern) -> Result<NumberPlan, ApiError> {
        let pattern = NumberPattern::parse(&stored.pattern)
            .map_err(|e| ApiError::bad_input(e.to_string()))?;
        Ok(NumberPlan { stored, pattern })
    }

    /// The register row a reservation asks for.
    pub(crate) fn request<'a>(&'a self, r: &Reservation<'a>) -> NumberRequest<'a> {
        NumberRequest {
            pattern_id: &self.stored.id,
            year: r.tanggal.year(),
            kind: r.kind,
            hal: r.hal,
            case_id: r.case_id,
            reserved_by: r.reserved_by,
        }
    }

    /// The number's text for running number `seq` of a letter dated `tanggal`.
    pub(crate) fn format(&self, seq: i64, tanggal: NaiveDate) -> String {
        self.pattern.format(&NumberParts {
            klasifikasi: &self.stored.klasifikasi,
            unit: &self.stored.unit,
            urut: seq.unsigned_abs(),
            year: tanggal.year(),
            month: tanggal.month(),
        })
    }
}

impl Loket {
    /// The pattern that numbers `kind_id`.
    ///
    /// Errors: `bad_input` for an unknown kind or when no pattern numbers it (the message
    /// says how to set one).
    pub(crate) fn number_plan(&self, kind_id: &str) -> Result<NumberPlan, ApiError> {
        kind(kind_id)?;
        let stored = self
            .db
            .number_patterns()?
            .into_iter()
            .find(|p| p.kinds.iter().any(|k| k == kind_id))
            .ok_or_else(|| {
                ApiError::bad_input(format!(
                    "belum ada pola nomor untuk jenis surat '{kind_id}'; minta admin menetapkannya di Pengaturan → Penomoran Surat atau dengan `loket letter pattern set <id> --pattern '{{klasifikasi}}/{{urut}}/{{unit}}/{{tahun}}' --klasifikasi ... --unit ... --kinds {kind_id}`"
                ))
            })?;
        NumberPlan::of(stored)
    }

    /// All numbering patterns.
    pub fn letter_pattern_list(&self) -> Result<Vec<NumberPatternView>, ApiError> {
        Ok(self
            .db
            .number_patterns()?
            .into_iter()
            .map(|p| NumberPatternView {
                id: p.id,
                pattern: p.pattern,
                klasifikasi: p.klasifikasi,
                unit: p.unit,
                kinds: p.kinds,
            })
            .collect())
    }

    /// Reserves the next number for a letter of `r.kind`, from the pattern that numbers it,
    /// for whoever may prepare letters; recorded as the signed-in account and audited in the
    /// same transaction.
    ///
    /// Errors: `Forbidden` without the register or dispose role; `bad_input` for an unknown
    /// kind or when no pattern numbers it (the message says how to set one).
    pub fn letter_number_reserve(
        &mut self,
        actor: &Actor,
        r: &Reservation,
        now: DateTime<FixedOffset>,
    ) -> Result<RegisteredNumberView, ApiError> {
        let me = self.current(actor)?;
        may_prepare(&me)?;
        let plan = self.number_plan(r.kind)?;
        let mut r = r.clone();
        r.reserved_by = Some(me.id());
        let tx = self.db.begin()?;
        let row = tx.reserve_number(&plan.request(&r), &super::stamp(now), |seq| {
            plan.format(seq, r.tanggal)
        })?;
        let after = view(row);
        audit::record::<(), _>(
            &tx,
            now,
            me.id(),
            NUMBER_RESERVE,
            &format!("nomor-surat:{}", after.id),
            None,
            Some(&after),
        )?;
        tx.commit()?;
        Ok(after)
    }

    /// Voids a reserved number with a reason; it stays on record and is never given again.
    /// A number held by a draft in the workflow is voided by cancelling the draft
    /// (`letter.void`), never here, so the signer never meets a voided number.
    ///
    /// Errors: `Forbidden` without the register or dispose role; `bad_input` for an empty
    /// reason or a number that is not reserved; `Conflict` for a draft's number;
    /// `NotFound` for an unknown id.
    pub fn letter_number_void(
        &mut self,
        actor: &Actor,
        id: i64,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<RegisteredNumberView, ApiError> {
        let me = self.current(actor)?;
        may_prepare(&me)?;
        crate::text::check("alasan pembatalan", reason.trim(), crate::text::REASON_MAX)?;
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan pembatalan nomor wajib diisi (--alasan), mis. \"draf dibatalkan\"",
            ));
        }
        let before = self
            .db
            .registered_number(id)?
            .ok_or(NumberError::NotFound(id))?;
        let tx = self.db.begin()?;
        if let Some(d) = tx.draft_of_number(id)? {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "nomor {} dipakai konsep surat {} (status {}); batalkan konsepnya dengan `loket letter void {} --alasan ...`",
                    before.number, d.id, d.status, d.id
                ),
            ));
        }
        tx.void_number(id, reason.trim(), &super::stamp(now))
            .map_err(|e| match e {
                NumberError::NotFound(_) => ApiError::bad_input(format!(
                    "nomor {} berstatus '{}'; hanya nomor yang masih dipesan dapat dibatalkan",
                    before.number, before.status
                )),
                other => other.into(),
            })?;
        let after = tx
            .registered_number(id)?
            .map(view)
            .ok_or(NumberError::NotFound(id))?;
        audit::record(
            &tx,
            now,
            me.id(),
            NUMBER_VOID,
            &format!("nomor-surat:{id}"),
            Some(&view(before)),
            Some(&after),
        )?;
        tx.commit()?;
        Ok(after)
    }

    /// The numbering register, oldest first.
    pub fn letter_number_list(
        &self,
        year: Option<i32>,
    ) -> Result<Vec<RegisteredNumberView>, ApiError> {
        Ok(self
            .db
            .registered_numbers(year)?
            .into_iter()
            .map(view)
            .collect())
    }
}
