//! The RO1-REQ rules (SPEC §7) and RO1-WIN-003 (how bounds were read).
//!
//! Every finding points into the captured input: at the offending value or
//! token when there is one, at the whole query when something is missing.

use std::borrow::Cow;

use chrono::TimeDelta;
use fr_fhir_core::finding::{Finding, Message, RuleMeta, Severity, Target};
use fr_fhir_core::ids::{Idnps, Idnst};
use fr_fhir_core::json::Span;

use super::SearchRequest;
use super::params::{
    DateParam, Include, Prefix, Token, UseCase, UseCaseParams, names, token_ranges, values,
};
use super::query::{DecodeErrorKind, ParsedQuery, RepairSource};
use crate::rules::req::ro1_req_001;
use crate::rules::req::ro1_req_002;
use crate::rules::req::ro1_req_003;
use crate::rules::req::ro1_req_004;
use crate::rules::req::ro1_req_005;
use crate::rules::req::ro1_req_006;
use crate::rules::req::ro1_req_007;
use crate::rules::req::ro1_req_008;
use crate::rules::req::ro1_req_009;
use crate::rules::req::ro1_req_010;
use crate::rules::req::ro1_req_011;
use crate::rules::req::ro1_req_012;
use crate::rules::req::ro1_req_013;
use crate::rules::req::ro1_req_014;
use crate::rules::req::ro1_req_015;
use crate::rules::win::ro1_win_003;
use fr_fhir_core::rules::id::ro1_id_003;
use fr_fhir_core::rules::id::ro1_id_008;

/// Longest window before RO1-REQ-005 warns; one second of slack lets an
/// upper bound written to the second or millisecond close an exact 72 h.
const MAX_WINDOW: TimeDelta = TimeDelta::hours(72);
const WINDOW_SLACK: TimeDelta = TimeDelta::seconds(1);

impl SearchRequest {
    /// Checks the request against RO1-REQ-001…014 and RO1-WIN-003. `raw`
    /// is the parsed text this request was read from (see
    /// [`SearchRequest::from_query`]); spans of the findings point into it.
    ///
    /// ```
    /// use int_ro1::request::SearchRequest;
    /// use int_ro1::request::query::ParsedQuery;
    /// let raw = ParsedQuery::parse("/fhir/Slot?status=busy");
    /// let req = SearchRequest::from_query(&raw);
    /// let findings = req.check(&raw);
    /// let status = findings.iter().find(|f| f.rule.id == "RO1-REQ-008").unwrap();
    /// assert!(status.message.en.contains("`busy`"));
    /// ```
    pub fn check(&self, raw: &ParsedQuery<'_>) -> Vec<Finding> {
        let mut c = Checker { req: self, raw, out: Vec::new() };
        c.decoding();
        c.path();
        c.dates();
        c.window();
        c.identifiers();
        c.status();
        c.includes();
        c.unlisted();
        c.out
    }
}

/// RO1-REQ-001 / RO1-REQ-002 on the method and body of the request.
///
/// ```
/// use int_ro1::request::{UseCase, check_method};
/// assert!(check_method(UseCase::PS, "GET", 0).is_empty());
/// assert_eq!(check_method(UseCase::SOS, "POST", 12).len(), 2);
/// ```
pub fn check_method(use_case: UseCase, method: &str, body_len: usize) -> Vec<Finding> {
    let rule = path_rule(use_case);
    let mut out = Vec::new();
    if method != "GET" {
        out.push(exchange(
            rule,
            "method",
            Message::new(
                format!("méthode HTTP `{method}`, attendu `GET`"),
                format!("HTTP method `{method}`, expected `GET`"),
            ),
        ));
    }
    if body_len > 0 {
        out.push(exchange(
            rule,
            "body",
            Message::new(
                format!("la requête de recherche a un corps de {body_len} octets, attendu aucun"),
                format!("the search request has a body of {body_len} bytes, expected none"),
            ),
        ));
    }
    out
}

/// RO1-REQ-015 on the `Accept` header: one of its media types must be
/// `application/json+fhir` (IG) or `application/fhir+json`.
///
/// ```
/// use int_ro1::request::check_accept;
/// assert!(check_accept(Some("application/fhir+json; charset=utf-8")).is_none());
/// assert!(check_accept(Some("application/json")).is_some());
/// assert!(check_accept(None).is_some());
/// ```
pub fn check_accept(accept: Option<&str>) -> Option<Finding> {
    const ACCEPTED: [&str; 2] = ["application/json+fhir", "application/fhir+json"];
    let ok = accept.is_some_and(|a| {
        a.split(',').any(|item| {
            let media = item.split(';').next().unwrap_or("").trim();
            ACCEPTED.iter().any(|x| media.eq_ignore_ascii_case(x))
        })
    });
    if ok {
        return None;
    }
    let actual = accept.map_or_else(|| "(absent)".to_owned(), |a| format!("`{a}`"));
    Some(exchange(
        &ro1_req_015::RULE,
        "header:Accept",
        Message::new(
            format!(
                "en-tête Accept {actual}, attendu `application/json+fhir` ou `application/fhir+json`"
            ),
            format!(
                "Accept header {actual}, expected `application/json+fhir` or `application/fhir+json`"
            ),
        ),
    ))
}

fn exchange(rule: &'static RuleMeta, part: &'static str, message: Message) -> Finding {
    Finding {
        rule,
        severity: rule.severity,
        target: Target::Exchange { part: Cow::Borrowed(part) },
        message,
        resolved: None,
        cause: None,
    }
}

fn path_rule(use_case: UseCase) -> &'static RuleMeta {
    match use_case {
        UseCase::PS | UseCase::CPTS => &ro1_req_001::RULE,
        _ /* SOS */ => &ro1_req_002::RULE,
    }
}

/// An identifier error named with its value, as the body rules say it
/// (`identifier `810…`: IDNPS RPPS: check digit (Luhn) is 9, expected 4`).
fn quoted(value: &str, error: &Message) -> Message {
    let shown = fr_fhir_core::rules::quote(value);
    with_cause(format!("identifiant {shown}"), format!("identifier {shown}"), error)
}

/// Prefixes a bilingual message with context in both languages.
fn with_cause(fr: String, en: String, cause: &Message) -> Message {
    Message::new(format!("{fr} : {}", cause.fr), format!("{en}: {}", cause.en))
}

struct Checker<'r, 'q, 'a> {
    req: &'r SearchRequest,
    raw: &'q ParsedQuery<'a>,
    out: Vec<Finding>,
}

impl Checker<'_, '_, '_> {
    fn uc(&self) -> UseCase {
        self.req.use_case
    }

    fn push(&mut self, rule: &'static RuleMeta, span: Span, param: &str, message: Message) {
        self.push_as(rule, rule.severity, span, param, message);
    }

    fn push_as(
        &mut self,
        rule: &'static RuleMeta,
        severity: Severity,
        span: Span,
        param: &str,
        message: Message,
    ) {
        self.out.push(Finding {
            rule,
            severity,
            target: Target::Request { span, param: Cow::Owned(param.to_owned()) },
            message,
            resolved: None,
            cause: None,
        });
    }

    /// Where a missing parameter is reported: the whole query.
    fn query_span(&self) -> Span {
        self.raw.query
    }

    fn date_rule(&self) -> &'static RuleMeta {
        match self.uc() {
            UseCase::PS | UseCase::CPTS => &ro1_req_003::RULE,
            _ /* SOS */ => &ro1_req_012::RULE,
        }
    }

    fn identifier_rule(&self) -> &'static RuleMeta {
        match self.uc() {
            UseCase::PS | UseCase::CPTS => &ro1_req_006::RULE,
            _ /* SOS */ => &ro1_req_013::RULE,
        }
    }

    fn token_rule(&self) -> &'static RuleMeta {
        match self.uc() {
            UseCase::PS | UseCase::CPTS => &ro1_req_007::RULE,
            _ /* SOS */ => &ro1_req_013::RULE,
        }
    }

    fn status_rule(&self) -> &'static RuleMeta {
        match self.uc() {
            UseCase::PS | UseCase::CPTS => &ro1_req_008::RULE,
            _ /* SOS */ => &ro1_req_012::RULE,
        }
    }

    fn include_rule(&self, include: Include<'_>) -> &'static RuleMeta {
        match self.uc() {
            UseCase::CPTS
                if include.value == values::SLOT_SERVICE_TYPE
                    || include.value == values::HEALTHCARE_SERVICE_ORGANIZATION =>
            {
                &ro1_req_010::RULE
            }
            UseCase::PS | UseCase::CPTS => &ro1_req_009::RULE,
            _ /* SOS */ => &ro1_req_011::RULE,
        }
    }

    /// The rule that owns a parameter, for problems in its encoding.
    fn rule_for_param(&self, name: &str, value: &str) -> &'static RuleMeta {
        let uc = self.uc();
        if name == uc.start_param() {
            self.date_rule()
        } else if name == uc.identifier_param() {
            self.identifier_rule()
        } else if name == uc.status_param() {
            self.status_rule()
        } else if name == names::INCLUDE
            || name == names::INCLUDE_ITERATE
            || name == names::REVINCLUDE
        {
            self.include_rule(Include::new(value, name == names::INCLUDE_ITERATE))
        } else {
            &ro1_req_014::RULE
        }
    }

    /// Percent-escapes and UTF-8 problems, under the rule of their parameter.
    fn decoding(&mut self) {
        for e in &self.raw.errors {
            let owner = self
                .raw
                .params
                .iter()
                .find(|p| p.span.start <= e.span.start && e.span.end <= p.span.end);
            let (rule, param) = match (e.kind, owner) {
                (DecodeErrorKind::InvalidEscape | DecodeErrorKind::InvalidUtf8, Some(p)) => {
                    (self.rule_for_param(&p.name, &p.value), p.name.to_string())
                }
                _ => (path_rule(self.uc()), String::new()),
            };
            let message = e.message(self.raw.input());
            // A malformed URL is an error even on a tolerated parameter.
            self.push_as(rule, Severity::Error, e.span, &param, message);
        }
    }

    /// RO1-REQ-001 / 002: the path ends with the searched resource.
    fn path(&mut self) {
        let Some(path) = &self.raw.path else { return };
        let expected = self.uc().resource();
        if path.resource == expected {
            return;
        }
        let span = if path.resource.is_empty() { path.span } else { path.resource_span };
        let actual = path.span.slice(self.raw.input()).unwrap_or("");
        self.push(
            path_rule(self.uc()),
            span,
            "",
            Message::new(
                format!(
                    "chemin `{actual}` : attendu `[base]/{expected}` pour une recherche {}",
                    self.uc().as_str()
                ),
                format!(
                    "path `{actual}`: expected `[base]/{expected}` for a {} search",
                    self.uc().as_str()
                ),
            ),
        );
    }

    /// RO1-REQ-003 / 012: exactly one `ge` and one `le`, both valid dates.
    fn dates(&mut self) {
        let rule = self.date_rule();
        let name = self.uc().start_param();
        let mut seen = [0usize; 2];
        let params: Vec<_> = self.raw.get_all(name).collect();
        for p in params {
            let (prefix, text) = Prefix::split(&p.value);
            let index = match prefix {
                Some(Prefix::Ge) => 0,
                Some(Prefix::Le) => 1,
                other => {
                    let written = other.map_or("(aucun)", Prefix::as_str);
                    let written_en = other.map_or("(none)", Prefix::as_str);
                    self.push(
                        rule,
                        p.value_span,
                        name,
                        Message::new(
                            format!(
                                "`{name}={}` : préfixe {written}, attendu `ge` ou `le`",
                                p.value
                            ),
                            format!(
                                "`{name}={}`: prefix {written_en}, expected `ge` or `le`",
                                p.value
                            ),
                        ),
                    );
                    continue;
                }
            };
            let label = if index == 0 { "ge" } else { "le" };
            if let Some(n) = seen.get_mut(index) {
                *n += 1;
                if *n == 2 {
                    self.push(
                        rule,
                        p.span,
                        name,
                        Message::new(
                            format!(
                                "deuxième borne `{name}={}` : une seule borne `{label}` attendue",
                                p.value
                            ),
                            format!(
                                "second bound `{name}={}`: exactly one `{label}` bound expected",
                                p.value
                            ),
                        ),
                    );
                }
            }
            if let Err(cause) = DateParam::from_value(&p.value).bound {
                self.push(
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
                let span = self.query_span();
                self.push(
                    rule,
                    span,
                    name,
                    Message::new(
                        format!("borne `{name}={label}…` absente : exactement une attendue"),
                        format!("bound `{name}={label}…` is missing: exactly one expected"),
                    ),
                );
            }
        }
    }

    /// RO1-REQ-004, RO1-REQ-005 and RO1-WIN-003 on the parsed bounds.
    fn window(&mut self) {
        let name = self.uc().start_param();
        for date in [&self.req.ge, &self.req.le].into_iter().flatten() {
            self.how_read(name, date);
        }
        let (Some(ge), Some(le)) = (&self.req.ge, &self.req.le) else { return };
        let (Ok(lower), Ok(upper)) = (&ge.bound, &le.bound) else { return };
        let span = le.span.unwrap_or(self.raw.query);
        if lower.lower >= upper.upper {
            self.push(
                &ro1_req_004::RULE,
                span,
                name,
                Message::new(
                    format!(
                        "fenêtre vide : la borne ge `{}` n'est pas avant la borne le `{}`",
                        ge.text, le.text
                    ),
                    format!(
                        "empty window: the ge bound `{}` is not before the le bound `{}`",
                        ge.text, le.text
                    ),
                ),
            );
            return;
        }
        let length = upper.upper - lower.lower;
        if length > MAX_WINDOW + WINDOW_SLACK {
            let hours = length.num_minutes() as f64 / 60.0;
            self.push(
                &ro1_req_005::RULE,
                span,
                name,
                Message::new(
                    format!(
                        "fenêtre de {hours:.1} h (`{}` à `{}`) : au plus 72 h attendues (kit officiel)",
                        ge.text, le.text
                    ),
                    format!(
                        "window of {hours:.1} h (`{}` to `{}`): at most 72 h expected (official kit)",
                        ge.text, le.text
                    ),
                ),
            );
        }
    }

    /// RO1-WIN-003: a restored offset sign, or a bound read as Paris time.
    fn how_read(&mut self, name: &str, date: &DateParam) {
        let value = date.value();
        if let Some(repair) = date.repair {
            let (severity, fr, en) = match repair.source {
                RepairSource::RawPlus => (
                    Severity::Information,
                    "`+` non encodé lu comme signe du décalage (encoder `%2B` pour lever l'ambiguïté)",
                    "unencoded `+` read as the offset sign (encode it as `%2B` to be unambiguous)",
                ),
                RepairSource::EncodedSpace | RepairSource::RawSpace => (
                    Severity::Warning,
                    "espace avant le décalage lue comme `+` (le `+` n'a pas été encodé `%2B`)",
                    "space before the offset read as `+` (the `+` was not encoded as `%2B`)",
                ),
            };
            self.push_as(
                &ro1_win_003::RULE,
                severity,
                repair.span,
                name,
                Message::new(format!("`{name}={value}` : {fr}"), format!("`{name}={value}`: {en}")),
            );
        }
        if let Ok(bound) = &date.bound
            && !bound.had_zone
        {
            let span = date.span.unwrap_or(self.raw.query);
            self.push_as(
                &ro1_win_003::RULE,
                Severity::Information,
                span,
                name,
                Message::new(
                    format!("`{name}={value}` sans décalage horaire : lu en heure de Paris (Europe/Paris)"),
                    format!("`{name}={value}` has no offset: read as Europe/Paris wall-clock time"),
                ),
            );
        }
    }

    /// RO1-REQ-006 / 013 on the list, RO1-REQ-007 / 013 on each token.
    fn identifiers(&mut self) {
        let rule = self.identifier_rule();
        let name = self.uc().identifier_param();
        let params: Vec<_> = self.raw.get_all(name).collect();
        let Some(first) = params.first() else {
            let span = self.query_span();
            let system = self.uc().identifier_system();
            self.push(
                rule,
                span,
                name,
                Message::new(
                    format!("paramètre `{name}` absent : attendu `{name}={system}|…`"),
                    format!("parameter `{name}` is missing: expected `{name}={system}|…`"),
                ),
            );
            return;
        };
        if let Some(second) = params.get(1) {
            let n = params.len();
            self.push(
                rule,
                second.span,
                name,
                Message::new(
                    format!("`{name}` présent {n} fois : attendu une fois, avec une liste séparée par des virgules"),
                    format!("`{name}` present {n} times: expected once, with a comma-separated list"),
                ),
            );
        }
        let n: usize = params.iter().map(|p| token_ranges(&p.value).count()).sum();
        if n > values::MAX_IDENTIFIERS {
            self.push(
                rule,
                first.value_span,
                name,
                Message::new(
                    format!("{n} identifiants : au plus {} attendus", values::MAX_IDENTIFIERS),
                    format!("{n} identifiers: at most {} expected", values::MAX_IDENTIFIERS),
                ),
            );
        } else if self.uc() == UseCase::SOS && n > values::SOS_FUNCTIONAL_MAX {
            self.push_as(
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
            );
        }
        let default_span = first.value_span;
        for token in &self.req.identifiers {
            self.token(token, default_span);
        }
    }

    fn token(&mut self, token: &Token, default_span: Span) {
        let uc = self.uc();
        let rule = self.token_rule();
        let name = uc.identifier_param();
        let span = token.span.unwrap_or(default_span);
        let expected = uc.identifier_system();
        let shown = token.to_query_text();
        if token.system.is_none() && token.value.is_empty() {
            self.push(
                self.identifier_rule(),
                span,
                name,
                Message::new(
                    format!("jeton vide dans `{name}` : attendu `{expected}|…`"),
                    format!("empty token in `{name}`: expected `{expected}|…`"),
                ),
            );
            return;
        }
        if token.padded {
            self.push_as(
                rule,
                Severity::Warning,
                span,
                name,
                Message::new(
                    format!("espaces autour du jeton `{shown}` : un serveur strict ne le reconnaîtra pas"),
                    format!("spaces around token `{shown}`: a strict server will not match it"),
                ),
            );
        }
        match token.system.as_deref() {
            Some(system) if system == expected => {}
            Some(system) => self.push(
                rule,
                span,
                name,
                Message::new(
                    format!("jeton `{shown}` : système `{system}`, attendu `{expected}`"),
                    format!("token `{shown}`: system `{system}`, expected `{expected}`"),
                ),
            ),
            None => self.push(
                rule,
                span,
                name,
                Message::new(
                    format!("jeton `{shown}` sans système : attendu `{expected}|{}`", token.value),
                    format!("token `{shown}` has no system: expected `{expected}|{}`", token.value),
                ),
            ),
        }
        // The value's defects point at the value, so that the line:column
        // lands on the identifier and not on its system.
        let at = token.value_span.filter(|s| !s.is_empty()).unwrap_or(span);
        match uc {
            UseCase::PS | UseCase::CPTS => self.idnps_value(rule, at, &token.value),
            _ /* SOS */ => self.siret_value(rule, at, &token.value),
        }
    }

    fn idnps_value(&mut self, rule: &'static RuleMeta, span: Span, value: &str) {
        let name = self.uc().identifier_param();
        let expected = (
            format!("valeur `{value}` : IDNPS préfixé attendu (8 + RPPS ou 0 + ADELI)"),
            format!("value `{value}`: a prefixed IDNPS (8 + RPPS or 0 + ADELI) expected"),
        );
        match Idnps::parse_form(value) {
            Err(e) => self.push(rule, span, name, with_cause(expected.0, expected.1, &e.message())),
            Ok(id @ (Idnps::Rpps(_) | Idnps::Adeli(_))) => {
                if let Err(e) = id.check_key()
                    && e.is_check_digit()
                {
                    self.push(&ro1_id_003::RULE, span, name, quoted(value, &e.message()));
                }
            }
            Ok(other) => {
                let kind = other.kind_name();
                self.push(
                    rule,
                    span,
                    name,
                    Message::new(
                        format!("{} ; forme interne {kind} trouvée", expected.0),
                        format!("{}; found the internal form {kind}", expected.1),
                    ),
                );
            }
        }
    }

    fn siret_value(&mut self, rule: &'static RuleMeta, span: Span, value: &str) {
        let name = self.uc().identifier_param();
        let expected = (
            format!("valeur `{value}` : SIRET préfixé attendu (3 + 14 chiffres)"),
            format!("value `{value}`: a prefixed SIRET (3 + 14 digits) expected"),
        );
        match Idnst::parse_form(value) {
            Err(e) => self.push(rule, span, name, with_cause(expected.0, expected.1, &e.message())),
            Ok(id @ Idnst::Siret(_)) => {
                if let Err(e) = id.check_key()
                    && e.is_check_digit()
                {
                    self.push(&ro1_id_008::RULE, span, name, quoted(value, &e.message()));
                }
            }
            Ok(other) => {
                let kind = other.kind_name();
                self.push(
                    rule,
                    span,
                    name,
                    Message::new(
                        format!("{} ; IDNST {kind} trouvé", expected.0),
                        format!("{}; found an IDNST {kind}", expected.1),
                    ),
                );
            }
        }
    }

    /// RO1-REQ-008 / 012: `status=free`.
    fn status(&mut self) {
        let rule = self.status_rule();
        let name = self.uc().status_param();
        let params: Vec<_> = self.raw.get_all(name).collect();
        if params.is_empty() {
            let span = self.query_span();
            self.push(
                rule,
                span,
                name,
                Message::new(
                    format!("paramètre `{name}` absent : attendu `{name}=free`"),
                    format!("parameter `{name}` is missing: expected `{name}=free`"),
                ),
            );
        }
        for p in params.into_iter().filter(|p| p.value != values::FREE) {
            self.push(
                rule,
                p.value_span,
                name,
                Message::new(
                    format!("`{name}` vaut `{}`, attendu `free`", p.value),
                    format!("`{name}` is `{}`, expected `free`", p.value),
                ),
            );
        }
    }

    /// RO1-REQ-009 / 010 / 011: the includes of the use case.
    fn includes(&mut self) {
        let mut required: Vec<(&str, &str)> =
            self.uc().required_includes().iter().map(|i| (i.param_name(), i.value)).collect();
        if self.uc() == UseCase::SOS {
            required.insert(0, (names::REVINCLUDE, values::SLOT_SCHEDULE));
        }
        for (name, value) in required {
            if self.raw.get_all(name).any(|p| p.value == value) {
                continue;
            }
            let rule = self.include_rule(Include::new(value, name == names::INCLUDE_ITERATE));
            let elsewhere =
                self.raw.params.iter().find(|p| p.value == value && is_include_name(&p.name));
            let (span, fr_hint, en_hint) = match elsewhere {
                Some(p) => (
                    p.span,
                    format!(" (trouvé `{}={value}`)", p.name),
                    format!(" (found `{}={value}`)", p.name),
                ),
                None => (self.query_span(), String::new(), String::new()),
            };
            self.push(
                rule,
                span,
                name,
                Message::new(
                    format!(
                        "`{name}={value}` absent pour une recherche {}{fr_hint}",
                        self.uc().as_str()
                    ),
                    format!(
                        "`{name}={value}` is missing for a {} search{en_hint}",
                        self.uc().as_str()
                    ),
                ),
            );
        }
    }

    /// RO1-REQ-014: parameters and include values the IG does not list.
    fn unlisted(&mut self) {
        let uc = self.uc();
        let search = uc.as_str();
        let known = [uc.start_param(), uc.identifier_param(), uc.status_param(), names::FORMAT];
        let allowed = uc.required_includes();
        let params: Vec<_> = self.raw.params.iter().collect();
        for p in params {
            let name = p.name.as_ref();
            if known.contains(&name) {
                continue;
            }
            if is_include_name(name) {
                let listed = if name == names::REVINCLUDE {
                    uc == UseCase::SOS && p.value == values::SLOT_SCHEDULE
                } else {
                    allowed.contains(&Include::new(&p.value, name == names::INCLUDE_ITERATE))
                };
                if !listed {
                    self.push(
                        &ro1_req_014::RULE,
                        p.span,
                        name,
                        Message::new(
                            format!(
                                "`{name}={}` non prévu par l'IG pour une recherche {search} : toléré",
                                p.value
                            ),
                            format!(
                                "`{name}={}` is not listed by the IG for a {search} search: tolerated",
                                p.value
                            ),
                        ),
                    );
                }
                continue;
            }
            let (fr_hint, en_hint) = unlisted_hint(uc, name);
            self.push(
                &ro1_req_014::RULE,
                p.span,
                name,
                Message::new(
                    format!("paramètre `{name}` non prévu par l'IG pour une recherche {search} : toléré{fr_hint}"),
                    format!("parameter `{name}` is not listed by the IG for a {search} search: tolerated{en_hint}"),
                ),
            );
        }
    }
}

fn is_include_name(name: &str) -> bool {
    name == names::INCLUDE || name == names::INCLUDE_ITERATE || name == names::REVINCLUDE
}

/// A hint for the usual confusions: the OpenAPI parameter name (AMB-30) and
/// the parameters of the other search.
fn unlisted_hint(uc: UseCase, name: &str) -> (String, String) {
    let other = if uc == UseCase::SOS { UseCase::PS } else { UseCase::SOS };
    if name == names::OPENAPI_START {
        let expected = uc.start_param();
        return (
            format!(" ; nom issu de l'OpenAPI généré, le paramètre est `{expected}` (AMB-30)"),
            format!(
                "; name taken from the generated OpenAPI, the parameter is `{expected}` (AMB-30)"
            ),
        );
    }
    if name == names::COUNT {
        return (
            " (les liens self de la FAQ portent `_count=1000`)".to_owned(),
            " (the FAQ self links carry `_count=1000`)".to_owned(),
        );
    }
    let pairs = [
        (other.start_param(), uc.start_param()),
        (other.status_param(), uc.status_param()),
        (other.identifier_param(), uc.identifier_param()),
    ];
    match pairs.iter().find(|(theirs, _)| *theirs == name) {
        Some((_, ours)) => (
            format!(" ; paramètre de la recherche {}, attendu ici `{ours}`", other.as_str()),
            format!("; this is the {} search parameter, expected here `{ours}`", other.as_str()),
        ),
        None => (String::new(), String::new()),
    }
}
