//! Specialties coded in TRE_R38-SpecialiteOrdinale: the same walk for
//! Slot.specialty (RO1-SLOT-012), Schedule.specialty (RO1-SCHED-003) and
//! PractitionerRole.specialty (RO1-ROLE-008), each in its own words.

use super::terminology as term;
use crate::finding::{RuleMeta, Severity};
use crate::model::CodeableConcept;
use crate::rules::{Emitter, Scope, quote};

/// What a specialty check reports, besides an unknown TRE_R38 code (whose
/// wording is shared).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fault<'a> {
    /// A specialty with text and no coding.
    TextOnly,
    /// No TRE_R38 coding; the first coding has this system.
    OtherSystem(&'a str),
    /// No TRE_R38 coding; the first coding has no system.
    NoSystem,
    /// The first TRE_R38 coding has no code.
    NoCode,
}

/// Each specialty with codings has a TRE_R38 one (error otherwise); a
/// text-only specialty is a warning (AMB-08); an unknown TRE_R38 code is a
/// warning (newer NOS releases add codes). Used by RO1-SLOT-012 and RO1-SCHED-003.
pub(crate) fn check_specialties(
    list: &[CodeableConcept<'_>],
    rule: &'static RuleMeta,
    owner: &'static str,
    em: &mut Emitter<'_>,
) {
    check_specialties_saying(list, Scope::ALL, rule, em, |f| match f {
        Fault::TextOnly => (
            format!(
                "{owner}.specialty en texte seul : accepté par le SAS, mais la liaison obligatoire fr-practitioner-specialty attend un code TRE_R38"
            ),
            format!(
                "text-only {owner}.specialty: accepted by the SAS, but the required binding fr-practitioner-specialty expects a TRE_R38 code"
            ),
        ),
        Fault::OtherSystem(sys) => (
            format!(
                "{owner}.specialty codée dans {} : un codage TRE_R38-SpecialiteOrdinale ({}) est obligatoire",
                quote(sys),
                term::TRE_R38
            ),
            format!(
                "{owner}.specialty coded in {}: a TRE_R38-SpecialiteOrdinale coding ({}) is required",
                quote(sys),
                term::TRE_R38
            ),
        ),
        Fault::NoSystem => (
            format!("{owner}.specialty codée sans système : attendu {}", term::TRE_R38),
            format!("{owner}.specialty coded without a system: expected {}", term::TRE_R38),
        ),
        Fault::NoCode => (
            format!("{owner}.specialty TRE_R38 sans code (par ex. SM54)"),
            format!("TRE_R38 {owner}.specialty without a code (e.g. SM54)"),
        ),
    });
}

/// The TRE_R38 specialty check of [`check_specialties`] for `rule` in
/// `scope`, with the rule's own wording `say` (RO1-ROLE-008 words it
/// for a PractitionerRole).
pub(crate) fn check_specialties_saying(
    list: &[CodeableConcept<'_>],
    scope: Scope,
    rule: &'static RuleMeta,
    em: &mut Emitter<'_>,
    say: impl Fn(Fault<'_>) -> (String, String),
) {
    for sp in list {
        let Some(first) = sp.coding.first() else {
            if sp.text.is_some() {
                let (fr, en) = say(Fault::TextOnly);
                em.at_sev(scope, rule, Severity::Warning, sp.span, fr, en);
            }
            continue;
        };
        let mut r38 =
            sp.coding.iter().filter(|c| c.system.as_ref().is_some_and(|s| s == term::TRE_R38));
        // The first TRE_R38 coding is taken from the iterator and chained
        // back in front of the rest: its system is compared once.
        let Some(first_r38) = r38.next() else {
            match &first.system {
                Some(sys) => {
                    let (fr, en) = say(Fault::OtherSystem(sys.as_str()));
                    em.at(scope, rule, sys.span, fr, en);
                }
                None => {
                    let (fr, en) = say(Fault::NoSystem);
                    em.missing(scope, rule, first.span, "system", fr, en);
                }
            }
            continue;
        };
        if std::iter::once(first_r38)
            .chain(r38)
            .any(|c| c.code.as_ref().is_some_and(|k| term::is_tre_r38_code(k.as_str())))
        {
            continue;
        }
        match &first_r38.code {
            None => {
                let (fr, en) = say(Fault::NoCode);
                em.missing(scope, rule, first_r38.span, "code", fr, en);
            }
            Some(k) => em.at_sev(
                scope,
                rule,
                Severity::Warning,
                k.span,
                format!(
                    "code {} inconnu de TRE_R38-SpecialiteOrdinale (version NOS 0.1.0)",
                    quote(k.as_str())
                ),
                format!(
                    "code {} is not in TRE_R38-SpecialiteOrdinale (NOS release 0.1.0)",
                    quote(k.as_str())
                ),
            ),
        }
    }
}
