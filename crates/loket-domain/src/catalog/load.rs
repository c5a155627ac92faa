//! Parsing and validating a profile file. Every problem is collected, not only the first.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::error::{Locator, ProfileError, ProfileErrors};
use super::raw::*;
use super::types::*;
use crate::nip;

const SCHEMA_VERSION: u32 = 1;

/// Parses and validates one profile. `file` names the source in messages.
///
/// Errors: broken TOML, unknown or missing fields, values outside their lists, ids that are
/// not slugs or repeat, references to unknown units/positions/parties/people/standards,
/// malformed dates and hours, service times whose amount does not fit their unit.
pub fn load_profile(file: &str, text: &str) -> Result<OfficeProfile, ProfileErrors> {
    let loc = Locator { file, text };
    let raw: RawProfile =
        toml::from_str(text).map_err(|e| ProfileErrors(vec![parse_error(&loc, &e)]))?;
    let mut v = Validator {
        loc: &loc,
        errors: Vec::new(),
    };
    let profile = v.profile(raw);
    if v.errors.is_empty() {
        Ok(profile)
    } else {
        Err(ProfileErrors(v.errors))
    }
}

/// Translates the TOML parser's error into Indonesian. The parser exposes only its message
/// text, so its standard serde phrasings are recognised here, with the original kept otherwise.
fn parse_error(loc: &Locator, e: &toml::de::Error) -> ProfileError {
    let span = e.span().unwrap_or(0..0);
    let msg = e.message();
    let field = loc.field_at(span.start);
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    let (field, message) = if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = quoted(rest);
        let path = if field == "(berkas)" {
            name.clone()
        } else {
            format!("{field}.{name}")
        };
        (path, format!("kolom `{name}` wajib diisi tetapi tidak ada; tambahkan kolom itu (lihat data/offices/SCHEMA.md)"))
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        (field, format!("kolom `{}` tidak dikenal; periksa ejaannya (daftar kolom ada di data/offices/SCHEMA.md)", quoted(rest)))
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let options = rest
            .split_once("expected ")
            .map_or("", |(_, o)| o)
            .replace("one of ", "");
        (
            field,
            format!(
                "nilai `{}` tidak dikenal; gunakan salah satu dari: {}",
                quoted(rest),
                options.replace('`', "")
            ),
        )
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        (
            field,
            format!("jenis nilai salah ({rest}); periksa tanda kutip, angka, dan kurung siku"),
        )
    } else {
        (
            field,
            format!(
                "TOML tidak dapat dibaca: {}; perbaiki penulisannya",
                msg.trim()
            ),
        )
    };
    let (line, column) = loc.line_col(span.start);
    ProfileError {
        file: loc.file.to_string(),
        line,
        column,
        field,
        message,
    }
}

struct Validator<'a> {
    loc: &'a Locator<'a>,
    errors: Vec<ProfileError>,
}

/// Whether `s` is an id Loket accepts: lowercase letters and digits in parts joined by '-'.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

impl Validator<'_> {
    fn err<T>(&mut self, at: &S<T>, field: &str, message: String) {
        self.errors.push(self.loc.at(at.span(), field, message));
    }

    fn slug(&mut self, id: &S<String>, field: &str) {
        if !is_slug(id.get_ref()) {
            self.err(id, field, format!(
                "id `{}` tidak valid; gunakan huruf kecil, angka, dan tanda '-' (contoh: `permohonan-informasi`)",
                id.get_ref()
            ));
        }
    }

    fn required(&mut self, value: &S<String>, field: &str) {
        if value.get_ref().trim().is_empty() {
            self.err(value, field, "wajib diisi; tidak boleh kosong".to_string());
        }
    }

    fn unique(&mut self, seen: &mut HashSet<String>, id: &S<String>, field: &str, what: &str) {
        self.slug(id, field);
        if !seen.insert(id.get_ref().clone()) {
            self.err(
                id,
                field,
                format!(
                    "id {what} `{}` dipakai dua kali; setiap id harus unik",
                    id.get_ref()
                ),
            );
        }
    }

    fn reference(
        &mut self,
        known: &HashSet<String>,
        r: &Option<S<String>>,
        field: &str,
        what: &str,
    ) -> Option<String> {
        let r = r.as_ref()?;
        if !known.contains(r.get_ref()) {
            let mut options: Vec<&String> = known.iter().collect();
            options.sort();
            let options: Vec<&str> = options.iter().take(12).map(|s| s.as_str()).collect();
            self.err(
                r,
                field,
                format!(
                    "{what} `{}` tidak dikenal; gunakan id yang terdaftar ({})",
                    r.get_ref(),
                    options.join(", ")
                ),
            );
        }
        Some(r.get_ref().clone())
    }

    fn clock(&mut self, t: &S<String>, field: &str) -> MinuteOfDay {
        let parsed = t.get_ref().split_once(':').and_then(|(h, m)| {
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60 && t.get_ref().len() == 5).then_some(h * 60 + m)
        });
        parsed.unwrap_or_else(|| {
            self.err(
                t,
                field,
                format!(
                    "jam `{}` tidak valid; tulis JJ:MM, misalnya 08:00",
                    t.get_ref()
                ),
            );
            0
        })
    }

    fn date(&mut self, d: &S<String>, field: &str) -> NaiveDate {
        NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.err(
                d,
                field,
                format!(
                    "tanggal `{}` tidak valid; tulis TTTT-BB-HH, misalnya 2024-03-27",
                    d.get_ref()
                ),
            );
            NaiveDate::MIN
        })
    }

    fn profile(&mut self, raw: RawProfile) -> OfficeProfile {
        if *raw.schema.get_ref() != SCHEMA_VERSION {
            self.err(
                &raw.schema,
                "schema",
                format!(
                "versi format {} tidak dikenal; versi Loket ini membaca format {SCHEMA_VERSION}",
                raw.schema.get_ref()
            ),
            );
        }
        let office = self.office(raw.office);
        let office_hours = raw
            .office_hours
            .map_or_else(OfficeHours::default_hours, |h| self.hours(h));

        let mut unit_ids = HashSet::new();
        for u in &raw.units {
            self.unique(&mut unit_ids, &u.id, "units.id", "unit");
            self.required(&u.name, "units.name");
        }
        let mut actor_ids = HashSet::new();
        let mut position_ids = HashSet::new();
        for p in &raw.positions {
            self.unique(&mut actor_ids, &p.id, "positions.id", "jabatan/pihak");
            position_ids.insert(p.id.get_ref().clone());
            self.required(&p.title, "positions.title");
        }
        for p in &raw.parties {
            self.unique(&mut actor_ids, &p.id, "parties.id", "jabatan/pihak");
            self.required(&p.name, "parties.name");
        }
        let units: Vec<Unit> = raw
            .units
            .iter()
            .map(|u| Unit {
                id: u.id.get_ref().clone(),
                name: u.name.get_ref().clone(),
                kind: u.kind,
                parent: self.reference(&unit_ids, &u.parent, "units.parent", "unit"),
            })
            .collect();
        for u in &raw.units {
            if u.parent
                .as_ref()
                .is_some_and(|p| p.get_ref() == u.id.get_ref())
            {
                self.err(
                    &u.id,
                    "units.parent",
                    "unit tidak boleh menjadi induk dirinya sendiri".to_string(),
                );
            }
        }
        let positions = raw
            .positions
            .iter()
            .map(|p| Position {
                id: p.id.get_ref().clone(),
                title: p.title.get_ref().clone(),
                kind: p.kind,
                unit: self.reference(&unit_ids, &p.unit, "positions.unit", "unit"),
                reports_to: self.reference(
                    &position_ids,
                    &p.reports_to,
                    "positions.reports_to",
                    "jabatan atasan",
                ),
            })
            .collect();
        let parties = raw
            .parties
            .iter()
            .map(|p| Party {
                id: p.id.get_ref().clone(),
                name: p.name.get_ref().clone(),
            })
            .collect();

        let mut person_ids = HashSet::new();
        let people = raw.people.iter().map(|p| {
            self.unique(&mut person_ids, &p.id, "people.id", "orang");
            self.required(&p.name, "people.name");
            let nip = if p.nip.get_ref().trim().is_empty() {
                String::new()
            } else {
                nip::normalize(p.nip.get_ref()).unwrap_or_else(|| {
                    self.err(&p.nip, "people.nip", format!("NIP `{}` harus 18 angka (spasi boleh); kosongkan (\"\") bila tidak ada", p.nip.get_ref()));
                    String::new()
                })
            };
            Person {
                id: p.id.get_ref().clone(),
                name: p.name.get_ref().clone(),
                nip,
                pangkat: p.pangkat.clone(),
                golongan: p.golongan.clone(),
                position: self.reference(&position_ids, &p.position, "people.position", "jabatan"),
                jabatan: p.jabatan.clone(),
                acting: p.acting,
            }
        }).collect();

        let mut standard_ids = HashSet::new();
        let mut effective_of = HashMap::new();
        let standards: Vec<Standard> = raw
            .standards
            .iter()
            .map(|s| {
                self.unique(&mut standard_ids, &s.id, "standards.id", "standar");
                self.required(&s.title, "standards.title");
                let effective = self.date(&s.effective, "standards.effective");
                effective_of.insert(s.id.get_ref().clone(), effective);
                Standard {
                    id: s.id.get_ref().clone(),
                    number: s.number.clone(),
                    title: s.title.get_ref().clone(),
                    effective,
                    signed_by: self.reference(
                        &person_ids,
                        &s.signed_by,
                        "standards.signed_by",
                        "penanda tangan",
                    ),
                    revokes: s.revokes.clone(),
                    notes: s.notes.clone(),
                }
            })
            .collect();

        let mut versions = HashSet::new();
        let mut service_ids = HashSet::new();
        let services: Vec<ServiceVersion> = raw.services.iter().map(|s| {
            self.slug(&s.id, "services.id");
            if !versions.insert((s.id.get_ref().clone(), s.standard.get_ref().clone())) {
                self.err(&s.id, "services.id", format!(
                    "layanan `{}` sudah ada untuk standar `{}`; id layanan harus unik dalam satu standar (versi baru memakai standar lain)",
                    s.id.get_ref(), s.standard.get_ref()
                ));
            }
            service_ids.insert(s.id.get_ref().clone());
            self.service(s, &unit_ids, &actor_ids, &effective_of)
        }).collect();
        if services.is_empty() {
            self.errors.push(ProfileError {
                file: self.loc.file.to_string(),
                line: 0,
                column: 0,
                field: "services".to_string(),
                message: "profil belum memuat layanan; tambahkan minimal satu [[services]]"
                    .to_string(),
            });
        }
        let mut sop_ids = HashSet::new();
        let sops = raw
            .sops
            .iter()
            .map(|s| {
                self.unique(&mut sop_ids, &s.id, "sops.id", "SOP");
                Sop {
                    id: s.id.get_ref().clone(),
                    number: s.number.clone(),
                    title: s.title.get_ref().clone(),
                    service: self.reference(&service_ids, &s.service, "sops.service", "layanan"),
                    created: s.created.clone(),
                    legal_basis: s.legal_basis.clone(),
                    qualifications: s.qualifications.clone(),
                    equipment: s.equipment.clone(),
                    warnings: s.warnings.clone(),
                    records: s.records.clone(),
                    steps: self.steps(&s.steps, &actor_ids, "sops.steps"),
                }
            })
            .collect();
        OfficeProfile {
            office,
            office_hours,
            units,
            positions,
            parties,
            people,
            standards,
            services,
            sops,
        }
    }

    fn office(&mut self, o: RawOffice) -> Office {
        self.slug(&o.id, "office.id");
        for (value, field) in [
            (&o.pemerintah, "office.pemerintah"),
            (&o.nama_dinas, "office.nama_dinas"),
            (&o.name, "office.name"),
            (&o.short_name, "office.short_name"),
            (&o.kota, "office.kota"),
        ] {
            self.required(value, field);
        }
        Office {
            id: o.id.into_inner(),
            pemerintah: o.pemerintah.into_inner(),
            nama_dinas: o.nama_dinas.into_inner(),
            name: o.name.into_inner(),
            short_name: o.short_name.into_inner(),
            alamat: o.alamat,
            telepon: o.telepon,
            faksimile: o.faksimile,
            pos_el: o.pos_el,
            laman: o.laman,
            kode_pos: o.kode_pos,
            kota: o.kota.into_inner(),
            time_zone: o.time_zone,
            notes: o.notes,
        }
    }

    fn hours(&mut self, h: RawOfficeHours) -> OfficeHours {
        let mut days: Vec<DayHours> = Vec::new();
        for d in &h.days {
            let open = self.clock(&d.open, "office_hours.days.open");
            let close = self.clock(&d.close, "office_hours.days.close");
            if open >= close {
                self.err(
                    &d.close,
                    "office_hours.days.close",
                    "jam tutup harus sesudah jam buka".to_string(),
                );
            }
            let mut breaks: Vec<DaySpan> = Vec::new();
            for b in &d.breaks {
                let (start, end) = (
                    self.clock(&b.start, "office_hours.days.breaks.start"),
                    self.clock(&b.end, "office_hours.days.breaks.end"),
                );
                if start >= end || start < open || end > close {
                    self.err(&b.start, "office_hours.days.breaks", "istirahat harus berada di antara jam buka dan tutup, dengan mulai sebelum selesai".to_string());
                } else if breaks.iter().any(|x| start < x.end && x.start < end) {
                    self.err(
                        &b.start,
                        "office_hours.days.breaks",
                        "jam istirahat saling tumpang tindih".to_string(),
                    );
                }
                breaks.push(DaySpan { start, end });
            }
            breaks.sort_by_key(|b| b.start);
            for day in d.days.get_ref() {
                if days.iter().any(|x| x.day == *day) {
                    self.err(
                        &d.days,
                        "office_hours.days.days",
                        format!("hari {} disebut dua kali", day.label()),
                    );
                }
                days.push(DayHours {
                    day: *day,
                    open,
                    close,
                    breaks: breaks.clone(),
                });
            }
        }
        days.sort_by_key(|d| d.day);
        OfficeHours {
            source: h.source,
            days,
        }
    }

    fn duration(&mut self, d: &RawDuration, field: &str) -> Duration {
        self.amount_fits(&d.amount, &d.unit, field);
        Duration {
            amount: d.amount.as_ref().map(|a| *a.get_ref()),
            unit: *d.unit.get_ref(),
            text: d.text.clone(),
        }
    }

    fn amount_fits(&mut self, amount: &Option<S<u32>>, unit: &S<TimeUnit>, field: &str) {
        let u = *unit.get_ref();
        match amount {
            None if u.takes_amount() => self.err(
                unit,
                &format!("{field}.amount"),
                format!("satuan `{}` memerlukan `amount` (jumlah)", u.words()),
            ),
            Some(a) if !u.takes_amount() => self.err(
                a,
                &format!("{field}.amount"),
                format!(
                    "satuan `{}` tidak memakai `amount`; hapus jumlahnya",
                    u.words()
                ),
            ),
            Some(a) if *a.get_ref() == 0 => self.err(
                a,
                &format!("{field}.amount"),
                "jumlah waktu harus lebih dari 0".to_string(),
            ),
            _ => {}
        }
    }

    fn time(&mut self, t: &S<RawTime>, field: &str) -> ServiceTime {
        let r = t.get_ref();
        self.amount_fits(&r.amount, &r.unit, field);
        if let Some(c) = &r.counting {
            if !matches!(r.unit.get_ref(), TimeUnit::Menit | TimeUnit::Jam) {
                self.err(
                    c,
                    &format!("{field}.counting"),
                    "`counting` hanya berlaku untuk satuan menit atau jam".to_string(),
                );
            }
        }
        let alternatives = r
            .alternatives
            .iter()
            .map(|a| {
                self.amount_fits(&a.amount, &a.unit, &format!("{field}.alternatives"));
                self.required(&a.condition, &format!("{field}.alternatives.condition"));
                AlternativeTime {
                    amount: a.amount.as_ref().map(|x| *x.get_ref()),
                    unit: *a.unit.get_ref(),
                    condition: a.condition.get_ref().clone(),
                }
            })
            .collect();
        ServiceTime {
            amount: r.amount.as_ref().map(|a| *a.get_ref()),
            unit: *r.unit.get_ref(),
            counting: r
                .counting
                .as_ref()
                .map(|c| *c.get_ref())
                .unwrap_or_default(),
            extension: r
                .extension
                .as_ref()
                .map(|d| self.duration(d, &format!("{field}.extension"))),
            notice: r
                .notice
                .as_ref()
                .map(|d| self.duration(d, &format!("{field}.notice"))),
            alternatives,
            text: r.text.clone(),
        }
    }

    fn steps(&mut self, steps: &[RawStep], actors: &HashSet<String>, field: &str) -> Vec<Step> {
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                self.required(&s.text, &format!("{field}.text"));
                Step {
                    number: s.number.as_ref().map_or(i as u32 + 1, |n| *n.get_ref()),
                    text: s.text.get_ref().clone(),
                    actor: self.reference(
                        actors,
                        &s.actor,
                        &format!("{field}.actor"),
                        "pelaku langkah (jabatan/pihak)",
                    ),
                    time: s
                        .time
                        .as_ref()
                        .map(|t| self.time(t, &format!("{field}.time"))),
                    requirements: s.requirements.clone(),
                    outputs: s.outputs.clone(),
                }
            })
            .collect()
    }

    fn service(
        &mut self,
        s: &RawService,
        units: &HashSet<String>,
        actors: &HashSet<String>,
        effective_of: &HashMap<String, NaiveDate>,
    ) -> ServiceVersion {
        self.required(&s.name, "services.name");
        self.required(&s.fee, "services.fee");
        let effective = match effective_of.get(s.standard.get_ref()) {
            Some(d) => *d,
            None => {
                let known: Vec<&String> = effective_of.keys().collect();
                self.err(
                    &s.standard,
                    "services.standard",
                    format!(
                        "standar `{}` tidak dikenal; daftarkan di [[standards]] ({:?})",
                        s.standard.get_ref(),
                        known
                    ),
                );
                NaiveDate::MIN
            }
        };
        let unit = self
            .reference(units, &Some(s.unit.clone()), "services.unit", "unit")
            .unwrap_or_default();
        let letters = s.letters.iter().filter_map(|l| {
            let parsed: Result<LetterKind, _> = serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(l.get_ref()));
            parsed.map_err(|_| self.err(l, "services.letters", format!("jenis surat `{}` tidak dikenal; lihat daftar jenis surat di data/offices/SCHEMA.md", l.get_ref()))).ok()
        }).collect();
        ServiceVersion {
            id: s.id.get_ref().clone(),
            standard: s.standard.get_ref().clone(),
            effective,
            name: s.name.get_ref().clone(),
            group: s.group.clone(),
            unit,
            legal_basis: s.legal_basis.clone(),
            requirements: s.requirements.clone(),
            steps: self.steps(&s.steps, actors, "services.steps"),
            time: self.time(&s.time, "services.time"),
            fee: s.fee.get_ref().clone(),
            products: s.products.clone(),
            letters,
            complaints: s.complaints.clone(),
            facilities: s.facilities.clone(),
            staff: s.staff.clone(),
            notes: s.notes.clone(),
        }
    }
}
