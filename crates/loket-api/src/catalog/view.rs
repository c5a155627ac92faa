//! Turning catalog data into views: actor names and times in words.

use loket_domain::catalog::{describe_time, OfficeProfile, ServiceVersion, Step};

use crate::dto::{ServiceSummary, StepView};

pub(crate) fn step_view(profile: &OfficeProfile, s: &Step) -> StepView {
    StepView {
        number: s.number,
        text: s.text.clone(),
        actor_id: s.actor.clone(),
        actor_name: s
            .actor
            .as_deref()
            .and_then(|a| profile.actor_name(a))
            .map(str::to_string),
        time_words: s.time.as_ref().map(describe_time),
        requirements: s.requirements.clone(),
        outputs: s.outputs.clone(),
    }
}

pub(crate) fn summary(profile: &OfficeProfile, s: &ServiceVersion) -> ServiceSummary {
    ServiceSummary {
        id: s.id.clone(),
        name: s.name.clone(),
        group: s.group.clone(),
        unit_id: s.unit.clone(),
        unit_name: profile.unit_name(&s.unit).unwrap_or(&s.unit).to_string(),
        time_words: describe_time(&s.time),
        fee: s.fee.clone(),
        standard_id: s.standard.clone(),
        effective: s.effective.to_string(),
        effective_words: loket_domain::tanggal::tanggal(s.effective),
        versions: profile.services.iter().filter(|v| v.id == s.id).count() as u32,
    }
}
