//! RO1-REQ-*: the search request.

use chrono::TimeDelta;
use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity};
use fr_fhir_core::ids::IdError;
use fr_fhir_core::json::Span;

use crate::request::SearchRequest;
use crate::request::params::{
    DateParam, Include, Prefix, Token, UseCase, UseCaseParams, names, token_ranges, values,
};
use crate::request::query::{DecodeErrorKind, ParsedQuery};
use crate::rules::support::findings;

pub mod ro1_req_001;
pub mod ro1_req_002;
pub mod ro1_req_003;
pub mod ro1_req_004;
pub mod ro1_req_005;
pub mod ro1_req_006;
pub mod ro1_req_007;
pub mod ro1_req_008;
pub mod ro1_req_009;
pub mod ro1_req_010;
pub mod ro1_req_011;
pub mod ro1_req_012;
pub mod ro1_req_013;
pub mod ro1_req_014;
pub mod ro1_req_015;

/// The rules of this folder that are checked, in number order.
pub const RULES: &[&RuleMeta] = &[
    &ro1_req_001::RULE,
    &ro1_req_002::RULE,
    &ro1_req_003::RULE,
    &ro1_req_004::RULE,
    &ro1_req_005::RULE,
    &ro1_req_006::RULE,
    &ro1_req_007::RULE,
    &ro1_req_008::RULE,
    &ro1_req_009::RULE,
    &ro1_req_010::RULE,
    &ro1_req_011::RULE,
    &ro1_req_012::RULE,
    &ro1_req_013::RULE,
    &ro1_req_014::RULE,
    &ro1_req_015::RULE,
];

// The checks below are shared by the rules that split one requirement by use
// case (REQ-001/002 for the method and path, REQ-003/012 for the dates,
// REQ-006/007/013 for the identifiers, REQ-008/012 for the status,
// REQ-009/010/011 for the includes): the driver in `request/rules.rs`
// chooses the rule, these judge under it.

/// [`findings::request`] with the rule's own severity.
pub(crate) fn push(
    out: &mut Vec<Finding>,
    rule: &'static RuleMeta,
    span: Span,
    param: &str,
    message: Message,
) {
    out.push(findings::request(rule, rule.severity, span, param, message));
}

/// An identifier error named with its value, as the body rules say it
/// (`identifier `810…`: IDNPS RPPS: check digit (Luhn) is 9, expected 4`).
pub(crate) fn quoted(value: &str, error: &Message) -> Message {
    let shown = fr_fhir_core::rules::quote(value);
    with_cause(format!("identifiant {shown}"), format!("identifier {shown}"), error)
}

/// Prefixes a bilingual message with context in both languages.
pub(crate) fn with_cause(fr: String, en: String, cause: &Message) -> Message {
    Message::new(format!("{fr} : {}", cause.fr), format!("{en}: {}", cause.en))
}

/// `_include`, `_include:iterate` or `_revinclude`.
pub(crate) fn is_include_name(name: &str) -> bool {
    name == names::INCLUDE || name == names::INCLUDE_ITERATE || name == names::REVINCLUDE
}

/// RO1-REQ-004 / 005: when both window bounds are valid dates, `judge` gets
/// the window's length and the `ge` and `le` texts; the message it returns
/// is reported under `rule` on the `le` bound.
pub(crate) fn check_window(
    rule: &'static RuleMeta,
    req: &SearchRequest,
    raw: &ParsedQuery<'_>,
    out: &mut Vec<Finding>,
    judge: impl Fn(TimeDelta, &str, &str) -> Option<(String, String)>,
) {
    let (Some(ge), Some(le)) = (&req.ge, &req.le) else { return };
    let (Ok(lower), Ok(upper)) = (&ge.bound, &le.bound) else { return };
    let Some((fr, en)) = judge(upper.upper - lower.lower, &ge.text, &le.text) else { return };
    let span = le.span.unwrap_or(raw.query);
    push(out, rule, span, req.use_case.start_param(), Message::new(fr, en));
}

/// RO1-REQ-001 / 002 on the method and body of the request, under `rule`.
pub(crate) fn check_method(rule: &'static RuleMeta, method: &str, body_len: usize) -> Vec<Finding> {
    let mut out = Vec::new();
    if method != "GET" {
        out.push(findings::exchange(
            rule,
            rule.severity,
            "method",
            Message::new(
                format!("méthode HTTP `{method}`, attendu `GET`"),
                format!("HTTP method `{method}`, expected `GET`"),
            ),
        ));
    }
    if body_len > 0 {
        out.push(findings::exchange(
            rule,
            rule.severity,
            "body",
            Message::new(
                format!("la requête de recherche a un corps de {body_len} octets, attendu aucun"),
                format!("the search request has a body of {body_len} bytes, expected none"),
            ),
        ));
    }
    out
}

/// Percent-escapes and UTF-8 problems, under the rule `owner` gives for
/// their parameter (`path` for the rest of the URL).
pub(crate) fn check_decoding(
    raw: &ParsedQuery<'_>,
    path: &'static RuleMeta,
    owner: impl Fn(&str, &str) -> &'static RuleMeta,
    out: &mut Vec<Finding>,
) {
    for e in &raw.errors {
        let param =
            raw.params.iter().find(|p| p.span.start <= e.span.start && e.span.end <= p.span.end);
        let (rule, param) = match (e.kind, param) {
            (DecodeErrorKind::InvalidEscape | DecodeErrorKind::InvalidUtf8, Some(p)) => {
                (owner(&p.name, &p.value), p.name.to_string())
            }
            _ => (path, String::new()),
        };
        let message = e.message(raw.input());
        // A malformed URL is an error even on a tolerated parameter.
        out.push(findings::request(rule, Severity::Error, e.span, &param, message));
    }
}

/// RO1-REQ-001 / 002: the path ends with the searched resource.
pub(crate) fn check_path(
    rule: &'static RuleMeta,
    uc: UseCase,
    raw: &ParsedQuery<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(path) = &raw.path else { return };
    let expected = uc.resource();
    if path.resource == expected {
        return;
    }
    let span = if path.resource.is_empty() { path.span } else { path.resource_span };
    let actual = path.span.slice(raw.input()).unwrap_or("");
    let (fr, en) = (
        format!(
            "chemin `{actual}` : attendu `[base]/{expected}` pour une recherche {}",
            uc.as_str()
        ),
        format!("path `{actual}`: expected `[base]/{expected}` for a {} search", uc.as_str()),
    );
    push(out, rule, span, "", Message::new(fr, en));
}

/// RO1-REQ-003 / 012: exactly one `ge` and one `le`, both valid dates.
pub(crate) fn check_dates(
    rule: &'static RuleMeta,
    uc: UseCase,
    raw: &ParsedQuery<'_>,
    out: &mut Vec<Finding>,
) {
    let name = uc.start_param();
    let mut seen = [0usize; 2];
    for p in raw.get_all(name) {
        let (prefix, text) = Prefix::split(&p.value);
        let index = match prefix {
            Some(Prefix::Ge) => 0,
            Some(Prefix::Le) => 1,
            other => {
                let written = other.map_or("(aucun)", Prefix::as_str);
                let written_en = other.map_or("(none)", Prefix::as_str);
                let (fr, en) = (
                    format!("`{name}={}` : préfixe {written}, attendu `ge` ou `le`", p.value),
                    format!("`{name}={}`: prefix {written_en}, expected `ge` or `le`", p.value),
                );
                push(out, rule, p.value_span, name, Message::new(fr, en));
                continue;
            }
        };
        let label = if index == 0 { "ge" } else { "le" };
        if let Some(n) = seen.get_mut(index) {
            *n += 1;
            if *n == 2 {
                let (fr, en) = (
                    format!(
                        "deuxième borne `{name}={}` : une seule borne `{label}` attendue",
                        p.value
                    ),
                    format!(
                        "second bound `{name}={}`: exactly one `{label}` bound expected",
                        p.value
                    ),
                );
                push(out, rule, p.span, name, Message::new(fr, en));
            }
        }
        if let Err(cause) = DateParam::from_value(&p.value).bound {
            push(
                out,
                rule,
                p.value_span,
                name,
                with_cause(
                    format!("borne `{label}` « {text} » invalide"),
                    format!("invalid `{label}` bound `{text}`"),
                    &cause,
                ),
            );
        }
    }
    for (count, label) in seen.into_iter().zip(["ge", "le"]) {
        if count == 0 {
            let (fr, en) = (
                format!("borne `{name}={label}…` absente : exactement une attendue"),
                format!("bound `{name}={label}…` is missing: exactly one expected"),
            );
            push(out, rule, raw.query, name, Message::new(fr, en));
        }
    }
}

/// Which rules judge the identifiers of one use case.
pub(crate) struct IdentifierRules {
    /// The list: present once, not too long, no empty token (REQ-006 / 013).
    pub list: &'static RuleMeta,
    /// Each token: system and spacing (REQ-007 / 013).
    pub token: &'static RuleMeta,
    /// The form and key of a token's value, at `span`, for parameter `name`.
    pub value: fn(span: Span, name: &str, value: &str, out: &mut Vec<Finding>),
}

/// RO1-REQ-006 / 013 on the list, RO1-REQ-007 / 013 on each token.
pub(crate) fn check_identifiers(
    rules: &IdentifierRules,
    req: &SearchRequest,
    raw: &ParsedQuery<'_>,
    out: &mut Vec<Finding>,
) {
    let rule = rules.list;
    let uc = req.use_case;
    let name = uc.identifier_param();
    let params: Vec<_> = raw.get_all(name).collect();
    let Some(first) = params.first() else {
        let system = uc.identifier_system();
        let (fr, en) = (
            format!("paramètre `{name}` absent : attendu `{name}={system}|…`"),
            format!("parameter `{name}` is missing: expected `{name}={system}|…`"),
        );
        push(out, rule, raw.query, name, Message::new(fr, en));
        return;
    };
    if let Some(second) = params.get(1) {
        let n = params.len();
        let (fr, en) = (
            format!(
                "`{name}` présent {n} fois : attendu une fois, avec une liste séparée par des virgules"
            ),
            format!("`{name}` present {n} times: expected once, with a comma-separated list"),
        );
        push(out, rule, second.span, name, Message::new(fr, en));
    }
    let n: usize = params.iter().map(|p| token_ranges(&p.value).count()).sum();
    if n > values::MAX_IDENTIFIERS {
        let (fr, en) = (
            format!("{n} identifiants : au plus {} attendus", values::MAX_IDENTIFIERS),
            format!("{n} identifiers: at most {} expected", values::MAX_IDENTIFIERS),
        );
        push(out, rule, first.value_span, name, Message::new(fr, en));
    } else if uc == UseCase::SOS && n > values::SOS_FUNCTIONAL_MAX {
        out.push(findings::request(
            rule,
            Severity::Warning,
            first.value_span,
            name,
            Message::new(
                format!(
                    "{n} SIRET : la page fonctionnelle en prévoit au plus {} (le tableau technique 25, AMB-02)",
                    values::SOS_FUNCTIONAL_MAX
                ),
                format!(
                    "{n} SIRET: the functional page allows at most {} (the technical table 25, AMB-02)",
                    values::SOS_FUNCTIONAL_MAX
                ),
            ),
        ));
    }
    let default_span = first.value_span;
    for id in &req.identifiers {
        check_token(rules, uc, &id.token, default_span, out);
    }
}

fn check_token(
    rules: &IdentifierRules,
    uc: UseCase,
    token: &Token,
    default_span: Span,
    out: &mut Vec<Finding>,
) {
    let rule = rules.token;
    let name = uc.identifier_param();
    let span = token.span.unwrap_or(default_span);
    let expected = uc.identifier_system();
    let shown = token.to_query_text();
    if token.system.is_none() && token.value.is_empty() {
        let (fr, en) = (
            format!("jeton vide dans `{name}` : attendu `{expected}|…`"),
            format!("empty token in `{name}`: expected `{expected}|…`"),
        );
        push(out, rules.list, span, name, Message::new(fr, en));
        return;
    }
    if token.padded {
        out.push(findings::request(
            rule,
            Severity::Warning,
            span,
            name,
            Message::new(
                format!(
                    "espaces autour du jeton `{shown}` : un serveur strict ne le reconnaîtra pas"
                ),
                format!("spaces around token `{shown}`: a strict server will not match it"),
            ),
        ));
    }
    let wrong = match token.system.as_deref() {
        Some(system) if system == expected => None,
        Some(system) => Some((
            format!("jeton `{shown}` : système `{system}`, attendu `{expected}`"),
            format!("token `{shown}`: system `{system}`, expected `{expected}`"),
        )),
        None => Some((
            format!("jeton `{shown}` sans système : attendu `{expected}|{}`", token.value),
            format!("token `{shown}` has no system: expected `{expected}|{}`", token.value),
        )),
    };
    if let Some((fr, en)) = wrong {
        push(out, rule, span, name, Message::new(fr, en));
    }
    // The value's defects point at the value, so that the line:column
    // lands on the identifier and not on its system.
    let at_value = token.value_span.filter(|s| !s.is_empty()).unwrap_or(span);
    (rules.value)(at_value, name, &token.value, out);
}

/// RO1-REQ-008 / 012: `status=free`.
pub(crate) fn check_status(
    rule: &'static RuleMeta,
    uc: UseCase,
    raw: &ParsedQuery<'_>,
    out: &mut Vec<Finding>,
) {
    let name = uc.status_param();
    let params: Vec<_> = raw.get_all(name).collect();
    if params.is_empty() {
        let (fr, en) = (
            format!("paramètre `{name}` absent : attendu `{name}=free`"),
            format!("parameter `{name}` is missing: expected `{name}=free`"),
        );
        push(out, rule, raw.query, name, Message::new(fr, en));
    }
    for p in params.into_iter().filter(|p| p.value != values::FREE) {
        let (fr, en) = (
            format!("`{name}` vaut `{}`, attendu `free`", p.value),
            format!("`{name}` is `{}`, expected `free`", p.value),
        );
        push(out, rule, p.value_span, name, Message::new(fr, en));
    }
}

/// RO1-REQ-009 / 010 / 011: the includes of the use case, each under the
/// rule `owner` gives for it.
pub(crate) fn check_includes(
    uc: UseCase,
    raw: &ParsedQuery<'_>,
    owner: impl Fn(Include<'_>) -> &'static RuleMeta,
    out: &mut Vec<Finding>,
) {
    let mut required: Vec<(&str, &str)> =
        uc.required_includes().iter().map(|i| (i.param_name(), i.value)).collect();
    if uc == UseCase::SOS {
        required.insert(0, (names::REVINCLUDE, values::SLOT_SCHEDULE));
    }
    for (name, value) in required {
        if raw.get_all(name).any(|p| p.value == value) {
            continue;
        }
        let rule = owner(Include::new(value, name == names::INCLUDE_ITERATE));
        let elsewhere = raw.params.iter().find(|p| p.value == value && is_include_name(&p.name));
        let (span, fr_hint, en_hint) = match elsewhere {
            Some(p) => (
                p.span,
                format!(" (trouvé `{}={value}`)", p.name),
                format!(" (found `{}={value}`)", p.name),
            ),
            None => (raw.query, String::new(), String::new()),
        };
        let (fr, en) = (
            format!("`{name}={value}` absent pour une recherche {}{fr_hint}", uc.as_str()),
            format!("`{name}={value}` is missing for a {} search{en_hint}", uc.as_str()),
        );
        push(out, rule, span, name, Message::new(fr, en));
    }
}

/// The form a token's value must have (RO1-REQ-007 / 013): the rule of a
/// malformed value, the rule of a wrong check digit, and the wording.
pub(crate) struct TokenForm {
    /// Judges the form of the value.
    pub rule: &'static RuleMeta,
    /// Judges its check digit, as in the body.
    pub key_rule: &'static RuleMeta,
    /// The expected form, in French.
    pub expected_fr: &'static str,
    /// The expected form, in English.
    pub expected_en: &'static str,
    /// How an id of another kind is named (French, English), appended.
    pub other: fn(&str) -> (String, String),
}

impl TokenForm {
    /// Reports the value parsed as `parsed`: `Err` when it is not of the
    /// form, `Ok(Ok(key))` for the expected kind, `Ok(Err(kind))` for another.
    pub(crate) fn report(
        &self,
        span: Span,
        name: &str,
        value: &str,
        parsed: Result<Result<Result<(), IdError>, &str>, IdError>,
        out: &mut Vec<Finding>,
    ) {
        let fr = format!("valeur `{value}` : {}", self.expected_fr);
        let en = format!("value `{value}`: {}", self.expected_en);
        let message = match parsed {
            Err(e) => with_cause(fr, en, &e.message()),
            Ok(Ok(Err(e))) if e.is_check_digit() => {
                return push(out, self.key_rule, span, name, quoted(value, &e.message()));
            }
            Ok(Ok(_)) => return,
            Ok(Err(kind)) => {
                let (fr_found, en_found) = (self.other)(kind);
                Message::new(format!("{fr}{fr_found}"), format!("{en}{en_found}"))
            }
        };
        push(out, self.rule, span, name, message);
    }
}
