//! RO1-BODY-001 `body-not-fhir-json`.
//!
//! The response body is usable FHIR JSON: not empty, not HTML or text, well-formed JSON, a resource with a known resourceType.
//!
//! Not a row of the catalogue: SPEC §10 (report contract) makes a broken body
//! a finding of its own instead of a tool failure.

use fr_fhir_core::finding::{Finding, Message, Resolved, RuleDoc, RuleMeta, Severity};
use fr_fhir_core::json::{JsonError, Kind, Reader, Span, resolve};
use fr_fhir_core::model::{is_r4_resource_type, sniff_resource_type};
use fr_fhir_core::rules::{Scope, quote};

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

/// The fatal RO1-BODY-001 finding of an unusable body.
pub(crate) fn unusable(at: Span, message: Message) -> Finding {
    Finding::body(&RULE, at, message)
}

/// A body that is JSON but not a FHIR resource: a value other than an
/// object, an object without `resourceType`, or a type FHIR R4 does not
/// have. `None` when it is a resource, or when it is not JSON at all (the
/// reading then says where it breaks).
pub(crate) fn not_a_resource(body: &str) -> Option<Finding> {
    let mut r = Reader::new(body);
    let kind = r.peek().ok()?;
    let at = Span::new(r.pos32(), r.pos32());
    let (fr, en) = match kind {
        Kind::Object => match sniff_resource_type(&r) {
            Ok(Some(t)) if is_r4_resource_type(&t) => return None,
            Ok(Some(t)) => (
                format!(
                    "resourceType {} inconnu en FHIR R4 (la casse compte) : le corps n'est pas une ressource FHIR",
                    quote(&t)
                ),
                format!(
                    "resourceType {} is not a FHIR R4 resource type (case matters): the body is not a FHIR resource",
                    quote(&t)
                ),
            ),
            Ok(None) => (
                "objet JSON sans `resourceType` (une chaîne) : le corps n'est pas une ressource FHIR".to_owned(),
                "JSON object without `resourceType` (a string): the body is not a FHIR resource".to_owned(),
            ),
            Err(_) => return None,
        },
        other => (
            format!(
                "le corps est une valeur JSON de type {}, pas une ressource FHIR (un objet avec resourceType)",
                other.name_fr()
            ),
            format!(
                "the body is a JSON {}, not a FHIR resource (an object with resourceType)",
                other.name()
            ),
        ),
    };
    Some(unusable(at, Message::new(fr, en)))
}

/// The body does not parse: say what it looks like, with the JSON position.
pub(crate) fn not_json(body: &str, e: &JsonError) -> Finding {
    let trimmed = body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let at = u32::try_from(e.offset).unwrap_or(u32::MAX);
    // The body as a whole: located by the exchange (`response.body`, or
    // `log.entries[i].response.content.text` in a HAR capture).
    let whole = |message| unusable(Span::new(0, 0), message);
    if trimmed.is_empty() {
        return whole(Message::new(
            "corps de réponse vide : attendu un Bundle (succès) ou un OperationOutcome (échec) en JSON",
            "empty response body: expected a JSON Bundle (success) or OperationOutcome (failure)",
        ));
    }
    if trimmed.starts_with('<') {
        return whole(Message::new(
            "le corps de la réponse est du HTML ou du XML, pas du JSON FHIR (page d'erreur d'un serveur ou d'un proxy ?)",
            "the response body is HTML or XML, not FHIR JSON (an error page from a server or proxy?)",
        ));
    }
    let m = e.message();
    let mut f = unusable(
        Span::new(at, at),
        Message::new(
            format!("le corps de la réponse n'est pas du JSON valide : {}", m.fr),
            format!("the response body is not valid JSON: {}", m.en),
        ),
    );
    // The path reached before the error tells where to look.
    let root = {
        let mut r = Reader::new(body);
        match r.peek() {
            Ok(Kind::Object) => sniff_resource_type(&r).ok().flatten().map(|s| s.to_string()),
            _ => None,
        }
    };
    let root = root.unwrap_or_else(|| "$".to_owned());
    let loc = resolve::resolve(body, &root, &[(at, None)]);
    let expression = loc.into_iter().next().map(|l| l.expression).unwrap_or(root);
    f.resolved = Some(Resolved { expression, line: 0, column: 0, offset: None });
    f
}
