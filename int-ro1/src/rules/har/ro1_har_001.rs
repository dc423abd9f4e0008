//! RO1-HAR-001 `har-entry-unusable`.
//!
//! Each entry of a HAR capture is an object with a request and a response of the HAR 1.2 types; an entry that cannot be read is reported where it is, and the others are still validated.
//!
//! Not a row of the catalogue: a rule of the report contract (SPEC §10).

use fr_fhir_core::finding::{Finding, Message, Resolved, RuleDoc, RuleMeta, Severity, Target};
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Scope;

/// RO1-HAR-001 `har-entry-unusable`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-HAR-001",
    name: "har-entry-unusable",
    severity: Severity::Fatal,
    scope: Scope::ALL,
    source: "SPEC §10 report contract (broken inputs are findings); HAR 1.2 — http://www.softwareishard.com/blog/har-12-spec/",
    summary_fr: "Chaque entrée d'une capture HAR est un objet avec une requête et une réponse aux types HAR 1.2 ; une entrée illisible est signalée là où elle est, et les autres sont validées.",
    summary_en: "Each entry of a HAR capture is an object with a request and a response of the HAR 1.2 types; an entry that cannot be read is reported where it is, and the others are still validated.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque élément de log.entries d'une capture HAR est un objet portant request et response, avec les types de HAR 1.2 (un status numérique, des en-têtes en tableau...). Une entrée qui ne l'est pas ne peut pas être validée comme un échange : elle reçoit ce constat fatal, à son emplacement, et la validation passe à l'entrée suivante.",
        why_fr: "Le contrat de rapport (SPEC §10) fait d'une entrée illisible un constat de l'entrée, pas une panne de l'outil ni un silence ; ce n'est pas un défaut du corps de réponse (RO1-HTTP-004), c'est la capture elle-même qui est abîmée.",
        example_fr: "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://h/fhir/Slot\"},\"response\":{\"status\":\"200\"}}]}}   (status en texte)",
        fix_fr: "Recapturez l'échange avec l'outil de développement du navigateur ou le proxy, sans retoucher le fichier à la main.",
        what_en: "Checks that each element of log.entries of a HAR capture is an object carrying request and response, with the HAR 1.2 types (a numeric status, headers as an array...). An entry that is not cannot be validated as an exchange: it gets this fatal finding, at its place, and validation moves on to the next entry.",
        why_en: "The report contract (SPEC §10) makes an unreadable entry a finding of that entry, neither a tool failure nor silence; it is not a defect of the response body (RO1-HTTP-004), the capture itself is damaged.",
        example_en: "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://h/fhir/Slot\"},\"response\":{\"status\":\"200\"}}]}}   (status as text)",
        fix_en: "Capture the exchange again with the browser's developer tools or the proxy, without editing the file by hand.",
    },
};

/// The finding of entry `index` that could not be read: `problem` says why,
/// at `line`:`column` (byte `offset`) of the capture.
pub(crate) fn finding(
    index: usize,
    problem: &Message,
    (line, column): (u32, u32),
    offset: usize,
) -> Finding {
    Finding {
        rule: &RULE,
        severity: RULE.severity,
        target: Target::Body { span: Span::default(), child: None },
        message: Message::new(
            format!("entrée HAR inutilisable : {}", problem.fr),
            format!("unusable HAR entry: {}", problem.en),
        ),
        resolved: Some(Resolved {
            expression: format!("log.entries[{index}]"),
            line,
            column,
            offset: Some(offset as u64),
        }),
        cause: None,
        source: None,
    }
}
