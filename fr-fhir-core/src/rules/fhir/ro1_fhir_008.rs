//! RO1-FHIR-008 `extension-url-and-value`.
//!
//! Every Extension has a url and exactly one of value\[x\] or nested extensions (ext-1); an unknown modifierExtension is an error.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-FHIR-008 `extension-url-and-value`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-008",
    name: "extension-url-and-value",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 ext-1, modifier rules",
    summary_fr: "Chaque Extension a une url et exactement l'un de value[x] ou d'extensions imbriquées (ext-1) ; un modifierExtension inconnu est une erreur.",
    summary_en: "Every Extension has a url and exactly one of value[x] or nested extensions (ext-1); an unknown modifierExtension is an error.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque extension porte url et soit une valeur value[x], soit des sous-extensions, mais pas les deux ni aucune ; un modifierExtension que le validateur ne connaît pas est signalé, car il change le sens de la ressource et ne peut pas être ignoré.",
        why_fr: "Invariant ext-1 et règles des modifierExtension de FHIR R4. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: r#"{"serviceType":[{"extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType"}]}]}"#,
        fix_fr: "Ajoutez la valeur attendue (ici valueReference) à l'extension, ou retirez l'extension.",
        what_en: "Checks that every extension carries url and either a value[x] or sub-extensions, but not both and not neither; a modifierExtension the validator does not know is reported, because it changes the meaning of the resource and cannot be ignored.",
        why_en: "FHIR R4 invariant ext-1 and modifierExtension rules. Official ANS kit: checked only through the HL7 validator.",
        example_en: r#"{"serviceType":[{"extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType"}]}]}"#,
        fix_en: "Add the expected value (here valueReference) to the extension, or remove the extension.",
    },
};
