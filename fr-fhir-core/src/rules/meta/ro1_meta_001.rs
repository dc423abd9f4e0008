//! RO1-META-001 `meta-profile-sas-canonical`.
//!
//! Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::{Meta, Resource};
use crate::rules::profiles::expected_profiles;
use crate::rules::support::coding::{declares_profile, report_profile};
use crate::rules::{Emitter, Finish, Scope, UseCase, quote};

/// RO1-META-001 `meta-profile-sas-canonical`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-META-001",
    name: "meta-profile-sas-canonical",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG pages 'Validateur ressources' (needed by the validator); the official kit selects resources only by meta.profile — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "Chaque ressource, Bundle et Location contenue compris, déclare dans meta.profile l'URL canonique du profil SAS attendu.",
    summary_en: "Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.",
    doc: RuleDoc {
        what_fr: "Vérifie que meta.profile de chaque ressource contient l'URL canonique du profil SAS correspondant à son type et au cas d'usage (par exemple http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur pour un Slot PS, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator pour un Slot CPTS).",
        why_fr: "Les pages « Validateur ressources » de l'IG en ont besoin pour valider, et le kit officiel ne trouve les ressources qu'à travers meta.profile : une ressource sans profil est ignorée par ses tests. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://interopsante.org/fhir/StructureDefinition/FrSlot\"]}}",
        fix_fr: "Ajoutez dans meta.profile de chaque ressource l'URL canonique de son profil SAS : http://sas.fr/fhir/StructureDefinition/<profil> pour les profils PS, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-… pour les profils CPTS et SOS.",
        what_en: "Checks that the meta.profile of every resource contains the canonical URL of the SAS profile matching its type and use case (for example http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur for a PS Slot, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator for a CPTS Slot).",
        why_en: "The IG 'Validateur ressources' pages need it for validation, and the official kit finds resources only through meta.profile: a resource without the profile is skipped by its tests. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"http://interopsante.org/fhir/StructureDefinition/FrSlot\"]}}",
        fix_en: "Add to the meta.profile of every resource the canonical URL of its SAS profile: http://sas.fr/fhir/StructureDefinition/<profile> for the PS profiles, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-… for the CPTS and SOS profiles.",
    },
};

/// One resource (an entry or a contained one) against the profiles of every
/// use case: the use case is known only at the end of the Bundle, so each
/// finding carries the scope it holds in.
pub(crate) fn check_resource(res: &Resource<'_>, contained: bool, em: &mut Emitter<'_>) {
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
}

/// The Bundle's own `meta.profile`, against the use case finally detected.
pub(crate) fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
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
    if expected.is_empty() || !em.wants(scope) || declares_profile(meta, expected) {
        return;
    }
    let list = expected.iter().map(|p| quote(p)).collect::<Vec<_>>();
    report_profile(
        em,
        scope,
        &RULE,
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
