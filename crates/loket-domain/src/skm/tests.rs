use super::*;

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn each_element_weighs_one_ninth_as_the_regulation_computes() {
    // PermenPANRB 14/2017: "jika unsur yang dikaji sebanyak 9 unsur, maka bobot nilai
    // rata-rata tertimbang = 1/9 = 0,11".
    assert_eq!(round2(WEIGHT), 0.11, "the regulation's example weight");
    assert!(
        (WEIGHT * 9.0 - 1.0).abs() < 1e-12,
        "nine equal weights add up to one, so the index stays on the 1–4 scale"
    );
    assert_eq!(BASE, 25.0, "the conversion's base value is 25");
}

#[test]
fn the_regulations_processing_form_weighs_with_0_111_and_loket_with_one_ninth() {
    // PermenPANRB 14/2017, Lampiran, the form "Pengolahan data survei kepuasan masyarakat per
    // responden dan per unsur pelayanan": "NRR per unsur = jumlah nilai per unsur dibagi jumlah
    // kuesioner yang terisi", "NRR tertimbang per unsur = NRR per unsur x 0,111", "IKM unit
    // pelayanan = jumlah NRR tertimbang x 25". 0,111 is 1/9 written to three decimals; Loket
    // weighs with 1/9 itself ("bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur"),
    // so its IKM is the form's figure ÷ 0,999: at most 0,10 higher, and only 1/9 reaches the
    // table's upper bound 100,00 when every answer is 4.
    // (The lampiran prints no respondents' figures to check against: this form is printed blank,
    // its sums 0 and its IKM cell "#DIV/0!", and BAB V's "Contoh" is written in letters; see
    // `the_regulations_own_contoh_in_letters_weighs_with_0_11_and_loket_with_one_ninth`.)
    let form = |nrr: &[f64; 9]| nrr.iter().map(|v| v * 0.111).sum::<f64>() * BASE;
    let all_four = [4.0; 9];
    assert_eq!(
        ikm(&all_four),
        100.0,
        "PermenPANRB 14/2017: every answer 4 is the top of interval A, 100,00"
    );
    assert_eq!(
        round2(form(&all_four)),
        99.9,
        "PermenPANRB 14/2017's form with 0,111: 9 × 4 × 0,111 × 25 = 99,90"
    );
    for nrr in [
        [1.0; 9],
        [2.6; 9],
        [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25],
        all_four,
    ] {
        let ours = index(&nrr) * BASE;
        assert!(
            ours >= form(&nrr) && ours - form(&nrr) <= 0.1 + 1e-9,
            "PermenPANRB 14/2017: 1/9 and the form's 0,111 differ by at most 0,10 on the 25–100 scale ({ours} against {})",
            form(&nrr)
        );
    }
}

#[test]
fn the_regulations_own_contoh_in_letters_weighs_with_0_11_and_loket_with_one_ninth() {
    // PermenPANRB 14/2017, Lampiran I, BAB V "Langkah-langkah pengolahan data", C.1 "Indeks
    // setiap unsur pelayanan", pages -21- and -22-, read in the 30-page salinan at
    // https://github.com/kominfobolmong/kpkdes/blob/a6d07db76c54fc48e7d7f38c5314fc9eccf58c95/public/fRibvK-permen-14-2017.pdf
    // The regulation's own worked example has no numbers: "Apabila diketahui nilai rata-rata
    // unsur ... sebagaimana tabel berikut" lists the nine unsur with the values A to I, then
    // "(a x 0,11) + (b x 0,11) + ... + (i x 0,11) = Nilai Indeks (X)", "Nilai SKM setelah
    // dikonversi = Nilai Indeks x Nilai Dasar, X x 25 = y", mutu and kinerja "lihat Tabel II".
    // Its blank processing form (Lampiran III, page -29-) writes 0,111 instead, while BAB V A.1
    // defines the weight as "Jumlah Bobot / Jumlah Unsur = 1/X" and even with unequal weights
    // keeps "jumlah bobot seluruh unsur tetap 1": nine 0,11 add up to 0,99. So this test holds
    // the example's order and its arithmetic; the averages fed to it are Tabel II's printed
    // bounds and Loket's own hand-computed case above, not figures of the regulation's example.
    let contoh_table = [
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi jenis pelayanan",
        "Kompetensi pelaksana",
        "Perilaku pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    ];
    for ((e, printed), letter) in ELEMENTS.iter().zip(contoh_table).zip('A'..='I') {
        assert!(
            e.label().eq_ignore_ascii_case(printed),
            "the example's value {letter} belongs to {printed}, and Loket's {} is {}",
            e.code(),
            e.label()
        );
    }
    let contoh = |nrr: &[f64; 9]| nrr.iter().map(|v| v * 0.11).sum::<f64>() * BASE;
    let nrr_of = |ni: f64| [ni; 9];
    assert!(
        (0.11f64 * 9.0 - 0.99).abs() < 1e-12 && (WEIGHT * 9.0 - 1.0).abs() < 1e-12,
        "the example's nine 0,11 weigh 0,99 in all; Loket's nine 1/9 weigh 1, as BAB V A.1 keeps the sum of the weights"
    );
    assert_eq!(
        (round2(contoh(&nrr_of(4.0))), ikm(&nrr_of(4.0))),
        (99.0, 100.0),
        "every average 4,00: the example's 0,11 gives 99,00, while Tabel II's top (NI 4,00, NIK 100,00) is reached only with 1/9"
    );
    let loket_case = [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25];
    for nrr in [
        nrr_of(1.0),
        nrr_of(2.5996),
        nrr_of(2.6),
        nrr_of(3.064),
        nrr_of(3.0644),
        nrr_of(3.532),
        nrr_of(3.5324),
        nrr_of(4.0),
        loket_case,
    ] {
        let ours = index(&nrr) * BASE;
        assert!(
            (contoh(&nrr) - ours * 0.99).abs() < 1e-9 && ours - contoh(&nrr) <= 1.0 + 1e-9,
            "the example's y is 0,99 of Loket's IKM, so never more than 1,00 below it ({ours} against {})",
            contoh(&nrr)
        );
    }
    // Where the rounding of 0,11 matters: Tabel II's lowest average of mutu A.
    let a_bound = nrr_of(3.5324);
    assert_eq!(
        (ikm(&a_bound), Grade::of(ikm(&a_bound))),
        (88.31, Grade::A),
        "Tabel II: NI 3,5324 is NIK 88,31, mutu A; Loket's 1/9 keeps the table's pairing"
    );
    assert_eq!(
        (
            round2(contoh(&a_bound)),
            Grade::of(round2(contoh(&a_bound)))
        ),
        (87.43, Grade::B),
        "the example's 0,11 on the same averages gives 87,43, mutu B: the 0,11 written in the example is a rounding, not the weight"
    );
}

#[test]
fn the_regulations_conversion_table_converts_and_grades_every_bound() {
    // (nilai interval, nilai interval konversi, mutu) at both ends of each line of the table.
    let table = [
        (1.00, 25.00, Grade::D),
        (2.5996, 64.99, Grade::D),
        (2.60, 65.00, Grade::C),
        (3.064, 76.60, Grade::C),
        (3.0644, 76.61, Grade::B),
        (3.532, 88.30, Grade::B),
        (3.5324, 88.31, Grade::A),
        (4.00, 100.00, Grade::A),
    ];
    for (ni, nik, grade) in table {
        let same = [ni; 9];
        assert_eq!(
            ikm(&same),
            nik,
            "an index of {ni} converts to {nik} (× 25, two decimals)"
        );
        assert_eq!(
            Grade::of(ikm(&same)),
            grade,
            "{nik} lies in the interval of grade {}",
            grade.letter()
        );
    }
}

#[test]
fn grade_boundaries_on_the_converted_scale() {
    let cases = [
        (25.0, Grade::D),
        (64.99, Grade::D),
        (65.0, Grade::C),
        (76.6, Grade::C),
        (76.61, Grade::B),
        (88.3, Grade::B),
        (88.31, Grade::A),
        (100.0, Grade::A),
        (64.991, Grade::D),
        (88.309, Grade::A),
    ];
    for (value, grade) in cases {
        assert_eq!(
            Grade::of(value),
            grade,
            "{value} is graded after rounding to two decimals"
        );
    }
    assert_eq!(
        (Grade::A.words(), Grade::D.words()),
        ("Sangat baik", "Tidak baik"),
        "the unit's performance in the regulation's words"
    );
}

#[test]
fn four_respondents_computed_by_hand() {
    let r = |s: &str| Answers::parse(s).unwrap();
    let responses = [
        r("443433433"),
        r("333433423"),
        r("432434433"),
        r("333443334"),
    ];
    let nrr = nrr(&responses).unwrap();
    assert_eq!(
        nrr,
        [3.5, 3.25, 2.75, 4.0, 3.25, 3.25, 3.75, 2.75, 3.25],
        "NRR = sum of the element's values / number of respondents"
    );
    // 29,75 / 9 = 3,3056; × 25 = 82,64.
    assert_eq!(ikm(&nrr), 82.64, "IKM = Σ NRR × 1/9 × 25");
    assert_eq!(Grade::of(ikm(&nrr)), Grade::B, "82,64 is Baik");
    let low: Vec<&str> = lowest_first(&nrr)
        .iter()
        .take(3)
        .map(|(e, _)| e.code())
        .collect();
    assert_eq!(
        low,
        ["U3", "U8", "U2"],
        "the lowest elements first, ties in the regulation's order"
    );
    assert!(nrr_of_none(), "no response, no NRR");
}

fn nrr_of_none() -> bool {
    nrr(&[]).is_none()
}

#[test]
fn answers_outside_one_to_four_are_refused_with_the_element() {
    let e = Answers::parse("443453433").unwrap_err();
    assert!(
        e.contains("U5") && e.contains("Produk"),
        "the element with the bad value is named: {e}"
    );
    let e = Answers::parse("4434").unwrap_err();
    assert!(e.contains("4 angka"), "a short entry says how many: {e}");
}

#[test]
fn minimum_sample_follows_the_table() {
    let cases = [
        (0, 0),
        (5, 5),
        (10, 10),
        (12, 12),
        (15, 14),
        (100, 80),
        (101, 86),
        (220, 140),
        (1000, 278),
        (1200, 291),
        (100_000, 384),
        (2_000_000, 384),
    ];
    for (population, sample) in cases {
        assert_eq!(
            minimum_sample(population),
            sample,
            "population {population}: the table's line at or above it, never above the population"
        );
    }
    assert!(
        KREJCIE_MORGAN
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1),
        "the table rises in both columns"
    );
}

#[test]
fn periods_cover_their_months() {
    let q1 = Period::parse("2026-T1").unwrap();
    assert_eq!(
        (q1.from(), q1.to()),
        (day("2026-01-01"), day("2026-03-31")),
        "triwulan I is January to March"
    );
    assert_eq!(q1.label(), "Triwulan I 2026", "label in Indonesian");
    let s2 = Period::parse("2026-s2").unwrap();
    assert_eq!(
        (s2.from(), s2.to()),
        (day("2026-07-01"), day("2026-12-31")),
        "semester II is July to December"
    );
    assert_eq!(
        Period::parse("2024-TW1").unwrap().to(),
        day("2024-03-31"),
        "TW1 is read as triwulan I"
    );
    assert_eq!(
        Period::parse("2026").unwrap(),
        Period::Year(2026),
        "a year alone"
    );
    assert!(
        Period::parse("2026-T5").is_err(),
        "there is no fifth quarter"
    );
    assert_eq!(
        s2.quarters_of_year().len(),
        4,
        "the trend of semester II shows all four quarters"
    );
    assert_eq!(
        Period::quarter_of(day("2026-05-20")),
        Period::Quarter(2026, 2),
        "May is in triwulan II"
    );
}

#[test]
fn profile_codes_are_checked() {
    let p = Profile::parse(34, "p", "S1", "pns").unwrap();
    assert_eq!(
        (p.age, p.sex, p.education, p.occupation),
        (34, Sex::P, Education::S1, Occupation::Pns),
        "codes are read case-insensitively"
    );
    let e = Profile::parse(34, "X", "s1", "pns").unwrap_err();
    assert!(e.contains("L atau P"), "the choices are named: {e}");
    assert!(
        Profile::parse(7, "L", "sd", "pelajar").is_err(),
        "age below 15"
    );
}
