//! RO1-REGUL-003 `regul-active-name-email`.
//!
//! The regulator has active, name.family, exactly one name.given and an email telecom with its value.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-003 `regul-active-name-email`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-003",
    name: "regul-active-name-email",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "FrPractitionerRegul — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a active, name.family, exactement un name.given et un telecom email avec sa valeur.",
    summary_en: "The regulator has active, name.family, exactly one name.given and an email telecom with its value.",
    doc: RuleDoc {
        what_fr: "Vérifie la présence de Practitioner.active, de name.family, d'un et un seul name.given et d'un telecom de system email portant une value.",
        why_fr: "Profil FrPractitionerRegul (active 1..1, family 1..1, given 1..1, telecom email) ; le kit attend un refus 4xx/5xx quand un champ manque. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Practitioner\",\"active\":true,\"name\":[{\"family\":\"DURAND\"}],\"telecom\":[{\"system\":\"email\"}]}",
        fix_fr: "Refusez (4xx + OperationOutcome) une ressource incomplète ; côté émetteur, renseignez tous ces champs.",
        what_en: "Checks that Practitioner.active, name.family, exactly one name.given and a telecom with system email carrying a value are present.",
        why_en: "FrPractitionerRegul profile (active 1..1, family 1..1, given 1..1, email telecom); the kit expects a 4xx/5xx refusal when a field is missing. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Practitioner\",\"active\":true,\"name\":[{\"family\":\"DURAND\"}],\"telecom\":[{\"system\":\"email\"}]}",
        fix_en: "Refuse (4xx + OperationOutcome) an incomplete resource; on the sender side, fill in all these fields.",
    },
};

use fr_fhir_core::model::{Practitioner, Resource};
use fr_fhir_core::rules::Emitter;

const S: Scope = Scope::REGUL;

/// active, name.family, exactly one name.given, an email telecom with its value.
pub(crate) fn check(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.active.is_none() {
        em.missing(
            S,
            &RULE,
            p.span,
            "active",
            "active absent : true = compte actif, false = compte désactivé".into(),
            "active is missing: true = enabled account, false = disabled account".into(),
        );
    }
    match p.name.first() {
        None => em.missing(
            S,
            &RULE,
            p.span,
            "name",
            "compte régulateur sans name (family et given attendus)".into(),
            "regulator account without name (family and given expected)".into(),
        ),
        Some(n) => {
            if n.family.is_none() {
                em.missing(
                    S,
                    &RULE,
                    n.span,
                    "family",
                    "name sans family (nom de famille)".into(),
                    "name without family".into(),
                );
            }
            match n.given.as_slice() {
                [] => em.missing(
                    S,
                    &RULE,
                    n.span,
                    "given",
                    "name sans given (prénom), attendu exactement un".into(),
                    "name without given, expected exactly one".into(),
                ),
                [_] => {}
                [_, second, ..] => em.at(
                    S,
                    &RULE,
                    second.span,
                    format!("{} prénoms (given), attendu exactement un", n.given.len()),
                    format!("{} given names, expected exactly one", n.given.len()),
                ),
            }
        }
    }
    if p.telecom.is_empty() {
        em.missing(
            S,
            &RULE,
            p.span,
            "telecom",
            "compte régulateur sans telecom : l'adresse e-mail (system email) est attendue".into(),
            "regulator account without telecom: the e-mail address (system email) is expected"
                .into(),
        );
    }
    for t in &p.telecom {
        match &t.system {
            Some(s) if s.as_str() == "email" => {}
            Some(s) => em.at(
                S,
                &RULE,
                s.span,
                format!("telecom.system {}, attendu email", s.as_str()),
                format!("telecom.system {}, expected email", s.as_str()),
            ),
            None => em.missing(
                S,
                &RULE,
                t.span,
                "system",
                "telecom sans system, attendu email".into(),
                "telecom without system, expected email".into(),
            ),
        }
        match &t.value {
            None => em.missing(
                S,
                &RULE,
                t.span,
                "value",
                "telecom sans value (adresse e-mail)".into(),
                "telecom without value (e-mail address)".into(),
            ),
            Some(v) if !looks_like_email(v.as_str()) => em.at(
                S,
                &RULE,
                v.span,
                format!(
                    "telecom.value `{}` n'est pas une adresse e-mail (nom@domaine)",
                    v.as_str()
                ),
                format!("telecom.value `{}` is not an e-mail address (name@domain)", v.as_str()),
            ),
            Some(_) => {}
        }
    }
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, domain)) => !user.is_empty() && domain.contains('.') && !s.contains(' '),
        None => false,
    }
}

/// An INT_R02 body that is neither a Practitioner nor an OperationOutcome.
pub(crate) fn not_a_practitioner(res: &Resource<'_>, em: &mut Emitter<'_>) {
    em.at(
        S,
        &RULE,
        res.span(),
        format!(
            "ressource {} dans un échange de comptes régulateurs, attendu un Practitioner",
            res.resource_type()
        ),
        format!(
            "a {} resource in a regulator-account exchange, expected a Practitioner",
            res.resource_type()
        ),
    );
}
