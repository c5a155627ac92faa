//! Attachments: which files are accepted, recognised by their content, not their name.

/// Largest attachment accepted: 25 MiB (a long scanned letter fits; a video does not).
pub const MAX_BYTES: u64 = 25 * 1024 * 1024;

/// Kinds of file accepted as a scan or copy of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Pdf,
    Png,
    Jpeg,
}

impl MediaType {
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
        }
    }

    /// Recognises the content by its first bytes.
    pub fn sniff(head: &[u8]) -> Option<MediaType> {
        if head.starts_with(b"%PDF-") {
            Some(MediaType::Pdf)
        } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
            Some(MediaType::Png)
        } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(MediaType::Jpeg)
        } else {
            None
        }
    }

    /// The kind a file name claims by its extension.
    pub fn from_name(name: &str) -> Option<MediaType> {
        let ext = name.rsplit_once('.')?.1.to_lowercase();
        match ext.as_str() {
            "pdf" => Some(MediaType::Pdf),
            "png" => Some(MediaType::Png),
            "jpg" | "jpeg" => Some(MediaType::Jpeg),
            _ => None,
        }
    }
}

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    #[error("lampiran {name} berukuran {size} bait, melebihi batas {max} bait (25 MiB); perkecil pindaian atau pisahkan berkasnya")]
    TooLarge { name: String, size: u64, max: u64 },
    #[error("lampiran {name} kosong; pilih berkas pindaian yang benar")]
    Empty { name: String },
    #[error(
        "lampiran {name} bukan PDF, PNG atau JPEG; simpan pindaian sebagai PDF lalu lampirkan lagi"
    )]
    Unsupported { name: String },
    #[error("lampiran {name} bernama {claimed} tetapi isinya bukan {claimed}; berkas mungkin rusak atau salah nama, pindai ulang sebagai PDF")]
    Mismatch { name: String, claimed: &'static str },
}

/// Checks size, and that the content is PDF/PNG/JPEG and matches the name's extension.
pub fn accept(name: &str, size: u64, head: &[u8]) -> Result<MediaType, AttachmentError> {
    if size > MAX_BYTES {
        return Err(AttachmentError::TooLarge {
            name: name.into(),
            size,
            max: MAX_BYTES,
        });
    }
    if size == 0 {
        return Err(AttachmentError::Empty { name: name.into() });
    }
    let claimed = MediaType::from_name(name);
    match (MediaType::sniff(head), claimed) {
        (Some(real), Some(c)) if real == c => Ok(real),
        (Some(real), None) => Ok(real),
        (_, Some(c)) => Err(AttachmentError::Mismatch {
            name: name.into(),
            claimed: match c {
                MediaType::Pdf => "PDF",
                MediaType::Png => "PNG",
                MediaType::Jpeg => "JPEG",
            },
        }),
        (None, None) => Err(AttachmentError::Unsupported { name: name.into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(
            accept("surat.pdf", 10, b"%PDF-1.7\n"),
            Ok(MediaType::Pdf),
            "a real PDF is accepted"
        );
        assert!(
            matches!(
                accept("surat.pdf", 10, b"MZ\x90\0"),
                Err(AttachmentError::Mismatch { .. })
            ),
            "a non-PDF named .pdf is refused"
        );
        assert!(
            matches!(
                accept("film.mp4", 10, b"\0\0\0 ftyp"),
                Err(AttachmentError::Unsupported { .. })
            ),
            "other kinds are refused"
        );
        assert!(
            matches!(
                accept("besar.pdf", 2 * 1024 * 1024 * 1024, b"%PDF-"),
                Err(AttachmentError::TooLarge { .. })
            ),
            "2 GB is over the limit"
        );
        assert!(
            matches!(
                accept("kosong.pdf", 0, b""),
                Err(AttachmentError::Empty { .. })
            ),
            "an empty file is refused"
        );
    }
}
