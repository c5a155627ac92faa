//! `letter.verify`: is this file, byte for byte, a letter this database issued?

use loket_letters::seal::sha256_hex;

use super::dto::VerifyReport;
use super::list::issued_view;
use crate::{ApiError, Loket};

pub const VERIFY: &str = "letter.verify";

impl Loket {
    /// Looks the file's SHA-256 up among issued letters. Any changed byte changes the hash,
    /// so an altered copy is reported as not genuine.
    pub fn letter_verify(&self, file: &[u8]) -> Result<VerifyReport, ApiError> {
        let sha256 = sha256_hex(file);
        let found = self.db.issued_letter_by_pdf(&sha256)?.map(issued_view);
        let verdict = match &found {
            Some(l) => format!(
                "ASLI: surat nomor {} tanggal {}, hal {}, diterbitkan {} — berkas tidak berubah sejak terbit",
                l.nomor, l.tanggal_words, l.hal, l.issued_at
            ),
            None => "TIDAK DIKENAL: berkas ini bukan surat terbit dari basis data ini, atau telah diubah setelah terbit".to_string(),
        };
        Ok(VerifyReport {
            genuine: found.is_some(),
            sha256,
            letter: found,
            verdict,
        })
    }
}
