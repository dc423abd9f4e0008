//! RO1-BUNDLE-006 `entry-fullurl-present`.
//!
//! For CPTS and SOS, every entry has a fullUrl; it is strongly recommended for PS.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::rules::index::EntryInfo;
use crate::rules::{Emitter, Finish, Scope};

/// RO1-BUNDLE-006 `entry-fullurl-present`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-BUNDLE-006",
    name: "entry-fullurl-present",
    severity: Severity::Error,
    scope: Scope::CPTS_SOS,
    source: "CPTS/SOS bundle slices fullUrl 1..1",
    summary_fr: "En CPTS et SOS, chaque entrée a un fullUrl ; il est fortement recommandé en PS.",
    summary_en: "For CPTS and SOS, every entry has a fullUrl; it is strongly recommended for PS.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque Bundle.entry porte fullUrl.",
        why_fr: "Les tranches des Bundle CPTS et SOS déclarent fullUrl 1..1 ; sans fullUrl, la résolution des références entre entrées est fragile. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",\"id\":\"1\",…},\"search\":{\"mode\":\"match\"}}]}",
        fix_fr: "Ajoutez \"fullUrl\": \"[base]/<Type>/<id>\" à chaque entrée.",
        what_en: "Checks that every Bundle.entry carries fullUrl.",
        why_en: "The CPTS and SOS Bundle slices declare fullUrl 1..1; without fullUrl, resolving references between entries is fragile. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"entry\":[{\"resource\":{\"resourceType\":\"Slot\",\"id\":\"1\",…},\"search\":{\"mode\":\"match\"}}]}",
        fix_en: "Add \"fullUrl\": \"[base]/<Type>/<id>\" to every entry.",
    },
};

/// The entry `e` of the index has a fullUrl.
pub(crate) fn check_index_entry(f: &Finish<'_, '_>, e: &EntryInfo, em: &mut Emitter<'_>) {
    if e.full_url_span.is_empty()
        && !crate::rules::support::presence::has_key(f.src, e.entry_span, "fullUrl", None)
    {
        super::missing_sev(
            em,
            f.use_case.scope(),
            &RULE,
            super::ps_warning(f.use_case),
            e.entry_span,
            "fullUrl",
            "l'entrée n'a pas de fullUrl",
            "the entry has no fullUrl",
        );
    }
}
