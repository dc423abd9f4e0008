//! RO1-REQ-006 `request-practitioner-ids-1-to-25`.
//!
//! The schedule.actor:Practitioner.identifier parameter is present once and lists 1 to 25 comma-separated tokens.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-006 `request-practitioner-ids-1-to-25`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-006",
    name: "request-practitioner-ids-1-to-25",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG search table id 3 (1..25); agg-psindiv #29 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "Le paramètre schedule.actor:Practitioner.identifier est présent une seule fois et liste de 1 à 25 jetons séparés par des virgules.",
    summary_en: "The schedule.actor:Practitioner.identifier parameter is present once and lists 1 to 25 comma-separated tokens.",
    doc: RuleDoc {
        what_fr: "Vérifie que schedule.actor:Practitioner.identifier apparaît une et une seule fois et que sa valeur est une liste OU de 1 à 25 jetons séparés par des virgules, sans jeton vide.",
        why_fr: "Le tableau de recherche de l'IG (ligne 3) fixe la cardinalité 1..25 ; exigence agg-psindiv #29. Répéter le paramètre ferait un ET (aucun créneau ne peut appartenir à deux praticiens). Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810101215225&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810002909371&…",
        fix_fr: "Regroupez les praticiens dans un seul paramètre, séparés par des virgules, et découpez les recherches au-delà de 25 identifiants.",
        what_en: "Checks that schedule.actor:Practitioner.identifier appears exactly once and that its value is an OR list of 1 to 25 comma-separated tokens, with no empty token.",
        why_en: "The IG search table (row 3) sets the 1..25 cardinality; requirement agg-psindiv #29. Repeating the parameter would mean AND (no slot belongs to two practitioners). Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810101215225&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|810002909371&…",
        fix_en: "Group the practitioners in one parameter, separated by commas, and split searches above 25 identifiers.",
    },
};
