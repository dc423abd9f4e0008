//! RO1-FHIR-005 `fhir-required-binding`.
//!
//! Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).
//!
//! Covers the codes inside resources: Identifier.use, ContactPoint.system and
//! .use, Address.use and .type, HumanName.use, Narrative.status,
//! Practitioner.gender, Location.status, .mode and
//! hoursOfOperation.daysOfWeek, in resources, contained resources and
//! extension values. Left to the specific rules, which already report every
//! wrong code there: `Slot.status` (RO1-SLOT-001), `Slot.identifier.use`
//! (RO1-SLOT-016), the SOS Location days (RO1-SOS-006), Bundle codes
//! (bundle rules) and OperationOutcome codes (outcome rules).

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::{
    Address, Code, ContactPoint, Extension, HumanName, Identifier, Location, Narrative, Resource,
    Value, Visitor, Walk,
};
use crate::rules::support::location::DAYS_OF_WEEK;
use crate::rules::support::terminology::IDENTIFIER_USE_CODES;
use crate::rules::{Emitter, Scope, quote};

/// RO1-FHIR-005 `fhir-required-binding`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-005",
    name: "fhir-required-binding",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 required bindings",
    summary_fr: "Les codes liés en force « required » dans FHIR R4 viennent de leur jeu de valeurs (genre administratif, usage d'identifiant, système et usage de ContactPoint, jours de la semaine, search.mode, statut de Slot…).",
    summary_en: "Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).",
    doc: RuleDoc {
        what_fr: "Vérifie que les codes des éléments à liaison obligatoire de FHIR R4 appartiennent à leur ValueSet : administrative-gender, identifier-use, contact-point-system/use, address-use, days-of-week, search-entry-mode, slot-status, bundle-type, issue-severity, issue-type ; link.relation est une chaîne libre.",
        why_fr: "Liaisons « required » de FHIR R4 : un code hors du jeu de valeurs rend la ressource invalide quel que soit le profil. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"telecom\":[{\"system\":\"mobile\",\"value\":\"+33612345678\"}]}",
        fix_fr: "Employez un code du jeu de valeurs (ici system = \"phone\", et use = \"mobile\" pour dire qu'il s'agit d'un portable).",
        what_en: "Checks that the codes of base FHIR R4 elements with a required binding belong to their ValueSet: administrative-gender, identifier-use, contact-point-system/use, address-use, days-of-week, search-entry-mode, slot-status, bundle-type, issue-severity, issue-type; link.relation is a free string.",
        why_en: "FHIR R4 required bindings: a code outside the value set makes the resource invalid whatever the profile. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"telecom\":[{\"system\":\"mobile\",\"value\":\"+33612345678\"}]}",
        fix_en: "Use a code of the value set (here system = \"phone\", and use = \"mobile\" to say it is a mobile number).",
    },
};

/// A FHIR R4 value set with a required binding: its name and codes.
struct ValueSet {
    name: &'static str,
    codes: &'static [&'static str],
}

const IDENTIFIER_USE: ValueSet = ValueSet { name: "identifier-use", codes: IDENTIFIER_USE_CODES };
const CONTACT_POINT_SYSTEM: ValueSet = ValueSet {
    name: "contact-point-system",
    codes: &["phone", "fax", "email", "pager", "url", "sms", "other"],
};
const CONTACT_POINT_USE: ValueSet =
    ValueSet { name: "contact-point-use", codes: &["home", "work", "temp", "old", "mobile"] };
const ADDRESS_USE: ValueSet =
    ValueSet { name: "address-use", codes: &["home", "work", "temp", "old", "billing"] };
const ADDRESS_TYPE: ValueSet =
    ValueSet { name: "address-type", codes: &["postal", "physical", "both"] };
const NAME_USE: ValueSet = ValueSet {
    name: "name-use",
    codes: &["usual", "official", "temp", "nickname", "anonymous", "old", "maiden"],
};
const NARRATIVE_STATUS: ValueSet = ValueSet {
    name: "narrative-status",
    codes: &["generated", "extensions", "additional", "empty"],
};
const ADMINISTRATIVE_GENDER: ValueSet =
    ValueSet { name: "administrative-gender", codes: &["male", "female", "other", "unknown"] };
const LOCATION_STATUS: ValueSet =
    ValueSet { name: "location-status", codes: &["active", "suspended", "inactive"] };
const LOCATION_MODE: ValueSet = ValueSet { name: "location-mode", codes: &["instance", "kind"] };
const DAYS: ValueSet = ValueSet { name: "days-of-week", codes: DAYS_OF_WEEK };

/// Checks the required-binding codes of a resource (contained ones included).
pub(crate) fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    let skip: &[Identifier<'_>] = match res {
        Resource::Slot(s) => &s.identifier,
        _ => &[],
    };
    res.walk(&mut Datatypes { em, skip });
    check_fields(res, true, em);
}

/// Identifiers and the datatypes carried by extensions, anywhere.
struct Datatypes<'e, 'o, 's, 'a> {
    em: &'e mut Emitter<'o>,
    skip: &'s [Identifier<'a>],
}

impl<'a> Visitor<'a> for Datatypes<'_, '_, '_, '_> {
    fn identifier(&mut self, i: &Identifier<'a>) {
        if !self.skip.iter().any(|s| s.span == i.span) {
            code(self.em, Scope::ALL, i.use_.as_ref(), &IDENTIFIER_USE, "Identifier.use");
        }
    }

    fn extension(&mut self, e: &Extension<'a>) {
        match &e.value {
            Some(Value::ContactPoint(c)) => contact_point(self.em, c),
            Some(Value::Address(a)) => address(self.em, a),
            Some(Value::HumanName(n)) => human_name(self.em, n),
            _ => {}
        }
    }
}

/// The coded elements of the resource itself, then of its contained ones.
fn check_fields(res: &Resource<'_>, top: bool, em: &mut Emitter<'_>) {
    match res {
        Resource::Slot(x) => narrative(em, x.text.as_ref()),
        Resource::Schedule(x) => narrative(em, x.text.as_ref()),
        Resource::Practitioner(x) => {
            narrative(em, x.text.as_ref());
            x.telecom.iter().for_each(|c| contact_point(em, c));
            x.address.iter().for_each(|a| address(em, a));
            x.name.iter().for_each(|n| human_name(em, n));
            code(em, Scope::ALL, x.gender.as_ref(), &ADMINISTRATIVE_GENDER, "Practitioner.gender");
        }
        Resource::PractitionerRole(x) => {
            narrative(em, x.text.as_ref());
            x.telecom.iter().for_each(|c| contact_point(em, c));
        }
        Resource::Location(x) => location(em, x, top),
        Resource::Organization(x) => {
            narrative(em, x.text.as_ref());
            x.telecom.iter().for_each(|c| contact_point(em, c));
            x.address.iter().for_each(|a| address(em, a));
        }
        Resource::HealthcareService(x) => {
            narrative(em, x.text.as_ref());
            x.telecom.iter().for_each(|c| contact_point(em, c));
        }
        Resource::Bundle(_) | Resource::OperationOutcome(_) | Resource::Other(_) => {}
    }
    for c in res.contained() {
        check_fields(c, false, em);
    }
}

fn location(em: &mut Emitter<'_>, x: &Location<'_>, top: bool) {
    narrative(em, x.text.as_ref());
    x.telecom.iter().for_each(|c| contact_point(em, c));
    if let Some(a) = &x.address {
        address(em, a);
    }
    code(em, Scope::ALL, x.status.as_ref(), &LOCATION_STATUS, "Location.status");
    code(em, Scope::ALL, x.mode.as_ref(), &LOCATION_MODE, "Location.mode");
    // An SOS place (a Bundle entry) has RO1-SOS-006 for its days.
    let days_scope = if top { Scope::PS_CPTS } else { Scope::ALL };
    for h in &x.hours_of_operation {
        for d in &h.days_of_week {
            code(em, days_scope, Some(d), &DAYS, "Location.hoursOfOperation.daysOfWeek");
        }
    }
}

fn narrative(em: &mut Emitter<'_>, n: Option<&Narrative<'_>>) {
    code(em, Scope::ALL, n.and_then(|n| n.status.as_ref()), &NARRATIVE_STATUS, "Narrative.status");
}

fn contact_point(em: &mut Emitter<'_>, c: &ContactPoint<'_>) {
    code(em, Scope::ALL, c.system.as_ref(), &CONTACT_POINT_SYSTEM, "ContactPoint.system");
    code(em, Scope::ALL, c.use_.as_ref(), &CONTACT_POINT_USE, "ContactPoint.use");
}

fn address(em: &mut Emitter<'_>, a: &Address<'_>) {
    code(em, Scope::ALL, a.use_.as_ref(), &ADDRESS_USE, "Address.use");
    code(em, Scope::ALL, a.type_.as_ref(), &ADDRESS_TYPE, "Address.type");
}

fn human_name(em: &mut Emitter<'_>, n: &HumanName<'_>) {
    code(em, Scope::ALL, n.use_.as_ref(), &NAME_USE, "HumanName.use");
}

/// Reports `c` when it is not a code of `vs`.
fn code(em: &mut Emitter<'_>, scope: Scope, c: Option<&Code<'_>>, vs: &ValueSet, element: &str) {
    let Some(c) = c else { return };
    if vs.codes.contains(&c.as_str()) {
        return;
    }
    report(em, scope, c.span, c.as_str(), vs, element);
}

fn report(
    em: &mut Emitter<'_>,
    scope: Scope,
    span: Span,
    found: &str,
    vs: &ValueSet,
    element: &str,
) {
    let expected = vs.codes.join(", ");
    em.at(
        scope,
        &RULE,
        span,
        format!(
            "{element} {} hors du jeu de valeurs FHIR R4 {} (liaison obligatoire) : attendu {expected}",
            quote(found),
            vs.name
        ),
        format!(
            "{element} {} is not in the FHIR R4 value set {} (required binding): expected {expected}",
            quote(found),
            vs.name
        ),
    );
}
