//! The incremental update that adds a signature to a PDF Typst wrote: the original bytes
//! stay untouched and a new revision is appended with the signature field and its widget,
//! the AcroForm (SigFlags 3), the /Sig dictionary with a /Contents placeholder, a new xref
//! section and trailer. [`Prepared`] then says which bytes the signature covers.
//!
//! Only what Loket's own PDFs use is read: a classic xref table (Typst's writer), the
//! trailer's /Root, /Info and /ID, the catalog, the page tree's first page. Anything else
//! is refused with a message instead of guessed.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

/// Bytes reserved for the DER signature inside /Contents (written as twice as many hex
/// digits): room for the signer's certificate and a chain of several CAs.
pub const CONTENTS_BYTES: usize = 16_384;

/// Width of each number in the /ByteRange placeholder.
const RANGE_WIDTH: usize = 10;

/// What the /Sig dictionary says besides the signature itself.
pub struct SigInfo<'a> {
    pub name: &'a str,
    pub reason: &'a str,
    pub location: &'a str,
    pub at: DateTime<FixedOffset>,
}

/// A PDF with the signature revision appended and /ByteRange filled; /Contents still zeros.
pub struct Prepared {
    pub pdf: Vec<u8>,
    /// Offset of the "<" opening /Contents and of the byte after its ">".
    contents: (usize, usize),
}

impl Prepared {
    /// The bytes the signature covers: everything but the /Contents hex string.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.pdf.len());
        v.extend_from_slice(&self.pdf[..self.contents.0]);
        v.extend_from_slice(&self.pdf[self.contents.1..]);
        v
    }

    /// Writes the DER signature into /Contents. Errors when it does not fit the placeholder.
    pub fn fill(mut self, der: &[u8]) -> Result<Vec<u8>, String> {
        let hex = hex::encode_upper(der);
        let room = self.contents.1 - self.contents.0 - 2;
        if hex.len() > room {
            return Err(format!(
                "tanda tangan {} bait tidak muat di ruang {} bait",
                der.len(),
                room / 2
            ));
        }
        let start = self.contents.0 + 1;
        self.pdf[start..start + hex.len()].copy_from_slice(hex.as_bytes());
        Ok(self.pdf)
    }
}

fn unsupported(what: &str) -> String {
    format!("PDF tidak dapat ditandatangani: {what}")
}

/// Appends the signature revision to `pdf` (see the module doc).
pub fn prepare(pdf: &[u8], info: &SigInfo) -> Result<Prepared, String> {
    let xref_at = last_startxref(pdf).ok_or_else(|| unsupported("startxref tidak ditemukan"))?;
    let (offsets, trailer) = read_xref(pdf, xref_at)?;
    let size = dict_int(&trailer, "/Size").ok_or_else(|| unsupported("trailer tanpa /Size"))?;
    let root = dict_ref(&trailer, "/Root").ok_or_else(|| unsupported("trailer tanpa /Root"))?;
    let info_ref = dict_ref(&trailer, "/Info");
    let id = dict_raw_array(&trailer, "/ID");
    let catalog = object_dict(pdf, &offsets, root)?;
    if has_key(&catalog, "/AcroForm") {
        return Err(unsupported("surat sudah memuat formulir (AcroForm)"));
    }
    let pages = dict_ref(&catalog, "/Pages").ok_or_else(|| unsupported("katalog tanpa /Pages"))?;
    let pages_dict = object_dict(pdf, &offsets, pages)?;
    let page = first_kid(&pages_dict).ok_or_else(|| unsupported("pohon halaman tanpa /Kids"))?;
    let page_dict = object_dict(pdf, &offsets, page)?;
    if !is_type(&page_dict, "/Page") {
        return Err(unsupported("halaman pertama tidak ditemukan"));
    }
    let field = size;
    let sig = size + 1;
    let form = size + 2;
    let new_size = size + 3;
    let widget = format!("{field} 0 R");
    let page_new = add_annot(&page_dict, &widget)?;
    let catalog_new = insert_before_end(&catalog, &format!("/AcroForm {form} 0 R"))?;

    let mut out = pdf.to_vec();
    if out.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    let mut entries: BTreeMap<u32, usize> = BTreeMap::new();
    let mut put = |out: &mut Vec<u8>, id: u32, body: &str| -> (usize, usize) {
        entries.insert(id, out.len());
        let head = format!("{id} 0 obj\n");
        out.extend_from_slice(head.as_bytes());
        let body_at = out.len();
        out.extend_from_slice(body.as_bytes());
        out.extend_from_slice(b"\nendobj\n");
        (body_at, body.len())
    };
    put(&mut out, root, &catalog_new);
    put(&mut out, page, &page_new);
    put(
        &mut out,
        field,
        &format!(
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T {} /V {sig} 0 R /F 132 /Rect [0 0 0 0] /P {page} 0 R >>",
            text_string("Tanda Tangan Elektronik")
        ),
    );
    let placeholder_range = format!("[0 {z} {z} {z}]", z = "9".repeat(RANGE_WIDTH));
    let contents = format!("<{}>", "0".repeat(CONTENTS_BYTES * 2));
    let sig_body = format!(
        "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange {placeholder_range} /Contents {contents} /M {} /Name {} /Reason {} /Location {} >>",
        pdf_date(info.at),
        text_string(info.name),
        text_string(info.reason),
        text_string(info.location)
    );
    let (sig_at, _) = put(&mut out, sig, &sig_body);
    put(
        &mut out,
        form,
        &format!("<< /Fields [{field} 0 R] /SigFlags 3 >>"),
    );
    let xref_new = out.len();
    out.extend_from_slice(xref_section(&entries).as_bytes());
    let mut trailer_new = format!("trailer\n<< /Size {new_size} /Root {root} 0 R");
    if let Some(i) = info_ref {
        trailer_new.push_str(&format!(" /Info {i} 0 R"));
    }
    if let Some(id) = id {
        trailer_new.push_str(&format!(" /ID {id}"));
    }
    trailer_new.push_str(&format!(
        " /Prev {xref_at} >>\nstartxref\n{xref_new}\n%%EOF\n"
    ));
    out.extend_from_slice(trailer_new.as_bytes());

    let range_at = sig_at
        + sig_body
            .find(&placeholder_range)
            .ok_or_else(|| unsupported("ruang /ByteRange hilang"))?;
    let contents_at = sig_at
        + sig_body
            .find("/Contents <")
            .ok_or_else(|| unsupported("ruang /Contents hilang"))?
        + "/Contents ".len();
    let contents_end = contents_at + contents.len();
    let range = format!(
        "[0 {} {} {}]",
        contents_at,
        contents_end,
        out.len() - contents_end
    );
    if range.len() > placeholder_range.len() {
        return Err(unsupported("berkas terlalu besar untuk /ByteRange"));
    }
    let padded = format!("{range:<width$}", width = placeholder_range.len());
    out[range_at..range_at + padded.len()].copy_from_slice(padded.as_bytes());
    Ok(Prepared {
        pdf: out,
        contents: (contents_at, contents_end),
    })
}

/// The xref section of the new revision: object 0 and one subsection per run of ids.
fn xref_section(entries: &BTreeMap<u32, usize>) -> String {
    let mut s = String::from("xref\n0 1\n0000000000 65535 f \n");
    let ids: Vec<(u32, usize)> = entries.iter().map(|(k, v)| (*k, *v)).collect();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len() && ids[j + 1].0 == ids[j].0 + 1 {
            j += 1;
        }
        s.push_str(&format!("{} {}\n", ids[i].0, j - i + 1));
        for (_, off) in &ids[i..=j] {
            s.push_str(&format!("{off:010} 00000 n \n"));
        }
        i = j + 1;
    }
    s
}

/// D:YYYYMMDDHHmmSS+HH'mm' in the signer's offset.
fn pdf_date(at: DateTime<FixedOffset>) -> String {
    let off = at.offset().local_minus_utc();
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.abs();
    format!(
        "(D:{}{sign}{:02}'{:02}')",
        at.format("%Y%m%d%H%M%S"),
        off / 3600,
        (off % 3600) / 60
    )
}

/// A PDF text string in UTF-16BE hex with its byte-order mark: any name prints correctly.
pub(crate) fn text_string(s: &str) -> String {
    let mut h = String::from("<FEFF");
    for u in s.encode_utf16() {
        h.push_str(&format!("{u:04X}"));
    }
    h.push('>');
    h
}

/// The offset after the last "startxref".
fn last_startxref(pdf: &[u8]) -> Option<usize> {
    let at = rfind(pdf, b"startxref")?;
    let rest = std::str::from_utf8(&pdf[at + 9..]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

pub(crate) fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The classic xref table at `at`: object offsets and the trailer dictionary's text.
fn read_xref(pdf: &[u8], at: usize) -> Result<(BTreeMap<u32, usize>, String), String> {
    if pdf.get(at..at + 4) != Some(b"xref") {
        return Err(unsupported(
            "bukan tabel xref klasik (xref stream tidak didukung)",
        ));
    }
    let end = find_from(pdf, b"trailer", at).ok_or_else(|| unsupported("trailer hilang"))?;
    let table = std::str::from_utf8(&pdf[at + 4..end]).map_err(|_| unsupported("xref rusak"))?;
    let mut offsets = BTreeMap::new();
    let mut lines = table.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(head) = lines.next() {
        let mut p = head.split_whitespace();
        let (Some(first), Some(count)) = (p.next(), p.next()) else {
            return Err(unsupported("xref rusak"));
        };
        let first: u32 = first.parse().map_err(|_| unsupported("xref rusak"))?;
        let count: u32 = count.parse().map_err(|_| unsupported("xref rusak"))?;
        for k in 0..count {
            let entry = lines.next().ok_or_else(|| unsupported("xref terpotong"))?;
            let mut f = entry.split_whitespace();
            let off: usize = f
                .next()
                .and_then(|x| x.parse().ok())
                .ok_or_else(|| unsupported("xref rusak"))?;
            let _gen = f.next();
            if f.next() == Some("n") {
                offsets.insert(first + k, off);
            }
        }
    }
    let tail = &pdf[end..];
    let close = find_from(tail, b"startxref", 0).unwrap_or(tail.len());
    let trailer = String::from_utf8_lossy(&tail[7..close]).trim().to_string();
    if has_key(&trailer, "/Prev") {
        return Err(unsupported("surat sudah memiliki revisi tambahan"));
    }
    Ok((offsets, trailer))
}

/// The dictionary of object `id` (not a stream) as text.
fn object_dict(pdf: &[u8], offsets: &BTreeMap<u32, usize>, id: u32) -> Result<String, String> {
    let at = *offsets
        .get(&id)
        .ok_or_else(|| unsupported(&format!("objek {id} tidak ada di xref")))?;
    let head = format!("{id} 0 obj");
    if pdf.get(at..at + head.len()) != Some(head.as_bytes()) {
        return Err(unsupported(&format!("objek {id} tidak pada tempatnya")));
    }
    let end = find_from(pdf, b"endobj", at).ok_or_else(|| unsupported("endobj hilang"))?;
    let body = String::from_utf8_lossy(&pdf[at + head.len()..end])
        .trim()
        .to_string();
    if body.contains("stream") || !body.starts_with("<<") || !body.ends_with(">>") {
        return Err(unsupported(&format!("objek {id} bukan kamus")));
    }
    Ok(body)
}

fn key_at(dict: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = dict[from..].find(key) {
        let at = from + p;
        let next = dict[at + key.len()..].chars().next();
        if next.is_none_or(|c| c.is_whitespace() || "/<[(".contains(c)) {
            return Some(at + key.len());
        }
        from = at + key.len();
    }
    None
}

pub(crate) fn has_key(dict: &str, key: &str) -> bool {
    key_at(dict, key).is_some()
}

/// An unsigned integer at the start of `s` (after white space) and the rest.
fn int_token(s: &str) -> Option<(u32, &str)> {
    let s = s.trim_start();
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    Some((s[..end].parse().ok()?, &s[end..]))
}

pub(crate) fn dict_int(dict: &str, key: &str) -> Option<u32> {
    int_token(&dict[key_at(dict, key)?..]).map(|(n, _)| n)
}

fn dict_ref(dict: &str, key: &str) -> Option<u32> {
    let (id, rest) = int_token(&dict[key_at(dict, key)?..])?;
    let (_gen, rest) = int_token(rest)?;
    rest.trim_start().starts_with('R').then_some(id)
}

/// Whether the dictionary's /Type is exactly `name` (e.g. "/Page", not "/Pages").
fn is_type(dict: &str, name: &str) -> bool {
    key_at(dict, "/Type").is_some_and(|at| {
        let v = dict[at..].trim_start();
        v.starts_with(name)
            && v[name.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || "/<>[]()".contains(c))
    })
}

fn dict_raw_array(dict: &str, key: &str) -> Option<String> {
    let rest = &dict[key_at(dict, key)?..];
    let open = rest.find('[')?;
    let close = rest.find(']')?;
    rest[..open]
        .trim()
        .is_empty()
        .then(|| rest[open..=close].to_string())
}

fn first_kid(pages: &str) -> Option<u32> {
    let arr = dict_raw_array(pages, "/Kids")?;
    int_token(arr.trim_start_matches('[')).map(|(n, _)| n)
}

fn insert_before_end(dict: &str, entry: &str) -> Result<String, String> {
    let end = dict.rfind(">>").ok_or_else(|| unsupported("kamus rusak"))?;
    Ok(format!("{}\n  {entry}\n>>", dict[..end].trim_end()))
}

/// The page dictionary with the widget added to its /Annots (an inline array or none).
fn add_annot(page: &str, widget: &str) -> Result<String, String> {
    match key_at(page, "/Annots") {
        None => insert_before_end(page, &format!("/Annots [{widget}]")),
        Some(at) => {
            let rest = &page[at..];
            let open = rest
                .find('[')
                .filter(|o| rest[..*o].trim().is_empty())
                .ok_or_else(|| unsupported("/Annots halaman berupa rujukan"))?;
            let pos = at + open + 1;
            Ok(format!("{}{widget} {}", &page[..pos], &page[pos..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_utf16_with_a_byte_order_mark() {
        assert_eq!(
            text_string("Aé"),
            "<FEFF004100E9>",
            "names with accents survive in the signature dictionary"
        );
    }

    #[test]
    fn the_xref_section_groups_runs_of_object_ids() {
        let mut e = BTreeMap::new();
        e.insert(1, 10);
        e.insert(5, 20);
        e.insert(6, 30);
        let s = xref_section(&e);
        assert!(
            s.contains("1 1\n0000000010 00000 n \n5 2\n0000000020 00000 n \n0000000030 00000 n \n"),
            "each contiguous run of ids is one subsection with 20-byte entries: {s}"
        );
    }

    #[test]
    fn compact_dictionaries_are_read_like_spaced_ones() {
        let t = "<</Size 82/Root 81 0 R/Info 79 0 R/ID[(a)(b)]>>";
        assert_eq!(dict_int(t, "/Size"), Some(82), "/Size before another key");
        assert_eq!(
            dict_ref(t, "/Root"),
            Some(81),
            "a reference followed by a key"
        );
        assert_eq!(dict_ref(t, "/Info"), Some(79), "the info dictionary");
        assert_eq!(
            dict_raw_array(t, "/ID").as_deref(),
            Some("[(a)(b)]"),
            "the file id"
        );
        assert!(is_type("<</Type/Page/Parent 2 0 R>>", "/Page"), "a page");
        assert!(
            !is_type("<</Type/Pages/Kids[3 0 R]>>", "/Page"),
            "the page tree is no page"
        );
        assert_eq!(
            first_kid("<</Type/Pages/Kids[3 0 R 5 0 R]>>"),
            Some(3),
            "the first kid"
        );
    }

    #[test]
    fn an_annotation_joins_an_existing_array_or_starts_one() {
        assert_eq!(
            add_annot("<< /Type /Page /Annots [4 0 R] >>", "9 0 R").unwrap(),
            "<< /Type /Page /Annots [9 0 R 4 0 R] >>",
            "links already on the page stay"
        );
        assert!(
            add_annot("<< /Type /Page >>", "9 0 R")
                .unwrap()
                .contains("/Annots [9 0 R]"),
            "a page without annotations gets an array"
        );
        assert!(
            add_annot("<< /Type /Page /Annots 7 0 R >>", "9 0 R").is_err(),
            "an indirect array is refused rather than lost"
        );
    }
}
