//! The rule catalogue of the SAS slot search (SPEC §7): one static
//! [`RuleMeta`] per rule, listed in catalogue order by [`RULES`].
//!
//! A rule is addressed by its stable ID (`RO1-SLOT-004`) or by its readable
//! kebab-case name (`slot-instant-sas-format`), see [`by_id`]. The severity
//! is the catalogue's default: a few rules lower or raise it case by case
//! (their summaries say when, following the readings of SPEC §8). The long
//! documentation shown by `sas-validate explain` lives in
//! [`super::docs`].
//!
//! This file is data. When the catalogue changes, edit the rule here and its
//! entry in `docs.rs`: the tests compare both with `rule-catalogue.csv`.

use crate::finding::{RuleMeta, Severity};

/// RO1-REQ-001 `request-get-slot-path`: The PS/CPTS slot search is a GET on \[base\]/Slot with no request body.
pub static RO1_REQ_001: RuleMeta = RuleMeta {
    id: "RO1-REQ-001",
    name: "request-get-slot-path",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG PS/CPTS page 'Construction de la requête de base'; CapabilityStatement SAS-GestionnaireAgenda-PsIndiv/-CPTS (search-type on Slot) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "La recherche de créneaux PS/CPTS est un GET sur [base]/Slot, sans corps de requête.",
    summary_en: "The PS/CPTS slot search is a GET on [base]/Slot with no request body.",
};

/// RO1-REQ-002 `request-get-schedule-path`: The SOS Médecins slot search is a GET on \[base\]/Schedule.
pub static RO1_REQ_002: RuleMeta = RuleMeta {
    id: "RO1-REQ-002",
    name: "request-get-schedule-path",
    severity: Severity::Error,
    scope: "SOS",
    source: "IG SOS page; CapabilityStatement SAS-GestionnaireAgenda-SOS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "La recherche de créneaux SOS Médecins est un GET sur [base]/Schedule.",
    summary_en: "The SOS Médecins slot search is a GET on [base]/Schedule.",
};

/// RO1-REQ-003 `request-start-ge-and-le`: The request carries exactly one start parameter with prefix ge and one with prefix le, each a valid FHIR date or dateTime.
pub static RO1_REQ_003: RuleMeta = RuleMeta {
    id: "RO1-REQ-003",
    name: "request-start-ge-and-le",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG search table ids 1-2; SearchParameter slot-sp-start (comparators ge, le; multipleAnd true, multipleOr false); agg-psindiv #26 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "La requête porte exactement un paramètre start préfixé ge et un préfixé le, chacun étant une date ou dateTime FHIR valide.",
    summary_en: "The request carries exactly one start parameter with prefix ge and one with prefix le, each a valid FHIR date or dateTime.",
};

/// RO1-REQ-004 `request-window-bounds-ordered`: The lower bound (ge) of the search window is not after its upper bound (le).
pub static RO1_REQ_004: RuleMeta = RuleMeta {
    id: "RO1-REQ-004",
    name: "request-window-bounds-ordered",
    severity: Severity::Error,
    scope: "PS,CPTS,SOS",
    source: "Derived from window semantics",
    summary_fr: "La borne basse (ge) de la fenêtre de recherche n'est pas postérieure à sa borne haute (le).",
    summary_en: "The lower bound (ge) of the search window is not after its upper bound (le).",
};

/// RO1-REQ-005 `request-window-at-most-72h`: The search window does not exceed 72 hours.
pub static RO1_REQ_005: RuleMeta = RuleMeta {
    id: "RO1-REQ-005",
    name: "request-window-at-most-72h",
    severity: Severity::Warning,
    scope: "PS,CPTS,SOS",
    source: "Test kit lib/sas_test_kit/aggregation/setup_helper.rb (not stated in the IG)",
    summary_fr: "La fenêtre de recherche ne dépasse pas 72 heures.",
    summary_en: "The search window does not exceed 72 hours.",
};

/// RO1-REQ-006 `request-practitioner-ids-1-to-25`: The schedule.actor:Practitioner.identifier parameter is present once and lists 1 to 25 comma-separated tokens.
pub static RO1_REQ_006: RuleMeta = RuleMeta {
    id: "RO1-REQ-006",
    name: "request-practitioner-ids-1-to-25",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG search table id 3 (1..25); agg-psindiv #29 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le paramètre schedule.actor:Practitioner.identifier est présent une seule fois et liste de 1 à 25 jetons séparés par des virgules.",
    summary_en: "The schedule.actor:Practitioner.identifier parameter is present once and lists 1 to 25 comma-separated tokens.",
};

/// RO1-REQ-007 `request-practitioner-token-idnps`: Each practitioner token is urn:oid:1.2.250.1.71.4.2.1|\<IDNPS\>, the IDNPS being prefixed (8 + RPPS or 0 + ADELI).
pub static RO1_REQ_007: RuleMeta = RuleMeta {
    id: "RO1-REQ-007",
    name: "request-practitioner-token-idnps",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG PS page example + 'le préfixe correspondant à l'identifiant sera transmis'; FAQ prefixes — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Chaque jeton praticien vaut urn:oid:1.2.250.1.71.4.2.1|<IDNPS>, l'IDNPS étant préfixé (8 + RPPS ou 0 + ADELI).",
    summary_en: "Each practitioner token is urn:oid:1.2.250.1.71.4.2.1|<IDNPS>, the IDNPS being prefixed (8 + RPPS or 0 + ADELI).",
};

/// RO1-REQ-008 `request-status-free`: The request carries status=free, exactly that value.
pub static RO1_REQ_008: RuleMeta = RuleMeta {
    id: "RO1-REQ-008",
    name: "request-status-free",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG search table id 4; agg-psindiv #27 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "La requête porte status=free, exactement cette valeur.",
    summary_en: "The request carries status=free, exactly that value.",
};

/// RO1-REQ-009 `request-includes-schedule-actor`: The request asks for _include=Slot:schedule and _include:iterate=Schedule:actor.
pub static RO1_REQ_009: RuleMeta = RuleMeta {
    id: "RO1-REQ-009",
    name: "request-includes-schedule-actor",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "IG PS/CPTS pages; agg-psindiv #28, #30; CapabilityStatement searchInclude — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "La requête demande _include=Slot:schedule et _include:iterate=Schedule:actor.",
    summary_en: "The request asks for _include=Slot:schedule and _include:iterate=Schedule:actor.",
};

/// RO1-REQ-010 `request-cpts-includes`: For CPTS, the request also asks for _include=Slot:service-type-reference and _include:iterate=HealthcareService:organization.
pub static RO1_REQ_010: RuleMeta = RuleMeta {
    id: "RO1-REQ-010",
    name: "request-cpts-includes",
    severity: Severity::Error,
    scope: "CPTS",
    source: "IG CPTS page; SearchParameter cptsslot-sp-servicetype; CapabilityStatement SAS-GestionnaireAgenda-CPTS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "En CPTS, la requête demande aussi _include=Slot:service-type-reference et _include:iterate=HealthcareService:organization.",
    summary_en: "For CPTS, the request also asks for _include=Slot:service-type-reference and _include:iterate=HealthcareService:organization.",
};

/// RO1-REQ-011 `request-sos-includes`: For SOS, the request asks for _revinclude=Slot:schedule, _include=Schedule:actor:Location and _include:iterate=Location:organization.
pub static RO1_REQ_011: RuleMeta = RuleMeta {
    id: "RO1-REQ-011",
    name: "request-sos-includes",
    severity: Severity::Error,
    scope: "SOS",
    source: "IG SOS page; CapabilityStatement SAS-GestionnaireAgenda-SOS — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "En SOS, la requête demande _revinclude=Slot:schedule, _include=Schedule:actor:Location et _include:iterate=Location:organization.",
    summary_en: "For SOS, the request asks for _revinclude=Slot:schedule, _include=Schedule:actor:Location and _include:iterate=Location:organization.",
};

/// RO1-REQ-012 `request-sos-has-slot-params`: For SOS, the request carries _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… and _has:Slot:schedule:status=free.
pub static RO1_REQ_012: RuleMeta = RuleMeta {
    id: "RO1-REQ-012",
    name: "request-sos-has-slot-params",
    severity: Severity::Error,
    scope: "SOS",
    source: "IG SOS page and FAQ SOS #5 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "En SOS, la requête porte _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… et _has:Slot:schedule:status=free.",
    summary_en: "For SOS, the request carries _has:Slot:schedule:start=ge…, _has:Slot:schedule:start=le… and _has:Slot:schedule:status=free.",
};

/// RO1-REQ-013 `request-sos-siret-tokens`: For SOS, actor:Location.organization.identifier lists 1 to 25 urn:oid:1.2.250.1.71.4.2.2|3\<SIRET\> tokens (warning above 10).
pub static RO1_REQ_013: RuleMeta = RuleMeta {
    id: "RO1-REQ-013",
    name: "request-sos-siret-tokens",
    severity: Severity::Error,
    scope: "SOS",
    source: "IG SOS page (table id 3) vs specifications_fonctionnelles.md — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_fonctionnelles.html",
    summary_fr: "En SOS, actor:Location.organization.identifier liste 1 à 25 jetons urn:oid:1.2.250.1.71.4.2.2|3<SIRET> (avertissement au-delà de 10).",
    summary_en: "For SOS, actor:Location.organization.identifier lists 1 to 25 urn:oid:1.2.250.1.71.4.2.2|3<SIRET> tokens (warning above 10).",
};

/// RO1-REQ-014 `request-params-listed-by-ig`: A parameter the IG does not list (_count, _format…) is tolerated: it is reported as a warning, not as an error.
pub static RO1_REQ_014: RuleMeta = RuleMeta {
    id: "RO1-REQ-014",
    name: "request-params-listed-by-ig",
    severity: Severity::Warning,
    scope: "ALL",
    source: "FAQ examples carry `_count=1000`; base URL template allows `_format` — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un paramètre non listé par l'IG (_count, _format…) est toléré : il est signalé en avertissement, pas en erreur.",
    summary_en: "A parameter the IG does not list (_count, _format…) is tolerated: it is reported as a warning, not as an error.",
};

/// RO1-REQ-015 `request-accept-fhir-json`: The request Accept header is application/json+fhir (IG) or application/fhir+json.
pub static RO1_REQ_015: RuleMeta = RuleMeta {
    id: "RO1-REQ-015",
    name: "request-accept-fhir-json",
    severity: Severity::Warning,
    scope: "ALL",
    source: "IG 'Caractéristiques de l'API' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "L'en-tête Accept de la requête vaut application/json+fhir (IG) ou application/fhir+json.",
    summary_en: "The request Accept header is application/json+fhir (IG) or application/fhir+json.",
};

/// RO1-HTTP-001 `success-is-searchset-bundle`: A 2xx answer carries a searchset Bundle; an empty result is a 200 with total 0, never a 404.
pub static RO1_HTTP_001: RuleMeta = RuleMeta {
    id: "RO1-HTTP-001",
    name: "success-is-searchset-bundle",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG 'Réponse de base -- Succès' (success = request executable, 0..n matches) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une réponse 2xx porte un Bundle searchset ; un résultat vide est un 200 avec total 0, jamais un 404.",
    summary_en: "A 2xx answer carries a searchset Bundle; an empty result is a 200 with total 0, never a 404.",
};

/// RO1-HTTP-002 `failure-is-4xx-5xx-outcome`: A failed search answers 4xx or 5xx with an OperationOutcome; any other status (1xx, 3xx, 2xx other than 200 with a Bundle) is an error.
pub static RO1_HTTP_002: RuleMeta = RuleMeta {
    id: "RO1-HTTP-002",
    name: "failure-is-4xx-5xx-outcome",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG 'Réponse de base -- Echec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une recherche en échec répond 4xx ou 5xx avec un OperationOutcome ; tout autre statut (1xx, 3xx, 2xx autre que 200 + Bundle) est une erreur.",
    summary_en: "A failed search answers 4xx or 5xx with an OperationOutcome; any other status (1xx, 3xx, 2xx other than 200 with a Bundle) is an error.",
};

/// RO1-HTTP-003 `response-content-type-json`: The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.
pub static RO1_HTTP_003: RuleMeta = RuleMeta {
    id: "RO1-HTTP-003",
    name: "response-content-type-json",
    severity: Severity::Error,
    scope: "ALL",
    source: "Test kit slot_search_setup (warning); IG encoding UTF-8 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le Content-Type de la réponse déclare du JSON : un type non JSON est une erreur, application/json au lieu de application/fhir+json ou l'absence de charset un avertissement.",
    summary_en: "The response Content-Type declares JSON: a non-JSON type is an error, application/json instead of application/fhir+json or a missing charset is a warning.",
};

/// RO1-HTTP-004 `body-is-bundle-or-outcome`: The body is UTF-8 JSON whose resourceType is Bundle (2xx) or OperationOutcome (4xx/5xx).
pub static RO1_HTTP_004: RuleMeta = RuleMeta {
    id: "RO1-HTTP-004",
    name: "body-is-bundle-or-outcome",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG; FHIR R4 JSON format — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le corps est du JSON UTF-8 dont le resourceType est Bundle (2xx) ou OperationOutcome (4xx/5xx).",
    summary_en: "The body is UTF-8 JSON whose resourceType is Bundle (2xx) or OperationOutcome (4xx/5xx).",
};

/// RO1-BODY-001 `body-not-fhir-json`: The response body is usable FHIR JSON: not empty, not HTML or text, well-formed JSON, a resource with a known resourceType.
///
/// Not a row of the catalogue: SPEC §10 (report contract) makes a broken body
/// a finding of its own instead of a tool failure; see [`REPORT_RULES`].
pub static RO1_BODY_001: RuleMeta = RuleMeta {
    id: "RO1-BODY-001",
    name: "body-not-fhir-json",
    severity: Severity::Fatal,
    scope: "ALL",
    source: "SPEC §10 report contract; FHIR R4 JSON format — https://hl7.org/fhir/R4/json.html",
    summary_fr: "Le corps de la réponse est du JSON FHIR exploitable : ni vide, ni HTML ou texte, du JSON bien formé, une ressource au resourceType connu.",
    summary_en: "The response body is usable FHIR JSON: not empty, not HTML or text, well-formed JSON, a resource with a known resourceType.",
};

/// RO1-FLOW-001 `exchange-flow-not-supported`: An exchange of another SAS flow (appointments INT_R03, regulator accounts INT_R02) found in a capture is named, not validated as a slot search.
///
/// Not a row of the catalogue: see [`REPORT_RULES`].
pub static RO1_FLOW_001: RuleMeta = RuleMeta {
    id: "RO1-FLOW-001",
    name: "exchange-flow-not-supported",
    severity: Severity::Information,
    scope: "ALL",
    source: "SPEC §2.9, §2.10 (INT_R03 appointments, INT_R02 regulator accounts)",
    summary_fr: "Un échange d'un autre flux SAS (rendez-vous INT_R03, comptes régulateurs INT_R02) présent dans une capture est signalé, pas validé comme une recherche de créneaux.",
    summary_en: "An exchange of another SAS flow (appointments INT_R03, regulator accounts INT_R02) found in a capture is named, not validated as a slot search.",
};

/// RO1-HTTP-005 `response-within-7s`: The answer arrives within 7 s for 1 to 25 practitioners; the kit's 1 s threshold for one practitioner is given as information.
pub static RO1_HTTP_005: RuleMeta = RuleMeta {
    id: "RO1-HTTP-005",
    name: "response-within-7s",
    severity: Severity::Error,
    scope: "PS,CPTS,SOS",
    source: "IG annexes.md 'Performance attendue'; test kit performance_group — https://interop.esante.gouv.fr/ig/fhir/sas/annexes.html",
    summary_fr: "La réponse arrive en 7 s au plus pour 1 à 25 praticiens ; le seuil de 1 s du kit pour un praticien est donné à titre d'information.",
    summary_en: "The answer arrives within 7 s for 1 to 25 practitioners; the kit's 1 s threshold for one practitioner is given as information.",
};

/// RO1-JSON-001 `json-no-empty-element`: No empty element: no empty string, empty array, empty object or null; absent data is omitted.
pub static RO1_JSON_001: RuleMeta = RuleMeta {
    id: "RO1-JSON-001",
    name: "json-no-empty-element",
    severity: Severity::Error,
    scope: "ALL",
    source: "FAQ PS #10 and SOS #6; FHIR R4 JSON rules — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Aucun élément vide : ni chaîne vide, ni tableau vide, ni objet vide, ni null ; une donnée absente est omise.",
    summary_en: "No empty element: no empty string, empty array, empty object or null; absent data is omitted.",
};

/// RO1-FHIR-001 `fhir-json-value-types`: Every JSON value has the JSON type FHIR R4 prescribes for its element; a repeating element is always an array, a singleton never is.
pub static RO1_FHIR_001: RuleMeta = RuleMeta {
    id: "RO1-FHIR-001",
    name: "fhir-json-value-types",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 JSON format",
    summary_fr: "Chaque valeur JSON a le type que FHIR R4 prescrit pour son élément ; un élément répétable est toujours un tableau, un singleton jamais.",
    summary_en: "Every JSON value has the JSON type FHIR R4 prescribes for its element; a repeating element is always an array, a singleton never is.",
};

/// RO1-FHIR-002 `fhir-no-unknown-property`: No unknown property: every key is an element of the resource or datatype (or its _x sibling), and resourceType is a known type spelled with its exact case.
pub static RO1_FHIR_002: RuleMeta = RuleMeta {
    id: "RO1-FHIR-002",
    name: "fhir-no-unknown-property",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 JSON format",
    summary_fr: "Aucune propriété inconnue : chaque clé est un élément de la ressource ou du type de données (ou son jumeau _x), et resourceType est un type connu écrit avec sa casse exacte.",
    summary_en: "No unknown property: every key is an element of the resource or datatype (or its _x sibling), and resourceType is a known type spelled with its exact case.",
};

/// RO1-FHIR-003 `fhir-primitive-lexical-form`: Every primitive matches its FHIR R4 lexical rule (id, uri, code, date, dateTime, instant, time, integers, decimal, boolean).
pub static RO1_FHIR_003: RuleMeta = RuleMeta {
    id: "RO1-FHIR-003",
    name: "fhir-primitive-lexical-form",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 datatypes",
    summary_fr: "Chaque primitive respecte sa forme lexicale FHIR R4 (id, uri, code, date, dateTime, instant, time, entiers, decimal, boolean).",
    summary_en: "Every primitive matches its FHIR R4 lexical rule (id, uri, code, date, dateTime, instant, time, integers, decimal, boolean).",
};

/// RO1-FHIR-004 `fhir-base-cardinality`: The base FHIR R4 cardinalities (min and max) of every modeled resource and datatype hold, on top of the SAS profile ones.
pub static RO1_FHIR_004: RuleMeta = RuleMeta {
    id: "RO1-FHIR-004",
    name: "fhir-base-cardinality",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 StructureDefinitions",
    summary_fr: "Les cardinalités de base FHIR R4 (min et max) de chaque ressource et type de données modélisés sont respectées, en plus de celles des profils SAS.",
    summary_en: "The base FHIR R4 cardinalities (min and max) of every modeled resource and datatype hold, on top of the SAS profile ones.",
};

/// RO1-FHIR-005 `fhir-required-binding`: Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).
pub static RO1_FHIR_005: RuleMeta = RuleMeta {
    id: "RO1-FHIR-005",
    name: "fhir-required-binding",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 required bindings",
    summary_fr: "Les codes liés en force « required » dans FHIR R4 viennent de leur jeu de valeurs (genre administratif, usage d'identifiant, système et usage de ContactPoint, jours de la semaine, search.mode, statut de Slot…).",
    summary_en: "Codes bound with strength 'required' in base FHIR R4 come from their value set (administrative gender, identifier use, contact point system and use, days of week, search mode, slot status…).",
};

/// RO1-FHIR-006 `bundle-invariants-bdl`: The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.
pub static RO1_FHIR_006: RuleMeta = RuleMeta {
    id: "RO1-FHIR-006",
    name: "bundle-invariants-bdl",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 Bundle invariants",
    summary_fr: "Les invariants du Bundle FHIR R4 (bdl-1 à bdl-5, bdl-7, bdl-8) sont respectés.",
    summary_en: "The FHIR R4 Bundle invariants (bdl-1 to bdl-5, bdl-7, bdl-8) hold.",
};

/// RO1-FHIR-007 `contained-resource-rules`: Contained resources have unique ids within their container, no nested contained (dom-2), and every id is a valid FHIR id.
pub static RO1_FHIR_007: RuleMeta = RuleMeta {
    id: "RO1-FHIR-007",
    name: "contained-resource-rules",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 dom-2, dom-3 and contained rules",
    summary_fr: "Les ressources contenues ont des id uniques dans leur conteneur, pas de contained imbriqué (dom-2), et chaque id est un id FHIR valide.",
    summary_en: "Contained resources have unique ids within their container, no nested contained (dom-2), and every id is a valid FHIR id.",
};

/// RO1-FHIR-008 `extension-url-and-value`: Every Extension has a url and exactly one of value\[x\] or nested extensions (ext-1); an unknown modifierExtension is an error.
pub static RO1_FHIR_008: RuleMeta = RuleMeta {
    id: "RO1-FHIR-008",
    name: "extension-url-and-value",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 ext-1, modifier rules",
    summary_fr: "Chaque Extension a une url et exactement l'un de value[x] ou d'extensions imbriquées (ext-1) ; un modifierExtension inconnu est une erreur.",
    summary_en: "Every Extension has a url and exactly one of value[x] or nested extensions (ext-1); an unknown modifierExtension is an error.",
};

/// RO1-META-001 `meta-profile-sas-canonical`: Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.
pub static RO1_META_001: RuleMeta = RuleMeta {
    id: "RO1-META-001",
    name: "meta-profile-sas-canonical",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG pages 'Validateur ressources' (needed by the validator); the official kit selects resources only by meta.profile — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "Chaque ressource, Bundle et Location contenue compris, déclare dans meta.profile l'URL canonique du profil SAS attendu.",
    summary_en: "Every resource, including the Bundle and the contained Location, declares the expected SAS profile canonical URL in meta.profile.",
};

/// RO1-BUNDLE-001 `bundle-type-searchset`: The answer is a Bundle of type searchset.
pub static RO1_BUNDLE_001: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-001",
    name: "bundle-type-searchset",
    severity: Severity::Error,
    scope: "ALL",
    source: "BundleAgregateur/-CPTS/-SOS pattern searchset; agg-psindiv #13, #14 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-BundleAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/ressources_casusage.html",
    summary_fr: "La réponse est un Bundle de type searchset.",
    summary_en: "The answer is a Bundle of type searchset.",
};

/// RO1-BUNDLE-002 `bundle-total-present`: Bundle.total is present and is 0 when nothing matches.
pub static RO1_BUNDLE_002: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-002",
    name: "bundle-total-present",
    severity: Severity::Error,
    scope: "ALL",
    source: "sas-cpts/sos-bundle-aggregator total 1..1; IG 'Le service indique le total' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "Bundle.total est présent et vaut 0 quand rien ne correspond.",
    summary_en: "Bundle.total is present and is 0 when nothing matches.",
};

/// RO1-BUNDLE-003 `bundle-total-matches-count`: Bundle.total is not smaller than the number of matches (error) and does not exceed it (warning).
pub static RO1_BUNDLE_003: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-003",
    name: "bundle-total-matches-count",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 search semantics; kit validate_cardinality (warning: total == number of Slot entries)",
    summary_fr: "Bundle.total n'est pas inférieur au nombre de résultats (erreur) et ne le dépasse pas (avertissement).",
    summary_en: "Bundle.total is not smaller than the number of matches (error) and does not exceed it (warning).",
};

/// RO1-BUNDLE-004 `bundle-single-self-link`: For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.
pub static RO1_BUNDLE_004: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-004",
    name: "bundle-single-self-link",
    severity: Severity::Error,
    scope: "CPTS,SOS",
    source: "sas-cpts/sos-bundle-aggregator link 1..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "En CPTS et SOS, Bundle.link contient exactement un lien, le lien self ; il est recommandé en PS.",
    summary_en: "For CPTS and SOS, Bundle.link holds exactly one link, the self link; it is recommended for PS.",
};

/// RO1-BUNDLE-005 `self-link-echoes-request`: The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.
pub static RO1_BUNDLE_005: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-005",
    name: "self-link-echoes-request",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "Test kit bundle_url_equal_url (error on parameter mismatch, warning on string mismatch)",
    summary_fr: "Les paramètres du lien self sont ceux de la requête (multiensemble sans ordre, après décodage) ; une chaîne d'URL différente est signalée.",
    summary_en: "The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.",
};

/// RO1-BUNDLE-006 `entry-fullurl-present`: For CPTS and SOS, every entry has a fullUrl; it is strongly recommended for PS.
pub static RO1_BUNDLE_006: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-006",
    name: "entry-fullurl-present",
    severity: Severity::Error,
    scope: "CPTS,SOS",
    source: "CPTS/SOS bundle slices fullUrl 1..1",
    summary_fr: "En CPTS et SOS, chaque entrée a un fullUrl ; il est fortement recommandé en PS.",
    summary_en: "For CPTS and SOS, every entry has a fullUrl; it is strongly recommended for PS.",
};

/// RO1-BUNDLE-007 `fullurl-ends-with-type-id`: A RESTful fullUrl (absolute http(s) URL) ends with /\<resourceType\>/\<id\> of its resource; different bases across entries are a warning.
pub static RO1_BUNDLE_007: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-007",
    name: "fullurl-ends-with-type-id",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 bundle rules; IG examples (https://exemple.com/ans-sas/Slot/ExampleSlotPSIndiv1)",
    summary_fr: "Un fullUrl RESTful (URL http(s) absolue) se termine par /<resourceType>/<id> de sa ressource ; des bases différentes entre entrées sont un avertissement.",
    summary_en: "A RESTful fullUrl (absolute http(s) URL) ends with /<resourceType>/<id> of its resource; different bases across entries are a warning.",
};

/// RO1-BUNDLE-008 `fullurl-unique`: fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.
pub static RO1_BUNDLE_008: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-008",
    name: "fullurl-unique",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 invariant bdl-7",
    summary_fr: "Les fullUrl sont uniques dans le Bundle (bdl-7), ainsi que les couples type de ressource + id.",
    summary_en: "fullUrl values are unique within the Bundle (bdl-7), and so are the resource type + id pairs.",
};

/// RO1-BUNDLE-009 `entry-search-mode-match-include`: entry.search.mode is match on the searched resource (Slot for PS/CPTS, Schedule for SOS) and include on the others; absent everywhere (1.1.0 style): one information.
pub static RO1_BUNDLE_009: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-009",
    name: "entry-search-mode-match-include",
    severity: Severity::Warning,
    scope: "ALL",
    source: "IG main (1.2.0) examples; FHIR validator warning on 1.1.0 examples; revised 2026-12 (AMB-28)",
    summary_fr: "entry.search.mode vaut match sur la ressource cherchée (Slot en PS/CPTS, Schedule en SOS) et include sur les autres ; absent partout (style 1.1.0) : une seule information.",
    summary_en: "entry.search.mode is match on the searched resource (Slot for PS/CPTS, Schedule for SOS) and include on the others; absent everywhere (1.1.0 style): one information.",
};

/// RO1-BUNDLE-010 `bundle-expected-resource-types`: Only the resource types expected for the use case appear in the Bundle (plus an OperationOutcome in outcome mode).
pub static RO1_BUNDLE_010: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-010",
    name: "bundle-expected-resource-types",
    severity: Severity::Warning,
    scope: "ALL",
    source: "Bundle profiles (open slicing) + narrative",
    summary_fr: "Seuls les types de ressources attendus pour le cas d'usage apparaissent dans le Bundle (plus un OperationOutcome en mode outcome).",
    summary_en: "Only the resource types expected for the use case appear in the Bundle (plus an OperationOutcome in outcome mode).",
};

/// RO1-BUNDLE-011 `bundle-slice-minimums`: A non-empty CPTS Bundle holds at least one Slot, Schedule, Practitioner and PractitionerRole; a non-empty SOS Bundle at least one Slot, Schedule, Location and Organization.
pub static RO1_BUNDLE_011: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-011",
    name: "bundle-slice-minimums",
    severity: Severity::Error,
    scope: "CPTS,SOS",
    source: "sas-cpts/sos-bundle-aggregator slice minimums (entry 4..*) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-bundle-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-bundle-aggregator.html",
    summary_fr: "Un Bundle CPTS non vide contient au moins un Slot, un Schedule, un Practitioner et un PractitionerRole ; un Bundle SOS non vide, au moins un Slot, un Schedule, un Location et une Organization.",
    summary_en: "A non-empty CPTS Bundle holds at least one Slot, Schedule, Practitioner and PractitionerRole; a non-empty SOS Bundle at least one Slot, Schedule, Location and Organization.",
};

/// RO1-BUNDLE-012 `empty-result-no-entry`: An empty result is a 200 with a searchset Bundle, total 0 and no entry element (not an empty array).
pub static RO1_BUNDLE_012: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-012",
    name: "empty-result-no-entry",
    severity: Severity::Error,
    scope: "ALL",
    source: "FAQ PS #9, SOS #5; agg-psindiv #8 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un résultat vide est un 200 avec un Bundle searchset, total 0 et aucun élément entry (pas un tableau vide).",
    summary_en: "An empty result is a 200 with a searchset Bundle, total 0 and no entry element (not an empty array).",
};

/// RO1-BUNDLE-013 `bundle-practitioner-with-slots`: As soon as it holds a Slot, the Bundle holds at least one Practitioner and one PractitionerRole.
pub static RO1_BUNDLE_013: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-013",
    name: "bundle-practitioner-with-slots",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "agg-psindiv #15, #19 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Dès qu'il contient un Slot, le Bundle contient au moins un Practitioner et un PractitionerRole.",
    summary_en: "As soon as it holds a Slot, the Bundle holds at least one Practitioner and one PractitionerRole.",
};

/// RO1-SLOT-001 `slot-status-free`: Every Slot has status free.
pub static RO1_SLOT_001: RuleMeta = RuleMeta {
    id: "RO1-SLOT-001",
    name: "slot-status-free",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrSlotAgregateur fixed free, CPTS/SOS pattern free; agg-psindiv #10; IG nomenclature 'statut du créneau' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html",
    summary_fr: "Chaque Slot a le statut free.",
    summary_en: "Every Slot has status free.",
};

/// RO1-SLOT-002 `slot-start-end-present`: Every Slot has a start and an end.
pub static RO1_SLOT_002: RuleMeta = RuleMeta {
    id: "RO1-SLOT-002",
    name: "slot-start-end-present",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 Slot (1..1); agg-psindiv #11 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Chaque Slot a un start et un end.",
    summary_en: "Every Slot has a start and an end.",
};

/// RO1-SLOT-003 `slot-instant-valid`: start and end are valid FHIR instants: seconds and a time zone (Z or ±hh:mm, within -12:00..+14:00) are mandatory.
pub static RO1_SLOT_003: RuleMeta = RuleMeta {
    id: "RO1-SLOT-003",
    name: "slot-instant-valid",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 datatype instant",
    summary_fr: "start et end sont des instants FHIR valides : secondes et fuseau (Z ou ±hh:mm, entre -12:00 et +14:00) obligatoires.",
    summary_en: "start and end are valid FHIR instants: seconds and a time zone (Z or ±hh:mm, within -12:00..+14:00) are mandatory.",
};

/// RO1-SLOT-004 `slot-instant-sas-format`: start and end are written exactly YYYY-MM-DDThh:mm:ss.sss±hh:mm (three fraction digits, numeric offset, no Z).
pub static RO1_SLOT_004: RuleMeta = RuleMeta {
    id: "RO1-SLOT-004",
    name: "slot-instant-sas-format",
    severity: Severity::Error,
    scope: "ALL",
    source: "agg-psindiv #45; kit validate_dates regex — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "start et end s'écrivent exactement AAAA-MM-JJThh:mm:ss.sss±hh:mm (trois décimales, décalage numérique, pas de Z).",
    summary_en: "start and end are written exactly YYYY-MM-DDThh:mm:ss.sss±hh:mm (three fraction digits, numeric offset, no Z).",
};

/// RO1-SLOT-005 `slot-start-before-end`: Slot.start is strictly before Slot.end.
pub static RO1_SLOT_005: RuleMeta = RuleMeta {
    id: "RO1-SLOT-005",
    name: "slot-start-before-end",
    severity: Severity::Error,
    scope: "ALL",
    source: "Kit validate_dates",
    summary_fr: "Slot.start est strictement antérieur à Slot.end.",
    summary_en: "Slot.start is strictly before Slot.end.",
};

/// RO1-SLOT-006 `slot-schedule-resolves`: Slot.schedule.reference is present and points to a Schedule entry of the Bundle.
pub static RO1_SLOT_006: RuleMeta = RuleMeta {
    id: "RO1-SLOT-006",
    name: "slot-schedule-resolves",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrSlotAgregateur aggregation referenced+bundled; agg-psindiv #12 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.schedule.reference est présent et désigne un Schedule du Bundle.",
    summary_en: "Slot.schedule.reference is present and points to a Schedule entry of the Bundle.",
};

/// RO1-SLOT-007 `slot-security-type-creneau`: Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).
pub static RO1_SLOT_007: RuleMeta = RuleMeta {
    id: "RO1-SLOT-007",
    name: "slot-security-type-creneau",
    severity: Severity::Error,
    scope: "ALL",
    source: "Required bindings (JDV_J165 / sas-cpts-valueset-typecreneau / sas-sos-valueset-typecreneau); agg-psindiv #23, #46 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.meta.security porte au moins un type de créneau TRE_R314 autorisé pour le cas d'usage (PS : PUBLIC, PRO, SNP ; CPTS : plus CPTS ; SOS : PUBLIC, SNP).",
    summary_en: "Slot.meta.security carries at least one TRE_R314 slot type allowed for the use case (PS: PUBLIC, PRO, SNP; CPTS: plus CPTS; SOS: PUBLIC, SNP).",
};

/// RO1-SLOT-008 `slot-consultation-type-actencounter`: A serviceType coded in v3-ActCode is an ActEncounterCode; the SAS only uses AMB, HH and VR (warning for the others).
pub static RO1_SLOT_008: RuleMeta = RuleMeta {
    id: "RO1-SLOT-008",
    name: "slot-consultation-type-actencounter",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrSlotAgregateur slice TypeConsultation (required v3-ActEncounterCode); IG nomenclature — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Un serviceType codé dans v3-ActCode est un ActEncounterCode ; le SAS n'utilise que AMB, HH et VR (avertissement pour les autres).",
    summary_en: "A serviceType coded in v3-ActCode is an ActEncounterCode; the SAS only uses AMB, HH and VR (warning for the others).",
};

/// RO1-SLOT-009 `sos-slot-service-type-amb-hh-vr`: For SOS, every Slot.serviceType coding is AMB, HH or VR from the v3-ActCode system.
pub static RO1_SLOT_009: RuleMeta = RuleMeta {
    id: "RO1-SLOT-009",
    name: "sos-slot-service-type-amb-hh-vr",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-slot-aggregator required sas-valueset-typeconsultation — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html",
    summary_fr: "En SOS, chaque codage de Slot.serviceType est AMB, HH ou VR du système v3-ActCode.",
    summary_en: "For SOS, every Slot.serviceType coding is AMB, HH or VR from the v3-ActCode system.",
};

/// RO1-SLOT-010 `slot-consultation-type-present`: At least one serviceType carries a consultation type coding (AMB, HH or VR).
pub static RO1_SLOT_010: RuleMeta = RuleMeta {
    id: "RO1-SLOT-010",
    name: "slot-consultation-type-present",
    severity: Severity::Warning,
    scope: "ALL",
    source: "agg-psindiv #24, #48; FAQ PS #5 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Au moins un serviceType porte un type de consultation (AMB, HH ou VR).",
    summary_en: "At least one serviceType carries a consultation type coding (AMB, HH or VR).",
};

/// RO1-SLOT-011 `slot-motif-as-service-type-text`: Visit reasons (motifs) are sent as serviceType entries with text only (no coding).
pub static RO1_SLOT_011: RuleMeta = RuleMeta {
    id: "RO1-SLOT-011",
    name: "slot-motif-as-service-type-text",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "FAQ PS #5 (contradicted by agg-psindiv #41: see AMB-09) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Les motifs de consultation sont transmis comme serviceType ne portant que du texte (sans coding).",
    summary_en: "Visit reasons (motifs) are sent as serviceType entries with text only (no coding).",
};

/// RO1-SLOT-012 `slot-specialty-tre-r38`: Each coded Slot.specialty has a TRE_R38-SpecialiteOrdinale coding; a text-only specialty is a warning.
pub static RO1_SLOT_012: RuleMeta = RuleMeta {
    id: "RO1-SLOT-012",
    name: "slot-specialty-tre-r38",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrSlot (FR Core) required binding; IG nomenclature 'Spécialités'; FAQ PS #3 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Chaque Slot.specialty codée a un codage TRE_R38-SpecialiteOrdinale ; une spécialité en texte seul est un avertissement.",
    summary_en: "Each coded Slot.specialty has a TRE_R38-SpecialiteOrdinale coding; a text-only specialty is a warning.",
};

/// RO1-SLOT-013 `slot-appointment-type-routine-walkin`: appointmentType.coding, when present, is ROUTINE or WALKIN from v2-0276.
pub static RO1_SLOT_013: RuleMeta = RuleMeta {
    id: "RO1-SLOT-013",
    name: "slot-appointment-type-routine-walkin",
    severity: Severity::Error,
    scope: "ALL",
    source: "sas-valueset-appointmentreason; FrSlotAgregateur preferred v2-0276; agg-psindiv #49 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "appointmentType.coding, s'il est présent, est ROUTINE ou WALKIN de v2-0276.",
    summary_en: "appointmentType.coding, when present, is ROUTINE or WALKIN from v2-0276.",
};

/// RO1-SLOT-014 `slot-appointment-type-present`: Slot.appointmentType is present.
pub static RO1_SLOT_014: RuleMeta = RuleMeta {
    id: "RO1-SLOT-014",
    name: "slot-appointment-type-present",
    severity: Severity::Warning,
    scope: "ALL",
    source: "agg-psindiv #49; IG nomenclature 'Créneau avec ou sans RDV' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.appointmentType est présent.",
    summary_en: "Slot.appointmentType is present.",
};

/// RO1-SLOT-015 `slot-comment-booking-url`: Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).
pub static RO1_SLOT_015: RuleMeta = RuleMeta {
    id: "RO1-SLOT-015",
    name: "slot-comment-booking-url",
    severity: Severity::Error,
    scope: "ALL",
    source: "agg-psindiv #25; FAQ 'URL dans comment'; SOS FSH note; PS example slot 2 (WALKIN) has no comment — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrSlotAgregateur.html",
    summary_fr: "Slot.comment est présent, non blanc et une URL http(s) absolue quand appointmentType vaut ROUTINE (avertissement si WALKIN ou absent).",
    summary_en: "Slot.comment is present, not blank and an absolute http(s) URL when appointmentType is ROUTINE (warning when WALKIN or absent).",
};

/// RO1-SLOT-016 `slot-fr-core-cardinalities`: Slot.serviceCategory has at most one element and Slot.identifier.use, if any, comes from IdentifierUse.
pub static RO1_SLOT_016: RuleMeta = RuleMeta {
    id: "RO1-SLOT-016",
    name: "slot-fr-core-cardinalities",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrSlot (FR Core) 0..1",
    summary_fr: "Slot.serviceCategory a au plus un élément et Slot.identifier.use, s'il existe, vient de IdentifierUse.",
    summary_en: "Slot.serviceCategory has at most one element and Slot.identifier.use, if any, comes from IdentifierUse.",
};

/// RO1-SLOT-017 `slot-not-in-past`: Slot.start is not earlier than the moment the response was produced.
pub static RO1_SLOT_017: RuleMeta = RuleMeta {
    id: "RO1-SLOT-017",
    name: "slot-not-in-past",
    severity: Severity::Warning,
    scope: "ALL",
    source: "agg-psindiv #5; kit validate_dates (start < now() must not occur)",
    summary_fr: "Slot.start n'est pas antérieur au moment où la réponse a été produite.",
    summary_en: "Slot.start is not earlier than the moment the response was produced.",
};

/// RO1-SCHED-001 `schedule-actor-practitioner-and-role`: Schedule.actor references exactly one Practitioner and at least one PractitionerRole.
pub static RO1_SCHED_001: RuleMeta = RuleMeta {
    id: "RO1-SCHED-001",
    name: "schedule-actor-practitioner-and-role",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FAQ PS 'ressource discriminante'; kit validate_schedule_practitioner_ref / validate_ref; IG 'Structure de la réponse' — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Schedule.actor référence exactement un Practitioner et au moins un PractitionerRole.",
    summary_en: "Schedule.actor references exactly one Practitioner and at least one PractitionerRole.",
};

/// RO1-SCHED-002 `schedule-actor-resolves`: Every Schedule.actor.reference points to an entry of the Bundle.
pub static RO1_SCHED_002: RuleMeta = RuleMeta {
    id: "RO1-SCHED-002",
    name: "schedule-actor-resolves",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrScheduleAgregateur aggregation referenced+bundled; sas-sos-schedule actor.reference 1..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrScheduleAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-schedule-aggregator.html",
    summary_fr: "Chaque Schedule.actor.reference désigne une entrée du Bundle.",
    summary_en: "Every Schedule.actor.reference points to an entry of the Bundle.",
};

/// RO1-SCHED-003 `schedule-no-service-type`: Schedule.serviceType is absent, serviceCategory has at most one element and coded specialties come from TRE_R38.
pub static RO1_SCHED_003: RuleMeta = RuleMeta {
    id: "RO1-SCHED-003",
    name: "schedule-no-service-type",
    severity: Severity::Error,
    scope: "ALL",
    source: "FrSchedule (FR Core) serviceType 0..0",
    summary_fr: "Schedule.serviceType est absent, serviceCategory a au plus un élément et les spécialités codées viennent de TRE_R38.",
    summary_en: "Schedule.serviceType is absent, serviceCategory has at most one element and coded specialties come from TRE_R38.",
};

/// RO1-SCHED-004 `schedule-one-per-role`: There is one Schedule per PractitionerRole: no role is the actor of two Schedules and every role is the actor of one.
pub static RO1_SCHED_004: RuleMeta = RuleMeta {
    id: "RO1-SCHED-004",
    name: "schedule-one-per-role",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "FAQ PS; kit multi_lieux (2 roles <-> 2 schedules) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Il y a un Schedule par PractitionerRole : aucun rôle n'est acteur de deux Schedule et chaque rôle l'est d'un Schedule.",
    summary_en: "There is one Schedule per PractitionerRole: no role is the actor of two Schedules and every role is the actor of one.",
};

/// RO1-SCHED-005 `sos-schedule-actor-location`: For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.
pub static RO1_SCHED_005: RuleMeta = RuleMeta {
    id: "RO1-SCHED-005",
    name: "sos-schedule-actor-location",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-schedule-aggregator; FAQ SOS — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-schedule-aggregator.html",
    summary_fr: "En SOS, Schedule.actor a exactement une référence, vers un Location du Bundle.",
    summary_en: "For SOS, Schedule.actor has exactly one reference, to a Location of the Bundle.",
};

/// RO1-SCHED-006 `schedule-actors-same-practitioner`: The Practitioner named in Schedule.actor is the PractitionerRole.practitioner of the role named in the same Schedule.
pub static RO1_SCHED_006: RuleMeta = RuleMeta {
    id: "RO1-SCHED-006",
    name: "schedule-actors-same-practitioner",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "Derived; kit multi_lieux references",
    summary_fr: "Le Practitioner cité dans Schedule.actor est celui du PractitionerRole cité dans le même Schedule.",
    summary_en: "The Practitioner named in Schedule.actor is the PractitionerRole.practitioner of the role named in the same Schedule.",
};

/// RO1-PRACT-001 `practitioner-identifier-complete`: Practitioner.identifier is present and every identifier has a type, a system and a value.
pub static RO1_PRACT_001: RuleMeta = RuleMeta {
    id: "RO1-PRACT-001",
    name: "practitioner-identifier-complete",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerAgregateur identifier 1..*; FrPractitioner type/system/value 1..1; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Practitioner.identifier est présent et chaque identifiant a un type, un système et une valeur.",
    summary_en: "Practitioner.identifier is present and every identifier has a type, a system and a value.",
};

/// RO1-PRACT-002 `practitioner-identifier-type-idnps`: Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.
pub static RO1_PRACT_002: RuleMeta = RuleMeta {
    id: "RO1-PRACT-002",
    name: "practitioner-identifier-type-idnps",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerAgregateur pattern + coding ..1 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifier.type du Practitioner contient le codage fr-v2-0203#IDNPS et n'a qu'un codage.",
    summary_en: "Each Practitioner identifier.type holds the coding fr-v2-0203#IDNPS and has a single coding.",
};

/// RO1-PRACT-003 `practitioner-identifier-system-oid`: Each Practitioner identifier.system is urn:oid:1.2.250.1.71.4.2.1.
pub static RO1_PRACT_003: RuleMeta = RuleMeta {
    id: "RO1-PRACT-003",
    name: "practitioner-identifier-system-oid",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerAgregateur pattern — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifier.system du Practitioner vaut urn:oid:1.2.250.1.71.4.2.1.",
    summary_en: "Each Practitioner identifier.system is urn:oid:1.2.250.1.71.4.2.1.",
};

/// RO1-PRACT-004 `practitioner-idnps-prefixed`: The Practitioner identifier.value is a prefixed IDNPS: 8 + 11-digit RPPS or 0 + ADELI.
pub static RO1_PRACT_004: RuleMeta = RuleMeta {
    id: "RO1-PRACT-004",
    name: "practitioner-idnps-prefixed",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "agg-psindiv #16, #17; FAQ prefixes — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "identifier.value du Practitioner est un IDNPS préfixé : 8 + RPPS à 11 chiffres ou 0 + ADELI.",
    summary_en: "The Practitioner identifier.value is a prefixed IDNPS: 8 + 11-digit RPPS or 0 + ADELI.",
};

/// RO1-PRACT-005 `practitioner-was-requested`: Every Practitioner identifier value returned is one of the identifiers of the request (exact string, prefixed).
pub static RO1_PRACT_005: RuleMeta = RuleMeta {
    id: "RO1-PRACT-005",
    name: "practitioner-was-requested",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "agg-psindiv #18; kit validate_rpps (returned == requested) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque identifiant de Practitioner renvoyé fait partie des identifiants demandés (chaîne exacte, préfixée).",
    summary_en: "Every Practitioner identifier value returned is one of the identifiers of the request (exact string, prefixed).",
};

/// RO1-PRACT-006 `practitioner-unique-per-id`: There is at most one Practitioner resource per national identifier.
pub static RO1_PRACT_006: RuleMeta = RuleMeta {
    id: "RO1-PRACT-006",
    name: "practitioner-unique-per-id",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "kit validate_cardinality / multi-place (exactly 1 Practitioner per RPPS)",
    summary_fr: "Il y a au plus un Practitioner par identifiant national.",
    summary_en: "There is at most one Practitioner resource per national identifier.",
};

/// RO1-PRACT-007 `practitioner-name-sent`: The Practitioner name.family and name.given are sent when known.
pub static RO1_PRACT_007: RuleMeta = RuleMeta {
    id: "RO1-PRACT-007",
    name: "practitioner-name-sent",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "agg-psindiv #33 (not verifiable) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "name.family et name.given du Practitioner sont transmis quand ils sont connus.",
    summary_en: "The Practitioner name.family and name.given are sent when known.",
};

/// RO1-PRACT-008 `practitioner-telecom-system-value`: Each Practitioner.telecom has both system and value; no telecom element when the vendor has no number.
pub static RO1_PRACT_008: RuleMeta = RuleMeta {
    id: "RO1-PRACT-008",
    name: "practitioner-telecom-system-value",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitioner; agg-psindiv #35, #36 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Chaque Practitioner.telecom a un system et une value ; pas de telecom quand l'éditeur n'a pas de numéro.",
    summary_en: "Each Practitioner.telecom has both system and value; no telecom element when the vendor has no number.",
};

/// RO1-PRACT-009 `practitioner-phone-international`: Practitioner phone numbers use the international form +33 followed by 9 digits (overseas +262, +590, +594, +596).
pub static RO1_PRACT_009: RuleMeta = RuleMeta {
    id: "RO1-PRACT-009",
    name: "practitioner-phone-international",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "FAQ PS #2; agg-psindiv #34 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Les téléphones du Practitioner sont au format international +33 suivi de 9 chiffres (outre-mer +262, +590, +594, +596).",
    summary_en: "Practitioner phone numbers use the international form +33 followed by 9 digits (overseas +262, +590, +594, +596).",
};

/// RO1-ROLE-001 `role-contains-location`: PractitionerRole.contained holds the consultation Location.
pub static RO1_ROLE_001: RuleMeta = RuleMeta {
    id: "RO1-ROLE-001",
    name: "role-contains-location",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerRoleExerciceAgregateur contained 1..*; agg-psindiv #22; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.contained contient le Location du lieu de consultation.",
    summary_en: "PractitionerRole.contained holds the consultation Location.",
};

/// RO1-ROLE-002 `role-location-contained-ref`: PractitionerRole.location has exactly one element, whose reference is #\<id\> of the contained Location.
pub static RO1_ROLE_002: RuleMeta = RuleMeta {
    id: "RO1-ROLE-002",
    name: "role-location-contained-ref",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "location 1..1, aggregation contained; FHIR dom-3 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.location a exactement un élément, dont la référence est #<id> du Location contenu.",
    summary_en: "PractitionerRole.location has exactly one element, whose reference is #<id> of the contained Location.",
};

/// RO1-ROLE-003 `role-practitioner-resolves`: PractitionerRole.practitioner.reference is present and points to a Practitioner of the Bundle.
pub static RO1_ROLE_003: RuleMeta = RuleMeta {
    id: "RO1-ROLE-003",
    name: "role-practitioner-resolves",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "aggregation referenced+bundled; agg-psindiv #21 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.practitioner.reference est présent et désigne un Practitioner du Bundle.",
    summary_en: "PractitionerRole.practitioner.reference is present and points to a Practitioner of the Bundle.",
};

/// RO1-ROLE-004 `role-organization-identifier`: PractitionerRole.organization.identifier (national structure id) is present.
pub static RO1_ROLE_004: RuleMeta = RuleMeta {
    id: "RO1-ROLE-004",
    name: "role-organization-identifier",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "agg-psindiv #20 (SHALL); profile keeps it optional — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "PractitionerRole.organization.identifier (identifiant national de structure) est présent.",
    summary_en: "PractitionerRole.organization.identifier (national structure id) is present.",
};

/// RO1-ROLE-005 `role-organization-idnst-system`: organization.identifier has system urn:oid:1.2.250.1.71.4.2.2 and type fr-v2-0203#IDNST: a different one is an error; a missing one is a warning.
pub static RO1_ROLE_005: RuleMeta = RuleMeta {
    id: "RO1-ROLE-005",
    name: "role-organization-idnst-system",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerRoleExerciceAgregateur patterns — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "organization.identifier a le système urn:oid:1.2.250.1.71.4.2.2 et le type fr-v2-0203#IDNST : différents, c'est une erreur ; absents, un avertissement.",
    summary_en: "organization.identifier has system urn:oid:1.2.250.1.71.4.2.2 and type fr-v2-0203#IDNST: a different one is an error; a missing one is a warning.",
};

/// RO1-ROLE-006 `role-organization-id-form`: organization.identifier.value is 1 + FINESS, 3 + SIRET, 4 + RPPS-rang or 0 + ADELI-rang (preference FINESS, then SIRET, then rang).
pub static RO1_ROLE_006: RuleMeta = RuleMeta {
    id: "RO1-ROLE-006",
    name: "role-organization-id-form",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FAQ 'ID nationaux de structure'; kit ps_validate_idnst patterns — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "organization.identifier.value est 1 + FINESS, 3 + SIRET, 4 + RPPS-rang ou 0 + ADELI-rang (préférence FINESS, puis SIRET, puis rang).",
    summary_en: "organization.identifier.value is 1 + FINESS, 3 + SIRET, 4 + RPPS-rang or 0 + ADELI-rang (preference FINESS, then SIRET, then rang).",
};

/// RO1-ROLE-007 `role-phone-international`: The PractitionerRole.telecom phone is in +33XXXXXXXXX form.
pub static RO1_ROLE_007: RuleMeta = RuleMeta {
    id: "RO1-ROLE-007",
    name: "role-phone-international",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "FAQ PS #2; kit ps_validate_phone (optional test, reads PractitionerRole) — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le téléphone de PractitionerRole.telecom est au format +33XXXXXXXXX.",
    summary_en: "The PractitionerRole.telecom phone is in +33XXXXXXXXX form.",
};

/// RO1-ROLE-008 `role-code-specialty-bindings`: PractitionerRole.code comes from fr-practioner-role-exercice and coded specialties from TRE_R38.
pub static RO1_ROLE_008: RuleMeta = RuleMeta {
    id: "RO1-ROLE-008",
    name: "role-code-specialty-bindings",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrPractitionerRoleExercice required bindings",
    summary_fr: "PractitionerRole.code vient de fr-practioner-role-exercice et les spécialités codées de TRE_R38.",
    summary_en: "PractitionerRole.code comes from fr-practioner-role-exercice and coded specialties from TRE_R38.",
};

/// RO1-LOC-001 `location-identifier-complete`: The contained Location has an identifier, and every identifier has a type, a system and a value.
pub static RO1_LOC_001: RuleMeta = RuleMeta {
    id: "RO1-LOC-001",
    name: "location-identifier-complete",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FrLocation identifier 1..*, type/system/value 1..1; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le Location contenu a un identifier, et chaque identifiant a un type, un système et une valeur.",
    summary_en: "The contained Location has an identifier, and every identifier has a type, a system and a value.",
};

/// RO1-LOC-002 `location-address-line-city-cp`: Location.address is present with exactly one line, a city and a postalCode.
pub static RO1_LOC_002: RuleMeta = RuleMeta {
    id: "RO1-LOC-002",
    name: "location-address-line-city-cp",
    severity: Severity::Error,
    scope: "PS,CPTS,SOS",
    source: "FrLocationAgregateur / sas-sos-location-aggregator; agg-psindiv #38-#40 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrLocationAgregateur.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "Location.address est présente avec exactement une ligne, une ville et un code postal.",
    summary_en: "Location.address is present with exactly one line, a city and a postalCode.",
};

/// RO1-LOC-003 `location-postal-code-5-digits`: The Location postal code is exactly 5 digits.
pub static RO1_LOC_003: RuleMeta = RuleMeta {
    id: "RO1-LOC-003",
    name: "location-postal-code-5-digits",
    severity: Severity::Error,
    scope: "PS,CPTS,SOS",
    source: "agg-psindiv #40; sas-sos-location maxLength 5 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRoleExerciceAgregateur.html",
    summary_fr: "Le code postal du Location compte exactement 5 chiffres.",
    summary_en: "The Location postal code is exactly 5 digits.",
};

/// RO1-LOC-004 `contained-location-no-meta`: The contained Location has no meta.versionId, meta.lastUpdated or meta.security and no nested contained.
pub static RO1_LOC_004: RuleMeta = RuleMeta {
    id: "RO1-LOC-004",
    name: "contained-location-no-meta",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FHIR dom-2, dom-4, dom-5",
    summary_fr: "Le Location contenu n'a ni meta.versionId, ni meta.lastUpdated, ni meta.security, ni contained imbriqué.",
    summary_en: "The contained Location has no meta.versionId, meta.lastUpdated or meta.security and no nested contained.",
};

/// RO1-LOC-005 `location-identifier-type-binding`: Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).
pub static RO1_LOC_005: RuleMeta = RuleMeta {
    id: "RO1-LOC-005",
    name: "location-identifier-type-binding",
    severity: Severity::Warning,
    scope: "PS,CPTS",
    source: "FrLocation extensible binding",
    summary_fr: "Location.identifier.type vient de fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
    summary_en: "Location.identifier.type comes from fr-location-identifier-type (INTRN, EXTRN, GLBL, IDNST).",
};

/// RO1-CPTS-001 `cpts-slot-service-type-reference`: A Slot labelled CPTS carries, for each CPTS, a serviceType TRE_R66#604 with the R5 serviceType extension referencing HealthcareService/\<id\>.
pub static RO1_CPTS_001: RuleMeta = RuleMeta {
    id: "RO1-CPTS-001",
    name: "cpts-slot-service-type-reference",
    severity: Severity::Error,
    scope: "CPTS",
    source: "IG CPTS nomenclature; FAQ PS #6, #11; sas-cpts-slot-aggregator — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html",
    summary_fr: "Un Slot étiqueté CPTS porte, pour chaque CPTS, un serviceType TRE_R66#604 avec l'extension serviceType R5 qui référence HealthcareService/<id>.",
    summary_en: "A Slot labelled CPTS carries, for each CPTS, a serviceType TRE_R66#604 with the R5 serviceType extension referencing HealthcareService/<id>.",
};

/// RO1-CPTS-002 `cpts-tre-r66-604-canonical`: The CPTS coding uses the canonical TRE_R66 system and code 604; a v3-ActCode serviceType carries no such extension.
pub static RO1_CPTS_002: RuleMeta = RuleMeta {
    id: "RO1-CPTS-002",
    name: "cpts-tre-r66-604-canonical",
    severity: Severity::Error,
    scope: "CPTS",
    source: "sas-valueset-categorieetablissement; slice TypeConsultation extension 0..0 — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-slot-aggregator.html https://interop.esante.gouv.fr/ig/fhir/sas/ValueSet-sas-valueset-categorieetablissement.html",
    summary_fr: "Le codage CPTS utilise le système canonique TRE_R66 et le code 604 ; un serviceType v3-ActCode ne porte pas l'extension.",
    summary_en: "The CPTS coding uses the canonical TRE_R66 system and code 604; a v3-ActCode serviceType carries no such extension.",
};

/// RO1-CPTS-003 `cpts-healthcare-service-resolves`: Each valueReference of the serviceType extension points to a HealthcareService entry of the Bundle.
pub static RO1_CPTS_003: RuleMeta = RuleMeta {
    id: "RO1-CPTS-003",
    name: "cpts-healthcare-service-resolves",
    severity: Severity::Error,
    scope: "CPTS",
    source: "FAQ; kit two_slot/single_slot groups — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Chaque valueReference de l'extension serviceType désigne un HealthcareService du Bundle.",
    summary_en: "Each valueReference of the serviceType extension points to a HealthcareService entry of the Bundle.",
};

/// RO1-CPTS-004 `cpts-service-provided-by-resolves`: HealthcareService.id is present and providedBy.reference points to an Organization of the Bundle.
pub static RO1_CPTS_004: RuleMeta = RuleMeta {
    id: "RO1-CPTS-004",
    name: "cpts-service-provided-by-resolves",
    severity: Severity::Error,
    scope: "CPTS",
    source: "sas-cpts-healthcareservice-aggregator (id 1..1, providedBy 1..1) — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-healthcareservice-aggregator.html",
    summary_fr: "HealthcareService.id est présent et providedBy.reference désigne une Organization du Bundle.",
    summary_en: "HealthcareService.id is present and providedBy.reference points to an Organization of the Bundle.",
};

/// RO1-CPTS-005 `cpts-organization-finess`: The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1\[0-9\]{9}$).
pub static RO1_CPTS_005: RuleMeta = RuleMeta {
    id: "RO1-CPTS-005",
    name: "cpts-organization-finess",
    severity: Severity::Error,
    scope: "CPTS",
    source: "sas-cpts-organization-aggregator (FINESS-invariant); IG CPTS nomenclature — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-organization-aggregator.html",
    summary_fr: "L'Organization CPTS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 1 + FINESS (^1[0-9]{9}$).",
    summary_en: "The CPTS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 1 + FINESS (^1[0-9]{9}$).",
};

/// RO1-CPTS-006 `cpts-organization-name-telecom`: The CPTS Organization has a name and a telecom.
pub static RO1_CPTS_006: RuleMeta = RuleMeta {
    id: "RO1-CPTS-006",
    name: "cpts-organization-name-telecom",
    severity: Severity::Warning,
    scope: "CPTS",
    source: "sas-cpts-organization-aggregator MS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-organization-aggregator.html",
    summary_fr: "L'Organization CPTS a un name et un telecom.",
    summary_en: "The CPTS Organization has a name and a telecom.",
};

/// RO1-CPTS-007 `cpts-one-service-per-organization`: There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).
pub static RO1_CPTS_007: RuleMeta = RuleMeta {
    id: "RO1-CPTS-007",
    name: "cpts-one-service-per-organization",
    severity: Severity::Warning,
    scope: "CPTS",
    source: "FAQ PS; kit validate_cardinality_cpts — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Il y a un HealthcareService par Organization CPTS (mêmes nombres, cibles de providedBy distinctes).",
    summary_en: "There is one HealthcareService per CPTS Organization (equal counts, distinct providedBy targets).",
};

/// RO1-CPTS-008 `non-cpts-slot-no-cpts-service`: A Slot without the CPTS label carries no TRE_R66 serviceType nor HealthcareService reference.
pub static RO1_CPTS_008: RuleMeta = RuleMeta {
    id: "RO1-CPTS-008",
    name: "non-cpts-slot-no-cpts-service",
    severity: Severity::Warning,
    scope: "CPTS",
    source: "FAQ PS #12 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un Slot sans étiquette CPTS ne porte ni serviceType TRE_R66 ni référence à un HealthcareService.",
    summary_en: "A Slot without the CPTS label carries no TRE_R66 serviceType nor HealthcareService reference.",
};

/// RO1-CPTS-009 `cpts-slot-profile`: A CPTS Slot declares the sas-cpts-slot-aggregator profile in meta.profile.
pub static RO1_CPTS_009: RuleMeta = RuleMeta {
    id: "RO1-CPTS-009",
    name: "cpts-slot-profile",
    severity: Severity::Warning,
    scope: "CPTS",
    source: "IG CPTS 'Validateur ressources'; kit SLOT_PROFILE_URL — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-cpts-recherche_creneaux.html",
    summary_fr: "Un Slot CPTS déclare le profil sas-cpts-slot-aggregator dans meta.profile.",
    summary_en: "A CPTS Slot declares the sas-cpts-slot-aggregator profile in meta.profile.",
};

/// RO1-SOS-001 `sos-reference-chain-resolves`: For SOS, the chain Slot → Schedule → Location → Organization fully resolves within the Bundle.
pub static RO1_SOS_001: RuleMeta = RuleMeta {
    id: "RO1-SOS-001",
    name: "sos-reference-chain-resolves",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-* profiles (reference 1..1)",
    summary_fr: "En SOS, la chaîne Slot → Schedule → Location → Organization se résout entièrement dans le Bundle.",
    summary_en: "For SOS, the chain Slot → Schedule → Location → Organization fully resolves within the Bundle.",
};

/// RO1-SOS-002 `sos-location-name-address`: The SOS Location has a name and an address with one line, a city and a postalCode (at most 5 characters).
pub static RO1_SOS_002: RuleMeta = RuleMeta {
    id: "RO1-SOS-002",
    name: "sos-location-name-address",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-location-aggregator — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html",
    summary_fr: "Le Location SOS a un name et une adresse avec une ligne, une ville et un code postal (5 caractères au plus).",
    summary_en: "The SOS Location has a name and an address with one line, a city and a postalCode (at most 5 characters).",
};

/// RO1-SOS-003 `sos-location-identifier`: The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.
pub static RO1_SOS_003: RuleMeta = RuleMeta {
    id: "RO1-SOS-003",
    name: "sos-location-identifier",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-location-aggregator pattern INTRN vs IG SOS nomenclature (AMB-11) — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-location-aggregator.html",
    summary_fr: "Le Location SOS a un identifiant complet de type INTRN avec un système éditeur ; un IDNST avec urn:oid:1.2.250.1.71.4.2.2 est accepté avec un avertissement.",
    summary_en: "The SOS Location has a complete identifier of type INTRN with a vendor system; an IDNST with urn:oid:1.2.250.1.71.4.2.2 is accepted with a warning.",
};

/// RO1-SOS-004 `sos-organization-siret`: The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3\[0-9\]{14}$).
pub static RO1_SOS_004: RuleMeta = RuleMeta {
    id: "RO1-SOS-004",
    name: "sos-organization-siret",
    severity: Severity::Error,
    scope: "SOS",
    source: "sas-sos-organization-aggregator SIRET-invariant — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-organization-aggregator.html",
    summary_fr: "L'Organization SOS a exactement un identifiant : système urn:oid:1.2.250.1.71.4.2.2, type IDNST, valeur 3 + SIRET (^3[0-9]{14}$).",
    summary_en: "The SOS Organization has exactly one identifier: system urn:oid:1.2.250.1.71.4.2.2, type IDNST, value 3 + SIRET (^3[0-9]{14}$).",
};

/// RO1-SOS-005 `sos-organization-was-requested`: Every SOS Organization returned is one of the requested SIRET tokens, and every Slot belongs to a requested association.
pub static RO1_SOS_005: RuleMeta = RuleMeta {
    id: "RO1-SOS-005",
    name: "sos-organization-was-requested",
    severity: Severity::Error,
    scope: "SOS",
    source: "Derived from request semantics",
    summary_fr: "Chaque Organization SOS renvoyée fait partie des SIRET demandés, et chaque Slot appartient à une association demandée.",
    summary_en: "Every SOS Organization returned is one of the requested SIRET tokens, and every Slot belongs to a requested association.",
};

/// RO1-SOS-006 `sos-opening-hours-valid`: Location.hoursOfOperation days are mon to sun and opening and closing times are FHIR times hh:mm:ss.
pub static RO1_SOS_006: RuleMeta = RuleMeta {
    id: "RO1-SOS-006",
    name: "sos-opening-hours-valid",
    severity: Severity::Error,
    scope: "SOS",
    source: "IG SOS nomenclature 'Horaires d'ouverture'; FHIR R4 required binding days-of-week — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-sos-recherche_creneaux.html",
    summary_fr: "Les jours de Location.hoursOfOperation sont mon à sun et les heures d'ouverture et de fermeture sont des time FHIR hh:mm:ss.",
    summary_en: "Location.hoursOfOperation days are mon to sun and opening and closing times are FHIR times hh:mm:ss.",
};

/// RO1-SOS-007 `sos-comment-agenda-url`: For SOS, Slot.comment links to the fixed-place agenda, ideally to the selected slot.
pub static RO1_SOS_007: RuleMeta = RuleMeta {
    id: "RO1-SOS-007",
    name: "sos-comment-agenda-url",
    severity: Severity::Warning,
    scope: "SOS",
    source: "FAQ SOS 'URL dans comment' — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "En SOS, Slot.comment renvoie vers l'agenda du point fixe, idéalement vers le créneau choisi.",
    summary_en: "For SOS, Slot.comment links to the fixed-place agenda, ideally to the selected slot.",
};

/// RO1-ID-001 `identifier-system-matches-type`: Identifier system and type agree: 4.2.1 with IDNPS, 4.2.2 with IDNST, 1.2.250.1.213.3.6 with INTRN.
pub static RO1_ID_001: RuleMeta = RuleMeta {
    id: "RO1-ID-001",
    name: "identifier-system-matches-type",
    severity: Severity::Error,
    scope: "ALL",
    source: "Profiles' patterns; FAQ OIDs — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Le système et le type d'un identifiant concordent : 4.2.1 avec IDNPS, 4.2.2 avec IDNST, 1.2.250.1.213.3.6 avec INTRN.",
    summary_en: "Identifier system and type agree: 4.2.1 with IDNPS, 4.2.2 with IDNST, 1.2.250.1.213.3.6 with INTRN.",
};

/// RO1-ID-002 `idnps-rpps-form`: An IDNPS of RPPS form is 8 followed by 11 digits (^8\[0-9\]{11}$).
pub static RO1_ID_002: RuleMeta = RuleMeta {
    id: "RO1-ID-002",
    name: "idnps-rpps-form",
    severity: Severity::Error,
    scope: "ALL",
    source: "agg-psindiv #17; FAQ prefix 8 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerAgregateur.html",
    summary_fr: "Un IDNPS de forme RPPS vaut 8 suivi de 11 chiffres (^8[0-9]{11}$).",
    summary_en: "An IDNPS of RPPS form is 8 followed by 11 digits (^8[0-9]{11}$).",
};

/// RO1-ID-003 `rpps-luhn`: The 11 RPPS digits after the 8 prefix pass the Luhn check.
pub static RO1_ID_003: RuleMeta = RuleMeta {
    id: "RO1-ID-003",
    name: "rpps-luhn",
    severity: Severity::Warning,
    scope: "ALL",
    source: "Luhn on real RPPS numbers (see §3); not required by IG/kit; IG examples fail it",
    summary_fr: "Les 11 chiffres du RPPS qui suivent le préfixe 8 passent le contrôle de Luhn.",
    summary_en: "The 11 RPPS digits after the 8 prefix pass the Luhn check.",
};

/// RO1-ID-004 `idnps-adeli-form`: An IDNPS of ADELI form is 0 followed by the 9-character ADELI number.
pub static RO1_ID_004: RuleMeta = RuleMeta {
    id: "RO1-ID-004",
    name: "idnps-adeli-form",
    severity: Severity::Warning,
    scope: "ALL",
    source: "FAQ prefix 0; annuaire — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un IDNPS de forme ADELI vaut 0 suivi des 9 caractères du numéro ADELI.",
    summary_en: "An IDNPS of ADELI form is 0 followed by the 9-character ADELI number.",
};

/// RO1-ID-005 `idnst-finess-form`: An IDNST of FINESS form is 1 followed by 9 digits (^1\[0-9\]{9}$).
pub static RO1_ID_005: RuleMeta = RuleMeta {
    id: "RO1-ID-005",
    name: "idnst-finess-form",
    severity: Severity::Error,
    scope: "ALL",
    source: "FINESS-invariant; kit",
    summary_fr: "Un IDNST de forme FINESS vaut 1 suivi de 9 chiffres (^1[0-9]{9}$).",
    summary_en: "An IDNST of FINESS form is 1 followed by 9 digits (^1[0-9]{9}$).",
};

/// RO1-ID-006 `finess-luhn`: The 9 FINESS digits pass the Luhn check.
pub static RO1_ID_006: RuleMeta = RuleMeta {
    id: "RO1-ID-006",
    name: "finess-luhn",
    severity: Severity::Warning,
    scope: "ALL",
    source: "Luhn on real FINESS numbers; not required",
    summary_fr: "Les 9 chiffres du FINESS passent le contrôle de Luhn.",
    summary_en: "The 9 FINESS digits pass the Luhn check.",
};

/// RO1-ID-007 `idnst-siret-form`: An IDNST of SIRET form is 3 followed by 14 digits (^3\[0-9\]{14}$).
pub static RO1_ID_007: RuleMeta = RuleMeta {
    id: "RO1-ID-007",
    name: "idnst-siret-form",
    severity: Severity::Error,
    scope: "ALL",
    source: "SIRET-invariant; kit",
    summary_fr: "Un IDNST de forme SIRET vaut 3 suivi de 14 chiffres (^3[0-9]{14}$).",
    summary_en: "An IDNST of SIRET form is 3 followed by 14 digits (^3[0-9]{14}$).",
};

/// RO1-ID-008 `siret-luhn`: The 14 SIRET digits pass the Luhn check (except La Poste, SIREN 356000000, whose digit sum is a multiple of 5).
pub static RO1_ID_008: RuleMeta = RuleMeta {
    id: "RO1-ID-008",
    name: "siret-luhn",
    severity: Severity::Warning,
    scope: "ALL",
    source: "INSEE SIRET rule; verified on the SOS example SIRETs",
    summary_fr: "Les 14 chiffres du SIRET passent le contrôle de Luhn (sauf La Poste, SIREN 356000000, dont la somme est multiple de 5).",
    summary_en: "The 14 SIRET digits pass the Luhn check (except La Poste, SIREN 356000000, whose digit sum is a multiple of 5).",
};

/// RO1-ID-009 `idnst-rang-form`: An RPPS-rang IDNST is 4 followed by 14 digits; an ADELI-rang is 0 followed by the ADELI practice id.
pub static RO1_ID_009: RuleMeta = RuleMeta {
    id: "RO1-ID-009",
    name: "idnst-rang-form",
    severity: Severity::Warning,
    scope: "ALL",
    source: "Kit ps_validate_idnst; FAQ — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Un IDNST RPPS-rang vaut 4 suivi de 14 chiffres ; un ADELI-rang vaut 0 suivi de l'identifiant du cabinet ADELI.",
    summary_en: "An RPPS-rang IDNST is 4 followed by 14 digits; an ADELI-rang is 0 followed by the ADELI practice id.",
};

/// RO1-ID-010 `identifier-national-prefix`: National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.
pub static RO1_ID_010: RuleMeta = RuleMeta {
    id: "RO1-ID-010",
    name: "identifier-national-prefix",
    severity: Severity::Warning,
    scope: "ALL",
    source: "FAQ PS #1, SOS #1 — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Les identifiants nationaux sont renvoyés avec leur préfixe, jamais un RPPS, FINESS ou SIRET nu.",
    summary_en: "National identifiers are returned with their prefix, never a bare RPPS, FINESS or SIRET.",
};

/// RO1-REF-001 `reference-resolves`: Every literal reference in the Bundle resolves to exactly one entry.
pub static RO1_REF_001: RuleMeta = RuleMeta {
    id: "RO1-REF-001",
    name: "reference-resolves",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 bundle reference resolution; aggregation 'bundled' on SAS profiles",
    summary_fr: "Chaque référence littérale du Bundle désigne exactement une entrée.",
    summary_en: "Every literal reference in the Bundle resolves to exactly one entry.",
};

/// RO1-REF-002 `reference-relative-form`: References use the relative form Type/id.
pub static RO1_REF_002: RuleMeta = RuleMeta {
    id: "RO1-REF-002",
    name: "reference-relative-form",
    severity: Severity::Warning,
    scope: "ALL",
    source: "IG examples; kit string comparisons",
    summary_fr: "Les références ont la forme relative Type/id.",
    summary_en: "References use the relative form Type/id.",
};

/// RO1-REF-003 `contained-location-referenced`: The contained Location is referenced from its container (#id) and nothing outside the container refers to it.
pub static RO1_REF_003: RuleMeta = RuleMeta {
    id: "RO1-REF-003",
    name: "contained-location-referenced",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "FHIR dom-3",
    summary_fr: "Le Location contenu est référencé depuis son conteneur (#id) et rien hors du conteneur ne le référence.",
    summary_en: "The contained Location is referenced from its container (#id) and nothing outside the container refers to it.",
};

/// RO1-REF-004 `no-orphan-include`: No orphan include: every include entry is reachable from a match entry, and every Schedule has at least one Slot.
pub static RO1_REF_004: RuleMeta = RuleMeta {
    id: "RO1-REF-004",
    name: "no-orphan-include",
    severity: Severity::Warning,
    scope: "ALL",
    source: "FHIR _include semantics; FAQ structure — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Aucune inclusion orpheline : chaque entrée incluse est atteignable depuis une entrée match, et chaque Schedule a au moins un Slot.",
    summary_en: "No orphan include: every include entry is reachable from a match entry, and every Schedule has at least one Slot.",
};

/// RO1-REF-005 `slot-of-requested-practitioner`: Every Slot belongs, through Schedule.actor, to one of the requested practitioners.
pub static RO1_REF_005: RuleMeta = RuleMeta {
    id: "RO1-REF-005",
    name: "slot-of-requested-practitioner",
    severity: Severity::Error,
    scope: "PS,CPTS",
    source: "Request semantics; kit (single-practitioner scenarios)",
    summary_fr: "Chaque Slot appartient, via Schedule.actor, à l'un des praticiens demandés.",
    summary_en: "Every Slot belongs, through Schedule.actor, to one of the requested practitioners.",
};

/// RO1-WIN-001 `slot-start-after-ge-bound`: Slot.start is at or after the ge bound of the request.
pub static RO1_WIN_001: RuleMeta = RuleMeta {
    id: "RO1-WIN-001",
    name: "slot-start-after-ge-bound",
    severity: Severity::Error,
    scope: "ALL",
    source: "agg-psindiv #5, #7; SearchParameter slot-sp-start — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Slot.start n'est pas antérieur à la borne ge de la requête.",
    summary_en: "Slot.start is at or after the ge bound of the request.",
};

/// RO1-WIN-002 `slot-start-before-le-bound`: Slot.start is at or before the le bound of the request; Slot.end may go beyond it.
pub static RO1_WIN_002: RuleMeta = RuleMeta {
    id: "RO1-WIN-002",
    name: "slot-start-before-le-bound",
    severity: Severity::Error,
    scope: "ALL",
    source: "agg-psindiv #7; SearchParameter expression Slot.start — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Slot.start n'est pas postérieur à la borne le de la requête ; Slot.end peut la dépasser.",
    summary_en: "Slot.start is at or before the le bound of the request; Slot.end may go beyond it.",
};

/// RO1-WIN-003 `request-bounds-paris-time`: Bounds without offset are read as Europe/Paris wall-clock time, and a space before the offset in a captured URL is read as '+'.
pub static RO1_WIN_003: RuleMeta = RuleMeta {
    id: "RO1-WIN-003",
    name: "request-bounds-paris-time",
    severity: Severity::Warning,
    scope: "ALL",
    source: "FHIR search date rule (server local time); kit sends Paris time",
    summary_fr: "Une borne sans décalage se lit en heure de Paris, et un espace avant le décalage dans une URL capturée se lit comme un +.",
    summary_en: "Bounds without offset are read as Europe/Paris wall-clock time, and a space before the offset in a captured URL is read as '+'.",
};

/// RO1-OO-001 `error-body-operation-outcome`: A 4xx or 5xx answer carries an OperationOutcome resource.
pub static RO1_OO_001: RuleMeta = RuleMeta {
    id: "RO1-OO-001",
    name: "error-body-operation-outcome",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG 'Echec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Une réponse 4xx ou 5xx porte une ressource OperationOutcome.",
    summary_en: "A 4xx or 5xx answer carries an OperationOutcome resource.",
};

/// RO1-OO-002 `outcome-issue-severity-code`: OperationOutcome.issue has at least one element, each with a severity and an IssueType code.
pub static RO1_OO_002: RuleMeta = RuleMeta {
    id: "RO1-OO-002",
    name: "outcome-issue-severity-code",
    severity: Severity::Error,
    scope: "ALL",
    source: "FHIR R4 OperationOutcome",
    summary_fr: "OperationOutcome.issue a au moins un élément, chacun avec une sévérité et un code IssueType.",
    summary_en: "OperationOutcome.issue has at least one element, each with a severity and an IssueType code.",
};

/// RO1-OO-003 `outcome-issue-explains-error`: An error OperationOutcome holds at least one error or fatal issue whose details.text or diagnostics explains the cause.
pub static RO1_OO_003: RuleMeta = RuleMeta {
    id: "RO1-OO-003",
    name: "outcome-issue-explains-error",
    severity: Severity::Warning,
    scope: "ALL",
    source: "IG 'détails sur la raison de l'échec' — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Un OperationOutcome d'erreur contient au moins une issue error ou fatal dont details.text ou diagnostics explique la cause.",
    summary_en: "An error OperationOutcome holds at least one error or fatal issue whose details.text or diagnostics explains the cause.",
};

/// RO1-OO-004 `error-status-400-or-422`: A malformed FHIR request gets 400, a refusal by a rule of the receiving application gets 422.
pub static RO1_OO_004: RuleMeta = RuleMeta {
    id: "RO1-OO-004",
    name: "error-status-400-or-422",
    severity: Severity::Warning,
    scope: "REGUL,APPT",
    source: "IG gestion_regulateur / gestion_rdv pages — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_regulateur.html https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "Une requête FHIR mal formée reçoit 400, un refus par une règle de l'application réceptrice 422.",
    summary_en: "A malformed FHIR request gets 400, a refusal by a rule of the receiving application gets 422.",
};

/// RO1-NFR-001 `peak-load-3000-per-hour`: The server sustains a peak load of about 3000 searches per hour.
pub static RO1_NFR_001: RuleMeta = RuleMeta {
    id: "RO1-NFR-001",
    name: "peak-load-3000-per-hour",
    severity: Severity::Information,
    scope: "ALL",
    source: "IG annexes.md 'Hypothèses de volumétrie' — https://interop.esante.gouv.fr/ig/fhir/sas/annexes.html",
    summary_fr: "Le serveur tient une charge de pointe d'environ 3000 recherches par heure.",
    summary_en: "The server sustains a peak load of about 3000 searches per hour.",
};

/// RO1-NFR-002 `mtls-igc-sante`: The transport is mutual TLS 1.2 or higher with an IGC Santé client certificate whose CN and OU the server checks.
pub static RO1_NFR_002: RuleMeta = RuleMeta {
    id: "RO1-NFR-002",
    name: "mtls-igc-sante",
    severity: Severity::Error,
    scope: "ALL",
    source: "IG securite.md; agg-psindiv #1-#3; kit mtls_group + tls_version_test — https://interop.esante.gouv.fr/ig/fhir/sas/securite.html https://esante.gouv.fr/sites/default/files/media/document/SAS_SPEC_Securisation-des-echanges-par-mTLS_20240524_V3.2.pdf",
    summary_fr: "Le transport est en TLS mutuel 1.2 ou plus avec un certificat client IGC Santé dont le serveur vérifie le CN et l'OU.",
    summary_en: "The transport is mutual TLS 1.2 or higher with an IGC Santé client certificate whose CN and OU the server checks.",
};

/// RO1-APPT-001 `appointment-operator-extension`: The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.
pub static RO1_APPT_001: RuleMeta = RuleMeta {
    id: "RO1-APPT-001",
    name: "appointment-operator-extension",
    severity: Severity::Error,
    scope: "APPT",
    source: "FrAppointmentSAS; sas-sos-appointment — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-sos-appointment.html",
    summary_fr: "Le rendez-vous porte exactement une extension FrAppointmentOperator dont valueReference.identifier est complet.",
    summary_en: "The appointment carries exactly one FrAppointmentOperator extension whose valueReference.identifier is complete.",
};

/// RO1-APPT-002 `appointment-operator-identifier`: The operator identifier is an IDNPS (urn:oid:1.2.250.1.71.4.2.1, prefixed value) or an INTRN (urn:oid:1.2.250.1.213.3.6, UUID).
pub static RO1_APPT_002: RuleMeta = RuleMeta {
    id: "RO1-APPT-002",
    name: "appointment-operator-identifier",
    severity: Severity::Error,
    scope: "APPT",
    source: "IG gestion_rdv nomenclature; sas-valueset-typeidentifiant — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "L'identifiant de l'opérateur est un IDNPS (urn:oid:1.2.250.1.71.4.2.1, valeur préfixée) ou un INTRN (urn:oid:1.2.250.1.213.3.6, UUID).",
    summary_en: "The operator identifier is an IDNPS (urn:oid:1.2.250.1.71.4.2.1, prefixed value) or an INTRN (urn:oid:1.2.250.1.213.3.6, UUID).",
};

/// RO1-APPT-003 `appointment-identifier-start-end`: Appointment.identifier is single with a system and a value, and start and end are present.
pub static RO1_APPT_003: RuleMeta = RuleMeta {
    id: "RO1-APPT-003",
    name: "appointment-identifier-start-end",
    severity: Severity::Error,
    scope: "APPT",
    source: "FrAppointmentSAS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "Appointment.identifier est unique avec un système et une valeur, et start et end sont présents.",
    summary_en: "Appointment.identifier is single with a system and a value, and start and end are present.",
};

/// RO1-APPT-004 `appointment-participant-idnps`: participant.actor.identifier is an IDNPS: type fr-v2-0203#IDNPS, system urn:oid:1.2.250.1.71.4.2.1, value 8 + RPPS or 0 + ADELI.
pub static RO1_APPT_004: RuleMeta = RuleMeta {
    id: "RO1-APPT-004",
    name: "appointment-participant-idnps",
    severity: Severity::Error,
    scope: "APPT",
    source: "FrAppointmentSAS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "participant.actor.identifier est un IDNPS : type fr-v2-0203#IDNPS, système urn:oid:1.2.250.1.71.4.2.1, valeur 8 + RPPS ou 0 + ADELI.",
    summary_en: "participant.actor.identifier is an IDNPS: type fr-v2-0203#IDNPS, system urn:oid:1.2.250.1.71.4.2.1, value 8 + RPPS or 0 + ADELI.",
};

/// RO1-APPT-005 `appointment-participant-accepted`: participant.status is accepted (1.1.0 pattern); the main version also allows needs-action.
pub static RO1_APPT_005: RuleMeta = RuleMeta {
    id: "RO1-APPT-005",
    name: "appointment-participant-accepted",
    severity: Severity::Error,
    scope: "APPT",
    source: "FrAppointmentSAS 1.1.0 vs main — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrAppointmentSAS.html",
    summary_fr: "participant.status vaut accepted (motif 1.1.0) ; la version main admet aussi needs-action.",
    summary_en: "participant.status is accepted (1.1.0 pattern); the main version also allows needs-action.",
};

/// RO1-APPT-006 `appointment-status-created`: Appointment.status is booked, fulfilled, noshow or cancelled (pending for SOS on main), and created is sent.
pub static RO1_APPT_006: RuleMeta = RuleMeta {
    id: "RO1-APPT-006",
    name: "appointment-status-created",
    severity: Severity::Warning,
    scope: "APPT",
    source: "IG gestion_rdv nomenclature; main FSH — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_rdv.html",
    summary_fr: "Appointment.status vaut booked, fulfilled, noshow ou cancelled (pending en SOS sur main), et created est transmis.",
    summary_en: "Appointment.status is booked, fulfilled, noshow or cancelled (pending for SOS on main), and created is sent.",
};

/// RO1-REGUL-001 `regul-meta-source-sas`: The regulator Practitioner meta.source is urn:oid:1.2.250.1.213.3.6.
pub static RO1_REGUL_001: RuleMeta = RuleMeta {
    id: "RO1-REGUL-001",
    name: "regul-meta-source-sas",
    severity: Severity::Error,
    scope: "REGUL",
    source: "FrPractitionerRegul pattern — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "meta.source du Practitioner régulateur vaut urn:oid:1.2.250.1.213.3.6.",
    summary_en: "The regulator Practitioner meta.source is urn:oid:1.2.250.1.213.3.6.",
};

/// RO1-REGUL-002 `regul-identifier-idnps-or-intrn`: The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.
pub static RO1_REGUL_002: RuleMeta = RuleMeta {
    id: "RO1-REGUL-002",
    name: "regul-identifier-idnps-or-intrn",
    severity: Severity::Error,
    scope: "REGUL",
    source: "FrPractitionerRegul slices — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a un identifiant national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) ou technique SAS (INTRN, urn:oid:1.2.250.1.213.3.6, UUID), au plus un de chaque.",
    summary_en: "The regulator has a national (IDNPS, urn:oid:1.2.250.1.71.4.2.1) or SAS technical (INTRN, urn:oid:1.2.250.1.213.3.6, UUID) identifier, at most one of each.",
};

/// RO1-REGUL-003 `regul-active-name-email`: The regulator has active, name.family, exactly one name.given and an email telecom with its value.
pub static RO1_REGUL_003: RuleMeta = RuleMeta {
    id: "RO1-REGUL-003",
    name: "regul-active-name-email",
    severity: Severity::Error,
    scope: "REGUL",
    source: "FrPractitionerRegul — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-FrPractitionerRegul.html",
    summary_fr: "Le régulateur a active, name.family, exactement un name.given et un telecom email avec sa valeur.",
    summary_en: "The regulator has active, name.family, exactly one name.given and an email telecom with its value.",
};

/// RO1-REGUL-004 `regul-http-contract`: POST \[base\]/Practitioner answers 201 + Location, the conditional PUT 200 (201 when it creates), a duplicate or missing field 4xx/5xx + OperationOutcome.
pub static RO1_REGUL_004: RuleMeta = RuleMeta {
    id: "RO1-REGUL-004",
    name: "regul-http-contract",
    severity: Severity::Error,
    scope: "REGUL",
    source: "IG gestion_regulateur; kit flux_v1 tests — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_regulateur.html",
    summary_fr: "POST [base]/Practitioner répond 201 + Location, le PUT conditionnel 200 (201 s'il crée), un doublon ou un champ manquant 4xx/5xx + OperationOutcome.",
    summary_en: "POST [base]/Practitioner answers 201 + Location, the conditional PUT 200 (201 when it creates), a duplicate or missing field 4xx/5xx + OperationOutcome.",
};

/// Every rule, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &RO1_REQ_001,
    &RO1_REQ_002,
    &RO1_REQ_003,
    &RO1_REQ_004,
    &RO1_REQ_005,
    &RO1_REQ_006,
    &RO1_REQ_007,
    &RO1_REQ_008,
    &RO1_REQ_009,
    &RO1_REQ_010,
    &RO1_REQ_011,
    &RO1_REQ_012,
    &RO1_REQ_013,
    &RO1_REQ_014,
    &RO1_REQ_015,
    &RO1_HTTP_001,
    &RO1_HTTP_002,
    &RO1_HTTP_003,
    &RO1_HTTP_004,
    &RO1_HTTP_005,
    &RO1_BODY_001,
    &RO1_FLOW_001,
    &RO1_JSON_001,
    &RO1_FHIR_001,
    &RO1_FHIR_002,
    &RO1_FHIR_003,
    &RO1_FHIR_004,
    &RO1_FHIR_005,
    &RO1_FHIR_006,
    &RO1_FHIR_007,
    &RO1_FHIR_008,
    &RO1_META_001,
    &RO1_BUNDLE_001,
    &RO1_BUNDLE_002,
    &RO1_BUNDLE_003,
    &RO1_BUNDLE_004,
    &RO1_BUNDLE_005,
    &RO1_BUNDLE_006,
    &RO1_BUNDLE_007,
    &RO1_BUNDLE_008,
    &RO1_BUNDLE_009,
    &RO1_BUNDLE_010,
    &RO1_BUNDLE_011,
    &RO1_BUNDLE_012,
    &RO1_BUNDLE_013,
    &RO1_SLOT_001,
    &RO1_SLOT_002,
    &RO1_SLOT_003,
    &RO1_SLOT_004,
    &RO1_SLOT_005,
    &RO1_SLOT_006,
    &RO1_SLOT_007,
    &RO1_SLOT_008,
    &RO1_SLOT_009,
    &RO1_SLOT_010,
    &RO1_SLOT_011,
    &RO1_SLOT_012,
    &RO1_SLOT_013,
    &RO1_SLOT_014,
    &RO1_SLOT_015,
    &RO1_SLOT_016,
    &RO1_SLOT_017,
    &RO1_SCHED_001,
    &RO1_SCHED_002,
    &RO1_SCHED_003,
    &RO1_SCHED_004,
    &RO1_SCHED_005,
    &RO1_SCHED_006,
    &RO1_PRACT_001,
    &RO1_PRACT_002,
    &RO1_PRACT_003,
    &RO1_PRACT_004,
    &RO1_PRACT_005,
    &RO1_PRACT_006,
    &RO1_PRACT_007,
    &RO1_PRACT_008,
    &RO1_PRACT_009,
    &RO1_ROLE_001,
    &RO1_ROLE_002,
    &RO1_ROLE_003,
    &RO1_ROLE_004,
    &RO1_ROLE_005,
    &RO1_ROLE_006,
    &RO1_ROLE_007,
    &RO1_ROLE_008,
    &RO1_LOC_001,
    &RO1_LOC_002,
    &RO1_LOC_003,
    &RO1_LOC_004,
    &RO1_LOC_005,
    &RO1_CPTS_001,
    &RO1_CPTS_002,
    &RO1_CPTS_003,
    &RO1_CPTS_004,
    &RO1_CPTS_005,
    &RO1_CPTS_006,
    &RO1_CPTS_007,
    &RO1_CPTS_008,
    &RO1_CPTS_009,
    &RO1_SOS_001,
    &RO1_SOS_002,
    &RO1_SOS_003,
    &RO1_SOS_004,
    &RO1_SOS_005,
    &RO1_SOS_006,
    &RO1_SOS_007,
    &RO1_ID_001,
    &RO1_ID_002,
    &RO1_ID_003,
    &RO1_ID_004,
    &RO1_ID_005,
    &RO1_ID_006,
    &RO1_ID_007,
    &RO1_ID_008,
    &RO1_ID_009,
    &RO1_ID_010,
    &RO1_REF_001,
    &RO1_REF_002,
    &RO1_REF_003,
    &RO1_REF_004,
    &RO1_REF_005,
    &RO1_WIN_001,
    &RO1_WIN_002,
    &RO1_WIN_003,
    &RO1_OO_001,
    &RO1_OO_002,
    &RO1_OO_003,
    &RO1_OO_004,
    &RO1_NFR_001,
    &RO1_NFR_002,
    &RO1_APPT_001,
    &RO1_APPT_002,
    &RO1_APPT_003,
    &RO1_APPT_004,
    &RO1_APPT_005,
    &RO1_APPT_006,
    &RO1_REGUL_001,
    &RO1_REGUL_002,
    &RO1_REGUL_003,
    &RO1_REGUL_004,
];

/// Rules of the validator that are not rows of the SAS rule catalogue
/// (`rule-catalogue.csv`): they come from the report contract (SPEC §10).
pub const REPORT_RULES: &[&RuleMeta] = &[&RO1_BODY_001, &RO1_FLOW_001];

/// Looks a rule up by its ID or its name.
///
/// The comparison ignores ASCII case and reads `_` as `-`, so `RO1-SLOT-004`,
/// `ro1_slot_004` and `slot-instant-sas-format` all find the same rule.
///
/// ```
/// use fr_fhir_core::rules::catalog::{RO1_SLOT_004, by_id};
/// assert_eq!(by_id("RO1-SLOT-004"), Some(&RO1_SLOT_004));
/// assert_eq!(by_id("slot-instant-sas-format").map(|r| r.id), Some("RO1-SLOT-004"));
/// assert!(by_id("RO1-SLOT-999").is_none());
/// ```
pub fn by_id(id: &str) -> Option<&'static RuleMeta> {
    let key = id.trim();
    RULES.iter().copied().find(|rule| same_key(rule.id, key) || same_key(rule.name, key))
}

/// ASCII case-insensitive equality that reads `_` as `-`.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y))
}

fn fold(byte: u8) -> u8 {
    if byte == b'_' { b'-' } else { byte.to_ascii_lowercase() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::path::PathBuf;

    /// `rule-catalogue.csv` rows as (id, severity, scope), or `None` when the
    /// spec folder is not there (the crate is built outside the workspace).
    fn csv_rows() -> Option<Vec<(String, String, String)>> {
        let dir = std::env::var_os("SAS_SPEC_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec"));
        let path = dir.join("derived/rule-catalogue.csv");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} not found, catalogue/CSV comparison skipped", path.display());
            return None;
        };
        let records = parse_csv(text.trim_start_matches('\u{feff}'));
        let header = &records[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (id, sev, scope) = (col("id"), col("severity"), col("scope"));
        Some(
            records[1..]
                .iter()
                .filter(|r| r.iter().any(|f| !f.is_empty()))
                .map(|r| (r[id].clone(), r[sev].clone(), r[scope].clone()))
                .collect(),
        )
    }

    /// Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut records = vec![];
        let mut record = vec![];
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, _) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, _) => field.push(c),
            }
        }
        if !field.is_empty() || !record.is_empty() {
            record.push(field);
            records.push(record);
        }
        records
    }

    #[test]
    fn csv_reader_handles_quotes() {
        let rows = parse_csv("a,b\r\n\"x, \"\"y\"\"\",z\n");
        assert_eq!(rows, vec![vec!["a", "b"], vec!["x, \"y\"", "z"]]);
    }

    #[test]
    fn ids_are_unique() {
        let ids: HashSet<_> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len());
    }

    #[test]
    fn ids_are_exactly_the_csv_ones_in_order() {
        let Some(rows) = csv_rows() else { return };
        let csv: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let ours: Vec<&str> = RULES
            .iter()
            .filter(|r| !REPORT_RULES.iter().any(|x| x.id == r.id))
            .map(|r| r.id)
            .collect();
        let missing: Vec<_> = csv.iter().filter(|id| !ours.contains(id)).collect();
        let extra: Vec<_> = ours.iter().filter(|id| !csv.contains(id)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
        assert_eq!(ours, csv, "RULES must follow the catalogue order");
    }

    #[test]
    fn severities_and_scopes_match_the_csv() {
        let Some(rows) = csv_rows() else { return };
        for (id, severity, scope) in &rows {
            let rule = by_id(id).unwrap();
            let expected: Severity = severity.parse().unwrap();
            assert_eq!(rule.severity, expected, "{id}");
            assert_eq!(rule.scope, scope, "{id}");
        }
    }

    #[test]
    fn names_are_unique_kebab_case_and_short() {
        let mut seen = HashSet::new();
        for rule in RULES {
            let name = rule.name;
            assert!(seen.insert(name), "duplicate name {name}");
            assert!(!name.is_empty() && name.len() <= 40, "{name}: 1 to 40 characters");
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}: only a-z, 0-9 and -"
            );
            assert!(
                !name.starts_with('-') && !name.ends_with('-') && !name.contains("--"),
                "{name}: malformed kebab-case"
            );
            assert!(
                by_id(name).is_some_and(|r| r.id == rule.id),
                "{name} resolves to another rule"
            );
        }
    }

    #[test]
    fn ids_have_the_catalogue_shape() {
        for rule in RULES {
            let mut parts = rule.id.split('-');
            assert_eq!(parts.next(), Some("RO1"), "{}", rule.id);
            let family = parts.next().unwrap();
            assert!(family.bytes().all(|b| b.is_ascii_uppercase()), "{}", rule.id);
            let number = parts.next().unwrap();
            assert!(number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()), "{}", rule.id);
            assert!(parts.next().is_none(), "{}", rule.id);
        }
    }

    #[test]
    fn texts_are_single_filled_sentences() {
        for rule in RULES {
            for (what, text) in [
                ("source", rule.source),
                ("summary_fr", rule.summary_fr),
                ("summary_en", rule.summary_en),
            ] {
                assert!(!text.trim().is_empty(), "{} {what} empty", rule.id);
                assert!(!text.contains('\n'), "{} {what} spans lines", rule.id);
            }
            for text in [rule.summary_fr, rule.summary_en] {
                assert!(text.ends_with('.'), "{}: summary must end with a period", rule.id);
            }
            assert_ne!(rule.summary_fr, rule.summary_en, "{}: French summary missing", rule.id);
        }
    }

    #[test]
    fn sources_link_the_ig_pages_they_name() {
        for rule in RULES {
            let names_a_page = ["FAQ", "IG '", "page", "annexes", "securite"]
                .iter()
                .any(|word| rule.source.contains(word));
            if names_a_page {
                assert!(rule.source.contains("https://"), "{}: URL missing", rule.id);
            }
        }
    }

    #[test]
    fn by_id_finds_ids_and_names() {
        assert_eq!(by_id("RO1-SLOT-004").map(|r| r.name), Some("slot-instant-sas-format"));
        assert_eq!(by_id("ro1-slot-004").map(|r| r.id), Some("RO1-SLOT-004"));
        assert_eq!(by_id("RO1_SLOT_004").map(|r| r.id), Some("RO1-SLOT-004"));
        assert_eq!(by_id(" slot-status-free ").map(|r| r.id), Some("RO1-SLOT-001"));
        assert_eq!(by_id("SLOT-STATUS-FREE").map(|r| r.id), Some("RO1-SLOT-001"));
        assert!(by_id("").is_none());
        assert!(by_id("RO1-SLOT").is_none());
        assert!(by_id("slot-status-fre").is_none());
        for rule in RULES {
            assert!(std::ptr::eq(by_id(rule.id).unwrap(), *rule));
            assert!(std::ptr::eq(by_id(rule.name).unwrap(), *rule));
        }
    }

    #[test]
    fn statics_are_named_after_their_ids() {
        assert_eq!(RO1_REQ_001.id, "RO1-REQ-001");
        assert_eq!(RO1_SLOT_004.id, "RO1-SLOT-004");
        assert_eq!(RO1_NFR_001.severity, Severity::Information);
        assert_eq!(RO1_REGUL_004.id, "RO1-REGUL-004");
    }
}
