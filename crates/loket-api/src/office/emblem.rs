//! `office.emblem.save`: the region's emblem (lambang daerah) for the kop, uploaded as SVG or
//! PNG. It is saved through `letter.template.save` as the template `lambang.svg` (a PNG is
//! wrapped in an SVG that embeds it), so it is checked against every letter kind and audited
//! like any template. Until an office does this its letters carry Loket's neutral placeholder.

use base64::Engine;
use chrono::{DateTime, FixedOffset};
use loket_letters::render::EMBLEM_FILE;
use loket_letters::TemplateSet;

use crate::account::Actor;
use crate::letter::template::TemplateView;
use crate::{ApiError, Loket};

pub const SAVE: &str = "office.emblem.save";

/// The warning the signer gets back when a letter was issued with the placeholder emblem
/// (a warning, not a refusal: the office decides).
pub const ISSUED_WITH_PLACEHOLDER: &str = "Surat ini terbit dengan lambang pengganti netral bawaan Loket pada kop, bukan lambang daerah. Pasang lambang daerah di Pengaturan → Persiapan Kantor → Lambang daerah (berkas SVG atau PNG) agar surat berikutnya memuat lambang yang benar.";

/// The warning a letter carries while the kop has the placeholder emblem.
pub const PLACEHOLDER_WARNING: &str = "Kop surat masih memakai lambang pengganti netral bawaan Loket, bukan lambang daerah; surat resmi sebaiknya tidak diterbitkan sebelum administrator memasang lambang daerah di Pengaturan → Persiapan Kantor → Lambang daerah (berkas SVG atau PNG).";

const PNG_MAGIC: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// The SVG text to store for an uploaded file: an SVG as it is, a PNG inside an SVG of its
/// own pixel size.
///
/// Errors: `bad_input` for anything else, naming the file.
pub fn emblem_svg(file_name: &str, bytes: &[u8]) -> Result<String, ApiError> {
    if bytes.starts_with(&PNG_MAGIC) && bytes.len() > 24 {
        let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        if w == 0 || h == 0 {
            return Err(ApiError::bad_input(format!(
                "berkas {file_name} bukan gambar PNG yang utuh; simpan ulang lambang sebagai PNG atau SVG"
            )));
        }
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        return Ok(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n  <image width=\"{w}\" height=\"{h}\" xlink:href=\"data:image/png;base64,{data}\"/>\n</svg>\n"
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains("<svg") => Ok(text.to_string()),
        _ => Err(ApiError::bad_input(format!(
            "berkas {file_name} bukan gambar SVG atau PNG; pilih lambang daerah dalam format .svg atau .png"
        ))),
    }
}

impl Loket {
    /// True while the kop carries the shipped neutral placeholder instead of the region's
    /// emblem.
    pub fn emblem_is_placeholder(&self) -> Result<bool, ApiError> {
        let active = self.letter_template_show(EMBLEM_FILE)?;
        Ok(Some(active.as_str()) == TemplateSet::bundled_text(EMBLEM_FILE))
    }

    /// Saves an uploaded emblem as the office's `lambang.svg`.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for a file that is not
    /// SVG or PNG, is too large, or makes a letter fail to render (the previous emblem stays).
    pub fn office_emblem_save(
        &mut self,
        actor: &Actor,
        file_name: &str,
        bytes: &[u8],
        now: DateTime<FixedOffset>,
    ) -> Result<TemplateView, ApiError> {
        self.current(actor)?
            .require(loket_domain::roles::Role::Administer)?;
        let svg = emblem_svg(file_name, bytes)?;
        self.letter_template_save(actor, EMBLEM_FILE, &svg, now)
    }
}
