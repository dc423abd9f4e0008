//! RO1-BUNDLE-003 `bundle-total-matches-count`.
//!
//! Bundle.total is not smaller than the number of matches (error) and does not exceed it (warning).

use super::Counts;
use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::{Emitter, Finish, Scope, UseCase};

/// RO1-BUNDLE-003 `bundle-total-matches-count`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-003",
    name: "bundle-total-matches-count",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 search semantics; kit validate_cardinality (warning: total == number of Slot entries)",
    summary_fr: "Bundle.total n'est pas inférieur au nombre de résultats (erreur) et ne le dépasse pas (avertissement).",
    summary_en: "Bundle.total is not smaller than the number of matches (error) and does not exceed it (warning).",
    doc: RuleDoc {
        what_fr: "Compte les résultats : les entrées dont search.mode vaut match ; sans search.mode, les Slot en PS/CPTS et, en SOS, soit les Schedule soit les Slot. Un total inférieur est une erreur (le SAS ne pagine jamais), un total supérieur un avertissement.",
        why_fr: "Sémantique de recherche FHIR R4 (total = nombre de résultats) ; le kit vérifie total == nombre de Slot en avertissement ; en SOS l'exemple compte les Slot alors que la recherche porte sur Schedule (lecture AMB-07 : les deux comptes sont acceptés). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Slot\",…}},…]}",
        fix_fr: "Calculez total à partir des entrées réellement renvoyées en mode match (les Slot en PS/CPTS).",
        what_en: "Counts the matches: the entries whose search.mode is match; without search.mode, the Slots for PS/CPTS and, for SOS, either the Schedules or the Slots. A smaller total is an error (the SAS never pages), a larger one a warning.",
        why_en: "FHIR R4 search semantics (total = number of matches); the kit checks total == number of Slots as a warning; for SOS the example counts the Slots although the search is on Schedule (reading AMB-07: both counts are accepted). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",…}},{\"resource\":{\"resourceType\":\"Slot\",…}},…]}",
        fix_en: "Compute total from the entries actually returned in match mode (the Slots for PS/CPTS).",
    },
};

/// Bundle.total of a searchset gives the number of matches returned (AMB-07:
/// for SOS the Slot count is accepted too).
pub(crate) fn check_bundle(f: &Finish<'_, '_>, c: &Counts, em: &mut Emitter<'_>) {
    let b = f.bundle;
    let Some(t) = &b.total else { return };
    if !super::is_searchset(b) {
        return;
    }
    let Ok(total) = t.as_str().parse::<u64>() else { return };
    let uc = f.use_case;
    let matches = u64::from(if c.with_mode > 0 {
        c.matches
    } else if uc == UseCase::SOS {
        c.schedule
    } else {
        c.slot
    });
    if total == matches || (uc == UseCase::SOS && total == u64::from(c.slot)) {
        return;
    }
    let what = if c.with_mode > 0 { "entrées `match`" } else { super::searched_type(uc) };
    let what_en = if c.with_mode > 0 { "`match` entries" } else { super::searched_type(uc) };
    let (sev, fr_tail, en_tail) = if total < matches {
        (
            Severity::Error,
            "le SAS ne pagine pas : total ne peut être inférieur",
            "the SAS does not page: total cannot be smaller",
        )
    } else {
        (
            Severity::Warning,
            "total dépasse le nombre de résultats renvoyés",
            "total exceeds the number of matches returned",
        )
    };
    em.at_sev(
        uc.scope(),
        &RULE,
        sev,
        t.span,
        format!("Bundle.total vaut {total} pour {matches} {what} ({fr_tail})"),
        format!("Bundle.total is {total} for {matches} {what_en} ({en_tail})"),
    );
}
