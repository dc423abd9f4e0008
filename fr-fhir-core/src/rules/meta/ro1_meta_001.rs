//! RO1-META-001 `meta-profile-sas-canonical`.
//!
//! Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;

/// RO1-META-001 `meta-profile-sas-canonical`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-META-001",
    name: "meta-profile-sas-canonical",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG pages 'Validateur ressources' (needed by the validator); the official kit selects resources only by meta.profile — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "Chaque ressource, Bundle et Location contenue compris, déclare dans meta.profile l'URL canonique du profil SAS attendu.",
    summary_en: "Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.",
    doc: RuleDoc {
        what_fr: "Vérifie que meta.profile de chaque ressource contient l'URL canonique du profil SAS correspondant à son type et au cas d'usage (par exemple http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur pour un Slot PS, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator pour un Slot CPTS).",
        why_fr: "Les pages « Validateur ressources » de l'IG en ont besoin pour valider, et le kit officiel ne trouve les ressources qu'à travers meta.profile : une ressource sans profil est ignorée par ses tests. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: r#"{"resourceType":"Slot","meta":{"profile":["http://interopsante.org/fhir/StructureDefinition/FrSlot"]}}"#,
        fix_fr: "Ajoutez dans meta.profile de chaque ressource l'URL canonique de son profil SAS : http://sas.fr/fhir/StructureDefinition/<profil> pour les profils PS, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-… pour les profils CPTS et SOS.",
        what_en: "Checks that the meta.profile of every resource contains the canonical URL of the SAS profile matching its type and use case (for example http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur for a PS Slot, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator for a CPTS Slot).",
        why_en: "The IG 'Validateur ressources' pages need it for validation, and the official kit finds resources only through meta.profile: a resource without the profile is skipped by its tests. Official ANS kit: checked by a dedicated assertion.",
        example_en: r#"{"resourceType":"Slot","meta":{"profile":["http://interopsante.org/fhir/StructureDefinition/FrSlot"]}}"#,
        fix_en: "Add to the meta.profile of every resource the canonical URL of its SAS profile: http://sas.fr/fhir/StructureDefinition/<profile> for the PS profiles, https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-… for the CPTS and SOS profiles.",
    },
};
