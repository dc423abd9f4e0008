//! RO1-PROF-004 `extensible-binding`.
//!
//! A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).
//!
//! Reported by the structural validator ([`crate::conformance::walk`]) from
//! the definitions' tables, for value sets whose codes are listed; the
//! finding's own `source` names the profile (or base definition) URL and
//! element id it comes from.

use crate::engine::scope::Scope;
use crate::finding::{RuleDoc, RuleMeta, Severity};

/// RO1-PROF-004 `extensible-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-PROF-004",
    name: "extensible-binding",
    severity: Severity::Warning,
    scope: Scope::ALL,
    source: "FHIR R4 and SAS IG bindings (extensible)",
    summary_fr: "Un code lié avec la force « extensible » à un jeu de valeurs énumérable en fait partie (sinon, un code d'un autre système peut être justifié).",
    summary_en: "A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).",
    doc: RuleDoc {
        what_fr: "Un code lié avec la force « extensible » à un jeu de valeurs énumérable en fait partie (sinon, un code d'un autre système peut être justifié).",
        why_fr: "Bindings de force extensible de FHIR R4 et des profils de l'IG SAS 1.1.0 : le code doit venir du jeu de valeurs quand un code de celui-ci convient ; un autre code n'est admis que si aucun ne convient, d'où un avertissement et non une erreur. Vérifié seulement quand le jeu de valeurs est énumérable (ses codes sont listés dans les définitions chargées) ; sinon rien n'est signalé. Le `source` du constat nomme l'URL du profil (ou de la définition de base) et l'id de l'élément, par exemple FrAppointmentSAS#Appointment.participant.type. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS\"]},\"participant\":[{\"type\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ParticipationType\",\"code\":\"MEDECIN\"}]}],\"status\":\"accepted\",…}],…}",
        fix_fr: "Prenez le code dans le jeu de valeurs nommé par le message quand l'un convient (ici un code de encounter-participant-type, par exemple PPRF) ; sinon gardez votre code d'un autre système et ignorez ce constat en connaissance de cause (--ignore).",
        what_en: "A code bound with strength 'extensible' to an enumerable value set belongs to it (otherwise a code from another system may be justified).",
        why_en: "Extensible bindings of FHIR R4 and of the SAS IG 1.1.0 profiles: the code must come from the value set when one of its codes fits; another code is allowed only when none fits, hence a warning, not an error. Checked only when the value set is enumerable (its codes are listed in the loaded definitions); otherwise nothing is reported. The finding's own `source` names the profile URL (or the base definition's) and the element id, for example FrAppointmentSAS#Appointment.participant.type. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS\"]},\"participant\":[{\"type\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ParticipationType\",\"code\":\"MEDECIN\"}]}],\"status\":\"accepted\",…}],…}",
        fix_en: "Take the code from the value set the message names when one fits (here a code of encounter-participant-type, for example PPRF); otherwise keep your code from another system and ignore this finding knowingly (--ignore).",
    },
};
