//! `office.officials`, `office.official.set`, `office.official.clear`: who holds the posts
//! that sign and initial letters (Kepala Dinas, Sekretaris, Kepala Bidang), as the office
//! sets them in Pengaturan → Profil Kantor or the first-run checklist. The office's entry
//! replaces whoever the profile names for that post and survives a re-import of the profile
//! (see `loket_db::officials`).

use chrono::{DateTime, FixedOffset};
use loket_db::officials::Official;
use loket_domain::catalog::{Acting, PositionKind};
use loket_domain::roles::Role;
use loket_domain::{nip, pangkat};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::account::Actor;
use crate::{audit, text, ApiError, Loket};

pub const LIST: &str = "office.officials";
pub const SET: &str = "office.official.set";
pub const CLEAR: &str = "office.official.clear";

/// A post that signs or initials letters, with its holder.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SigningPost {
    pub position_id: String,
    pub title: String,
    /// "Penanda tangan" or "Paraf".
    pub role_label: String,
    /// True for the Kepala Dinas: without a holder no letter can be drafted.
    pub required: bool,
    pub holder: Option<HolderView>,
}

/// Who holds a post and how the signature block prints them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HolderView {
    pub name: String,
    /// 18 digits, or empty when the profile gives none.
    pub nip: String,
    /// "19700512 200112 1 007".
    pub nip_formatted: String,
    pub pangkat: String,
    pub golongan: String,
    pub acting: Option<Acting>,
    /// True when the office set it here; false when it comes from the imported profile.
    pub from_office: bool,
    /// The signature block's lines: jabatan, name, pangkat (golongan), "NIP. …".
    pub block: Vec<String>,
}

/// What an administrator types for one post.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OfficialForm {
    pub position_id: String,
    pub name: String,
    pub nip: String,
    pub pangkat: String,
    pub golongan: String,
    pub acting: Option<Acting>,
}

/// A golongan with its pangkat, for the form's choice list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct RankChoice {
    pub golongan: String,
    pub pangkat: String,
}

/// The posts and the ranks to choose from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OfficialsPage {
    pub posts: Vec<SigningPost>,
    pub ranks: Vec<RankChoice>,
}

fn signs(kind: PositionKind) -> Option<(&'static str, bool)> {
    match kind {
        PositionKind::KepalaDinas => Some(("Penanda tangan", true)),
        PositionKind::Sekretaris | PositionKind::KepalaBidang => Some(("Paraf", false)),
        _ => None,
    }
}

/// Checks and normalises a form: name given (at most [`text::NAME_MAX`] characters), NIP of
/// 18 digits, golongan known and the pangkat its own; no control characters anywhere.
fn checked(f: &OfficialForm) -> Result<Official, ApiError> {
    text::check("nama pejabat", &f.name, text::NAME_MAX)?;
    text::check("NIP pejabat", &f.nip, text::SHORT_MAX)?;
    text::check("pangkat pejabat", &f.pangkat, text::SHORT_MAX)?;
    text::check("golongan pejabat", &f.golongan, text::SHORT_MAX)?;
    let name = f.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(ApiError::bad_input(
            "nama pejabat wajib diisi, lengkap dengan gelar seperti pada surat (mis. Dr. I Made Santika, S.Kom., M.T.)",
        ));
    }
    let nip =
        nip::from_input(&f.nip).map_err(|e| ApiError::bad_input(format!("{e}; isian NIP")))?;
    let (golongan, pangkat) = pangkat::checked(&f.pangkat, &f.golongan)
        .map_err(|e| ApiError::bad_input(format!("{e}; isian pangkat/golongan")))?;
    Ok(Official {
        position_id: f.position_id.clone(),
        name,
        nip,
        pangkat: pangkat.to_string(),
        golongan: golongan.to_string(),
        acting: f.acting,
    })
}

impl Loket {
    /// The posts that sign or initial, each with its holder (the office's entry, else the
    /// profile's person), and the ranks for the form.
    pub fn office_officials(&self) -> Result<OfficialsPage, ApiError> {
        let profile = self.db.profile()?;
        let office_set = self.db.officials()?;
        let people = crate::people::views(&profile);
        let posts = profile
            .positions
            .iter()
            .filter_map(|p| signs(p.kind).map(|s| (p, s)))
            .map(|(p, (role_label, required))| {
                let holder = people
                    .iter()
                    .find(|x| x.position_id.as_deref() == Some(p.id.as_str()))
                    .map(|x| {
                        let pangkat_words = match (&x.pangkat, &x.golongan) {
                            (Some(pk), Some(g)) => format!("{pk} ({g})"),
                            (Some(pk), None) => pk.clone(),
                            (None, Some(g)) => g.clone(),
                            (None, None) => String::new(),
                        };
                        let mut block = vec![x.jabatan.clone(), x.name.clone()];
                        block.extend(Some(pangkat_words).filter(|s| !s.is_empty()));
                        block.extend(
                            Some(x.nip_formatted.clone())
                                .filter(|s| !s.is_empty())
                                .map(|n| format!("NIP. {n}")),
                        );
                        HolderView {
                            name: x.name.clone(),
                            nip: x.nip.clone(),
                            nip_formatted: x.nip_formatted.clone(),
                            pangkat: x.pangkat.clone().unwrap_or_default(),
                            golongan: x.golongan.clone().unwrap_or_default(),
                            acting: x.acting,
                            from_office: office_set.iter().any(|o| o.position_id == p.id),
                            block,
                        }
                    });
                SigningPost {
                    position_id: p.id.clone(),
                    title: p.title.clone(),
                    role_label: role_label.to_string(),
                    required,
                    holder,
                }
            })
            .collect();
        Ok(OfficialsPage {
            posts,
            ranks: pangkat::RANKS
                .iter()
                .map(|(g, p)| RankChoice {
                    golongan: g.to_string(),
                    pangkat: p.to_string(),
                })
                .collect(),
        })
    }

    /// Sets the holder of a signing post; the audit entry keeps the holder before and after.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for a post that does not
    /// sign or initial, an empty or too long name, a NIP that is not 18 digits, a
    /// golongan/pangkat that do not belong together, or a control character in any of them
    /// (nothing is written).
    pub fn office_official_set(
        &mut self,
        actor: &Actor,
        form: &OfficialForm,
        now: DateTime<FixedOffset>,
    ) -> Result<OfficialsPage, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        self.signing_post(&form.position_id)?;
        let official = checked(form)?;
        let before_people = self.db.people()?;
        let before = before_people
            .iter()
            .find(|p| p.position.as_deref() == Some(form.position_id.as_str()))
            .cloned();
        let tx = self.db.begin()?;
        tx.set_official(&official, &crate::letter::stamp(now), actor.id())?;
        audit::record(
            &tx,
            now,
            actor.id(),
            SET,
            &format!("pejabat:{}", official.position_id),
            before.as_ref(),
            Some(&official),
        )?;
        tx.commit()?;
        self.office_officials()
    }

    /// Removes the office's holder of a post, so that the profile's person (if any) holds it
    /// again; audited with the removed holder. Nothing happens when the office set none.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for a post that does not
    /// sign or initial.
    pub fn office_official_clear(
        &mut self,
        actor: &Actor,
        position_id: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<OfficialsPage, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        self.signing_post(position_id)?;
        let tx = self.db.begin()?;
        let before = tx.official(position_id)?;
        if tx.clear_official(position_id)? {
            audit::record::<_, ()>(
                &tx,
                now,
                actor.id(),
                CLEAR,
                &format!("pejabat:{position_id}"),
                before.as_ref(),
                None,
            )?;
        }
        tx.commit()?;
        self.office_officials()
    }

    fn signing_post(&self, position_id: &str) -> Result<(), ApiError> {
        let profile = self.db.profile()?;
        match profile.positions.iter().find(|p| p.id == position_id) {
            Some(p) if signs(p.kind).is_some() => Ok(()),
            Some(p) => Err(ApiError::bad_input(format!(
                "jabatan '{}' tidak menandatangani atau memaraf surat; pilih Kepala Dinas, Sekretaris atau Kepala Bidang",
                p.title
            ))),
            None => Err(ApiError::bad_input(format!(
                "jabatan '{position_id}' tidak ada di profil kantor; pilih dari daftar pejabat"
            ))),
        }
    }
}
