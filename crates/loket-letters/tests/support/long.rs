//! "Long data" for any letter kind, read from its field specification: the longest a
//! preparer plausibly writes (a Hal near its limit, a two-line addressee, six tembusan, more
//! table rows and points, prose fields with a further clause, parties with long posts), so
//! that every kind runs over a page somewhere and the page-break rules are exercised.
#![allow(dead_code)]

use loket_letters::spec::{self, FieldType, Layout};
use loket_letters::{Letter, MAX_HAL};
use serde_json::Value;

/// A Hal of about 140 characters (under [`MAX_HAL`]).
pub const LONG_HAL: &str = "Permohonan Rekomendasi Teknis Penempatan Bangunan dan Utilitas Kabel Fiber Optik pada Ruas Jalan Kabupaten Koridor Utara-Selatan Tahap II";

const CLAUSE: &str = ", sebagaimana diuraikan dalam berkas permohonan beserta seluruh lampirannya yang telah diverifikasi oleh petugas pada bidang teknis terkait";

const LONG_JABATAN: &str =
    "Kepala Sub Bagian Perencanaan, Evaluasi dan Pelaporan pada Sekretariat Dinas Kesehatan";

const LONG_INSTANSI: &str = "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana";

const MORE_TEMBUSAN: [&str; 3] = [
    "Inspektur Daerah",
    "Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Kepala Bagian Organisasi Sekretariat Daerah",
];

/// Officials down a disposition chain, for a long riwayat whose rows are told apart.
const CHAIN: [(&str, &str); 5] = [
    ("Kepala Dinas", "Ir. BAMBANG SETIAWAN NUGROHO, M.Si."),
    ("Sekretaris", "Dra. ENDANG PURWANINGSIH, M.M."),
    (
        "Kepala Bidang Aplikasi Informatika",
        "ARIF RAHMAN HAKIM, S.Kom., M.T.",
    ),
    (
        "Kepala Seksi Infrastruktur dan Teknologi",
        "DEWI ANGGRAENI SAPUTRI, S.T.",
    ),
    (
        "Ketua Tim Kerja Layanan Hosting",
        "MUHAMMAD FIKRI ALAMSYAH, S.Kom.",
    ),
];

/// Prose fields a preparer may write at length: each gets a further clause.
const PROSE: [&str; 11] = [
    "surat_hal",
    "alasan",
    "informasi",
    "gangguan",
    "penyebab",
    "hasil",
    "kegiatan",
    "acara",
    "tindak_lanjut",
    "catatan",
    "lokasi",
];

/// Makes `letter` as long as a preparer plausibly writes it.
pub fn lengthen(letter: &mut Letter) {
    assert!(
        LONG_HAL.chars().count() <= MAX_HAL,
        "the long Hal is allowed"
    );
    let kind = letter.kind;
    let c = &mut letter.content;
    if spec::layout(kind) != Layout::Formulir {
        c.hal = LONG_HAL.into();
    }
    if spec::layout(kind) == Layout::Korespondensi {
        c.kepada
            .push("u.p. Kepala Bidang Sumber Daya dan Pengembangan Layanan".into());
        let arsip = c.tembusan.iter().position(|t| t == "Arsip");
        for (i, t) in MORE_TEMBUSAN.iter().enumerate() {
            let at = arsip.map(|a| a + i).unwrap_or(c.tembusan.len());
            c.tembusan.insert(at, (*t).into());
        }
    }
    for field in spec::fields(kind) {
        let Some(value) = c.isi.get_mut(field.key) else {
            continue;
        };
        match field.ty {
            FieldType::Text if PROSE.contains(&field.key) => {
                if let Value::String(s) = value {
                    let ends = s.trim_end().ends_with('.');
                    *s = format!(
                        "{}{CLAUSE}{}",
                        s.trim_end().trim_end_matches('.'),
                        if ends { "." } else { "" }
                    );
                }
            }
            // The disposition slip's lists are checklists of the office's posts and
            // instructions, not prose: kept as they are.
            FieldType::List if spec::layout(kind) != Layout::Formulir => {
                if let Value::Array(items) = value {
                    let more: Vec<Value> = items.iter().cycle().take(3).cloned().collect();
                    items.extend(more);
                }
            }
            FieldType::Rows(_) => {
                if let Value::Array(rows) = value {
                    let n = rows.len().max(1);
                    let more: Vec<Value> = rows.iter().cycle().take(4.max(n)).cloned().collect();
                    rows.extend(more);
                    // The disposition history runs down the chain: each step by another official.
                    if field.key == "riwayat" {
                        for (row, (jabatan, nama)) in rows.iter_mut().zip(CHAIN.iter().cycle()) {
                            row["jabatan"] = (*jabatan).into();
                            row["nama"] = (*nama).into();
                        }
                    }
                }
            }
            FieldType::Party => {
                if let Value::Object(p) = value {
                    p.insert("jabatan".into(), LONG_JABATAN.into());
                    p.insert("instansi".into(), LONG_INSTANSI.into());
                }
            }
            _ => {}
        }
    }
}
