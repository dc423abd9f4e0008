//! RO1-BODY-001 `body-not-fhir-json`.
//!
//! The response body is usable FHIR JSON: not empty, not HTML or text, well-formed JSON, a resource with a known resourceType.
//!
//! Not a row of the catalogue: SPEC §10 (report contract) makes a broken body
//! a finding of its own instead of a tool failure.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-BODY-001 `body-not-fhir-json`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BODY-001",
    name: "body-not-fhir-json",
    severity: Severity::Fatal,
    scope: Scope::ALL,
    source: "SPEC §10 report contract; FHIR R4 JSON format — https://hl7.org/fhir/R4/json.html",
    summary_fr: "Le corps de la réponse est du JSON FHIR exploitable : ni vide, ni HTML ou texte, du JSON bien formé, une ressource au resourceType connu.",
    summary_en: "The response body is usable FHIR JSON: not empty, not HTML or text, well-formed JSON, a resource with a known resourceType.",
    doc: RuleDoc {
        what_fr: "Signale un corps de réponse inexploitable : vide, page HTML ou XML, texte, JSON tronqué ou mal formé, valeur JSON qui n'est pas une ressource (tableau, chaîne, objet sans resourceType), resourceType inconnu en FHIR R4, corps non UTF-8 ou illisible dans la capture. Gravité fatal : aucune autre règle ne peut s'appliquer à ce corps.",
        why_fr: "Contrat de rapport (SPEC §10) : un corps cassé est un défaut de l'éditeur, rapporté comme un constat avec sa ligne et sa colonne (code retour 1), et non une panne de l'outil (code retour 2, réservé à ce qui ne peut pas être lu : fichier absent, capture HAR qui n'en est pas une). Format JSON de FHIR R4.",
        example_fr: "HTTP/1.1 200 OK  Content-Type: text/html  <html><body>Erreur interne</body></html>",
        fix_fr: "Répondez toujours en JSON FHIR : un Bundle searchset en cas de succès, un OperationOutcome en cas d'échec ; vérifiez qu'aucun proxy ne remplace la réponse par une page d'erreur.",
        what_en: "Reports an unusable response body: empty, an HTML or XML page, text, truncated or malformed JSON, a JSON value that is not a resource (array, string, object without resourceType), a resourceType unknown to FHIR R4, a body that is not UTF-8 or cannot be read from the capture. Severity fatal: no other rule can apply to that body.",
        why_en: "Report contract (SPEC §10): a broken body is the vendor's defect, reported as a finding with its line and column (exit status 1), not a failure of the tool (exit status 2, kept for what cannot be read: a missing file, a HAR capture that is not one). FHIR R4 JSON format.",
        example_en: "HTTP/1.1 200 OK  Content-Type: text/html  <html><body>Internal error</body></html>",
        fix_en: "Always answer FHIR JSON: a searchset Bundle on success, an OperationOutcome on failure; check that no proxy replaces the answer with an error page.",
    },
};
