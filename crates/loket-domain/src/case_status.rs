//! The case state machine: diterima → diverifikasi → didisposisi → diproses → menunggu tanda
//! tangan → selesai, with dikembalikan (returned for missing requirements) and ditolak.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Diterima,
    Diverifikasi,
    Didisposisi,
    Diproses,
    MenungguTandaTangan,
    Selesai,
    Dikembalikan,
    Ditolak,
}

/// What happened to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum CaseEvent {
    /// Every requirement is present.
    Verify,
    /// Returned to the applicant for missing requirements (the deadline pauses).
    GiveBack,
    /// The applicant completed the requirements (the deadline resumes).
    Resubmit,
    /// A disposition went out.
    Dispose,
    /// Work on the procedure started (a step ticked, a report made).
    Work,
    /// The result awaits an official's signature.
    AwaitSignature,
    /// The official signed; the service is delivered.
    Sign,
    /// The request is refused.
    Reject,
}

impl CaseStatus {
    pub const ALL: &'static [CaseStatus] = &[
        CaseStatus::Diterima,
        CaseStatus::Diverifikasi,
        CaseStatus::Didisposisi,
        CaseStatus::Diproses,
        CaseStatus::MenungguTandaTangan,
        CaseStatus::Selesai,
        CaseStatus::Dikembalikan,
        CaseStatus::Ditolak,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CaseStatus::Diterima => "Diterima",
            CaseStatus::Diverifikasi => "Diverifikasi",
            CaseStatus::Didisposisi => "Didisposisi",
            CaseStatus::Diproses => "Diproses",
            CaseStatus::MenungguTandaTangan => "Menunggu tanda tangan",
            CaseStatus::Selesai => "Selesai",
            CaseStatus::Dikembalikan => "Dikembalikan",
            CaseStatus::Ditolak => "Ditolak",
        }
    }

    /// The stored name ("menunggu_tanda_tangan").
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Diterima => "diterima",
            CaseStatus::Diverifikasi => "diverifikasi",
            CaseStatus::Didisposisi => "didisposisi",
            CaseStatus::Diproses => "diproses",
            CaseStatus::MenungguTandaTangan => "menunggu_tanda_tangan",
            CaseStatus::Selesai => "selesai",
            CaseStatus::Dikembalikan => "dikembalikan",
            CaseStatus::Ditolak => "ditolak",
        }
    }

    /// The inverse of [`CaseStatus::code`], also accepting labels.
    pub fn parse(text: &str) -> Option<CaseStatus> {
        let norm = text.trim().to_lowercase().replace([' ', '-'], "_");
        CaseStatus::ALL
            .iter()
            .copied()
            .find(|s| s.code() == norm || s.label().to_lowercase().replace(' ', "_") == norm)
    }

    /// Selesai and ditolak accept nothing more.
    pub fn is_closed(self) -> bool {
        matches!(self, CaseStatus::Selesai | CaseStatus::Ditolak)
    }

    /// The status after `event`, or the refusal. Events that keep the status where it is
    /// (a second disposition, more work) are legal and return the same status.
    pub fn after(self, event: CaseEvent) -> Result<CaseStatus, IllegalMove> {
        use CaseEvent as E;
        use CaseStatus as S;
        let next = match (self, event) {
            (S::Diterima, E::Verify) => S::Diverifikasi,
            (S::Diterima | S::Diverifikasi, E::GiveBack) => S::Dikembalikan,
            (S::Dikembalikan, E::Resubmit) => S::Diterima,
            (S::Diverifikasi | S::Didisposisi | S::Diproses, E::Dispose) => {
                S::Didisposisi.max_with(self)
            }
            (S::Didisposisi | S::Diproses, E::Work) => S::Diproses,
            (S::MenungguTandaTangan, E::Work) => S::Diproses,
            (S::Didisposisi | S::Diproses, E::AwaitSignature) => S::MenungguTandaTangan,
            (S::MenungguTandaTangan, E::Sign) => S::Selesai,
            (s, E::Reject) if !s.is_closed() => S::Ditolak,
            (from, event) => return Err(IllegalMove { from, event }),
        };
        Ok(next)
    }

    /// A further disposition while work is under way keeps the case "diproses".
    fn max_with(self, current: CaseStatus) -> CaseStatus {
        if current == CaseStatus::Diproses {
            current
        } else {
            self
        }
    }
}

/// A move the state machine does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", explain(*from, *event))]
pub struct IllegalMove {
    pub from: CaseStatus,
    pub event: CaseEvent,
}

fn explain(from: CaseStatus, event: CaseEvent) -> String {
    let what = match event {
        CaseEvent::Verify => "diverifikasi",
        CaseEvent::GiveBack => "dikembalikan kepada pemohon",
        CaseEvent::Resubmit => "dilengkapi kembali",
        CaseEvent::Dispose => "didisposisikan",
        CaseEvent::Work => "dikerjakan",
        CaseEvent::AwaitSignature => "diajukan untuk tanda tangan",
        CaseEvent::Sign => "ditandatangani",
        CaseEvent::Reject => "ditolak",
    };
    let hint = match from {
        CaseStatus::Diterima => "verifikasi persyaratannya terlebih dahulu",
        CaseStatus::Dikembalikan => {
            "tunggu pemohon melengkapi persyaratan lalu catat kelengkapannya"
        }
        CaseStatus::Selesai | CaseStatus::Ditolak => "permohonan ini sudah ditutup",
        CaseStatus::Diverifikasi => "disposisikan terlebih dahulu",
        CaseStatus::MenungguTandaTangan => "permohonan sedang menunggu tanda tangan",
        _ => "periksa urutan prosedur",
    };
    format!(
        "permohonan berstatus \"{}\" tidak dapat {what}; {hint}",
        from.label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseEvent as E;
    use CaseStatus as S;

    #[test]
    fn the_happy_path_walks_every_status() {
        let mut s = S::Diterima;
        for (event, want) in [
            (E::Verify, S::Diverifikasi),
            (E::Dispose, S::Didisposisi),
            (E::Dispose, S::Didisposisi),
            (E::Work, S::Diproses),
            (E::Dispose, S::Diproses),
            (E::AwaitSignature, S::MenungguTandaTangan),
            (E::Sign, S::Selesai),
        ] {
            s = s.after(event).unwrap();
            assert_eq!(s, want, "the path diterima → selesai moves by {event:?}");
        }
    }

    #[test]
    fn returned_cases_resume_through_verification() {
        let s = S::Diterima.after(E::GiveBack).unwrap();
        assert_eq!(s, S::Dikembalikan, "an incomplete request is returned");
        assert!(
            s.after(E::Dispose).is_err(),
            "a returned request cannot be disposed"
        );
        assert_eq!(
            s.after(E::Resubmit).unwrap(),
            S::Diterima,
            "completed requirements bring it back to diterima"
        );
    }

    #[test]
    fn illegal_moves_are_refused_with_a_reason() {
        for (from, event) in [
            (S::Diterima, E::Dispose),
            (S::Diterima, E::Sign),
            (S::Selesai, E::Reject),
            (S::Ditolak, E::Verify),
            (S::Didisposisi, E::Sign),
            (S::Didisposisi, E::GiveBack),
        ] {
            let err = from.after(event).unwrap_err();
            assert!(
                err.to_string().contains(from.label()),
                "the refusal of {event:?} from {from:?} names the status: {err}"
            );
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in S::ALL {
            assert_eq!(
                S::parse(s.code()),
                Some(*s),
                "stored code of {s:?} reads back"
            );
        }
        assert_eq!(
            S::parse("Menunggu tanda tangan"),
            Some(S::MenungguTandaTangan),
            "labels are accepted in filters"
        );
    }
}
