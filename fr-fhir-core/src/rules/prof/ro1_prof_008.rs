//! RO1-PROF-008 `profile-invariant`.
//!
//! The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-008 `profile-invariant`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-008",
    name: "profile-invariant",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (constraint)",
    summary_fr: "Les invariants propres à un profil (FINESS-invariant, SIRET-invariant...) sont respectés.",
    summary_en: "The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.",
    doc: RuleDoc {
        what_fr: "Les invariants propres à un profil (FINESS-invariant, SIRET-invariant...) sont respectés.",
        why_fr: "Contraintes déclarées par les profils de l'IG SAS 1.1.0 eux-mêmes et évaluées nativement : FINESS-invariant sur Organization.identifier de sas-cpts-organization-aggregator (value.matches('^1[0-9]{9}$') : un FINESS de 10 chiffres commençant par 1), SIRET-invariant sur Organization.identifier de sas-sos-organization-aggregator (value.matches('^3[0-9]{14}$')). Le `source` du constat nomme l'URL du profil et l'id de l'élément. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Organization\",\"meta\":{\"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator\"]},\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type\",\"code\":\"IDNST\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"95004722\"}],\"name\":\"CPTS AXE MAJEUR\"}",
        fix_fr: "Envoyez une valeur conforme à l'invariant nommé par le message (ici le FINESS complet de 10 chiffres commençant par 1, par exemple 1950047225).",
        what_en: "The invariants of a profile itself (FINESS-invariant, SIRET-invariant...) hold.",
        why_en: "Constraints declared by the SAS IG 1.1.0 profiles themselves and evaluated natively: FINESS-invariant on Organization.identifier of sas-cpts-organization-aggregator (value.matches('^1[0-9]{9}$'): a 10-digit FINESS starting with 1), SIRET-invariant on Organization.identifier of sas-sos-organization-aggregator (value.matches('^3[0-9]{14}$')). The finding's own `source` names the profile URL and the element id. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Organization\",\"meta\":{\"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator\"]},\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type\",\"code\":\"IDNST\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"95004722\"}],\"name\":\"CPTS AXE MAJEUR\"}",
        fix_en: "Send a value that satisfies the invariant the message names (here the full 10-digit FINESS starting with 1, for example 1950047225).",
    },
};
