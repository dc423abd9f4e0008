//! RO1-BUNDLE-005 `self-link-echoes-request`.
//!
//! The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

use fr_fhir_core::finding::{Finding, Message};
use fr_fhir_core::json::Span;
use fr_fhir_core::rules::Emitter;

use crate::request::{SelfLinkDiff, names};

/// RO1-BUNDLE-005 `self-link-echoes-request`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-005",
    name: "self-link-echoes-request",
    severity: Severity::Warning,
    scope: Scope::PS_CPTS,
    source: "Test kit bundle_url_equal_url (error on parameter mismatch, warning on string mismatch)",
    summary_fr: "Les paramètres du lien self sont ceux de la requête (multiensemble sans ordre, après décodage) ; une chaîne d'URL différente est signalée.",
    summary_en: "The self link query parameters are those of the request (order-insensitive multiset after decoding); a different URL string is reported.",
    doc: RuleDoc {
        what_fr: "Décode les paramètres de Bundle.link.where(relation='self').url et de la requête capturée, puis compare les deux multiensembles sans tenir compte de l'ordre ; un paramètre en plus ou en moins est signalé, et aussi une chaîne d'URL différente à paramètres égaux.",
        why_fr: "Le kit officiel (bundle_url_equal_url) échoue si les paramètres diffèrent et avertit si seule la chaîne diffère ; la règle reste un avertissement car l'IG ne l'écrit pas, et la FAQ montre des liens self avec un _count=1000 non demandé (lecture AMB-17). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "requête : /Slot?status=free&start=ge…&start=le…   self: /Slot?status=free&start=ge…&start=le…&_count=1000",
        fix_fr: "Recopiez dans le lien self l'URL exacte reçue, sans ajouter ni retirer de paramètre.",
        what_en: "Decodes the parameters of Bundle.link.where(relation='self').url and of the captured request, then compares both multisets regardless of order; a parameter added or missing is reported, and so is a different URL string with equal parameters.",
        why_en: "The official kit (bundle_url_equal_url) fails when the parameters differ and warns when only the string differs; the rule stays a warning because the IG does not state it, and the FAQ shows self links with an unrequested _count=1000 (reading AMB-17). Official ANS kit: checked by a dedicated assertion.",
        example_en: "request: /Slot?status=free&start=ge…&start=le…   self: /Slot?status=free&start=ge…&start=le…&_count=1000",
        fix_en: "Copy the exact URL received into the self link, without adding or dropping any parameter.",
    },
};

/// The self link (its `url` element at `link_span`) against the request
/// that was given.
pub(crate) fn check(diff: &SelfLinkDiff, link_span: Span, em: &mut Emitter<'_>) {
    for finding in findings(diff, link_span) {
        em.push(Scope::PS_CPTS, finding);
    }
}

/// The findings of `diff`, all on the self link's `url` element at
/// `link_span` in the body.
pub(crate) fn findings(diff: &SelfLinkDiff, link_span: Span) -> Vec<Finding> {
    let rule = &RULE;
    let mut out = Vec::new();
    for (name, value) in &diff.missing {
        out.push(Finding::body(
            rule,
            link_span,
            Message::new(
                format!("le lien self ne reprend pas le paramètre `{name}={value}` de la requête (erreur pour le kit officiel)"),
                format!("the self link lacks the request parameter `{name}={value}` (an error for the official kit)"),
            ),
        ));
    }
    for (name, value) in &diff.extra {
        let message = if name == names::COUNT {
            Message::new(
                format!(
                    "le lien self ajoute `{name}={value}`, absent de la requête (comme les exemples de la FAQ, AMB-17) ; le kit officiel exige les mêmes paramètres"
                ),
                format!(
                    "the self link adds `{name}={value}`, which the request did not send (as the FAQ examples do, AMB-17); the official kit demands the same parameters"
                ),
            )
        } else {
            Message::new(
                format!(
                    "le lien self ajoute `{name}={value}`, absent de la requête (erreur pour le kit officiel)"
                ),
                format!(
                    "the self link adds `{name}={value}`, which the request did not send (an error for the official kit)"
                ),
            )
        };
        out.push(Finding::body(rule, link_span, message));
    }
    if diff.text_differs && diff.same_params() {
        out.push(Finding::body(
            rule,
            link_span,
            Message::new(
                "le lien self a les mêmes paramètres que la requête mais un texte différent (ordre ou encodage)",
                "the self link has the request's parameters but a different text (order or encoding)",
            ),
        ));
    }
    out
}

/// Neither a request nor a self link: the comparisons are not made. Said
/// once on the Bundle (at `bundle_span`) instead of skipping them silently.
pub(crate) fn no_request(bundle_span: Span, em: &mut Emitter<'_>) {
    em.push(
        Scope::ALL,
        Finding::missing(
            &RULE,
            bundle_span,
            "link",
            Message::new(
                "ni requête ni lien self : les règles qui comparent la réponse à la requête (RO1-WIN, PRACT-005, REF-005, SOS-005) ne sont pas vérifiées",
                "no request and no self link: the rules comparing the response with the request (RO1-WIN, PRACT-005, REF-005, SOS-005) are not checked",
            ),
        )
        .with_severity(Severity::Information),
    );
}

/// No request was given: the one of the self link (its `url` at
/// `link_span`) stands in for it.
pub(crate) fn request_from_self_link(link_span: Span, em: &mut Emitter<'_>) {
    em.push(
        Scope::ALL,
        Finding::body(
            &RULE,
            link_span,
            Message::new(
                "aucune requête fournie : la requête est reprise du lien self du Bundle (--request pour la donner)",
                "no request given: the request is taken from the Bundle's self link (use --request to give it)",
            ),
        )
        .with_severity(Severity::Information),
    );
}

// The self-link findings are this rule's: the comparison (`request::selflink`)
// stays a plain model, the rule reads it.
impl SelfLinkDiff {
    /// The RO1-BUNDLE-005 findings, all on the self link's `url` element at
    /// `link_span` in the body.
    ///
    /// ```
    /// use fr_fhir_core::json::Span;
    /// use int_ro1::request::compare_self_link;
    /// use int_ro1::request::query::ParsedQuery;
    /// let req = ParsedQuery::parse("status=free&start=ge2024-01-01");
    /// let link = ParsedQuery::parse("Slot?start=ge2024-01-01&_count=1000");
    /// let f = compare_self_link(&req, &link).findings(Span::new(10, 60));
    /// assert_eq!(f.len(), 2);
    /// assert!(f[0].message.en.contains("`status=free`"));
    /// assert!(f[1].message.en.contains("AMB-17"));
    /// ```
    pub fn findings(&self, link_span: Span) -> Vec<Finding> {
        findings(self, link_span)
    }
}
