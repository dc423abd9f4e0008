//! RO1-FHIR-009 `fhir-base-invariant`.
//!
//! The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the base definitions' tables (the invariant keys it evaluates natively);
//! the finding's own `source` names the base definition URL and element id
//! that carry the invariant (`http://hl7.org/fhir/StructureDefinition/Period#Period`).

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-FHIR-009 `fhir-base-invariant`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-009",
    name: "fhir-base-invariant",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 StructureDefinitions (constraint keys)",
    summary_fr: "Les invariants de base FHIR R4 non couverts par RO1-FHIR-006/007/008 sont respectés (per-1, cpt-2, ref-1, org-1, app-1..4 et les autres que nomment les définitions).",
    summary_en: "The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).",
    doc: RuleDoc {
        what_fr: "Les invariants de base FHIR R4 non couverts par RO1-FHIR-006/007/008 sont respectés (per-1, cpt-2, ref-1, org-1, app-1..4 et les autres que nomment les définitions).",
        why_fr: "StructureDefinitions de FHIR R4 (constraint des éléments, sévérité error) : chaque type de base déclare ses invariants, par exemple per-1 (Period : start ≤ end), org-1 (Organization : un identifier ou un name), cpt-2 (ContactPoint : system si value), ref-1 (Reference : référence locale vers une ressource contenue). Le `source` du constat nomme la définition de base et l'élément qui portent l'invariant (par exemple http://hl7.org/fhir/StructureDefinition/Period#Period) ; la liste des clés évaluées est dans docs/ARCHITECTURE.md. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Schedule\",\"planningHorizon\":{\"start\":\"2026-12-02T18:00:00+01:00\",\"end\":\"2026-12-02T08:00:00+01:00\"},…}",
        fix_fr: "Respectez l'invariant nommé par le message : ici une période dont start précède end (ou égale) ; une Organization avec identifier ou name ; un ContactPoint dont value a un system.",
        what_en: "The base FHIR R4 invariants not covered by RO1-FHIR-006/007/008 hold (per-1, cpt-2, ref-1, org-1, app-1..4 and the others the definitions name).",
        why_en: "FHIR R4 StructureDefinitions (element constraints, severity error): each base type declares its invariants, for example per-1 (Period: start ≤ end), org-1 (Organization: an identifier or a name), cpt-2 (ContactPoint: system when value), ref-1 (Reference: a local reference points at a contained resource). The finding's own `source` names the base definition and element that carry the invariant (for example http://hl7.org/fhir/StructureDefinition/Period#Period); the list of evaluated keys is in docs/ARCHITECTURE.md. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Schedule\",\"planningHorizon\":{\"start\":\"2026-12-02T18:00:00+01:00\",\"end\":\"2026-12-02T08:00:00+01:00\"},…}",
        fix_en: "Satisfy the invariant the message names: here a period whose start is before (or equal to) end; an Organization with an identifier or a name; a ContactPoint whose value has a system.",
    },
};
