//! RO1-PROF-009 `structure-not-available`.
//!
//! A resource of an R4 type the loaded definitions do not describe is said once per type, never left unchecked in silence.
//!
//! Reported by the engine when it chooses the structures of a resource
//! ([`crate::engine`]): no profile and no base definition of its type is
//! loaded, so only the JSON syntax and the hand rules apply to it.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-009 `structure-not-available`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-009",
    name: "structure-not-available",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "FHIR R4 StructureDefinitions (r4-core extract) and loaded IG packages",
    summary_fr: "Une ressource d'un type R4 que les définitions chargées ne décrivent pas est signalée une fois par type, jamais laissée sans contrôle en silence.",
    summary_en: "A resource of an R4 type the loaded definitions do not describe is said once per type, never left unchecked in silence.",
    doc: RuleDoc {
        what_fr: "Une ressource d'un type R4 que les définitions chargées ne décrivent pas est signalée une fois par type, jamais laissée sans contrôle en silence.",
        why_fr: "Le validateur structurel applique les StructureDefinitions qu'il connaît : celles des types R4 des trois flux SAS (extrait r4-core), les profils SAS et ceux d'un IG passé avec --ig. Une ressource d'un autre type R4 (Observation, Encounter...) n'a ni profil ni définition de base chargés : seules la syntaxe JSON et les règles métier s'y appliquent. Une information par type et par document le dit, pour que le manque soit visible.",
        example_fr: "sas-validate observation.json : une Observation, type R4 sans définition chargée",
        fix_fr: "Rien à corriger dans la ressource : chargez un paquet qui définit ce type (--ig), ou vérifiez-la avec le validateur HL7 ; ignorez ce constat si besoin (--ignore RO1-PROF-009).",
        what_en: "A resource of an R4 type the loaded definitions do not describe is said once per type, never left unchecked in silence.",
        why_en: "The structural validator applies the StructureDefinitions it knows: those of the R4 types of the three SAS flows (r4-core extract), the SAS profiles and those of an IG given with --ig. A resource of another R4 type (Observation, Encounter...) has neither a profile nor a base definition loaded: only the JSON syntax and the hand rules apply to it. One information finding per type and document says so, so that the gap is visible.",
        example_en: "sas-validate observation.json: an Observation, an R4 type without loaded definition",
        fix_en: "Nothing to fix in the resource: load a package that defines this type (--ig), or check it with the HL7 validator; ignore this finding if need be (--ignore RO1-PROF-009).",
    },
};
