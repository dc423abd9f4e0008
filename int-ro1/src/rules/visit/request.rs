//! The RO1-REQ rules (SPEC §7) and RO1-WIN-003 (how bounds were read): visits
//! the parsed request and calls the checks in `rules/req` and `rules/win`.
//!
//! Which rule judges what depends on the use case (PS and CPTS share the slot
//! rules, SOS has its own); that choice is the table at the end of this file.
//! Every finding points into the captured input: at the offending value or
//! token when there is one, at the whole query when something is missing.

use fr_fhir_core::finding::{Finding, RuleMeta};

use crate::request::SearchRequest;
use crate::request::params::{Include, UseCase, UseCaseParams, names, values};
use crate::request::query::ParsedQuery;
use crate::rules::req::{self, IdentifierRules};
use crate::rules::req::{
    ro1_req_001, ro1_req_002, ro1_req_003, ro1_req_004, ro1_req_005, ro1_req_006, ro1_req_007,
    ro1_req_008, ro1_req_009, ro1_req_010, ro1_req_011, ro1_req_012, ro1_req_013, ro1_req_014,
    ro1_req_015,
};
use crate::rules::win::ro1_win_003;

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
        let uc = self.use_case;
        let mut out = Vec::new();
        req::check_decoding(raw, path_rule(uc), |n, v| rule_for_param(uc, n, v), &mut out);
        req::check_path(path_rule(uc), uc, raw, &mut out);
        req::check_dates(date_rule(uc), uc, raw, &mut out);
        for date in [&self.ge, &self.le].into_iter().flatten() {
            ro1_win_003::check(uc.start_param(), date, raw, &mut out);
        }
        ro1_req_004::check(self, raw, &mut out);
        ro1_req_005::check(self, raw, &mut out);
        req::check_identifiers(&identifier_rules(uc), self, raw, &mut out);
        req::check_status(status_rule(uc), uc, raw, &mut out);
        req::check_includes(uc, raw, |i| include_rule(uc, i), &mut out);
        ro1_req_014::check(uc, raw, &mut out);
        out
    }
}

/// RO1-REQ-001 / RO1-REQ-002 on the method and body of the request.
///
/// ```
/// use int_ro1::request::UseCase;
/// use int_ro1::rules::visit::request::check_method;
/// assert!(check_method(UseCase::PS, "GET", 0).is_empty());
/// assert_eq!(check_method(UseCase::SOS, "POST", 12).len(), 2);
/// ```
pub fn check_method(use_case: UseCase, method: &str, body_len: usize) -> Vec<Finding> {
    req::check_method(path_rule(use_case), method, body_len)
}

/// RO1-REQ-015 on the `Accept` header: one of its media types must be
/// `application/json+fhir` (IG) or `application/fhir+json`.
///
/// ```
/// use int_ro1::rules::visit::request::check_accept;
/// assert!(check_accept(Some("application/fhir+json; charset=utf-8")).is_none());
/// assert!(check_accept(Some("application/json")).is_some());
/// assert!(check_accept(None).is_some());
/// ```
pub fn check_accept(accept: Option<&str>) -> Option<Finding> {
    ro1_req_015::check(accept)
}

// Which rule judges what, per use case.

/// The method, body and path (and the URL outside any parameter).
fn path_rule(uc: UseCase) -> &'static RuleMeta {
    match uc {
        UseCase::PS | UseCase::CPTS => &ro1_req_001::RULE,
        _ /* SOS */ => &ro1_req_002::RULE,
    }
}

/// The window bounds.
fn date_rule(uc: UseCase) -> &'static RuleMeta {
    match uc {
        UseCase::PS | UseCase::CPTS => &ro1_req_003::RULE,
        _ /* SOS */ => &ro1_req_012::RULE,
    }
}

/// The identifier list, its tokens and their values.
fn identifier_rules(uc: UseCase) -> IdentifierRules {
    match uc {
        UseCase::PS | UseCase::CPTS => IdentifierRules {
            list: &ro1_req_006::RULE,
            token: &ro1_req_007::RULE,
            value: ro1_req_007::check_value,
        },
        _ /* SOS */ => IdentifierRules {
            list: &ro1_req_013::RULE,
            token: &ro1_req_013::RULE,
            value: ro1_req_013::check_value,
        },
    }
}

/// `status=free`.
fn status_rule(uc: UseCase) -> &'static RuleMeta {
    match uc {
        UseCase::PS | UseCase::CPTS => &ro1_req_008::RULE,
        _ /* SOS */ => &ro1_req_012::RULE,
    }
}

/// One include; the two CPTS includes have their own rule.
fn include_rule(uc: UseCase, include: Include<'_>) -> &'static RuleMeta {
    match uc {
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
fn rule_for_param(uc: UseCase, name: &str, value: &str) -> &'static RuleMeta {
    if name == uc.start_param() {
        date_rule(uc)
    } else if name == uc.identifier_param() {
        identifier_rules(uc).list
    } else if name == uc.status_param() {
        status_rule(uc)
    } else if req::is_include_name(name) {
        include_rule(uc, Include::new(value, name == names::INCLUDE_ITERATE))
    } else {
        &ro1_req_014::RULE
    }
}
