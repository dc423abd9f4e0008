//! RO1-PROF-003 `profile-required-binding`.
//!
//! A code bound with strength 'required' by a profile belongs to the profile's value set.
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables; the finding's own `source` names the profile URL
//! and element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-003 `profile-required-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-003",
    name: "profile-required-binding",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "SAS IG 1.1.0 StructureDefinitions (binding required)",
    summary_fr: "Un code lié avec la force « required » par un profil appartient au jeu de valeurs du profil.",
    summary_en: "A code bound with strength 'required' by a profile belongs to the profile's value set.",
    doc: RuleDoc {
        what_fr: "Un code lié avec la force « required » par un profil appartient au jeu de valeurs du profil.",
        why_fr: "Snapshots des StructureDefinitions de l'IG SAS 1.1.0 (binding de force required) et jeux de valeurs du paquet, par exemple Slot.meta.security lié à sas-cpts-valueset-typecreneau (PUBLIC, PRO, SNP, CPTS) dans sas-cpts-slot-aggregator, Appointment.participant.status lié à sas-sos-valueset-participant-status dans sas-sos-appointment. Le `source` du constat nomme l'URL du profil et l'id de l'élément. Les bindings required de FHIR R4 de base relèvent de RO1-FHIR-005. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator\"],\"security\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau\",\"code\":\"PRIVE\"}]},…}",
        fix_fr: "Utilisez un code du jeu de valeurs nommé par le message, avec son système (ici TRE-R314-TypeCreneau et l'un de PUBLIC, PRO, SNP, CPTS).",
        what_en: "A code bound with strength 'required' by a profile belongs to the profile's value set.",
        why_en: "Snapshots of the SAS IG 1.1.0 StructureDefinitions (bindings of strength required) and the value sets of the package, for example Slot.meta.security bound to sas-cpts-valueset-typecreneau (PUBLIC, PRO, SNP, CPTS) in sas-cpts-slot-aggregator, Appointment.participant.status bound to sas-sos-valueset-participant-status in sas-sos-appointment. The finding's own `source` names the profile URL and the element id. Required bindings of base FHIR R4 belong to RO1-FHIR-005. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Slot\",\"meta\":{\"profile\":[\"https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator\"],\"security\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau\",\"code\":\"PRIVE\"}]},…}",
        fix_en: "Use a code of the value set the message names, with its system (here TRE-R314-TypeCreneau and one of PUBLIC, PRO, SNP, CPTS).",
    },
};
