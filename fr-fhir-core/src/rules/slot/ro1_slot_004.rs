//! RO1-SLOT-004 `slot-instant-sas-format`.
//!
//! start and end are written exactly YYYY-MM-DDThh:mm:ss.sss±hh:mm (three fraction digits, numeric offset, no Z).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SLOT-004 `slot-instant-sas-format`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-004",
    name: "slot-instant-sas-format",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "agg-psindiv #45; kit validate_dates regex — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "start et end s'écrivent exactement AAAA-MM-JJThh:mm:ss.sss±hh:mm (trois décimales, décalage numérique, pas de Z).",
    summary_en: "start and end are written exactly YYYY-MM-DDThh:mm:ss.sss±hh:mm (three fraction digits, numeric offset, no Z).",
    doc: RuleDoc {
        what_fr: "En plus de la validité FHIR, vérifie que Slot.start et Slot.end ont exactement trois chiffres de fraction de seconde et un décalage numérique ±hh:mm ; Z, l'absence de fraction ou une autre précision sont signalés. Les décalages d'outre-mer (-04:00, +11:00…) sont acceptés.",
        why_fr: "Exigence agg-psindiv #45 (« AAAA-MM-DDTHH:MM:SS.000+0X:00 »), appliquée en erreur par le kit (validate_dates) ; lecture AMB-04 : erreur, car c'est une exigence SHALL que le kit fait échouer. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T06:00:00Z\",\"end\":\"2024-06-12T06:20:00Z\"}",
        fix_fr: "Formatez en heure de Paris avec millisecondes et décalage : 2024-06-12T08:00:00.000+02:00.",
        what_en: "On top of FHIR validity, checks that Slot.start and Slot.end have exactly three fraction-of-second digits and a numeric ±hh:mm offset; Z, no fraction or another precision are reported. Overseas offsets (-04:00, +11:00…) are accepted.",
        why_en: "Requirement agg-psindiv #45 ('AAAA-MM-DDTHH:MM:SS.000+0X:00'), enforced as an error by the kit (validate_dates); reading AMB-04: error, because it is a SHALL requirement the kit fails. Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T06:00:00Z\",\"end\":\"2024-06-12T06:20:00Z\"}",
        fix_en: "Format as Paris time with milliseconds and offset: 2024-06-12T08:00:00.000+02:00.",
    },
};
