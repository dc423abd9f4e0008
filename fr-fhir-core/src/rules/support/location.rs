//! Location parts shared by the contained Location of a PractitionerRole
//! (RO1-LOC-*) and the SOS Médecins Location (RO1-SOS-*).

use crate::finding::RuleMeta;
use crate::model::{Identifier, Location};
use crate::rules::loc::{ro1_loc_002, ro1_loc_003};
use crate::rules::{Emitter, Scope, quote};

/// A place identifier needs its type, system and value (FrLocation 1..1 each):
/// one finding per missing part. `label` names the identifier in messages
/// (French, English). Shared with the SOS places.
pub(crate) fn identifier_parts(
    id: &Identifier<'_>,
    scope: Scope,
    rule: &'static RuleMeta,
    label: (&str, &str),
    em: &mut Emitter<'_>,
) {
    for (present, part) in [
        (id.type_.is_some(), "type"),
        (id.system.is_some(), "system"),
        (id.value.is_some(), "value"),
    ] {
        if !present {
            em.missing(
                scope,
                rule,
                id.span,
                part,
                format!("{} sans `{part}` (type, system et value sont obligatoires)", label.0),
                format!("{} without `{part}` (type, system and value are mandatory)", label.1),
            );
        }
    }
}

/// RO1-LOC-002 and RO1-LOC-003: the address of a place of consultation,
/// contained (PS/CPTS) or an entry (SOS): exactly one line, a city and a
/// 5-digit postal code.
pub(crate) fn check_address(loc: &Location<'_>, scope: Scope, em: &mut Emitter<'_>) {
    let Some(addr) = &loc.address else {
        em.missing(
            scope,
            &ro1_loc_002::RULE,
            loc.span,
            "address",
            "Location sans adresse : line, city et postalCode sont obligatoires".into(),
            "Location without an address: line, city and postalCode are mandatory".into(),
        );
        return;
    };
    for (present, part) in [
        (!addr.line.is_empty(), "line"),
        (addr.city.is_some(), "city"),
        (addr.postal_code.is_some(), "postalCode"),
    ] {
        if !present {
            em.missing(
                scope,
                &ro1_loc_002::RULE,
                addr.span,
                part,
                format!(
                    "adresse du lieu sans `{part}` (line, city et postalCode sont obligatoires)"
                ),
                format!("place address without `{part}` (line, city and postalCode are mandatory)"),
            );
        }
    }
    for extra in addr.line.iter().skip(1) {
        em.at(
            scope,
            &ro1_loc_002::RULE,
            extra.span,
            format!(
                "ligne d'adresse en trop {} : une seule ligne est admise",
                quote(extra.as_str())
            ),
            format!("extra address line {}: a single line is allowed", quote(extra.as_str())),
        );
    }
    if let Some(pc) = &addr.postal_code {
        let s = pc.as_str();
        if !(s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())) {
            em.at(
                scope,
                &ro1_loc_003::RULE,
                pc.span,
                format!("code postal {} : 5 chiffres attendus", quote(s)),
                format!("postal code {}: 5 digits expected", quote(s)),
            );
        }
    }
}

/// Days of the week (FHIR R4 required binding `days-of-week`).
pub(crate) const DAYS_OF_WEEK: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
