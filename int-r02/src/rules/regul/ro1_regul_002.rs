//! RO1-REGUL-002 `regul-identifier-idnps-or-intrn`.
//!
//! The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-002 `regul-identifier-idnps-or-intrn`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-002",
    name: "regul-identifier-idnps-or-intrn",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "FrPractitionerRegul slices — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a un identifiant national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) ou technique SAS (INTRN, urn:oid:1.2.250.1.213.3.6, UUID), au plus un de chaque.",
    summary_en: "The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque identifiant est soit national (type IDNPS, système urn:oid:1.2.250.1.71.4.2.1), soit technique SAS (type INTRN, système urn:oid:1.2.250.1.213.3.6, valeur UUID), et qu'il n'y en a pas deux du même genre.",
        why_fr: "Tranches IdentifiantNatPS et IdentifiantInterne de FrPractitionerRegul ; lecture AMB-26 (l'exemple 1.1.0 utilisait à tort 4.2.2). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"12345\"}]}",
        fix_fr: "Utilisez un UUID pour l'identifiant technique et l'OID 4.2.1 pour l'IDNPS.",
        what_en: "Checks that every identifier is either national (type IDNPS, system urn:oid:1.2.250.1.71.4.2.1) or SAS technical (type INTRN, system urn:oid:1.2.250.1.213.3.6, UUID value), and that there are not two of the same kind.",
        why_en: "IdentifiantNatPS and IdentifiantInterne slices of FrPractitionerRegul; reading AMB-26 (the 1.1.0 example wrongly used 4.2.2). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-v2-0203\",\"code\":\"INTRN\"}]},\"system\":\"urn:oid:1.2.250.1.213.3.6\",\"value\":\"12345\"}]}",
        fix_en: "Use a UUID for the technical identifier and the 4.2.1 OID for the IDNPS.",
    },
};

use fr_fhir_core::ids::Idnps;
use fr_fhir_core::model::{Identifier, Practitioner};
use fr_fhir_core::rules::Emitter;
use fr_fhir_core::vocab::systems::{OID_IDNPS, OID_SAS_INTRN, SYSTEM_FR_V2_0203};

const S: Scope = Scope::REGUL;

/// The two kinds of regulator identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    National,
    Technical,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::National => "IDNPS",
            Kind::Technical => "INTRN",
        }
    }
    fn system(self) -> &'static str {
        match self {
            Kind::National => OID_IDNPS,
            Kind::Technical => OID_SAS_INTRN,
        }
    }
}

/// The type code of an identifier (fr-v2-0203 codings only).
fn type_code<'i>(id: &'i Identifier<'_>) -> Option<&'i str> {
    id.type_.as_ref()?.coding.iter().find_map(|c| {
        (c.system.as_ref().is_some_and(|s| s.as_str() == SYSTEM_FR_V2_0203))
            .then(|| c.code.as_ref().map(|c| c.as_str()))
            .flatten()
    })
}

/// National (IDNPS) or SAS technical (INTRN) identifiers, at most one of each.
pub(crate) fn check(p: &Practitioner<'_>, em: &mut Emitter<'_>) {
    if p.identifier.is_empty() {
        em.missing(
            S,
            &RULE,
            p.span,
            "identifier",
            "compte régulateur sans identifier (IDNPS national ou INTRN technique SAS)".into(),
            "regulator account without identifier (national IDNPS or SAS technical INTRN)".into(),
        );
        return;
    }
    let mut seen: Vec<Kind> = Vec::new();
    for id in &p.identifier {
        let code = type_code(id);
        let system = id.system.as_ref().map(|s| s.as_str());
        // The type says the kind; without it, the system does.
        let kind = match (code, system) {
            (Some("IDNPS"), _) => Kind::National,
            (Some("INTRN"), _) => Kind::Technical,
            (None, Some(OID_IDNPS)) => Kind::National,
            (None, Some(OID_SAS_INTRN)) => Kind::Technical,
            _ => {
                em.at(
                    S,
                    &RULE,
                    id.span,
                    format!(
                        "identifiant de type {} et de system {} : attendu IDNPS + {OID_IDNPS} ou INTRN + {OID_SAS_INTRN}",
                        code.unwrap_or("-"),
                        system.unwrap_or("-")
                    ),
                    format!(
                        "identifier of type {} and system {}: expected IDNPS + {OID_IDNPS} or INTRN + {OID_SAS_INTRN}",
                        code.unwrap_or("-"),
                        system.unwrap_or("-")
                    ),
                );
                continue;
            }
        };
        if seen.contains(&kind) {
            em.at(
                S,
                &RULE,
                id.span,
                format!("deuxième identifiant {} : au plus un de chaque sorte", kind.code()),
                format!("second {} identifier: at most one of each kind", kind.code()),
            );
        }
        seen.push(kind);
        if code.is_none() {
            match &id.type_ {
                Some(t) => em.at(
                    S,
                    &RULE,
                    t.span,
                    format!("type sans coding {SYSTEM_FR_V2_0203}#{}", kind.code()),
                    format!("type without a {SYSTEM_FR_V2_0203}#{} coding", kind.code()),
                ),
                None => em.missing(
                    S,
                    &RULE,
                    id.span,
                    "type",
                    format!("identifiant sans type, attendu {SYSTEM_FR_V2_0203}#{}", kind.code()),
                    format!(
                        "identifier without type, expected {SYSTEM_FR_V2_0203}#{}",
                        kind.code()
                    ),
                ),
            }
        }
        match &id.system {
            None => em.missing(
                S,
                &RULE,
                id.span,
                "system",
                format!("identifiant {} sans system, attendu {}", kind.code(), kind.system()),
                format!("{} identifier without system, expected {}", kind.code(), kind.system()),
            ),
            // AMB-26: the 1.1.0 example 1 gives an IDNPS the structure OID 4.2.2.
            Some(s) if s.as_str() != kind.system() => em.at(
                S,
                &RULE,
                s.span,
                format!(
                    "system {} pour un identifiant {}, attendu {}",
                    s.as_str(),
                    kind.code(),
                    kind.system()
                ),
                format!(
                    "system {} for an {} identifier, expected {}",
                    s.as_str(),
                    kind.code(),
                    kind.system()
                ),
            ),
            Some(_) => {}
        }
        let Some(value) = &id.value else {
            em.missing(
                S,
                &RULE,
                id.span,
                "value",
                format!("identifiant {} sans value", kind.code()),
                format!("{} identifier without value", kind.code()),
            );
            continue;
        };
        let v = value.as_str();
        let problem = match kind {
            Kind::National => Idnps::parse_form(v).err().map(|e| e.message()),
            Kind::Technical => (!sas_exchange::is_uuid(v)).then(|| {
                fr_fhir_core::finding::Message::new(
                    "UUID attendu (8-4-4-4-12 chiffres hexadécimaux)",
                    "a UUID expected (8-4-4-4-12 hexadecimal digits)",
                )
            }),
        };
        if let Some(m) = problem {
            em.at(
                S,
                &RULE,
                value.span,
                format!("valeur `{v}` de l'identifiant {} : {}", kind.code(), m.fr),
                format!("value `{v}` of the {} identifier: {}", kind.code(), m.en),
            );
        }
    }
}
