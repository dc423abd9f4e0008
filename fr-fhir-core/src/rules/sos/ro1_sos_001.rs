//! RO1-SOS-001 `sos-reference-chain-resolves`.
//!
//! For SOS, the chain Slot → Schedule → Location → Organization fully resolves within the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::Scope;
use crate::rules::index::RefField;
use crate::rules::support::graph::Expect;

/// RO1-SOS-001 `sos-reference-chain-resolves`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-SOS-001",
    name: "sos-reference-chain-resolves",
    severity: Severity::Error,
    scope: Scope::SOS,
    source: "sas-sos-* profiles (reference 1..1)",
    summary_fr: "En SOS, la chaîne Slot → Schedule → Location → Organization se résout entièrement dans le Bundle.",
    summary_en: "For SOS, the chain Slot → Schedule → Location → Organization fully resolves within the Bundle.",
    doc: RuleDoc {
        what_fr: "Vérifie que Slot.schedule désigne un Schedule du Bundle, que Schedule.actor désigne un Location du Bundle et que Location.managingOrganization.reference désigne une Organization du Bundle.",
        why_fr: "Profils sas-sos-* (références 1..1) ; c'est ce chemin qui rattache un créneau à son association SOS Médecins. Kit officiel ANS : non vérifié.",
        example_fr: "{\"resourceType\":\"Location\",\"id\":\"pfg1\",\"managingOrganization\":{\"reference\":\"Organization/inconnue\"},…}",
        fix_fr: "Incluez chaque ressource de la chaîne et référencez-la par \"Type/id\".",
        what_en: "Checks that Slot.schedule points to a Schedule of the Bundle, that Schedule.actor points to a Location of the Bundle and that Location.managingOrganization.reference points to an Organization of the Bundle.",
        why_en: "sas-sos-* profiles (references 1..1); this path is what ties a slot to its SOS Médecins association. Official ANS kit: not checked.",
        example_en: "{\"resourceType\":\"Location\",\"id\":\"pfg1\",\"managingOrganization\":{\"reference\":\"Organization/inconnue\"},…}",
        fix_en: "Include every resource of the chain and reference it as \"Type/id\".",
    },
};

/// `Location.managingOrganization` (SOS): present, with a `reference`
/// naming an Organization entry.
pub(crate) static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::SOS,
    field: RefField::ManagingOrganization,
    what: "Location.managingOrganization",
    rtype: Some("Organization"),
};
