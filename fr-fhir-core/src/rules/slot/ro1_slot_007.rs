//! RO1-SLOT-007 `slot-security-type-creneau`.
//!
//! Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-SLOT-007 `slot-security-type-creneau`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SLOT-007",
    name: "slot-security-type-creneau",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "Required bindings (JDV_J165 / sas-cpts-valueset-typecreneau / sas-sos-valueset-typecreneau); agg-psindiv #23, #46 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.meta.security porte au moins un type de créneau TRE_R314 autorisé pour le cas d'usage (PS : PUBLIC, PRO, SNP ; CPTS : plus CPTS ; SOS : PUBLIC, SNP).",
    summary_en: "Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).",
    doc: RuleDoc {
        what_fr: "Vérifie que meta.security a au moins un codage, que chacun a le système https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau et un code permis : PS = JDV_J165 (PUBLIC, PRO, SNP ; CPTS seulement dans le JDV 2024), CPTS = PUBLIC, PRO, SNP, CPTS, SOS = PUBLIC, SNP. Plusieurs codes peuvent être combinés.",
        why_fr: "Liaisons obligatoires JDV_J165, sas-cpts-valueset-typecreneau et sas-sos-valueset-typecreneau ; exigences agg-psindiv #23 et #46. Lectures AMB-15 (CPTS accepté sur un Slot PS), AMB-19 (« private » n'est pas un code) et AMB-33 (CPTS combinable avec d'autres types). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Slot","meta":{"security":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"private"}]}}"#,
        fix_fr: "Codez le type de créneau dans meta.security avec le système TRE_R314 et un code permis (PUBLIC, PRO, SNP, et CPTS en CPTS).",
        what_en: "Checks that meta.security has at least one coding, that each has the system https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau and an allowed code: PS = JDV_J165 (PUBLIC, PRO, SNP; CPTS only in the 2024 JDV), CPTS = PUBLIC, PRO, SNP, CPTS, SOS = PUBLIC, SNP. Several codes may be combined.",
        why_en: "Required bindings JDV_J165, sas-cpts-valueset-typecreneau and sas-sos-valueset-typecreneau; requirements agg-psindiv #23 and #46. Readings AMB-15 (CPTS accepted on a PS Slot), AMB-19 ('private' is not a code) and AMB-33 (CPTS may be combined with other types). Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Slot","meta":{"security":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau","code":"private"}]}}"#,
        fix_en: "Code the slot type in meta.security with the TRE_R314 system and an allowed code (PUBLIC, PRO, SNP, and CPTS for CPTS).",
    },
};
