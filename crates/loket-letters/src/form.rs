//! Printed forms that are not letters (no number, no signer) but carry the office's kop:
//! the SKM questionnaire and the evaluation report. Rendered with [`crate::Renderer::render_form`].
//! Also the kop's data every letter and form shares, drawn from the office profile.

use loket_domain::catalog::Office;
use serde_json::{json, Value};

/// The template of the printable Survei Kepuasan Masyarakat questionnaire.
pub const KUESIONER_SKM: &str = "kuesioner_skm.typ";

/// The template of the evaluation report (laporan evaluasi kinerja pelaksana).
pub const LAPORAN_EVALUASI: &str = "laporan_evaluasi.typ";

/// The kop's part of a template's data, from the office profile (the same fields every
/// letter's `kop` has). Besides the profile's fields (telephone and fax already formatted)
/// it carries `kontak`: the contact lines' items in the one order every office prints them
/// (address with city and postal code, Telepon, Faksimile, Laman, Pos-el), empty fields
/// left out with their labels.
pub fn kop(o: &Office) -> Value {
    json!({
        "pemerintah": o.pemerintah, "nama_dinas": o.nama_dinas, "nama": o.name,
        "alamat": o.alamat, "telepon": telepon(&o.telepon), "faksimile": telepon(&o.faksimile),
        "pos_el": o.pos_el.trim(), "laman": laman(&o.laman), "kode_pos": o.kode_pos.trim(),
        "kontak": kontak(o),
    })
}

/// The kop's contact items, each printed whole where it fits: "Jalan Nusantara No. 2,
/// Jember 68133", "Telepon (0331) 5102507", "Faksimile (0331) 5102507", "Laman …", "Pos-el …".
pub fn kontak(o: &Office) -> Vec<String> {
    let mut items = Vec::new();
    let alamat = alamat(o);
    if !alamat.is_empty() {
        items.push(alamat);
    }
    // Telepon and Faksimile each with its label, even when the numbers are the same, as
    // the offices' own kops write them (Demak: "Telepon (0291) 685790, Faksimile (0291) 685790").
    let (tel, fax) = (telepon(&o.telepon), telepon(&o.faksimile));
    if !tel.is_empty() {
        items.push(format!("Telepon {tel}"));
    }
    if !fax.is_empty() {
        items.push(format!("Faksimile {fax}"));
    }
    let web = laman(&o.laman);
    if !web.is_empty() {
        items.push(format!("Laman {web}"));
    }
    if !o.pos_el.trim().is_empty() {
        items.push(format!("Pos-el {}", o.pos_el.trim()));
    }
    items
}

/// The address as the kop closes it (Tata Naskah Dinas): the street, the city when the
/// street line does not name it, and the postal code after the city, without a label:
/// "Jalan Sekartaji Nomor 2 Ds. Doko Kec. Ngasem, Kediri 64182".
fn alamat(o: &Office) -> String {
    let street = squeeze(&o.alamat);
    let street = street.trim_end_matches([',', ' ']).to_string();
    let kota = o.kota.trim();
    let names_city = kota.is_empty() || street.to_lowercase().contains(&kota.to_lowercase());
    let mut out = street;
    if !names_city && !out.is_empty() {
        out = format!("{out}, {kota}");
    }
    let kode = o.kode_pos.trim();
    if !kode.is_empty() && !out.contains(kode) {
        out = if out.is_empty() {
            kode.to_string()
        } else {
            format!("{out} {kode}")
        };
    }
    out
}

/// A web address as letters print it: without "https://", "http://" or a trailing "/".
pub fn laman(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    s.trim_end_matches('/').to_string()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A telephone or fax number written one way for every office: the area code in brackets,
/// one space, the local numbers separated by ", ": "(0361)84955716" → "(0361) 84955716",
/// "0331-5102507" → "(0331) 5102507", "(0361) 431229 - 437162" → "(0361) 431229, 437162".
/// A number in another form (a mobile number, "+62 …", an extension) is kept as typed,
/// with its spaces tidied.
pub fn telepon(s: &str) -> String {
    let s = squeeze(s);
    let (area, rest) = if let Some(after) = s.strip_prefix('(') {
        match after.split_once(')') {
            Some((a, r)) => (a.trim().to_string(), r.trim().to_string()),
            None => return s,
        }
    } else {
        let cut = s.find(['-', ' ']).unwrap_or(s.len());
        let head = &s[..cut];
        let is_area = head.len() >= 3
            && head.len() <= 4
            && head.starts_with('0')
            && !head.starts_with("08")
            && head.chars().all(|c| c.is_ascii_digit());
        if !is_area || cut == s.len() {
            return s;
        }
        (head.to_string(), s[cut + 1..].trim().to_string())
    };
    if area.is_empty() || !area.chars().all(|c| c.is_ascii_digit()) {
        return s;
    }
    let numbers: Vec<String> = rest
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().trim_matches('-').trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if numbers.is_empty()
        || !numbers.iter().all(|n| {
            n.chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        })
    {
        return s;
    }
    let numbers: Vec<String> = numbers
        .iter()
        .map(|n| n.chars().filter(char::is_ascii_digit).collect())
        .collect();
    format!("({area}) {}", numbers.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telephone_numbers_are_written_one_way() {
        for (typed, printed) in [
            ("(0361)84955716", "(0361) 84955716"),
            ("(0331) 5102507", "(0331) 5102507"),
            ("0331-5102507", "(0331) 5102507"),
            ("0354 682152", "(0354) 682152"),
            ("(0361) 431229 - 437162", "(0361) 431229, 437162"),
            ("(0354) 682152, 696714", "(0354) 682152, 696714"),
            ("  (0291)  685790 ", "(0291) 685790"),
            ("0812-3456-7890", "0812-3456-7890"),
            ("+62 361 431229", "+62 361 431229"),
            ("", ""),
        ] {
            assert_eq!(
                telepon(typed),
                printed,
                "a telephone/fax number is printed as '(area) number': {typed}"
            );
        }
    }

    #[test]
    fn a_web_address_is_printed_without_its_scheme() {
        assert_eq!(
            laman("https://diskominfo.kedirikab.go.id/"),
            "diskominfo.kedirikab.go.id",
            "Laman is written as the other offices write it, without https://"
        );
        assert_eq!(
            laman("dinkominfo.demakkab.go.id"),
            "dinkominfo.demakkab.go.id",
            "an address without a scheme is kept"
        );
    }
}
