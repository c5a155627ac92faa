//! `loket skm …`: the satisfaction survey (questionnaires from paper, the list of a period,
//! the questions) and the complaints, suggestions and input about a service.
//! Changes sign in with `--user`/`LOKET_USER` and `LOKET_PASSWORD`; `LOKET_NOW` fixes the moment.

use clap::{Args, Subcommand};
use loket_api::evaluation::parse_period;
use loket_api::skm::{ComplaintEntry, ComplaintView, SkmEntry};
use loket_api::{ApiError, Loket};

use crate::commands::requests::{now, SignIn};
use crate::output::{json, table};

#[derive(Debug, Args)]
pub struct SkmArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: SkmAction,
}

#[derive(Debug, Subcommand)]
pub enum SkmAction {
    /// Mencatat satu kuesioner SKM (dari formulir kertas)
    Entry {
        /// Nomor permohonan yang sudah selesai; tanpa ini: responden tanpa permohonan
        #[arg(long, value_name = "ID")]
        case: Option<i64>,
        /// Layanan (wajib tanpa --case), lihat `loket services`
        #[arg(long, value_name = "ID")]
        service: Option<String>,
        /// Tanggal pengisian (TTTT-BB-HH); bawaan: hari ini
        #[arg(long, value_name = "TANGGAL", default_value = "")]
        date: String,
        /// Umur responden (tahun)
        #[arg(long)]
        age: u32,
        /// Jenis kelamin: L atau P
        #[arg(long)]
        sex: String,
        /// Pendidikan: sd, smp, sma, diploma, s1, s2, s3
        #[arg(long)]
        education: String,
        /// Pekerjaan: pns, tni, polri, swasta, wirausaha, pelajar, lainnya
        #[arg(long)]
        occupation: String,
        /// Sembilan jawaban 1–4 berurutan U1 sampai U9, misalnya 433443344
        #[arg(long)]
        answers: String,
        /// Saran dan masukan responden
        #[arg(long, default_value = "")]
        saran: String,
    },
    /// Kuesioner yang diisi dalam satu periode
    List {
        /// 2026-T1 … 2026-T4, 2026-S1, 2026-S2 atau 2026
        #[arg(long, value_name = "PERIODE")]
        period: String,
    },
    /// Sembilan pertanyaan dan pilihan jawabannya
    Questions,
    /// Kuesioner SKM cetak (PDF) dengan kop dinas; dengan --case: nomor agenda dan kode QR
    Kuesioner {
        /// Nomor permohonan yang kuesionernya dicetak; tanpa ini: kuesioner kosong
        #[arg(long, value_name = "ID")]
        case: Option<i64>,
        /// Berkas PDF tujuan (tidak menimpa berkas yang sudah ada)
        #[arg(long, value_name = "FILE.pdf")]
        out: std::path::PathBuf,
    },
    /// Pengaduan, saran dan masukan tentang layanan
    Pengaduan {
        #[command(subcommand)]
        action: ComplaintAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum ComplaintAction {
    /// Mencatat pengaduan, saran atau masukan
    Add {
        /// pengaduan, saran atau masukan
        #[arg(long, default_value = "pengaduan")]
        kind: String,
        /// Layanan yang diadukan
        #[arg(long, value_name = "ID")]
        service: String,
        /// Saluran pengaduan dari standar layanan: nomor, teks, atau kata sebelum titik dua
        #[arg(long)]
        channel: String,
        /// Waktu diterima (TTTT-BB-HH JJ:MM); bawaan: sekarang
        #[arg(long, value_name = "WAKTU", default_value = "")]
        received: String,
        /// Nama pengirim ("anonim" bila tidak disebut)
        #[arg(long = "from", value_name = "NAMA")]
        from_name: String,
        /// Kontak pengirim
        #[arg(long, default_value = "")]
        contact: String,
        /// Isi pengaduan/saran
        #[arg(long)]
        text: String,
    },
    /// Mencatat jawaban atas pengaduan
    Answer {
        id: i64,
        #[arg(long)]
        text: String,
    },
    /// Pengaduan yang diterima dalam satu periode dengan keadaan jawabannya
    List {
        #[arg(long, value_name = "PERIODE")]
        period: String,
    },
    /// Waktu menjawab pengaduan (hari kerja), ditetapkan administrator
    AnswerDays {
        /// Jumlah hari kerja; tanpa ini: tampilkan yang berlaku
        days: Option<u32>,
    },
}

fn print_complaint(c: &ComplaintView) {
    println!(
        "Pengaduan {} ({}) tentang {}: {}; batas jawab {} ({} hari kerja).",
        c.id, c.kind, c.service_name, c.state, c.answer_due_words, c.answer_days
    );
}

pub fn run(loket: &mut Loket, args: SkmArgs, as_json: bool) -> Result<(), ApiError> {
    match args.action {
        SkmAction::Entry {
            case,
            service,
            date,
            age,
            sex,
            education,
            occupation,
            answers,
            saran,
        } => {
            let actor = args.sign_in.actor(loket)?;
            let entry = SkmEntry {
                case_id: case,
                service_id: service,
                answered_on: date,
                age,
                sex,
                education,
                occupation,
                answers,
                suggestion: saran,
                source: "kertas".into(),
            };
            let r = loket.skm_record(&actor, &entry, now()?)?;
            if as_json {
                return json(&r);
            }
            let whose = if r.agenda_number.is_empty() {
                "responden tanpa permohonan".to_string()
            } else {
                format!("permohonan {}", r.agenda_number)
            };
            println!(
                "Kuesioner {} tercatat: {}, {}, {} (IKM responden {:.2}).",
                r.id, r.service_name, whose, r.answered_words, r.ikm
            );
            Ok(())
        }
        SkmAction::List { period } => {
            let actor = args.sign_in.actor(loket)?;
            let p = parse_period(&period)?;
            let list = loket.skm_list(&actor, p.from(), p.to())?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.answered_on.clone(),
                        if r.agenda_number.is_empty() {
                            "-".into()
                        } else {
                            r.agenda_number.clone()
                        },
                        r.service_id.clone(),
                        r.answers.iter().map(|a| a.to_string()).collect(),
                        format!("{:.2}", r.ikm),
                    ]
                })
                .collect();
            table(
                &["NO", "TANGGAL", "PERMOHONAN", "LAYANAN", "U1–U9", "IKM"],
                &rows,
            );
            Ok(())
        }
        SkmAction::Kuesioner { case, out } => {
            if out.exists() {
                return Err(ApiError::bad_input(format!(
                    "berkas {} sudah ada; pilih nama lain (kuesioner tidak menimpa berkas)",
                    out.display()
                )));
            }
            let actor = args.sign_in.actor(loket)?;
            let (_, pdf) = loket.skm_questionnaire_pdf(&actor, case, now()?)?;
            std::fs::write(&out, pdf).map_err(|e| {
                let e = crate::output::os_words(&e);
                ApiError::bad_input(format!(
                    "berkas {} tidak dapat ditulis: {e}; periksa foldernya",
                    out.display()
                ))
            })?;
            println!("Kuesioner SKM tersimpan di {}", out.display());
            Ok(())
        }
        SkmAction::Questions => {
            let q = loket.skm_questionnaire()?;
            if as_json {
                return json(&q);
            }
            for item in &q.questions {
                println!("{} {}: {}", item.code, item.label, item.question);
                for (i, a) in item.answers.iter().enumerate() {
                    println!("   {} {a}", i + 1);
                }
            }
            Ok(())
        }
        SkmAction::Pengaduan { action } => complaint(loket, &args.sign_in, action, as_json),
    }
}

fn complaint(
    loket: &mut Loket,
    sign_in: &SignIn,
    action: ComplaintAction,
    as_json: bool,
) -> Result<(), ApiError> {
    let actor = sign_in.actor(loket)?;
    match action {
        ComplaintAction::Add {
            kind,
            service,
            channel,
            received,
            from_name,
            contact,
            text,
        } => {
            let entry = ComplaintEntry {
                kind,
                service_id: service,
                channel,
                received_at: received,
                from_name,
                contact,
                body: text,
            };
            let c = loket.complaint_register(&actor, &entry, now()?)?;
            if as_json {
                return json(&c);
            }
            print_complaint(&c);
            Ok(())
        }
        ComplaintAction::Answer { id, text } => {
            let c = loket.complaint_answer(&actor, id, &text, now()?)?;
            if as_json {
                return json(&c);
            }
            print_complaint(&c);
            Ok(())
        }
        ComplaintAction::List { period } => {
            let p = parse_period(&period)?;
            let list = loket.complaint_list(&actor, p.from(), p.to(), now()?)?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|c| {
                    vec![
                        c.id.to_string(),
                        c.received_at
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " "),
                        c.kind.clone(),
                        c.service_id.clone(),
                        c.channel.clone(),
                        c.state.clone(),
                    ]
                })
                .collect();
            table(
                &["NO", "DITERIMA", "JENIS", "LAYANAN", "SALURAN", "KEADAAN"],
                &rows,
            );
            Ok(())
        }
        ComplaintAction::AnswerDays { days } => {
            let d = match days {
                Some(d) => loket.complaint_set_answer_days(&actor, d, now()?)?,
                None => loket.complaint_answer_days()?,
            };
            if as_json {
                return json(&d);
            }
            println!("Pengaduan dijawab paling lambat {d} hari kerja setelah diterima.");
            Ok(())
        }
    }
}
