//! RO1-JSON-001 `json-no-empty-element`.
//!
//! No empty element: no empty string, empty array, empty object or null; absent data is omitted.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::json::Span;
use crate::model::NoteKind;
use crate::rules::{Emitter, Scope};

/// RO1-JSON-001 `json-no-empty-element`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-JSON-001",
    name: "json-no-empty-element",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FAQ PS #10 and SOS #6; FHIR R4 JSON rules — https://interop.esante.gouv.fr/ig/fhir/sas/faq.html",
    summary_fr: "Aucun élément vide : ni chaîne vide, ni tableau vide, ni objet vide, ni null ; une donnée absente est omise.",
    summary_en: "No empty element: no empty string, empty array, empty object or null; absent data is omitted.",
    doc: RuleDoc {
        what_fr: "Parcourt tout le JSON et signale chaque chaîne vide, tableau vide, objet vide ou valeur null. Exception du format JSON FHIR : un null à l'intérieur d'un tableau de primitives ou de son jumeau _x, où il sert à aligner les deux tableaux, est légal.",
        why_fr: "FAQ PS n° 10 et SOS n° 6 : les éléments vides sont interdits, on omet la donnée ; c'est aussi une règle du format JSON de FHIR R4. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"resourceType\":\"Slot\",\"comment\":\"\",\"serviceType\":[],\"specialty\":null}",
        fix_fr: "Omettez l'élément quand la donnée manque, au lieu d'écrire \"\", [], {} ou null.",
        what_en: "Walks the whole JSON and reports every empty string, empty array, empty object or null value. Exception from the FHIR JSON format: a null inside an array of primitives or of its _x sibling, where it keeps the two arrays aligned, is legal.",
        why_en: "PS FAQ #10 and SOS FAQ #6: empty elements are forbidden, the data is omitted; it is also a rule of the FHIR R4 JSON format. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"resourceType\":\"Slot\",\"comment\":\"\",\"serviceType\":[],\"specialty\":null}",
        fix_en: "Leave the element out when the data is missing, instead of writing \"\", [], {} or null.",
    },
};

/// Reports a reader note of a `null` or an empty value; other notes are left
/// to their rules.
pub(crate) fn check_note(kind: &NoteKind, sp: Span, em: &mut Emitter<'_>) {
    let (fr, en) = match kind {
        NoteKind::Null | NoteKind::NullInPrimitiveArray { .. } => (
            "valeur `null` : un élément absent doit être omis (null n'est permis que dans un tableau de primitives aligné sur son `_x`)",
            "`null` value: absent data must be omitted (null is only allowed in a primitive array aligned with its `_x` sibling)",
        ),
        NoteKind::EmptyString => (
            "chaîne vide `\"\"` : un élément sans valeur doit être omis",
            "empty string `\"\"`: an element without a value must be omitted",
        ),
        NoteKind::EmptyArray => (
            "tableau vide `[]` : un élément répété sans occurrence doit être omis",
            "empty array `[]`: a repeating element with no occurrence must be omitted",
        ),
        NoteKind::EmptyObject => (
            "objet vide `{}` : un élément sans contenu doit être omis",
            "empty object `{}`: an element without content must be omitted",
        ),
        _ => return,
    };
    em.at(Scope::ALL, &RULE, sp, fr.into(), en.into());
}
