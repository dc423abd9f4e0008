//! RO1-PROF-007 `profile-invariant-not-evaluated`.
//!
//! An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-007 `profile-invariant-not-evaluated`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-007",
    name: "profile-invariant-not-evaluated",
    severity: Severity::Information,
    scope: Scope::ALL,
    source: "IG invariants (ElementDefinition.constraint)",
    summary_fr: "Un invariant nommé par un profil et que le validateur n'évalue pas est signalé une fois par profil, jamais ignoré en silence.",
    summary_en: "An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.",
    doc: RuleDoc {
        what_fr: "Un invariant nommé par un profil et que le validateur n'évalue pas est signalé une fois par profil, jamais ignoré en silence.",
        why_fr: "Contraintes (ElementDefinition.constraint) des profils chargés, de l'IG SAS 1.1.0 ou d'un IG passé avec --ig : le validateur évalue nativement une liste documentée de clés (docs/ARCHITECTURE.md) et n'interprète pas de FHIRPath arbitraire. Une clé hors de cette liste donne une information, une fois par profil et par clé, pour que le manque soit visible et jamais silencieux. Le `source` du constat nomme l'URL du profil et l'id de l'élément qui porte la contrainte. Kit officiel ANS : le validateur HL7 évalue ces expressions.",
        example_fr: "--ig paquet-sas-1.2.0.tgz dont FrSlotAgregateur déclare sur Slot la contrainte sas-slot-1 « start.toString().length() > 10 » : une information par profil, quelle que soit la ressource",
        fix_fr: "Rien à corriger dans la ressource : vérifiez cet invariant avec le validateur HL7 (ou à la main), puis ignorez ce constat si besoin (--ignore RO1-PROF-007).",
        what_en: "An invariant a profile names and the validator does not evaluate is reported once per profile, never silently skipped.",
        why_en: "Constraints (ElementDefinition.constraint) of the loaded profiles, from the SAS IG 1.1.0 or an IG given with --ig: the validator evaluates a documented list of keys natively (docs/ARCHITECTURE.md) and does not interpret arbitrary FHIRPath. A key outside that list gives an information finding, once per profile and key, so that the gap is visible, never silent. The finding's own `source` names the profile URL and the id of the element that carries the constraint. Official ANS kit: the HL7 validator evaluates these expressions.",
        example_en: "--ig sas-package-1.2.0.tgz whose FrSlotAgregateur declares on Slot the constraint sas-slot-1 'start.toString().length() > 10': one information finding per profile, whatever the resource",
        fix_en: "Nothing to fix in the resource: check this invariant with the HL7 validator (or by hand), then ignore this finding if need be (--ignore RO1-PROF-007).",
    },
};
