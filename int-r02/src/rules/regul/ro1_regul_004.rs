//! RO1-REGUL-004 `regul-http-contract`.
//!
//! POST \[base\]/Practitioner answers 201 + Location, the conditional PUT 200 (201 when it creates), a duplicate or missing field 4xx/5xx + OperationOutcome.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-REGUL-004 `regul-http-contract`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-REGUL-004",
    name: "regul-http-contract",
    severity: Severity::Error,
    scope: Scope::REGUL,
    source: "IG gestion_regulateur; kit flux_v1 tests — https://interop.esante.gouv.fr/ig/fhir/sas/specifications_techniques-ps-gestion_regulateur.html",
    summary_fr: "POST [base]/Practitioner répond 201 + Location, le PUT conditionnel 200 (201 s'il crée), un doublon ou un champ manquant 4xx/5xx + OperationOutcome.",
    summary_en: "POST [base]/Practitioner answers 201 + Location, the conditional PUT 200 (201 when it creates), a duplicate or missing field 4xx/5xx + OperationOutcome.",
    doc: RuleDoc {
        what_fr: "Vérifie les échanges du flux régulateur : création POST [base]/Practitioner → 201 avec en-tête Location ; mise à jour PUT [base]/Practitioner?identifier=système|valeur → 200, ou 201 quand elle crée le compte ; création en double ou champ manquant → 4xx/5xx avec OperationOutcome.",
        why_fr: "Page gestion des comptes régulateurs de l'IG et tests flux_v1 du kit. Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "POST /fhir/Practitioner → HTTP/1.1 200 OK (sans en-tête Location)",
        fix_fr: "Répondez 201 avec Location: [base]/Practitioner/<id> à la création, et traitez le PUT conditionnel comme une création si le compte n'existe pas.",
        what_en: "Checks the regulator-flow exchanges: create POST [base]/Practitioner → 201 with a Location header; update PUT [base]/Practitioner?identifier=system|value → 200, or 201 when it creates the account; duplicate create or missing field → 4xx/5xx with an OperationOutcome.",
        why_en: "IG regulator-account page and the kit's flux_v1 tests. Official ANS kit: checked by a dedicated assertion.",
        example_en: "POST /fhir/Practitioner → HTTP/1.1 200 OK (no Location header)",
        fix_en: "Answer 201 with Location: [base]/Practitioner/<id> on create, and treat the conditional PUT as a create when the account does not exist.",
    },
};
