//! What the structural validator applies, from the command line: the IG
//! package of `--ig` (loaded once, shared by every worker) and the profile
//! `--profile` names (a canonical URL or a structure name, resolved against
//! the definitions in use).

use std::path::Path;
use std::sync::Arc;

use fr_fhir_core::conformance::Definitions;
use fr_fhir_core::conformance::table::{StructureKind, StructureTable};
use fr_fhir_core::conformance::walk::Validator;
use fr_fhir_core::finding::Message;

/// Most close names an unknown `--profile` lists.
const MAX_SUGGESTIONS: usize = 5;

/// Loads the IG package at `path` (a `.tgz` as published or an unpacked
/// folder) on top of the built-in definitions, and builds the validator
/// once. The error names the path (missing) or the file of the package that
/// could not be read, in both languages.
pub fn load_ig(path: &Path) -> Result<Arc<Validator>, Message> {
    let shown = path.display();
    if !path.exists() {
        return Err(Message::new(
            format!(
                "--ig : {shown} n'existe pas (attendu : un paquet d'IG, archive .tgz ou dossier décompressé avec package.json)"
            ),
            format!(
                "--ig: {shown} does not exist (expected: an IG package, a .tgz archive or an unpacked folder with package.json)"
            ),
        ));
    }
    let defs = read_package(path)?;
    Ok(Arc::new(Validator::new(Arc::new(defs))))
}

/// The built-in definitions with the package at `path` on top; the error
/// names the package and, inside it, the file that could not be read.
fn read_package(path: &Path) -> Result<Definitions, Message> {
    Definitions::builtin_with_package(path).map_err(|e| {
        let shown = path.display().to_string();
        let (fr, en) = (e.message_fr(), e.to_string());
        // An I/O error already names the package path itself.
        if e.file.starts_with(&shown) {
            Message::new(format!("--ig : {fr}"), format!("--ig: {en}"))
        } else {
            Message::new(format!("--ig : {shown} : {fr}"), format!("--ig: {shown}: {en}"))
        }
    })
}

/// The canonical URL of the structure `wanted` names: its exact canonical
/// URL (a `|version` suffix is ignored), else its computer name
/// (`FrSlotAgregateur`, case-sensitive; when a loaded package and the
/// built-in tables both have it, the one added last, the package's). Only
/// resource structures (profiles or base definitions) can be forced. The
/// error lists the close names.
///
/// ```
/// use fr_fhir_core::conformance::Definitions;
/// let err = validator_cli::conformance::resolve_profile(&Definitions::new(), "FrSlot").unwrap_err();
/// assert!(err.en.contains("`FrSlot`"));
/// ```
pub fn resolve_profile(defs: &Definitions, wanted: &str) -> Result<String, Message> {
    let wanted = wanted.trim();
    match defs.find(wanted) {
        Some(s) if s.kind == StructureKind::Resource => Ok(s.url.to_string()),
        Some(s) => Err(Message::new(
            format!(
                "--profile : `{wanted}` ({}) définit le type {} et non une ressource : --profile attend un profil de ressource",
                s.url, s.type_name
            ),
            format!(
                "--profile: `{wanted}` ({}) defines the type {}, not a resource: --profile expects a resource profile",
                s.url, s.type_name
            ),
        )),
        None => Err(unknown_profile(defs, wanted)),
    }
}

fn unknown_profile(defs: &Definitions, wanted: &str) -> Message {
    let close = close_names(defs, wanted);
    let (fr, en) = if close.is_empty() {
        let n = defs.structures().iter().filter(|s| is_candidate(s)).count();
        (
            format!("{n} profils et définitions de ressource chargés, aucun nom proche"),
            format!("{n} resource profiles and definitions loaded, no close name"),
        )
    } else {
        let list = close.join(", ");
        (format!("noms proches : {list}"), format!("close names: {list}"))
    };
    Message::new(
        format!(
            "--profile : `{wanted}` n'est ni l'URL canonique ni le nom d'un profil chargé ({fr})"
        ),
        format!(
            "--profile: `{wanted}` is neither the canonical URL nor the name of a loaded profile ({en})"
        ),
    )
}

/// A structure `--profile` may name.
fn is_candidate(s: &StructureTable) -> bool {
    s.kind == StructureKind::Resource && !s.is_abstract
}

/// The names of the resource structures closest to `wanted` (compared
/// without case with their name and the last segment of their URL), closest
/// first, profiles before base definitions at equal distance.
fn close_names(defs: &Definitions, wanted: &str) -> Vec<String> {
    let key = tail(wanted).to_lowercase();
    let mut scored: Vec<(usize, bool, &str)> = defs
        .structures()
        .iter()
        .filter(|s| is_candidate(s))
        .filter_map(|s| {
            let d = [&*s.name, tail(&s.url)]
                .iter()
                .map(|c| {
                    let c = c.to_lowercase();
                    let (short, long) = if c.len() < key.len() { (&c, &key) } else { (&key, &c) };
                    if short.len() >= 5 && long.contains(short.as_str()) {
                        // One names the other's family (`FrSlot` / `FrSlotAgregateur`).
                        c.len().abs_diff(key.len()).min(2)
                    } else {
                        distance(&c, &key)
                    }
                })
                .min()?;
            let bound = (key.chars().count() / 3).max(2);
            (d <= bound).then_some((d, !s.is_profile, &*s.name))
        })
        .collect();
    scored.sort_unstable();
    let mut names: Vec<String> = Vec::new();
    for (_, _, name) in scored {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        if names.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    names
}

/// The last path segment of a canonical URL, or the text itself.
fn tail(s: &str) -> &str {
    let s = s.split('|').next().unwrap_or(s);
    s.rsplit('/').next().unwrap_or(s)
}

/// Levenshtein distance over characters (names are short: O(n·m) is fine).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let cost = diagonal + usize::from(ca != *cb);
            left = cost.min(up + 1).min(left + 1);
            next.push(left);
            diagonal = up;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn structure(
        url: &'static str,
        name: &'static str,
        kind: StructureKind,
        profile: bool,
    ) -> StructureTable {
        StructureTable {
            url: Cow::Borrowed(url),
            version: Cow::Borrowed(""),
            name: Cow::Borrowed(name),
            type_name: Cow::Borrowed("Slot"),
            kind,
            base: Cow::Borrowed(""),
            is_profile: profile,
            is_abstract: false,
            elements: Cow::Borrowed(&[]),
        }
    }

    fn defs() -> Definitions {
        let mut d = Definitions::new();
        d.add_structure(structure(
            "http://hl7.org/fhir/StructureDefinition/Slot",
            "Slot",
            StructureKind::Resource,
            false,
        ));
        for (url, name) in [
            ("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur", "FrSlotAgregateur"),
            (
                "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator",
                "FrSlotAgregateurCPTS",
            ),
            (
                "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-sos-slot-aggregator",
                "FrSlotAgregateurSOS",
            ),
            ("http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur", "FrScheduleAgregateur"),
        ] {
            d.add_structure(structure(url, name, StructureKind::Resource, true));
        }
        d.add_structure(structure(
            "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType",
            "SASServiceTypeR5",
            StructureKind::ComplexType,
            true,
        ));
        d
    }

    #[test]
    fn urls_then_names_resolve() {
        let d = defs();
        let url = "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";
        assert_eq!(resolve_profile(&d, url).unwrap(), url);
        assert_eq!(resolve_profile(&d, &format!("{url}|1.1.0")).unwrap(), url);
        assert_eq!(resolve_profile(&d, " FrSlotAgregateur ").unwrap(), url);
        assert_eq!(
            resolve_profile(&d, "FrSlotAgregateurCPTS").unwrap(),
            "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator"
        );
        assert_eq!(
            resolve_profile(&d, "Slot").unwrap(),
            "http://hl7.org/fhir/StructureDefinition/Slot"
        );
    }

    #[test]
    fn a_name_given_twice_resolves_to_the_last_added() {
        let mut d = defs();
        d.add_structure(structure(
            "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrSlotAgregateur",
            "FrSlotAgregateur",
            StructureKind::Resource,
            true,
        ));
        assert_eq!(
            resolve_profile(&d, "FrSlotAgregateur").unwrap(),
            "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrSlotAgregateur"
        );
    }

    #[test]
    fn names_are_case_sensitive_and_unknown_ones_list_close_names() {
        let d = defs();
        let e = resolve_profile(&d, "frslotagregateur").unwrap_err();
        assert!(e.en.contains("close names: FrSlotAgregateur,"), "{}", e.en);
        assert!(e.fr.contains("noms proches : FrSlotAgregateur"), "{}", e.fr);
        let e = resolve_profile(&d, "FrSlotAgregateu").unwrap_err();
        assert!(e.en.starts_with("--profile: `FrSlotAgregateu` is neither"), "{}", e.en);
        assert!(e.en.contains("FrSlotAgregateur"), "{}", e.en);
        assert!(
            !e.en.contains("FrScheduleAgregateur") && !e.en.contains("SASServiceTypeR5"),
            "{}",
            e.en
        );
        // An unknown URL is compared by its last segment.
        let e =
            resolve_profile(&d, "http://example.org/StructureDefinition/sas-cpts-slot-agregator")
                .unwrap_err();
        assert!(e.en.contains("FrSlotAgregateurCPTS"), "{}", e.en);
        let e = resolve_profile(&d, "Patient").unwrap_err();
        assert!(
            e.en.contains("5 resource profiles and definitions loaded, no close name"),
            "{}",
            e.en
        );
    }

    #[test]
    fn builtin_profiles_resolve_by_name() {
        let defs = Validator::builtin().definitions();
        assert_eq!(
            resolve_profile(defs, "FrSlotAgregateur").unwrap(),
            "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"
        );
        assert_eq!(
            resolve_profile(defs, "FrOrganizationAgregateurCPTS").unwrap(),
            "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator"
        );
    }

    #[test]
    fn a_datatype_profile_is_refused() {
        let e = resolve_profile(&defs(), "SASServiceTypeR5").unwrap_err();
        assert!(e.en.contains("not a resource"), "{}", e.en);
    }

    #[test]
    fn a_missing_package_names_its_path() {
        let e = load_ig(Path::new("/nonexistent/sas-1.2.0.tgz")).unwrap_err();
        assert!(e.en.contains("/nonexistent/sas-1.2.0.tgz does not exist"), "{}", e.en);
        assert!(e.fr.contains("/nonexistent/sas-1.2.0.tgz n'existe pas"), "{}", e.fr);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", "abc"), 0);
    }
}

/// The IG reading of the appointment rules a loaded package implies, when
/// `--ig-version` is not given: a FrAppointmentSAS whose `participant.status`
/// is bound to a value set instead of fixed to `accepted` is the 1.2.0 one
/// (SPEC §2.12). `None`: the package says nothing (no such profile).
///
/// ```
/// use fr_fhir_core::conformance::Definitions;
/// use int_ro1::exchange::IgVersion;
/// assert_eq!(validator_cli::conformance::ig_version_of(&Definitions::builtin()), Some(IgVersion::V1_1_0));
/// ```
pub fn ig_version_of(defs: &Definitions) -> Option<int_ro1::exchange::IgVersion> {
    use int_ro1::exchange::IgVersion;
    let appt = defs.structure(int_ro1::int_r03::rules::visit::PROFILE_PS)?;
    let status = appt.elements.iter().find(|e| e.id == "Appointment.participant.status")?;
    let bound = status
        .binding
        .as_ref()
        .is_some_and(|b| b.value_set.ends_with("/sas-valueset-participant-status"));
    Some(if bound && status.fixed.is_none() { IgVersion::V1_2_0 } else { IgVersion::V1_1_0 })
}

#[cfg(test)]
mod version_tests {
    use super::*;
    use fr_fhir_core::conformance::table::{Binding, Strength};
    use int_ro1::exchange::IgVersion;

    #[test]
    fn a_package_whose_participant_status_is_bound_reads_as_1_2_0() {
        let mut defs = Definitions::builtin();
        let url = int_ro1::int_r03::rules::visit::PROFILE_PS;
        let mut appt = defs.structure(url).cloned().unwrap();
        for e in appt.elements.to_mut() {
            if e.id == "Appointment.participant.status" {
                e.fixed = None;
                e.binding = Some(Binding {
                    strength: Strength::Required,
                    value_set: "https://interop.esante.gouv.fr/ig/fhir/sas/ValueSet/sas-valueset-participant-status".into(),
                });
            }
        }
        defs.add_structure(appt);
        assert_eq!(ig_version_of(&defs), Some(IgVersion::V1_2_0));
    }
}
