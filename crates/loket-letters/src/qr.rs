//! The verification QR code of an issued letter, as SVG for the template.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code (error correction M) carrying `text`. Text too long for a QR code
/// (over ~2 KB) yields an empty SVG rather than a wrong code; callers keep the text short.
pub fn svg(text: &str) -> String {
    match QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(false)
            .build(),
        Err(_) => r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn qr_is_an_svg_image() {
        let s = super::svg("Nomor: 000.8/1/2024");
        assert!(s.contains("<svg"), "the template embeds the QR as SVG");
        assert!(
            s.contains("<path") || s.contains("<rect"),
            "the QR has modules drawn"
        );
    }
}
