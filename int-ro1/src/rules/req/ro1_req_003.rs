//! RO1-REQ-003 `request-start-ge-and-le`.
//!
//! The request carries exactly one start parameter with prefix ge and one with prefix le, each a valid FHIR date or dateTime.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REQ-003 `request-start-ge-and-le`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REQ-003",
    name: "request-start-ge-and-le",
    severity: Severity::Error,
    scope: Scope::PS_CPTS,
    source: "IG search table ids 1-2; SearchParameter slot-sp-start (comparators ge, le; multipleAnd true, multipleOr false); agg-psindiv #26 — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-recherche_creneaux.html",
    summary_fr: "La requête porte exactement un paramètre start préfixé ge et un préfixé le, chacun étant une date ou dateTime FHIR valide.",
    summary_en: "The request carries exactly one start parameter with prefix ge and one with prefix le, each a valid FHIR date or dateTime.",
    doc: RuleDoc {
        what_fr: "Vérifie que le paramètre start apparaît exactement deux fois, une fois avec le préfixe ge (borne basse) et une fois avec le préfixe le (borne haute), et que chaque valeur se lit comme une date ou un dateTime FHIR ; tout autre préfixe (gt, lt, eq…) ou une borne manquante est une erreur.",
        why_fr: "Le tableau de recherche de l'IG (lignes 1 et 2) rend les deux bornes obligatoires ; le SearchParameter slot-sp-start n'admet que les comparateurs ge et le (multipleAnd vrai, multipleOr faux) ; exigence agg-psindiv #26. Kit officiel ANS : implicite, le kit construit toujours la requête ainsi.",
        example_fr: "GET /fhir/Slot?start=ge2024-06-12T08:00:00.000+02:00&status=free&…   (borne le absente)",
        fix_fr: "Envoyez start=ge<début>&start=le<fin>, chaque borne au format date FHIR (par exemple 2024-06-12T08:00:00.000+02:00).",
        what_en: "Checks that the start parameter appears exactly twice, once with the ge prefix (lower bound) and once with the le prefix (upper bound), and that each value parses as a FHIR date or dateTime; any other prefix (gt, lt, eq…) or a missing bound is an error.",
        why_en: "The IG search table (rows 1 and 2) makes both bounds mandatory; the slot-sp-start SearchParameter allows only the ge and le comparators (multipleAnd true, multipleOr false); requirement agg-psindiv #26. Official ANS kit: implicit, the kit always builds the request that way.",
        example_en: "GET /fhir/Slot?start=ge2024-06-12T08:00:00.000+02:00&status=free&…   (no le bound)",
        fix_en: "Send start=ge<from>&start=le<to>, each bound in FHIR date format (for example 2024-06-12T08:00:00.000+02:00).",
    },
};
