//! `case.attach` from the window: the file's bytes arrive from the UI (which read the chosen
//! file) with its original name; they go through the same checks and store as a file path.

use chrono::{DateTime, FixedOffset};

use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

impl Loket {
    /// Attaches `bytes` named `name` to case `id`, keeping the original name.
    ///
    /// Errors: `BadInput` for an empty or folder-like name and for a refused file (size,
    /// type); `NotFound` for an unknown case.
    pub fn case_attach_bytes(
        &mut self,
        actor: &Actor,
        id: i64,
        name: &str,
        bytes: &[u8],
        now: DateTime<FixedOffset>,
    ) -> Result<usize, ApiError> {
        let name = name.trim();
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(ApiError::bad_input(format!(
                "nama lampiran `{name}` tidak sah; pilih berkas dengan nama biasa, mis. surat.pdf"
            )));
        }
        let stamp = now.timestamp_nanos_opt().unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("loket-unggah-{}-{stamp}-{id}", std::process::id()));
        let fail = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::Internal,
                format!(
                    "lampiran tidak dapat disiapkan di {}: {e}; periksa ruang disk",
                    dir.display()
                ),
            )
        };
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let path = dir.join(name);
        let result = std::fs::write(&path, bytes)
            .map_err(fail)
            .and_then(|_| self.case_attach(actor, id, std::slice::from_ref(&path), now));
        let _ = std::fs::remove_dir_all(&dir);
        result
    }
}
