//! RO1-PRACT-004 `practitioner-idnps-prefixed`.
//!
//! The Practitioner identifier.value is a prefixed IDNPS: 8 + 11-digit RPPS or 0 + ADELI.

use crate::finding::Message;
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::ids::Idnps;
use crate::model::Identifier;
use crate::rules::{Emitter, Scope, quote};

/// RO1-PRACT-004 `practitioner-idnps-prefixed`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PRACT-004",
    name: "practitioner-idnps-prefixed",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "agg-psindiv #16, #17; FAQ prefixes — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "identifier.value du Practitioner est un IDNPS préfixé : 8 + RPPS à 11 chiffres ou 0 + ADELI.",
    summary_en: "The Practitioner identifier.value is a prefixed IDNPS: 8 + 11-digit RPPS or 0 + ADELI.",
    doc: RuleDoc {
        what_fr: "Vérifie que la valeur de l'identifiant est 8 suivi des 11 chiffres du RPPS (12 caractères) ou 0 suivi du numéro ADELI.",
        why_fr: "Exigences agg-psindiv #16 et #17 et préfixes de la FAQ ; le kit n'accepte que la forme RPPS, mais l'IG accepte l'ADELI (lecture AMB-23). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"10101215225\",…}]}",
        fix_fr: "Ajoutez le préfixe national : 8 devant le RPPS, 0 devant l'ADELI.",
        what_en: "Checks that the identifier value is 8 followed by the 11 RPPS digits (12 characters) or 0 followed by the ADELI number.",
        why_en: "Requirements agg-psindiv #16 and #17 and the FAQ prefixes; the kit accepts only the RPPS form, but the IG accepts ADELI (reading AMB-23). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"10101215225\",…}]}",
        fix_en: "Add the national prefix: 8 before the RPPS, 0 before the ADELI number.",
    },
};

/// Checks the value of a practitioner identifier: an IDNPS `8` + RPPS or
/// `0` + ADELI, not another internal form. A missing value is
/// RO1-PRACT-001's.
pub(crate) fn check_value(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    let Some(v) = &id.value else { return };
    let problem = match Idnps::parse_form(v.as_str()) {
        Ok(Idnps::Rpps(_) | Idnps::Adeli(_)) => None,
        Ok(other) => Some(Message::new(
            format!("forme interne {} non admise pour un praticien", other.kind_name()),
            format!("internal form {} not accepted for a practitioner", other.kind_name()),
        )),
        Err(e) => Some(e.message()),
    };
    if let Some(m) = problem {
        em.at(
            Scope::PS_CPTS,
            &RULE,
            v.span,
            format!(
                "{} n'est pas un IDNPS 8 + RPPS (11 chiffres) ou 0 + ADELI : {}",
                quote(v.as_str()),
                m.fr
            ),
            format!(
                "{} is not an IDNPS 8 + RPPS (11 digits) or 0 + ADELI: {}",
                quote(v.as_str()),
                m.en
            ),
        );
    }
}
