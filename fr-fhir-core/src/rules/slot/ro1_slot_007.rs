//! RO1-SLOT-007 `slot-security-type-creneau`.
//!
//! Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::Slot;
use crate::rules::support::presence::{missing, written};
use crate::rules::support::terminology as term;
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// RO1-SLOT-007 `slot-security-type-creneau`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-007",
    name: "slot-security-type-creneau",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Required bindings (JDV_J165 / sas-cpts-valueset-typecreneau / sas-sos-valueset-typecreneau); agg-psindiv #23, #46 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.meta.security porte au moins un type de créneau TRE_R314 autorisé pour le cas d'usage (PS : PUBLIC, PRO, SNP ; CPTS : plus CPTS ; SOS : PUBLIC, SNP).",
    summary_en: "Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).",
    doc: RuleDoc {
        what_fr: "Vérifie que meta.security a au moins un codage, que chacun a le système https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau et un code permis : PS = JDV_J165 (PUBLIC, PRO, SNP ; CPTS seulement dans le JDV 2024), CPTS = PUBLIC, PRO, SNP, CPTS, SOS = PUBLIC, SNP. Plusieurs codes peuvent être combinés.",
        why_fr: "Liaisons obligatoires JDV_J165, sas-cpts-valueset-typecreneau et sas-sos-valueset-typecreneau ; exigences agg-psindiv #23 et #46. Lectures AMB-15 (CPTS accepté sur un Slot PS), AMB-19 (« private » n'est pas un code) et AMB-33 (CPTS combinable avec d'autres types). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"meta\":{\"security\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau\",\"code\":\"private\"}]}}",
        fix_fr: "Codez le type de créneau dans meta.security avec le système TRE_R314 et un code permis (PUBLIC, PRO, SNP, et CPTS en CPTS).",
        what_en: "Checks that meta.security has at least one coding, that each has the system https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau and an allowed code: PS = JDV_J165 (PUBLIC, PRO, SNP; CPTS only in the 2024 JDV), CPTS = PUBLIC, PRO, SNP, CPTS, SOS = PUBLIC, SNP. Several codes may be combined.",
        why_en: "Required bindings JDV_J165, sas-cpts-valueset-typecreneau and sas-sos-valueset-typecreneau; requirements agg-psindiv #23 and #46. Readings AMB-15 (CPTS accepted on a PS Slot), AMB-19 ('private' is not a code) and AMB-33 (CPTS may be combined with other types). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"meta\":{\"security\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau\",\"code\":\"private\"}]}}",
        fix_en: "Code the slot type in meta.security with the TRE_R314 system and an allowed code (PUBLIC, PRO, SNP, and CPTS for CPTS).",
    },
};

/// Slot.meta.security carries TRE_R314 slot types allowed in each use case.
pub(crate) fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let src = e.src;
    const FR: &str = "Slot.meta.security est absent : au moins un type de créneau TRE_R314 (PUBLIC, PRO, SNP, CPTS) est attendu";
    const EN: &str = "Slot.meta.security is missing: at least one TRE_R314 slot type (PUBLIC, PRO, SNP, CPTS) is expected";
    let Some(meta) = &s.meta else {
        if em.is_clean(s.span) || !written(src, s.span, "meta") {
            em.missing(Scope::ALL, &RULE, s.span, "meta.security", FR.into(), EN.into());
        }
        return;
    };
    if meta.security.is_empty() {
        missing(em, src, Scope::ALL, &RULE, None, meta.span, "security", FR.into(), EN.into());
    }
    for c in &meta.security {
        let (child, fr, en) = match (&c.system, &c.code) {
            (None, _) => (
                "system",
                format!("type de créneau sans système : attendu {}", term::TRE_R314),
                format!("slot type without a system: expected {}", term::TRE_R314),
            ),
            (Some(sys), _) if sys != term::TRE_R314 => {
                em.at(
                    Scope::ALL,
                    &RULE,
                    sys.span,
                    format!(
                        "système de type de créneau {} : attendu {}",
                        quote(sys.as_str()),
                        term::TRE_R314
                    ),
                    format!(
                        "slot type system {}: expected {}",
                        quote(sys.as_str()),
                        term::TRE_R314
                    ),
                );
                continue;
            }
            (Some(_), None) => (
                "code",
                "type de créneau TRE_R314 sans code (PUBLIC, PRO, SNP, CPTS)".into(),
                "TRE_R314 slot type without a code (PUBLIC, PRO, SNP, CPTS)".into(),
            ),
            (Some(_), Some(code)) => {
                security_code(code.as_str(), code.span, em);
                continue;
            }
        };
        missing(em, src, Scope::ALL, &RULE, None, c.span, child, fr, en);
    }
}

/// Allowed slot types: PS = JDV_J165 (PUBLIC, PRO, SNP; CPTS tolerated, AMB-15),
/// CPTS = PUBLIC, PRO, SNP, CPTS; SOS = PUBLIC, SNP.
fn security_code(code: &str, span: Span, em: &mut Emitter<'_>) {
    // The findings of a use case already ruled out are not even built (the
    // emitter would drop them): PRO slots are common outside SOS.
    match code {
        "PUBLIC" | "SNP" => {}
        "PRO" if !em.wants(Scope::SOS) => {}
        "PRO" => em.at(
            Scope::SOS,
            &RULE,
            span,
            "type de créneau `PRO` non autorisé en SOS (sas-sos-valueset-typecreneau : PUBLIC, SNP)".into(),
            "slot type `PRO` is not allowed for SOS (sas-sos-valueset-typecreneau: PUBLIC, SNP)".into(),
        ),
        term::SLOT_TYPE_CPTS => {
            em.at_sev(
                Scope::PS,
                &RULE,
                Severity::Warning,
                span,
                "type de créneau `CPTS` sur un Slot PS : accepté (JDV_J165 2024), mais un créneau ouvert aux CPTS relève du profil sas-cpts-slot-aggregator".into(),
                "slot type `CPTS` on a PS Slot: accepted (JDV_J165 2024), but a slot open to CPTS belongs to the sas-cpts-slot-aggregator profile".into(),
            );
            em.at(
                Scope::SOS,
                &RULE,
                span,
                "type de créneau `CPTS` non autorisé en SOS (sas-sos-valueset-typecreneau : PUBLIC, SNP)".into(),
                "slot type `CPTS` is not allowed for SOS (sas-sos-valueset-typecreneau: PUBLIC, SNP)".into(),
            );
        }
        other => {
            let q = quote(other);
            for (scope, allowed) in [
                (Scope::PS, "PUBLIC, PRO, SNP"),
                (Scope::CPTS, "PUBLIC, PRO, SNP, CPTS"),
                (Scope::SOS, "PUBLIC, SNP"),
            ] {
                em.at(
                    scope,
                    &RULE,
                    span,
                    format!("type de créneau {q} inconnu de TRE_R314 : attendu {allowed}"),
                    format!("slot type {q} is not a TRE_R314 code: expected {allowed}"),
                );
            }
        }
    }
}
