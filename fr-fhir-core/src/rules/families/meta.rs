//! `meta.profile` expectations: RO1-META-001, RO1-CPTS-009.
//!
//! The use case is known only at the end of the Bundle, so each resource is
//! checked against the profiles of every use case and each finding carries
//! the scope it holds in.

use crate::finding::RuleMeta;
use crate::json::Span;
use crate::model::{Meta, Resource};
use crate::rules::cpts::ro1_cpts_009;
use crate::rules::meta::ro1_meta_001;
use crate::rules::profiles::{SLOT_CPTS, SLOT_PS, expected_profiles};
use crate::rules::{Emitter, Finish, Scope, UseCase, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[&ro1_meta_001::RULE, &ro1_cpts_009::RULE];

/// Per resource (entries and contained ones): the contained resources of an
/// entry are checked here too.
pub fn check_resource(res: &Resource<'_>, contained: bool, em: &mut Emitter<'_>) {
    let rtype = res.resource_type();
    let span = res.span();
    let meta = res.meta();
    let ps = expected_profiles(rtype, UseCase::PS, contained);
    let cpts = expected_profiles(rtype, UseCase::CPTS, contained);
    let sos = expected_profiles(rtype, UseCase::SOS, contained);
    if ps == cpts {
        check_profiles(rtype, span, meta, ps, Scope::PS_CPTS, em);
    } else {
        check_profiles(rtype, span, meta, ps, Scope::PS, em);
        check_profiles(rtype, span, meta, cpts, Scope::CPTS, em);
    }
    check_profiles(rtype, span, meta, sos, Scope::SOS, em);
    if let Resource::Slot(s) = res {
        check_cpts_slot(s.meta.as_ref(), span, em);
    }
    if !contained {
        for c in res.contained() {
            check_resource(c, true, em);
        }
    }
}

/// The Bundle's own `meta.profile`.
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let expected = expected_profiles("Bundle", f.use_case, false);
    check_profiles(
        "Bundle",
        f.bundle.span,
        f.bundle.meta.as_ref(),
        expected,
        f.use_case.scope(),
        em,
    );
}

/// A canonical without its `|version` suffix.
fn canonical(url: &str) -> &str {
    url.split('|').next().unwrap_or(url)
}

fn declares(meta: Option<&Meta<'_>>, expected: &[&str]) -> bool {
    meta.is_some_and(|m| m.profile.iter().any(|p| expected.contains(&canonical(p.as_str()))))
}

/// Reports where the expected profile is missing: the first declared
/// profile, or the absent `meta.profile`.
fn report(
    em: &mut Emitter<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    span: Span,
    meta: Option<&Meta<'_>>,
    fr: String,
    en: String,
) {
    match meta {
        None => em.missing(scope, rule, span, "meta.profile", fr, en),
        Some(m) => match m.profile.first() {
            None => em.missing(scope, rule, m.span, "profile", fr, en),
            Some(p) => em.at(scope, rule, p.span, fr, en),
        },
    }
}

fn check_profiles(
    rtype: &str,
    span: Span,
    meta: Option<&Meta<'_>>,
    expected: &[&str],
    scope: Scope,
    em: &mut Emitter<'_>,
) {
    // A type the use case does not expect is RO1-BUNDLE-010's business.
    // Findings of a use case already ruled out are not even formatted.
    if expected.is_empty() || !em.wants(scope) || declares(meta, expected) {
        return;
    }
    let list = expected.iter().map(|p| quote(p)).collect::<Vec<_>>();
    report(
        em,
        scope,
        &ro1_meta_001::RULE,
        span,
        meta,
        format!(
            "{rtype} : meta.profile ne déclare pas le profil SAS attendu {}",
            list.join(" ou ")
        ),
        format!(
            "{rtype}: meta.profile does not declare the expected SAS profile {}",
            list.join(" or ")
        ),
    );
}

/// RO1-CPTS-009: a Slot labelled CPTS declares the CPTS Slot profile (the
/// kit finds CPTS Slots only through it). A Slot without any accepted
/// profile is already reported by RO1-META-001.
fn check_cpts_slot(meta: Option<&Meta<'_>>, span: Span, em: &mut Emitter<'_>) {
    let Some(m) = meta else { return };
    let cpts = m.security.iter().any(|c| c.code.as_ref().is_some_and(|k| k.as_str() == "CPTS"));
    if cpts && !declares(meta, &[SLOT_CPTS]) && declares(meta, &[SLOT_PS]) {
        report(
            em,
            Scope::CPTS,
            &ro1_cpts_009::RULE,
            span,
            meta,
            format!("Slot étiqueté CPTS sans le profil {} dans meta.profile", quote(SLOT_CPTS)),
            format!("Slot labelled CPTS without the profile {} in meta.profile", quote(SLOT_CPTS)),
        );
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::finding::Severity;
    use crate::rules::UseCase;
    use crate::rules::testutil::{CPTS, EMPTY, PS, SOS, of_rule, patch};

    #[test]
    fn valid_examples_declare_their_profiles() {
        for (src, uc) in
            [(PS, UseCase::PS), (CPTS, UseCase::CPTS), (SOS, UseCase::SOS), (EMPTY, UseCase::PS)]
        {
            assert!(of_rule(src, Some(uc), "RO1-META-001").is_empty(), "{uc:?}");
            assert!(of_rule(src, Some(uc), "RO1-CPTS-009").is_empty(), "{uc:?}");
        }
    }

    #[test]
    fn wrong_profile_points_at_the_declared_one() {
        let src = patch(
            PS,
            "/entry/8/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[8].resource.meta.profile[0]".into(), Severity::Error)]
        );
    }

    #[test]
    fn missing_meta_and_missing_profile() {
        let src = patch(PS, "/entry/0/resource/meta/profile", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[0].resource.meta.profile".into(), Severity::Error)]
        );
        let src = patch(PS, "/entry/11/resource/meta", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[11].resource.meta.profile".into(), Severity::Error)]
        );
        let src = patch(PS, "/meta/profile", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.meta.profile".into(), Severity::Error)]
        );
    }

    #[test]
    fn contained_location_is_checked() {
        let src = patch(PS, "/entry/13/resource/contained/0/meta", None);
        assert_eq!(
            of_rule(&src, Some(UseCase::PS), "RO1-META-001"),
            [("Bundle.entry[13].resource.contained[0].meta.profile".into(), Severity::Error)]
        );
    }

    #[test]
    fn profile_of_another_use_case() {
        // A PS Slot profile in a SOS response.
        let src = patch(
            SOS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::SOS), "RO1-META-001"),
            [("Bundle.entry[2].resource.meta.profile[0]".into(), Severity::Error)]
        );
        // Accepted in CPTS, with a version suffix too.
        let src = patch(
            CPTS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur|1.1.0"])),
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-META-001").is_empty());
    }

    #[test]
    fn cpts_slot_with_the_ps_profile() {
        let src = patch(
            CPTS,
            "/entry/0/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert_eq!(
            of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009"),
            [("Bundle.entry[0].resource.meta.profile[0]".into(), Severity::Warning)]
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-META-001").is_empty());
        // Not labelled CPTS (entry 2): the PS profile is fine.
        let src = patch(
            CPTS,
            "/entry/2/resource/meta/profile",
            Some(json!(["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"])),
        );
        assert!(of_rule(&src, Some(UseCase::CPTS), "RO1-CPTS-009").is_empty());
    }
}
