//! Who verifies and who signs: the paraf chain a kind of letter needs in this office, and the
//! signature block of the person who signs.

use chrono::{DateTime, FixedOffset};
use loket_domain::catalog::{OfficeProfile, Position, PositionKind};
use loket_domain::nip;
use loket_letters::signer::Signatory;
use loket_letters::LetterKind;

use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

/// Kinds of post that initial a letter of `kind`, in order. Korespondensi letters are
/// initialled by the Kepala Bidang of the matter and then the Sekretaris; a berita acara or
/// form is initialled by the Kepala Bidang only.
pub(crate) fn verifier_kinds(kind: LetterKind) -> &'static [PositionKind] {
    use loket_letters::spec::{layout, Layout};
    match layout(kind) {
        Layout::Korespondensi => &[PositionKind::KepalaBidang, PositionKind::Sekretaris],
        Layout::Judul | Layout::Formulir => &[PositionKind::KepalaBidang],
    }
}

/// The Kepala Bidang over `unit` (following the unit's parents), if any.
fn head_of_unit<'a>(profile: &'a OfficeProfile, unit: &str) -> Option<&'a Position> {
    let mut current = Some(unit.to_string());
    let mut steps = 0;
    while let Some(u) = current {
        if let Some(p) = profile
            .positions
            .iter()
            .find(|p| p.kind == PositionKind::KepalaBidang && p.unit.as_deref() == Some(&u))
        {
            return Some(p);
        }
        steps += 1;
        if steps > profile.units.len() {
            return None;
        }
        current = profile
            .units
            .iter()
            .find(|x| x.id == u)
            .and_then(|x| x.parent.clone());
    }
    None
}

/// The Kepala Bidang above `post` by `reports_to`, if any.
fn head_above<'a>(profile: &'a OfficeProfile, post: &str) -> Option<&'a Position> {
    let mut current = profile.positions.iter().find(|p| p.id == post);
    let mut steps = 0;
    while let Some(p) = current {
        if p.kind == PositionKind::KepalaBidang {
            return Some(p);
        }
        steps += 1;
        if steps > profile.positions.len() {
            return None;
        }
        current = p
            .reports_to
            .as_deref()
            .and_then(|up| profile.positions.iter().find(|x| x.id == up));
    }
    None
}

/// The verifier posts of a letter, in order: for a Kepala Bidang, the one over the case's
/// service unit, else the one above the preparer's post; posts the office lacks are left
/// out.
pub(crate) fn verifier_posts(
    profile: &OfficeProfile,
    kind: LetterKind,
    service_unit: Option<&str>,
    preparer_post: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in verifier_kinds(kind) {
        let found = match k {
            PositionKind::KepalaBidang => service_unit
                .and_then(|u| head_of_unit(profile, u))
                .or_else(|| preparer_post.and_then(|p| head_above(profile, p))),
            other => profile.positions.iter().find(|p| p.kind == *other),
        };
        if let Some(p) = found {
            if !out.contains(&p.id) {
                out.push(p.id.clone());
            }
        }
    }
    out
}

/// The post that signs: the office's Kepala Dinas.
///
/// Errors: `BadInput` naming what the administrator must add when the office has none.
pub(crate) fn signer_post(profile: &OfficeProfile) -> Result<String, ApiError> {
    profile
        .positions
        .iter()
        .find(|p| p.kind == PositionKind::KepalaDinas)
        .map(|p| p.id.clone())
        .ok_or_else(|| {
            ApiError::bad_input(
                "profil kantor tidak memuat jabatan Kepala Dinas yang menandatangani surat; minta admin menambahkan [[positions]] dengan kind = \"kepala_dinas\" di profil kantor",
            )
        })
}

impl Loket {
    /// The signature block of `actor` signing for `post`: the post's title (with Plt./Plh.
    /// when acting), their name, NIP and — when the office profile lists them by NIP or
    /// name — their pangkat.
    pub(crate) fn signatory_of(
        &self,
        actor: &Actor,
        post: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Signatory, ApiError> {
        let profile = self.db.profile()?;
        let title = profile
            .positions
            .iter()
            .find(|p| p.id == post)
            .map(|p| p.title.clone())
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("jabatan {post} tidak ada lagi di profil kantor"),
                )
            })?;
        let day = now.date_naive().to_string();
        let acting = if actor.position_id() == Some(post) {
            None
        } else {
            self.db
                .acting_on(actor.id(), &day)?
                .into_iter()
                .find(|a| a.position_id == post)
                .map(|a| if a.kind == "plh" { "Plh." } else { "Plt." })
        };
        let account = self.db.account_with_hash(actor.id())?.map(|(row, _)| row);
        // Accounts store the 18 digits (account.create); one stored before that rule may
        // still carry spaces or a "NIP." label, which must not be printed twice.
        let nip_raw = account
            .as_ref()
            .map(|a| nip::without_label(&a.nip).to_string())
            .unwrap_or_default();
        let nip_digits = nip::normalize(&nip_raw);
        let person = profile.people.iter().find(|p| {
            (nip_digits.is_some() && nip::normalize(&p.nip) == nip_digits)
                || (nip_raw.is_empty() && p.name == actor.name())
        });
        let pangkat = match person {
            Some(p) => match (&p.pangkat, &p.golongan) {
                (Some(pk), Some(g)) => format!("{pk} ({g})"),
                (Some(pk), None) => pk.clone(),
                (None, Some(g)) => g.clone(),
                (None, None) => String::new(),
            },
            None => String::new(),
        };
        let nip_text = if nip_raw.is_empty() {
            person.map(|p| nip::format(&p.nip)).unwrap_or_default()
        } else {
            nip::format(&nip_raw)
        };
        let jabatan = match acting {
            Some(prefix) if !title.starts_with(prefix) => format!("{prefix} {title}"),
            _ => title,
        };
        Ok(Signatory {
            jabatan,
            nama: actor.name().to_string(),
            pangkat,
            nip: nip_text,
        })
    }
}
