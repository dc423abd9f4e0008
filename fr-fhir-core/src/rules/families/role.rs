//! PractitionerRole and its contained Location: RO1-ROLE-*, RO1-LOC-*, RO1-REF-003.
//!
//! RO1-ROLE-003 (the practitioner resolves in the Bundle) is a graph rule.
//! RO1-ROLE-008 checks the specialties against TRE_R38 only: the content of
//! the value set `fr-practioner-role-exercice` (PractitionerRole.code) is not
//! among the sources (FR Core 1.1.0 package not found), so `code` is not
//! judged.

use crate::finding::{RuleMeta, Severity};
use crate::ids::{
    IDNST, Idnst, OID_IDNST, SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE, SYSTEM_FR_V2_0203,
};
use crate::json::Span;
use crate::model::{
    CodeableConcept, Identifier, Location, PractitionerRole, Reference, Resource, Visitor, Walk,
};
use crate::rules::loc::ro1_loc_001;
use crate::rules::loc::ro1_loc_002;
use crate::rules::loc::ro1_loc_003;
use crate::rules::loc::ro1_loc_004;
use crate::rules::loc::ro1_loc_005;
use crate::rules::r#ref::ro1_ref_003;
use crate::rules::role::ro1_role_001;
use crate::rules::role::ro1_role_002;
use crate::rules::role::ro1_role_004;
use crate::rules::role::ro1_role_005;
use crate::rules::role::ro1_role_006;
use crate::rules::role::ro1_role_007;
use crate::rules::role::ro1_role_008;
use crate::rules::support::identifier_type::{match_type, report_type};
use crate::rules::support::location::{check_address, identifier_parts};
use crate::rules::support::phone::check_phone;
use crate::rules::support::terminology::{TRE_R38, is_tre_r38_code};
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_role_001::RULE,
    &ro1_role_002::RULE,
    &ro1_role_004::RULE,
    &ro1_role_005::RULE,
    &ro1_role_006::RULE,
    &ro1_role_007::RULE,
    &ro1_role_008::RULE,
    &ro1_loc_001::RULE,
    &ro1_loc_002::RULE,
    &ro1_loc_003::RULE,
    &ro1_loc_004::RULE,
    &ro1_loc_005::RULE,
    &ro1_ref_003::RULE,
];

/// PractitionerRole profiles are PS/CPTS ones.
const SCOPE: Scope = Scope::PS_CPTS;

/// Location identifier types of FR Core (`fr-location-identifier-type`).
const LOCATION_ID_TYPES: &[&str] = &["INTRN", "EXTRN", "GLBL", "IDNST"];

/// Checks one PractitionerRole.
pub fn check(r: &PractitionerRole<'_>, _e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    check_contained(r, em);
    check_location_ref(r, em);
    check_organization(r, em);
    for t in &r.telecom {
        check_phone(t, SCOPE, &ro1_role_007::RULE, em);
    }
    check_specialties(&r.specialty, em);
}

/// RO1-ROLE-001, RO1-REF-003 and the contained Location rules.
fn check_contained(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    if r.contained.is_empty() {
        em.missing(
            SCOPE,
            &ro1_role_001::RULE,
            r.span,
            "contained",
            "PractitionerRole sans ressource contenue : le lieu de consultation (Location) doit y figurer".into(),
            "PractitionerRole without contained resources: the place of consultation (Location) belongs there".into(),
        );
    } else if !r.contained.iter().any(|c| matches!(c, Resource::Location(_)))
        && let Some(first) = r.contained.first()
    {
        em.at(
                SCOPE,
                &ro1_role_001::RULE,
                first.span(),
                format!("ressource contenue {} : le lieu de consultation (Location) est attendu dans contained", first.resource_type()),
                format!("contained {}: the place of consultation (Location) is expected in contained", first.resource_type()),
            );
    }
    for c in &r.contained {
        check_referenced(r, c, em);
        if let Resource::Location(loc) = c {
            check_contained_location(loc, em);
        }
    }
}

/// RO1-REF-003: some `#id` of the container names the contained resource
/// (FHIR dom-3). Resources of types this crate does not model are skipped:
/// their id is not read.
fn check_referenced(r: &PractitionerRole<'_>, c: &Resource<'_>, em: &mut Emitter<'_>) {
    if matches!(c, Resource::Other(_)) {
        return;
    }
    let Some(id) = c.id() else {
        em.at(
            SCOPE,
            &ro1_ref_003::RULE,
            c.span(),
            format!(
                "{} contenu sans id : aucune référence #id ne peut le désigner",
                c.resource_type()
            ),
            format!("contained {} without an id: no #id reference can name it", c.resource_type()),
        );
        return;
    };
    let mut finder = LocalRef { id: id.as_str(), found: false };
    r.walk(&mut finder);
    if !finder.found {
        em.at(
            SCOPE,
            &ro1_ref_003::RULE,
            c.span(),
            format!(
                "{} contenu {} : aucune référence `#{}` du PractitionerRole ne le désigne",
                c.resource_type(),
                quote(id.as_str()),
                id.as_str()
            ),
            format!(
                "contained {} {}: no `#{}` reference of the PractitionerRole names it",
                c.resource_type(),
                quote(id.as_str()),
                id.as_str()
            ),
        );
    }
}

/// Looks for a `#id` reference anywhere in the container.
struct LocalRef<'i> {
    id: &'i str,
    found: bool,
}

impl<'a> Visitor<'a> for LocalRef<'_> {
    fn reference(&mut self, r: &Reference<'a>) {
        if let Some(text) = &r.reference {
            self.found |= text.as_str().strip_prefix('#') == Some(self.id);
        }
    }
}

/// RO1-ROLE-002: one `location`, a `#id` naming a contained Location.
fn check_location_ref(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    let Some(first) = r.location.first() else {
        em.missing(
            SCOPE,
            &ro1_role_002::RULE,
            r.span,
            "location",
            "PractitionerRole sans location : une référence `#id` vers la Location contenue est attendue".into(),
            "PractitionerRole without location: a `#id` reference to the contained Location is expected".into(),
        );
        return;
    };
    for extra in r.location.iter().skip(1) {
        em.at(
            SCOPE,
            &ro1_role_002::RULE,
            extra.span,
            "location en trop : un PractitionerRole par lieu de consultation, donc une seule location".into(),
            "extra location: one PractitionerRole per place of consultation, so a single location".into(),
        );
    }
    let Some(text) = &first.reference else {
        em.missing(
            SCOPE,
            &ro1_role_002::RULE,
            first.span,
            "reference",
            "location sans reference : `#id` de la Location contenue attendu".into(),
            "location without reference: `#id` of the contained Location expected".into(),
        );
        return;
    };
    let s = text.as_str();
    let problem = match s.strip_prefix('#') {
        None => Some((
            "référence non locale : la Location doit être contenue et référencée par `#id`"
                .to_owned(),
            "not a local reference: the Location must be contained and referenced as `#id`"
                .to_owned(),
        )),
        Some(id) => match r.contained.iter().find(|c| c.id().is_some_and(|i| i == id)) {
            None => Some((
                format!("aucune ressource contenue n'a l'id {}", quote(id)),
                format!("no contained resource has id {}", quote(id)),
            )),
            Some(Resource::Location(_)) => None,
            Some(other) => Some((
                format!(
                    "`#{id}` désigne un(e) {} contenu(e), pas une Location",
                    other.resource_type()
                ),
                format!("`#{id}` names a contained {}, not a Location", other.resource_type()),
            )),
        },
    };
    if let Some((fr, en)) = problem {
        em.at(
            SCOPE,
            &ro1_role_002::RULE,
            text.span,
            format!("location {} : {fr}", quote(s)),
            format!("location {}: {en}", quote(s)),
        );
    }
}

/// RO1-ROLE-004/005/006 on the logical reference to the structure.
fn check_organization(r: &PractitionerRole<'_>, em: &mut Emitter<'_>) {
    let (fr, en) = (
        "identifiant national de la structure d'exercice absent (FINESS, SIRET ou RPPS-rang préfixé)",
        "national id of the practice structure missing (prefixed FINESS, SIRET or RPPS-rang)",
    );
    let id = match &r.organization {
        None => {
            em.missing(
                SCOPE,
                &ro1_role_004::RULE,
                r.span,
                "organization.identifier",
                fr.into(),
                en.into(),
            );
            return;
        }
        Some(org) => match &org.identifier {
            None => {
                em.missing(
                    SCOPE,
                    &ro1_role_004::RULE,
                    org.span,
                    "identifier",
                    fr.into(),
                    en.into(),
                );
                return;
            }
            Some(id) => id,
        },
    };
    check_organization_system_type(id, em);
    match &id.value {
        None => em.missing(SCOPE, &ro1_role_004::RULE, id.span, "value", fr.into(), en.into()),
        Some(v) => check_organization_value(v.as_str(), v.span, em),
    }
}

/// RO1-ROLE-005 (AMB-22): missing system/type is a warning, a different one
/// an error; the IDNST code in another FR code system is a warning (AMB-10).
fn check_organization_system_type(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    match &id.system {
        None => em.push(
            SCOPE,
            crate::finding::Finding::missing(
                &ro1_role_005::RULE,
                id.span,
                "system",
                crate::finding::Message::new(
                    format!("organization.identifier sans system : {OID_IDNST} attendu"),
                    format!("organization.identifier without system: {OID_IDNST} expected"),
                ),
            )
            .with_severity(Severity::Warning),
        ),
        Some(s) if s != OID_IDNST => em.at(
            SCOPE,
            &ro1_role_005::RULE,
            s.span,
            format!(
                "system {} : {OID_IDNST} attendu (identifiant national de structure)",
                quote(s.as_str())
            ),
            format!("system {}: {OID_IDNST} expected (national structure id)", quote(s.as_str())),
        ),
        Some(_) => {}
    }
    match &id.type_ {
        None => em.push(
            SCOPE,
            crate::finding::Finding::missing(
                &ro1_role_005::RULE,
                id.span,
                "type",
                crate::finding::Message::new(
                    format!(
                        "organization.identifier sans type : {SYSTEM_FR_V2_0203}#IDNST attendu"
                    ),
                    format!(
                        "organization.identifier without type: {SYSTEM_FR_V2_0203}#IDNST expected"
                    ),
                ),
            )
            .with_severity(Severity::Warning),
        ),
        Some(ty) => {
            let tolerated = [SYSTEM_FR_CORE_V2_0203, SYSTEM_FR_LOCATION_ID_TYPE];
            let m = match_type(ty, SYSTEM_FR_V2_0203, IDNST, &tolerated);
            report_type(em, SCOPE, &ro1_role_005::RULE, ty, m, SYSTEM_FR_V2_0203, IDNST);
        }
    }
}

/// RO1-ROLE-006: one of the forms the kit accepts. A RPPS-rang outside the
/// kit form is only warned about by RO1-ID-009 (AMB-21).
fn check_organization_value(v: &str, span: Span, em: &mut Emitter<'_>) {
    let problem = match Idnst::parse_form(v) {
        Err(e) => Some(e.message()),
        Ok(id @ (Idnst::Siren(_) | Idnst::Finess(_))) => {
            id.check_sas_form().err().map(|e| e.message())
        }
        Ok(_) => None,
    };
    if let Some(m) = problem {
        em.at(
            SCOPE,
            &ro1_role_006::RULE,
            span,
            format!("{} n'est pas un IDNST admis (1 + FINESS, 3 + SIRET, 4 + RPPS-rang, 0 + ADELI-rang) : {}", quote(v), m.fr),
            format!("{} is not an accepted IDNST (1 + FINESS, 3 + SIRET, 4 + RPPS-rang, 0 + ADELI-rang): {}", quote(v), m.en),
        );
    }
}

/// RO1-ROLE-008 (specialty part): each coded specialty has a TRE_R38
/// coding; text only is a warning (AMB-08), an unknown TRE_R38 code too
/// (newer NOS releases add codes).
fn check_specialties(list: &[CodeableConcept<'_>], em: &mut Emitter<'_>) {
    for sp in list {
        let Some(first) = sp.coding.first() else {
            if sp.text.is_some() {
                em.at_sev(
                    SCOPE,
                    &ro1_role_008::RULE,
                    Severity::Warning,
                    sp.span,
                    "spécialité en texte seul : la liaison obligatoire fr-practitioner-specialty attend un code TRE_R38".into(),
                    "text-only specialty: the required binding fr-practitioner-specialty expects a TRE_R38 code".into(),
                );
            }
            continue;
        };
        let in_r38 =
            |c: &&crate::model::Coding<'_>| c.system.as_ref().is_some_and(|s| s == TRE_R38);
        let Some(r38) = sp.coding.iter().find(in_r38) else {
            match &first.system {
                Some(sys) => em.at(
                    SCOPE,
                    &ro1_role_008::RULE,
                    sys.span,
                    format!("spécialité codée dans {} : un codage TRE_R38-SpecialiteOrdinale ({TRE_R38}) est obligatoire", quote(sys.as_str())),
                    format!("specialty coded in {}: a TRE_R38-SpecialiteOrdinale coding ({TRE_R38}) is required", quote(sys.as_str())),
                ),
                None => em.missing(
                    SCOPE,
                    &ro1_role_008::RULE,
                    first.span,
                    "system",
                    format!("spécialité codée sans système : {TRE_R38} attendu"),
                    format!("specialty coded without a system: {TRE_R38} expected"),
                ),
            }
            continue;
        };
        let known = sp
            .coding
            .iter()
            .filter(in_r38)
            .any(|c| c.code.as_ref().is_some_and(|k| is_tre_r38_code(k.as_str())));
        if known {
            continue;
        }
        match &r38.code {
            None => em.missing(
                SCOPE,
                &ro1_role_008::RULE,
                r38.span,
                "code",
                "spécialité TRE_R38 sans code (par ex. SM54)".into(),
                "TRE_R38 specialty without a code (e.g. SM54)".into(),
            ),
            Some(k) => em.at_sev(
                SCOPE,
                &ro1_role_008::RULE,
                Severity::Warning,
                k.span,
                format!(
                    "code {} inconnu de TRE_R38-SpecialiteOrdinale (version NOS 0.1.0)",
                    quote(k.as_str())
                ),
                format!(
                    "code {} is not in TRE_R38-SpecialiteOrdinale (NOS release 0.1.0)",
                    quote(k.as_str())
                ),
            ),
        }
    }
}

/// RO1-LOC-001, 002, 003, 004, 005 on the Location contained in a role.
fn check_contained_location(loc: &Location<'_>, em: &mut Emitter<'_>) {
    if loc.identifier.is_empty() {
        em.missing(
            SCOPE,
            &ro1_loc_001::RULE,
            loc.span,
            "identifier",
            "Location sans identifiant : un identifiant du lieu (type, system, value) est obligatoire".into(),
            "Location without an identifier: an id of the place (type, system, value) is mandatory".into(),
        );
    }
    for id in &loc.identifier {
        identifier_parts(
            id,
            SCOPE,
            &ro1_loc_001::RULE,
            ("identifiant du lieu", "place identifier"),
            em,
        );
        if let Some(ty) = &id.type_ {
            check_location_id_type(ty, em);
        }
    }
    check_address(loc, SCOPE, em);
    check_contained_meta(loc, em);
}

/// RO1-LOC-005: extensible binding, hence a warning.
fn check_location_id_type(ty: &CodeableConcept<'_>, em: &mut Emitter<'_>) {
    let ok = ty.coding.iter().any(|c| {
        c.system.as_ref().is_some_and(|s| s == SYSTEM_FR_LOCATION_ID_TYPE)
            && c.code.as_ref().is_some_and(|k| LOCATION_ID_TYPES.contains(&k.as_str()))
    });
    if ok {
        return;
    }
    let expected = "fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST)";
    let (span, found_fr, found_en) = match ty.coding.first() {
        None => (ty.span, "texte seul".to_owned(), "text only".to_owned()),
        Some(c) => match (&c.system, &c.code) {
            (Some(s), _) if s != SYSTEM_FR_LOCATION_ID_TYPE => {
                (s.span, quote(s.as_str()), quote(s.as_str()))
            }
            (None, _) => {
                (c.span, "codage sans système".to_owned(), "coding without a system".to_owned())
            }
            (_, Some(k)) => (k.span, quote(k.as_str()), quote(k.as_str())),
            (_, None) => {
                (c.span, "codage sans code".to_owned(), "coding without a code".to_owned())
            }
        },
    };
    em.at(
        SCOPE,
        &ro1_loc_005::RULE,
        span,
        format!("type d'identifiant du lieu {found_fr} : attendu {expected}"),
        format!("place identifier type {found_en}: expected {expected}"),
    );
}

/// RO1-LOC-004: a contained resource has no version, no security label and
/// no contained resources of its own (dom-2, dom-4, dom-5).
fn check_contained_meta(loc: &Location<'_>, em: &mut Emitter<'_>) {
    if let Some(meta) = &loc.meta {
        let mut report = |span: Span, what: &str| {
            em.at(
                SCOPE,
                &ro1_loc_004::RULE,
                span,
                format!("meta.{what} interdit dans une ressource contenue (dom-4/dom-5)"),
                format!("meta.{what} is not allowed in a contained resource (dom-4/dom-5)"),
            );
        };
        if let Some(v) = &meta.version_id {
            report(v.span, "versionId");
        }
        if let Some(v) = &meta.last_updated {
            report(v.span, "lastUpdated");
        }
        for s in &meta.security {
            report(s.span, "security");
        }
    }
    for nested in &loc.contained {
        em.at(
            SCOPE,
            &ro1_loc_004::RULE,
            nested.span(),
            format!(
                "{} contenu dans une ressource elle-même contenue (dom-2)",
                nested.resource_type()
            ),
            format!("{} contained in a contained resource (dom-2)", nested.resource_type()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{CPTS, PS, SOS, of_rule, patch, run};
    use serde_json::json;

    const R: &str = "/entry/13/resource";
    const E: &str = "Bundle.entry[13].resource";
    const L: &str = "/entry/13/resource/contained/0";

    fn mine(src: &str) -> Vec<(String, String, Severity)> {
        run(src, None).into_iter().filter(|f| RULES.iter().any(|r| r.id == f.0)).collect()
    }

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E}.{path}"), sev)]
    }

    #[test]
    fn valid_examples_are_clean() {
        for src in [PS, CPTS, SOS] {
            assert_eq!(mine(src), []);
        }
    }

    #[test]
    fn role_001_contained_location() {
        let doc = patch(PS, &format!("{R}/contained"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-001"), at("contained", Severity::Error));
        let doc = patch(PS, &format!("{L}/resourceType"), Some(json!("Organization")));
        let doc = patch(&doc, &format!("{L}/address"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-001"), at("contained[0]", Severity::Error));
    }

    #[test]
    fn role_002_location_reference() {
        let doc = patch(PS, &format!("{R}/location"), None);
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-002"), at("location", Severity::Error));
        let doc =
            patch(PS, &format!("{R}/location/0/reference"), Some(json!("Location/lieu-lyon3")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/location/0"), Some(json!({"display": "Cabinet"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-002"),
            at("location[0].reference", Severity::Error)
        );
        let two = json!([{"reference": "#lieu-lyon3"}, {"reference": "#lieu-lyon3"}]);
        let doc = patch(PS, &format!("{R}/location"), Some(two));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-002"), at("location[1]", Severity::Error));
    }

    #[test]
    fn ref_003_unreferenced_contained() {
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), at("contained[0]", Severity::Error));
        let doc = patch(PS, &format!("{L}/id"), None);
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), at("contained[0]", Severity::Error));
        // A reference from elsewhere in the container counts (dom-3).
        let doc = patch(PS, &format!("{R}/location/0/reference"), Some(json!("#autre")));
        let doc = patch(
            &doc,
            &format!("{R}/healthcareService"),
            Some(json!([{"reference": "#lieu-lyon3"}])),
        );
        assert_eq!(of_rule(&doc, None, "RO1-REF-003"), []);
    }

    #[test]
    fn role_004_structure_id_present() {
        let doc = patch(PS, &format!("{R}/organization"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/organization"), Some(json!({"display": "Cabinet"})));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{R}/organization/identifier/value"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-004"),
            at("organization.identifier.value", Severity::Error)
        );
    }

    #[test]
    fn role_005_system_and_type() {
        let o = format!("{R}/organization/identifier");
        let doc = patch(PS, &format!("{o}/system"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.system", Severity::Warning)
        );
        let doc = patch(PS, &format!("{o}/type"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type", Severity::Warning)
        );
        let doc = patch(PS, &format!("{o}/system"), Some(json!("https://finess.esante.gouv.fr")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.system", Severity::Error)
        );
        let doc = patch(PS, &format!("{o}/type/coding/0/code"), Some(json!("FINEG")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type.coding[0].code", Severity::Error)
        );
        let doc =
            patch(PS, &format!("{o}/type/coding/0/system"), Some(json!(SYSTEM_FR_CORE_V2_0203)));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-005"),
            at("organization.identifier.type.coding[0].system", Severity::Warning)
        );
    }

    #[test]
    fn role_006_structure_id_forms() {
        let v = format!("{R}/organization/identifier/value");
        for bad in ["2902134766", "385312046700", "12A0000014", "9123"] {
            let doc = patch(PS, &v, Some(json!(bad)));
            assert_eq!(
                of_rule(&doc, None, "RO1-ROLE-006"),
                at("organization.identifier.value", Severity::Error),
                "{bad}"
            );
        }
        for good in ["1690041272", "412345678912345", "4F58000880311022013", "0751234567"] {
            let doc = patch(PS, &v, Some(json!(good)));
            assert_eq!(of_rule(&doc, None, "RO1-ROLE-006"), [], "{good}");
        }
    }

    #[test]
    fn role_007_phone() {
        let doc = patch(PS, &format!("{R}/telecom/0/value"), Some(json!("04 65 71 20 40")));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-007"), at("telecom[0].value", Severity::Warning));
    }

    #[test]
    fn role_008_specialties() {
        let sp = format!("{R}/specialty");
        let r38 = |code: &str| json!([{"coding": [{"system": TRE_R38, "code": code}]}]);
        let doc = patch(PS, &sp, Some(r38("SM54")));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-008"), []);
        let doc = patch(PS, &sp, Some(r38("SM99")));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].code", Severity::Warning)
        );
        let doc = patch(
            PS,
            &sp,
            Some(json!([{"coding": [{"system": "http://snomed.info/sct", "code": "394814009"}]}])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].system", Severity::Error)
        );
        let doc = patch(PS, &sp, Some(json!([{"text": "Médecine générale"}])));
        assert_eq!(of_rule(&doc, None, "RO1-ROLE-008"), at("specialty[0]", Severity::Warning));
        let doc = patch(PS, &sp, Some(json!([{"coding": [{"system": TRE_R38}]}])));
        assert_eq!(
            of_rule(&doc, None, "RO1-ROLE-008"),
            at("specialty[0].coding[0].code", Severity::Error)
        );
    }

    #[test]
    fn loc_001_identifier() {
        let doc = patch(PS, &format!("{L}/identifier"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-001"),
            at("contained[0].identifier", Severity::Error)
        );
        let doc = patch(PS, &format!("{L}/identifier/0/system"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-001"),
            at("contained[0].identifier[0].system", Severity::Error)
        );
    }

    #[test]
    fn loc_002_003_address() {
        let doc = patch(PS, &format!("{L}/address"), None);
        assert_eq!(of_rule(&doc, None, "RO1-LOC-002"), at("contained[0].address", Severity::Error));
        let doc = patch(PS, &format!("{L}/address/city"), None);
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.city", Severity::Error)
        );
        let doc = patch(
            PS,
            &format!("{L}/address/line"),
            Some(json!(["42 rue Paul Bert", "Bâtiment B"])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-002"),
            at("contained[0].address.line[1]", Severity::Error)
        );
        let doc = patch(PS, &format!("{L}/address/postalCode"), Some(json!("6900A")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-003"),
            at("contained[0].address.postalCode", Severity::Error)
        );
    }

    #[test]
    fn loc_004_contained_meta() {
        let doc = patch(PS, &format!("{L}/meta/versionId"), Some(json!("3")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-004"),
            at("contained[0].meta.versionId", Severity::Error)
        );
        let doc = patch(
            PS,
            &format!("{L}/contained"),
            Some(json!([{"resourceType": "Location", "id": "x"}])),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-004"),
            at("contained[0].contained[0]", Severity::Error)
        );
    }

    #[test]
    fn loc_005_identifier_type() {
        let doc = patch(
            PS,
            &format!("{L}/identifier/0/type"),
            Some(json!({"text": "identifiant du cabinet"})),
        );
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-005"),
            at("contained[0].identifier[0].type", Severity::Warning)
        );
        let doc = patch(PS, &format!("{L}/identifier/0/type/coding/0/code"), Some(json!("XX")));
        assert_eq!(
            of_rule(&doc, None, "RO1-LOC-005"),
            at("contained[0].identifier[0].type.coding[0].code", Severity::Warning)
        );
    }

    #[test]
    fn role_rules_do_not_apply_to_sos() {
        let doc = patch(PS, &format!("{R}/organization"), None);
        assert_eq!(of_rule(&doc, Some(crate::rules::UseCase::SOS), "RO1-ROLE-004"), []);
    }
}
