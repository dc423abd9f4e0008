//! The cause of a knock-on: a Slot reported because the practitioner
//! (RO1-REF-005) or the association (RO1-SOS-005) of its schedule was not
//! requested. Both rules say it the same way; each gives its own words and
//! identifier check through `Holders`.

use fr_fhir_core::finding::{Cause, Finding, Message, RuleMeta};
use fr_fhir_core::ids::{CheckedId, IdError};
use fr_fhir_core::json::{Span, Str};
use fr_fhir_core::rules::{Emitter, Scope, quote};

/// How one rule names the holders of its schedules in a cause.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holders {
    /// The holder, in French and in English (`praticien`, `practitioner`).
    pub what: (&'static str, &'static str),
    /// Why a value that was not requested may not match: its form or its
    /// key, as the RO1-ID rules say it (`None` when it is well formed).
    pub defect: fn(&str) -> Option<Defect>,
}

/// What is wrong with an identifier value.
#[derive(Debug, Clone)]
pub(crate) enum Defect {
    /// It does not have the form of the identifier.
    Form(IdError),
    /// Its check digit is wrong.
    Key(IdError),
}

impl Defect {
    /// The defect of a value read as `parsed`: its form, else its `key`.
    pub(crate) fn of<T>(
        parsed: Result<T, IdError>,
        key: impl FnOnce(&T) -> Result<(), IdError>,
    ) -> Option<Defect> {
        match parsed {
            Err(e) => Some(Defect::Form(e)),
            Ok(id) => key(&id).err().map(Defect::Key),
        }
    }

    /// The defect of `value` read as a `T`: for [`Holders::defect`].
    pub(crate) fn of_id<T: CheckedId>(value: &str) -> Option<Defect> {
        Defect::of(T::parse_form(value), T::check_key)
    }

    fn words(&self) -> (&'static str, &'static str, &IdError) {
        match self {
            Defect::Form(e) => ("mal formé", "malformed", e),
            Defect::Key(e) => ("clé fausse", "wrong check digit", e),
        }
    }
}

/// One holder whose national identifiers were not requested.
#[derive(Debug)]
pub(crate) struct Unrequested<'h> {
    /// Its resource type.
    pub rtype: &'h str,
    /// Its `id`, when it has one.
    pub id: Option<Str<'h>>,
    /// Its position in `Bundle.entry`.
    pub entry: u32,
    /// Its national identifier values.
    pub ids: Vec<&'h str>,
    /// Position in `identifier` of the first of them, to locate the cause.
    pub first: u32,
}

/// RO1-REF-005 / RO1-SOS-005: the slot at `span` (its reference as written,
/// `slot`) belongs to a schedule whose holder was not requested (`fr`: the
/// whole French clause, `en`: the holder); reported under the rule for `cause`.
pub(crate) fn report_slot(
    em: &mut Emitter<'_>,
    (scope, rule): (Scope, &'static RuleMeta),
    (slot, span): (&str, Span),
    (fr, en): (&str, &str),
    cause: Cause,
) {
    let slot = quote(slot);
    let message = Message::new(
        format!("le créneau relève de l'agenda {slot} dont {fr}"),
        format!("the slot belongs to schedule {slot} whose {en} is not among those requested"),
    );
    em.push(scope, Finding::body(rule, span, message).caused_by(cause));
}

/// The cause shared by every slot of the `unrequested` holders: which
/// resource, which identifier, and why it does not match when its form or key
/// says so. The text depends on the holders only, so the knock-ons of one
/// practitioner group together.
pub(crate) fn cause(unrequested: &[Unrequested<'_>], holders: &Holders) -> Cause {
    let (what_fr, what_en) = holders.what;
    let mut fr = Vec::new();
    let mut en = Vec::new();
    let mut expression = None;
    for h in unrequested {
        let name = match &h.id {
            Some(id) => format!("{}/{id}", h.rtype),
            None => h.rtype.to_owned(),
        };
        // Each value with the defect that explains why it matches nothing.
        let (mut ids_fr, mut ids_en) = (Vec::new(), Vec::new());
        for v in &h.ids {
            match (holders.defect)(v) {
                Some(defect) => {
                    let (d_fr, d_en, err) = defect.words();
                    let m = err.message();
                    ids_fr.push(format!("{} ({d_fr} : {})", quote(v), m.fr));
                    ids_en.push(format!("{} ({d_en}: {})", quote(v), m.en));
                }
                None => {
                    ids_fr.push(quote(v));
                    ids_en.push(quote(v));
                }
            }
        }
        let plural = h.ids.len() > 1;
        fr.push(format!(
            "{what_fr} {} (entrée {}) : {} {} absent{} de la requête",
            quote(&name),
            h.entry,
            if plural { "identifiants" } else { "identifiant" },
            ids_fr.join(", "),
            if plural { "s" } else { "" },
        ));
        en.push(format!(
            "{what_en} {} (entry {}): {} {} not requested",
            quote(&name),
            h.entry,
            if plural { "identifiers" } else { "identifier" },
            ids_en.join(", "),
        ));
        expression.get_or_insert_with(|| {
            format!("Bundle.entry[{}].resource.identifier[{}].value", h.entry, h.first)
        });
    }
    let cause = Cause::new(Message::new(fr.join(" ; "), en.join("; ")));
    match expression {
        Some(x) => cause.at(x),
        None => cause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fr_fhir_core::ids::Idnps;

    const PERSONS: Holders = Holders {
        what: ("praticien", "practitioner"),
        defect: |v| Defect::of(Idnps::parse_form(v), Idnps::check_key),
    };

    #[test]
    fn cause_names_each_holder_and_locates_the_first() {
        let holders = [
            Unrequested {
                rtype: "Practitioner",
                id: Some(Str::Borrowed("p1")),
                entry: 3,
                ids: vec!["810002909371"],
                first: 1,
            },
            Unrequested {
                rtype: "Practitioner",
                id: None,
                entry: 5,
                ids: vec!["x", "y"],
                first: 0,
            },
        ];
        let cause = cause(&holders, &PERSONS);
        assert!(cause.message.fr.starts_with("praticien `Practitioner/p1` (entrée 3) : identifiant `810002909371` absent de la requête ; praticien `Practitioner` (entrée 5) : identifiants `x` (mal formé"), "{}", cause.message.fr);
        assert!(
            cause.message.en.contains("(entry 5): identifiers `x` (malformed: "),
            "{}",
            cause.message.en
        );
        assert_eq!(
            cause.expression.as_deref(),
            Some("Bundle.entry[3].resource.identifier[1].value")
        );
    }
}
