//! RO1-SLOT-003 `slot-instant-valid`.
//!
//! start and end are valid FHIR instants: seconds and a time zone (Z or ±hh:mm, within -12:00..+14:00) are mandatory.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SLOT-003 `slot-instant-valid`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-003",
    name: "slot-instant-valid",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 datatype instant",
    summary_fr: "start et end sont des instants FHIR valides : secondes et fuseau (Z ou ±hh:mm, entre -12:00 et +14:00) obligatoires.",
    summary_en: "start and end are valid FHIR instants: seconds and a time zone (Z or ±hh:mm, within -12:00..+14:00) are mandatory.",
    doc: RuleDoc {
        what_fr: "Vérifie que Slot.start et Slot.end suivent la forme lexicale instant de FHIR R4 : date complète, heures, minutes, secondes, fraction facultative et fuseau obligatoire (Z ou un décalage ±hh:mm compris entre -12:00 et +14:00), avec une date calendaire réelle.",
        why_fr: "Type de données instant de FHIR R4 ; sans fuseau, l'heure du créneau est ambiguë pour le SAS. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:00\",\"end\":\"2024-06-12 08:20:00\"}",
        fix_fr: "Écrivez les dates avec secondes et décalage, par exemple 2024-06-12T08:00:00.000+02:00.",
        what_en: "Checks that Slot.start and Slot.end follow the FHIR R4 instant lexical form: full date, hours, minutes, seconds, optional fraction and a mandatory zone (Z or a ±hh:mm offset between -12:00 and +14:00), on a real calendar date.",
        why_en: "FHIR R4 instant datatype; without a zone, the slot time is ambiguous for the SAS. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Slot\",\"start\":\"2024-06-12T08:00\",\"end\":\"2024-06-12 08:20:00\"}",
        fix_en: "Write dates with seconds and offset, for example 2024-06-12T08:00:00.000+02:00.",
    },
};
