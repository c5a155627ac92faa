//! What a person may do, decided by roles; roles default from the kind of post they hold.
//! Also the rule that dispositions go down (or across), never up, the chain of command.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::catalog::{Position, PositionKind};

/// A permission. Receiving, reading, reporting and completing a disposition addressed to
/// one's own post needs no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Register incoming letters, check requirements, return incomplete requests.
    Register,
    /// Dispose a case further down.
    Dispose,
    /// Initial (paraf) a draft.
    Paraf,
    /// Sign (TTD) and so close a case.
    Sign,
    /// Book rooms and equipment.
    Book,
    /// Manage accounts, roles and the office profile.
    Administer,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Register,
        Role::Dispose,
        Role::Paraf,
        Role::Sign,
        Role::Book,
        Role::Administer,
    ];

    /// The stored and typed name ("register").
    pub fn code(self) -> &'static str {
        match self {
            Role::Register => "register",
            Role::Dispose => "dispose",
            Role::Paraf => "paraf",
            Role::Sign => "sign",
            Role::Book => "book",
            Role::Administer => "administer",
        }
    }

    /// What the role allows, in words for refusals ("mendisposisikan surat").
    pub fn verb(self) -> &'static str {
        match self {
            Role::Register => "mencatat surat masuk",
            Role::Dispose => "mendisposisikan surat",
            Role::Paraf => "memaraf naskah",
            Role::Sign => "menandatangani",
            Role::Book => "memesan ruang dan peralatan",
            Role::Administer => "mengelola akun dan pengaturan",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        let t = text.trim().to_lowercase();
        Role::ALL.iter().copied().find(|r| r.code() == t)
    }

    /// Reads a comma-separated list ("register,dispose"); unknown words are returned as `Err`.
    pub fn parse_list(text: &str) -> Result<Vec<Role>, String> {
        let mut out = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let role = Role::parse(word).ok_or_else(|| word.to_string())?;
            if !out.contains(&role) {
                out.push(role);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// The roles a holder of a post of `kind` gets unless an administrator changes them.
pub fn default_roles(kind: PositionKind) -> Vec<Role> {
    use PositionKind as K;
    use Role::*;
    match kind {
        K::KepalaDinas => vec![Dispose, Paraf, Sign, Book],
        K::Sekretaris => vec![Register, Dispose, Paraf, Sign, Book],
        K::KepalaBidang | K::KepalaSubbagian | K::Ppid => vec![Dispose, Paraf, Sign, Book],
        K::KepalaSeksi | K::KetuaTim => vec![Dispose, Paraf, Book],
        K::PencatatSurat => vec![Register, Book],
        K::Fungsional | K::Staf | K::Operator | K::Admin | K::Lainnya => vec![Book],
    }
}

/// Seniority of a kind of post: 0 is the head of the office. Used only between posts that do
/// not stand in one line of `reports_to`.
pub fn rank(kind: PositionKind) -> u8 {
    use PositionKind as K;
    match kind {
        K::KepalaDinas => 0,
        K::Sekretaris => 1,
        K::KepalaBidang | K::Ppid => 2,
        K::KepalaSubbagian | K::KepalaSeksi | K::KetuaTim => 3,
        K::Fungsional | K::Staf | K::PencatatSurat | K::Operator | K::Admin | K::Lainnya => 4,
    }
}

/// Whether `target` stands above `from`: one of its superiors by `reports_to`, or — when
/// neither reports to the other — of a more senior kind. Disposing to such a post is
/// disposing upward, which is refused; a report goes up instead.
pub fn is_above(positions: &[Position], from: &Position, target: &Position) -> bool {
    if chain_contains(positions, target, &from.id) {
        return false;
    }
    if chain_contains(positions, from, &target.id) {
        return true;
    }
    rank(target.kind) < rank(from.kind)
}

/// Whether `id` is among the superiors of `start` (following `reports_to`, cycle-safe).
fn chain_contains(positions: &[Position], start: &Position, id: &str) -> bool {
    let mut current = start.reports_to.as_deref();
    let mut steps = 0;
    while let Some(up) = current {
        if up == id {
            return true;
        }
        steps += 1;
        if steps > positions.len() {
            return false;
        }
        current = positions
            .iter()
            .find(|p| p.id == up)
            .and_then(|p| p.reports_to.as_deref());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str, kind: PositionKind, reports_to: Option<&str>) -> Position {
        Position {
            id: id.into(),
            title: id.into(),
            kind,
            unit: None,
            reports_to: reports_to.map(Into::into),
        }
    }

    #[test]
    fn up_and_down_the_chain() {
        use PositionKind as K;
        let all = vec![
            post("kadis", K::KepalaDinas, None),
            post("sekretaris", K::Sekretaris, Some("kadis")),
            post("kabid", K::KepalaBidang, Some("kadis")),
            post("ketua", K::KetuaTim, Some("kabid")),
            post("staf", K::Staf, Some("ketua")),
            post("ppid-utama", K::Ppid, None),
            post("ppid-pelaksana", K::Ppid, Some("ppid-utama")),
        ];
        let p = |id: &str| all.iter().find(|p| p.id == id).unwrap();
        assert!(
            !is_above(&all, p("kadis"), p("sekretaris")),
            "the head disposes down to the secretary"
        );
        assert!(
            !is_above(&all, p("sekretaris"), p("kabid")),
            "the secretary disposes to a head of division (more junior kind, not in one line)"
        );
        assert!(
            is_above(&all, p("staf"), p("ketua")),
            "a staff member's team leader is above them"
        );
        assert!(
            is_above(&all, p("ketua"), p("kadis")),
            "the head of office is above a team leader"
        );
        assert!(
            !is_above(&all, p("ppid-utama"), p("ppid-pelaksana")),
            "PPID Utama disposes down to PPID Pelaksana (same kind, reports to it)"
        );
        assert!(
            is_above(&all, p("ppid-pelaksana"), p("ppid-utama")),
            "PPID Pelaksana cannot dispose up to PPID Utama"
        );
    }

    #[test]
    fn default_roles_follow_the_post() {
        assert!(
            !default_roles(PositionKind::Staf).contains(&Role::Dispose),
            "staf do not dispose"
        );
        assert!(
            !default_roles(PositionKind::Staf).contains(&Role::Sign),
            "staf do not sign"
        );
        assert!(
            default_roles(PositionKind::PencatatSurat).contains(&Role::Register),
            "the pencatat surat registers letters"
        );
        assert_eq!(
            Role::parse_list("dispose, register,dispose"),
            Ok(vec![Role::Register, Role::Dispose]),
            "role lists are deduplicated and ordered"
        );
        assert_eq!(
            Role::parse_list("register,terbang"),
            Err("terbang".to_string()),
            "an unknown role is reported"
        );
    }
}
