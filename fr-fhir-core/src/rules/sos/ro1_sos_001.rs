//! RO1-SOS-001 `sos-reference-chain-resolves`.
//!
//! For SOS, the chain Slot → Schedule → Location → Organization fully resolves within the Bundle.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::{EntryInfo, MissingRef, RefField, RefInfo};
use crate::rules::support::graph::{
    Expect, FieldsSeen, Graph, check_resolves, no_reference, reference_element_absent,
};
use crate::rules::{Emitter, Scope, UseCase};

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

static EXPECT: Expect = Expect {
    rule: &RULE,
    scope: Scope::SOS,
    rtype: "Organization",
    what: "Location.managingOrganization",
};

/// A `Location.managingOrganization` reference (SOS) that names no
/// Organization entry; true when the reference is this rule's.
pub(crate) fn check_graph_reference(
    g: &Graph<'_, '_>,
    r: &RefInfo,
    t: u32,
    em: &mut Emitter<'_>,
) -> bool {
    if r.field != RefField::ManagingOrganization || g.uc != UseCase::SOS {
        return false;
    }
    check_resolves(g, r, t, &EXPECT, em);
    true
}

/// A `Location.managingOrganization` element without `reference` (SOS).
pub(crate) fn check_graph_bare_reference(g: &Graph<'_, '_>, m: &MissingRef, em: &mut Emitter<'_>) {
    if m.field == RefField::ManagingOrganization && g.uc == UseCase::SOS {
        no_reference(m, Scope::SOS, &RULE, EXPECT.what, em);
    }
}

/// A Location entry without `managingOrganization` (SOS).
pub(crate) fn check_graph_entry(
    g: &Graph<'_, '_>,
    seen: &FieldsSeen,
    pos: usize,
    e: &EntryInfo,
    em: &mut Emitter<'_>,
) {
    if g.uc == UseCase::SOS && g.ix.rtype(e) == "Location" {
        let field = RefField::ManagingOrganization;
        let child = "managingOrganization";
        reference_element_absent(g, seen, pos, e, field, child, Scope::SOS, &RULE, em);
    }
}
