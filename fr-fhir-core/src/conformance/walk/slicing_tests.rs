#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;

use super::*;
use crate::conformance::table::{Discriminator, ElementTable, Slicing, StructureKind, TypeRef};

const SAS: &str = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/";

/// The slicer of element `id` of profile `url`.
fn slicer(defs: &Definitions, url: &str, id: &str) -> (Slicer, &'static StructureTable) {
    let s: &'static StructureTable =
        Box::leak(Box::new(defs.structure(url).unwrap_or_else(|| panic!("{url}")).clone()));
    let i = s.elements.iter().position(|e| e.id == id).unwrap_or_else(|| panic!("{id}"));
    (Slicer::new(defs, s, i), s)
}

fn slice_name(s: &StructureTable, c: &Classified) -> String {
    match c {
        Classified::Slice(i) => s.elements[*i].slice_name.to_string(),
        Classified::Unmatched { reason_en, .. } => format!("unmatched: {reason_en}"),
    }
}

fn example(name: &str) -> Option<Value> {
    let dir = crate::conformance::spec::spec_dir()?;
    Some(
        serde_json::from_str(
            &std::fs::read_to_string(dir.join("ig-sas-1.1.0/package/example").join(name)).unwrap(),
        )
        .unwrap(),
    )
}

#[test]
fn value_system_identifier_slices() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(&defs, &format!("{SAS}FrPractitionerRegul"), "Practitioner.identifier");
    assert!(sl.is_simple());
    assert_eq!(sl.rules(), SlicingRules::Open);
    let names: Vec<_> = sl.slices().iter().map(|x| (x.name.as_str(), x.min, x.max)).collect();
    assert_eq!(names, [("IdentifiantNatPS", 0, Max::One), ("IdentifiantInterne", 0, Max::One)]);
    let nat = r#"{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"IDNPS"}]},"system":"urn:oid:1.2.250.1.71.4.2.1","value":"810000000000"}"#;
    assert_eq!(slice_name(s, &sl.classify(nat)), "IdentifiantNatPS");
    assert_eq!(sl.classify(nat), Classified::Slice(sl.slices()[0].index));
    assert_eq!(
        slice_name(s, &sl.classify(r#"{"value":"x","system":"urn:oid:1.2.250.1.213.3.6"}"#)),
        "IdentifiantInterne"
    );
    // Escaped system.
    assert_eq!(
        slice_name(s, &sl.classify(r#"{"system":"urn:oid:1.2.250.1.213.3.\u0036"}"#)),
        "IdentifiantInterne"
    );
    // Regulator example 1: system 71.4.2.2 is outside the slices (open).
    let ex = example("Practitioner-ExamplePractitionerRegul1.json").unwrap();
    let item = ex["identifier"][0].to_string();
    let Classified::Unmatched { reason_fr, reason_en } = sl.classify(&item) else { panic!() };
    assert_eq!(
        reason_en,
        "system `urn:oid:1.2.250.1.71.4.2.2` matches no slice (IdentifiantNatPS: urn:oid:1.2.250.1.71.4.2.1, IdentifiantInterne: urn:oid:1.2.250.1.213.3.6)"
    );
    assert_eq!(
        reason_fr,
        "system `urn:oid:1.2.250.1.71.4.2.2` ne correspond à aucune tranche (IdentifiantNatPS : urn:oid:1.2.250.1.71.4.2.1, IdentifiantInterne : urn:oid:1.2.250.1.213.3.6)"
    );
    // No system at all.
    let Classified::Unmatched { reason_en, .. } = sl.classify(r#"{"value":"1"}"#) else { panic!() };
    assert!(
        reason_en.starts_with("no system: matches no slice (IdentifiantNatPS: "),
        "{reason_en}"
    );
    // A system that is not a string, malformed items: unmatched, no panic.
    for bad in [
        r#"{"system":1}"#,
        r#"{"system":"#,
        "",
        "[",
        "12",
        r#"{"system":["urn:oid:1.2.250.1.213.3.6"]}"#,
    ] {
        let c = sl.classify(bad);
        if bad.contains("213.3.6") {
            // Not FHIR (system is not an array) but the value is there: the shape check reports it.
            assert_eq!(slice_name(s, &c), "IdentifiantInterne");
        } else {
            assert!(matches!(c, Classified::Unmatched { .. }), "{bad:?}");
        }
    }
}

#[test]
fn value_system_on_coding_many_slices() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(
        &defs,
        &format!("{SAS}FrPractitionerRegul"),
        "Practitioner.qualification.code.coding",
    );
    assert_eq!(sl.slices().len(), 14);
    assert!(sl.is_simple());
    let r48 = r#"{"system":"https://mos.esante.gouv.fr/NOS/TRE_R48-DiplomeEtatFrancais/FHIR/TRE-R48-DiplomeEtatFrancais","code":"DE09"}"#;
    assert_eq!(slice_name(s, &sl.classify(r48)), "degreeR48");
    let Classified::Unmatched { reason_en, .. } = sl.classify(r#"{"system":"urn:x","code":"1"}"#)
    else {
        panic!()
    };
    // At most 8 slices listed.
    assert!(reason_en.ends_with(", …)"), "{reason_en}");
    assert_eq!(reason_en.matches("degreeR").count(), 8);
}

#[test]
fn value_coding_system_through_an_array() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(
        &defs,
        "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur",
        "Slot.serviceType",
    );
    assert!(sl.is_simple());
    let amb = r#"{"coding":[{"system":"urn:other","code":"x"},{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}]}"#;
    assert_eq!(slice_name(s, &sl.classify(amb)), "TypeConsultation");
    let Classified::Unmatched { reason_en, .. } =
        sl.classify(r#"{"coding":[{"system":"urn:a"},{"system":"urn:b"}]}"#)
    else {
        panic!()
    };
    assert_eq!(
        reason_en,
        "coding.system `urn:a`, `urn:b` matches no slice (TypeConsultation: http://terminology.hl7.org/CodeSystem/v3-ActCode)"
    );
    let Classified::Unmatched { reason_en, .. } = sl.classify(r#"{"text":"Visite"}"#) else {
        panic!()
    };
    assert!(reason_en.starts_with("no coding.system: "), "{reason_en}");

    let (sl, s) =
        slicer(&defs, &format!("{SAS}sas-cpts-organization-aggregator"), "Organization.type");
    let r66 = r#"{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement","code":"604"}]}"#;
    assert_eq!(slice_name(s, &sl.classify(r66)), "categorieEtablissementRASS");
    let r02 = r#"{"coding":[{"code":"SA05","system":"https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite"}]}"#;
    assert_eq!(slice_name(s, &sl.classify(r02)), "secteurActiviteRASS");
}

#[test]
fn value_url_extension_slices() {
    let defs = Definitions::builtin();
    // No `url` element in the snapshot: the type profile is the url.
    let (sl, s) = slicer(
        &defs,
        "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur",
        "Schedule.extension",
    );
    assert!(sl.is_simple());
    let names: Vec<_> = sl.slices().iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["serviceTypeDuration", "availabilityTime"]);
    let item = r#"{"url":"http://interopsante.org/fhir/StructureDefinition/FrScheduleAvailabiltyTime","extension":[{"url":"x"}]}"#;
    assert_eq!(slice_name(s, &sl.classify(item)), "availabilityTime");
    // The url after other keys.
    let item = r#"{"valueDuration":{"value":15},"url":"http://interopsante.org/fhir/StructureDefinition/FrServiceTypeDuration"}"#;
    assert_eq!(slice_name(s, &sl.classify(item)), "serviceTypeDuration");
    // Reading stops at the url.
    let head_only = r#"{"url":"http://interopsante.org/fhir/StructureDefinition/FrServiceTypeDuration","valueDuration":{"#;
    assert_eq!(slice_name(s, &sl.classify(head_only)), "serviceTypeDuration");
    let Classified::Unmatched { reason_en, .. } =
        sl.classify(r#"{"url":"http://example.org/other","valueString":"x"}"#)
    else {
        panic!()
    };
    assert_eq!(
        reason_en,
        "url `http://example.org/other` matches no slice (serviceTypeDuration: http://interopsante.org/fhir/StructureDefinition/FrServiceTypeDuration, availabilityTime: http://interopsante.org/fhir/StructureDefinition/FrScheduleAvailabiltyTime)"
    );
    // A `url` element with a fixedUri (the slice's snapshot is expanded).
    let (sl, s) = slicer(&defs, &format!("{SAS}sas-sos-appointment"), "Appointment.extension");
    let ex = example("Appointment-1.json").unwrap();
    assert_eq!(slice_name(s, &sl.classify(&ex["extension"][0].to_string())), "appointmentOperator");
}

#[test]
fn type_this_choice_slices() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(
        &defs,
        &format!("{SAS}sas-sos-appointment"),
        "Appointment.extension:appointmentOperator.value[x]",
    );
    assert_eq!(sl.rules(), SlicingRules::Closed);
    assert!(!sl.is_simple());
    assert_eq!(
        slice_name(s, &sl.classify_choice("valueReference", r#"{"reference":"Practitioner/1"}"#)),
        "valueReference"
    );
    let Classified::Unmatched { reason_fr, reason_en } =
        sl.classify_choice("valueString", r#""x""#)
    else {
        panic!()
    };
    assert_eq!(reason_en, "type `String` matches no slice (valueReference: Reference)");
    assert_eq!(
        reason_fr,
        "le type `String` ne correspond à aucune tranche (valueReference : Reference)"
    );
    // Without the key the type is unknown.
    assert!(matches!(
        sl.classify(r#"{"reference":"Practitioner/1"}"#),
        Classified::Unmatched { .. }
    ));
}

#[test]
fn profile_resource_bundle_slices() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(&defs, &format!("{SAS}sas-cpts-bundle-aggregator"), "Bundle.entry");
    assert!(!sl.is_simple());
    let ex = example("Bundle-ExampleBundleCPTS.json").unwrap();
    let got: Vec<String> = ex["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| slice_name(s, &sl.classify(&e.to_string())))
        .collect();
    assert_eq!(
        got,
        [
            "slotAgregateurCPTS",
            "scheduleAgregateurCPTS",
            "practitionerAgregateur",
            "practitionerRole",
            "healthcareserviceCPTS",
            "organizationAgregateurCPTS"
        ]
    );
    // No meta.profile: by type alone.
    let bare = r#"{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Schedule","id":"s"}}"#;
    assert_eq!(slice_name(s, &sl.classify(bare)), "scheduleAgregateurCPTS");
    // meta.profile naming none of the slices' profiles: by type alone too.
    let other = r#"{"resource":{"resourceType":"Slot","meta":{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"]}}}"#;
    assert_eq!(slice_name(s, &sl.classify(other)), "slotAgregateurCPTS");
    // A versioned profile.
    let versioned = format!(
        r#"{{"resource":{{"meta":{{"profile":["{SAS}sas-cpts-slot-aggregator|1.1.0"]}},"resourceType":"Slot"}}}}"#
    );
    assert_eq!(slice_name(s, &sl.classify(&versioned)), "slotAgregateurCPTS");
    // Only the head of the resource is read (the rest is the walker's).
    let head_only = r#"{"resource":{"resourceType":"Schedule","meta":{"profile":[]},"actor":[{"#;
    assert_eq!(slice_name(s, &sl.classify(head_only)), "scheduleAgregateurCPTS");
    // A type no slice has.
    let Classified::Unmatched { reason_en, .. } =
        sl.classify(r#"{"resource":{"resourceType":"Patient","meta":{"profile":["urn:p"]}}}"#)
    else {
        panic!()
    };
    assert!(
        reason_en.starts_with("resource `Patient` (meta.profile urn:p) matches no slice (slotAgregateurCPTS: Slot, scheduleAgregateurCPTS: Schedule,"),
        "{reason_en}"
    );
    let Classified::Unmatched { reason_en, .. } = sl.classify(r#"{"fullUrl":"x"}"#) else {
        panic!()
    };
    assert!(reason_en.starts_with("resource `?` matches no slice"), "{reason_en}");
}

/// Two slices of the same type told apart by the declared profile.
#[test]
fn profile_decides_between_slices_of_one_type() {
    let el = |id: &str, slice: &str, types: Vec<TypeRef>| ElementTable {
        id: Cow::Owned(id.to_string()),
        path: Cow::Owned(
            id.split(':').next().unwrap().to_string()
                + id.split_once(':')
                    .map_or("", |(_, r)| r.split_once('.').map_or("", |(_, p)| p))
                    .trim(),
        ),
        slice_name: Cow::Owned(slice.to_string()),
        types: Cow::Owned(types),
        ..ElementTable::EMPTY
    };
    let t = |code: &str, profile: &str| TypeRef {
        code: Cow::Owned(code.to_string()),
        profiles: Cow::Owned(vec![Cow::Owned(profile.to_string())]),
        target_profiles: Cow::Borrowed(&[]),
    };
    let mut entry = el("Bundle.entry", "", vec![]);
    entry.slicing = Some(Slicing {
        discriminators: Cow::Owned(vec![Discriminator {
            kind: DiscriminatorKind::Profile,
            path: Cow::Borrowed("resource"),
        }]),
        rules: SlicingRules::Closed,
        ordered: false,
    });
    let mut elements = vec![el("Bundle", "", vec![]), entry];
    for name in ["a", "b"] {
        elements.push(ElementTable {
            path: Cow::Borrowed("Bundle.entry"),
            ..el(&format!("Bundle.entry:{name}"), name, vec![])
        });
        elements.push(ElementTable {
            path: Cow::Borrowed("Bundle.entry.resource"),
            ..el(
                &format!("Bundle.entry:{name}.resource"),
                "",
                vec![t("Slot", &format!("urn:p:{name}"))],
            )
        });
    }
    let table = table(elements);
    let sl = Slicer::new(&Definitions::new(), &table, 1);
    assert_eq!(sl.rules(), SlicingRules::Closed);
    assert_eq!(
        sl.classify(r#"{"resource":{"resourceType":"Slot","meta":{"profile":["urn:p:b"]}}}"#),
        Classified::Slice(4)
    );
    assert_eq!(
        sl.classify(r#"{"resource":{"resourceType":"Slot","meta":{"profile":["urn:p:a"]}}}"#),
        Classified::Slice(2)
    );
    // Neither declared: the first by type.
    assert_eq!(sl.classify(r#"{"resource":{"resourceType":"Slot"}}"#), Classified::Slice(2));
    let Classified::Unmatched { reason_en, .. } =
        sl.classify(r#"{"resource":{"resourceType":"Schedule","meta":{"profile":["urn:p:a"]}}}"#)
    else {
        panic!()
    };
    assert_eq!(
        reason_en,
        "resource `Schedule` (meta.profile urn:p:a) matches no slice (a: Slot urn:p:a, b: Slot urn:p:b)"
    );
}

#[test]
fn type_resource_bundle_slices() {
    let defs = Definitions::builtin();
    let (sl, s) =
        slicer(&defs, "http://sas.fr/fhir/StructureDefinition/BundleAgregateur", "Bundle.entry");
    let ex = example("Bundle-ExampleBundlePSIndiv.json").unwrap();
    for e in ex["entry"].as_array().unwrap() {
        let got = slice_name(s, &sl.classify(&e.to_string()));
        let rt = e["resource"]["resourceType"].as_str().unwrap();
        assert_eq!(
            got,
            format!(
                "Fr{rt}{}",
                if rt == "PractitionerRole" { "ExerciceAgregateur" } else { "Agregateur" }
            )
        );
    }
    let Classified::Unmatched { reason_en, .. } =
        sl.classify(r#"{"resource":{"resourceType":"Location"}}"#)
    else {
        panic!()
    };
    assert_eq!(
        reason_en,
        "type `Location` matches no slice (FrSlotAgregateur: Slot, FrScheduleAgregateur: Schedule, FrPractitionerAgregateur: Practitioner, FrPractitionerRoleExerciceAgregateur: PractitionerRole)"
    );
}

#[test]
fn pattern_this_combined_from_descendants() {
    let defs = Definitions::builtin();
    let (sl, s) = slicer(&defs, &format!("{SAS}sas-cpts-slot-aggregator"), "Slot.serviceType");
    assert!(!sl.is_simple());
    for (file, want) in [
        ("Slot-ExampleSlotCPTS1.json", vec!["TypeConsultation", "referencecpts", "unmatched"]),
        ("Slot-ExampleSlotCPTS2.json", vec!["TypeConsultation", "referencecpts", "referencecpts"]),
    ] {
        let ex = example(file).unwrap();
        let got: Vec<String> = ex["serviceType"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                slice_name(s, &sl.classify(&v.to_string())).split(':').next().unwrap().to_string()
            })
            .collect();
        assert_eq!(got, want, "{file}");
    }
    let Classified::Unmatched { reason_en, reason_fr } = sl.classify(r#"{"text":"Visite"}"#) else {
        panic!()
    };
    assert_eq!(
        reason_en,
        r#"value `{"text":"Visite"}` matches no slice (TypeConsultation: {"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode"}]}, referencecpts: {"extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType"}]})"#
    );
    assert!(
        reason_fr.starts_with(
            r#"la valeur `{"text":"Visite"}` ne correspond à aucune tranche (TypeConsultation : {"#
        ),
        "{reason_fr}"
    );
}

#[test]
fn exists_and_unsupported_paths() {
    let disc = |kind, path: &'static str| Discriminator { kind, path: Cow::Borrowed(path) };
    let el = |id: &str, path: &str| ElementTable {
        id: Cow::Owned(id.to_string()),
        path: Cow::Owned(path.to_string()),
        ..ElementTable::EMPTY
    };
    let elements = vec![
        el("Patient", "Patient"),
        ElementTable {
            slicing: Some(Slicing {
                discriminators: Cow::Owned(vec![
                    disc(DiscriminatorKind::Exists, "period"),
                    disc(DiscriminatorKind::Value, "assigner.resolve().name"),
                ]),
                rules: SlicingRules::Closed,
                ordered: false,
            }),
            ..el("Patient.identifier", "Patient.identifier")
        },
        ElementTable {
            slice_name: Cow::Borrowed("withPeriod"),
            ..el("Patient.identifier:withPeriod", "Patient.identifier")
        },
        ElementTable {
            min: 1,
            ..el("Patient.identifier:withPeriod.period", "Patient.identifier.period")
        },
        ElementTable {
            slice_name: Cow::Borrowed("noPeriod"),
            ..el("Patient.identifier:noPeriod", "Patient.identifier")
        },
        ElementTable {
            max: Max::Zero,
            ..el("Patient.identifier:noPeriod.period", "Patient.identifier.period")
        },
    ];
    let t = table(elements);
    let sl = Slicer::new(&Definitions::new(), &t, 1);
    assert!(sl.is_simple());
    assert_eq!(sl.classify(r#"{"value":"1","period":{"start":"2024"}}"#), Classified::Slice(2));
    assert_eq!(sl.classify(r#"{"value":"1"}"#), Classified::Slice(4));
    // Out of range or not sliced: no slice.
    for i in [0, 2, 99] {
        let empty = Slicer::new(&Definitions::new(), &t, i);
        assert!(empty.slices().is_empty());
        let Classified::Unmatched { reason_en, .. } = empty.classify("{}") else { panic!() };
        assert_eq!(reason_en, "no slice is defined");
    }
}

#[test]
fn exists_unmatched_reason() {
    let disc = Discriminator { kind: DiscriminatorKind::Exists, path: Cow::Borrowed("period") };
    let el = |id: &str, path: &str| ElementTable {
        id: Cow::Owned(id.to_string()),
        path: Cow::Owned(path.to_string()),
        ..ElementTable::EMPTY
    };
    let t = table(vec![
        el("Patient", "Patient"),
        ElementTable {
            slicing: Some(Slicing {
                discriminators: Cow::Owned(vec![disc]),
                rules: SlicingRules::Open,
                ordered: false,
            }),
            ..el("Patient.identifier", "Patient.identifier")
        },
        ElementTable {
            slice_name: Cow::Borrowed("withPeriod"),
            ..el("Patient.identifier:withPeriod", "Patient.identifier")
        },
        ElementTable {
            min: 1,
            ..el("Patient.identifier:withPeriod.period", "Patient.identifier.period")
        },
    ]);
    let sl = Slicer::new(&Definitions::new(), &t, 1);
    let Classified::Unmatched { reason_en, reason_fr } = sl.classify(r#"{"value":"1"}"#) else {
        panic!()
    };
    assert_eq!(reason_en, "no period: matches no slice (withPeriod: present)");
    assert_eq!(reason_fr, "period absent : aucune tranche ne correspond (withPeriod : présent)");
}

fn table(elements: Vec<ElementTable>) -> StructureTable {
    StructureTable {
        url: Cow::Borrowed("urn:test"),
        version: Cow::Borrowed(""),
        name: Cow::Borrowed("T"),
        type_name: Cow::Borrowed("T"),
        kind: StructureKind::Resource,
        base: Cow::Borrowed(""),
        is_profile: true,
        is_abstract: false,
        elements: Cow::Owned(elements),
    }
}

/// The arrays at `keys` under `v` (arrays flattened on the way).
fn arrays_at<'v>(v: &'v Value, keys: &[&str], out: &mut Vec<&'v Vec<Value>>) {
    match (v, keys.split_first()) {
        (Value::Array(items), _) if !keys.is_empty() => {
            items.iter().for_each(|i| arrays_at(i, keys, out))
        }
        (Value::Object(o), Some((k, rest))) => {
            if let Some(c) = o.get(*k) {
                if rest.is_empty() {
                    if let Value::Array(a) = c {
                        out.push(a);
                    }
                } else {
                    arrays_at(c, rest, out);
                }
            }
        }
        _ => {}
    }
}

/// Every official example (and every resource of the official Bundles),
/// against its declared profile: every sliced element outside a slice and
/// not a choice, each array classified; the slices' cardinalities hold and
/// closed slicings leave nothing unmatched.
#[test]
fn official_examples_meet_slice_cardinalities() {
    let defs = Definitions::builtin();
    let Some(spec) = crate::conformance::spec::spec_dir() else { return };
    let dir = spec.join("ig-sas-1.1.0/package/example");
    let mut resources = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for e in v["entry"].as_array().into_iter().flatten() {
            resources.push((format!("{name} entry"), e["resource"].clone()));
        }
        resources.push((name, v));
    }
    let mut checked = 0;
    let mut unmatched = BTreeMap::new();
    for (name, r) in &resources {
        let Some(url) = r["meta"]["profile"][0].as_str() else { continue };
        let Some(s) = defs.structure(url) else { continue };
        for (i, e) in s.elements.iter().enumerate() {
            if e.slicing.is_none() || e.id.contains(':') || e.is_choice() {
                continue;
            }
            let sl = Slicer::new(&defs, s, i);
            let keys: Vec<&str> = e.path.split('.').skip(1).collect();
            let mut arrays = Vec::new();
            arrays_at(r, &keys, &mut arrays);
            for arr in arrays {
                let mut counts: BTreeMap<usize, u32> = BTreeMap::new();
                for item in arr {
                    checked += 1;
                    match sl.classify(&item.to_string()) {
                        Classified::Slice(k) => *counts.entry(k).or_default() += 1,
                        Classified::Unmatched { reason_en, .. } => {
                            assert_ne!(
                                sl.rules(),
                                SlicingRules::Closed,
                                "{name} {}: {reason_en}",
                                e.id
                            );
                            unmatched.insert(format!("{name} {}", e.id), reason_en);
                        }
                    }
                }
                for info in sl.slices() {
                    let n = counts.get(&info.index).copied().unwrap_or(0);
                    assert!(
                        n >= info.min && !info.max.exceeded_by(n),
                        "{name} {}:{} has {n} items",
                        e.id,
                        info.name
                    );
                }
            }
        }
    }
    assert!(checked >= 60, "{checked}");
    // What falls outside open slicings in the official examples: the
    // regulator's identifier of another system (AMB-26), text-only service
    // types.
    let keys: Vec<&str> = unmatched.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "Bundle-ExampleBundleCPTS.json entry Slot.serviceType",
            "Bundle-ExampleBundlePSIndiv.json entry Slot.serviceType",
            "Practitioner-ExamplePractitionerRegul1.json Practitioner.identifier",
            "Slot-ExampleSlotCPTS1.json Slot.serviceType",
            "Slot-ExampleSlotPSIndiv1.json Slot.serviceType",
            "Slot-ExampleSlotPSIndiv2.json Slot.serviceType",
            "Slot-ExampleSlotPSIndiv3.json Slot.serviceType",
            "Slot-ExampleSlotPSIndiv4.json Slot.serviceType",
        ],
        "{unmatched:#?}"
    );
}

/// The walk's allocation-free [`Slicer::slice_of`] says what
/// [`Slicer::classify`] says, escapes, versions and many values included,
/// and reads nothing past the item (the walk hands it the rest of the
/// document: here followed by an item of another slice, or of none).
#[test]
fn slice_of_agrees_with_classify() {
    let defs = Definitions::builtin();
    let same = |sl: &Slicer, item: &str| {
        let want = match sl.classify(item) {
            Classified::Slice(i) => Some(i),
            Classified::Unmatched { .. } => None,
        };
        assert_eq!(sl.slice_of(item), want, "{item}");
        for rest in [
            r#",{"resource":{"resourceType":"Slot"}}]}"#,
            r#",{"url":"http://interopsante.org/fhir/StructureDefinition/FrServiceTypeDuration"}]"#,
            r#" ] , "x": {"resource":{"resourceType":"Patient"}}}"#,
            "",
        ] {
            assert_eq!(sl.slice_of(&format!("{item}{rest}")), want, "{item}{rest}");
        }
        want
    };
    let (sl, _) = slicer(&defs, &format!("{SAS}sas-cpts-bundle-aggregator"), "Bundle.entry");
    let ex = example("Bundle-ExampleBundleCPTS.json").unwrap();
    for e in ex["entry"].as_array().unwrap() {
        assert!(same(&sl, &e.to_string()).is_some());
    }
    let versioned = format!(
        r#"{{"resource":{{"meta":{{"profile":["{SAS}sas-cpts-slot-aggregator|1.1.0"]}},"resourceType":"Sl\u006ft"}}}}"#
    );
    assert!(same(&sl, &versioned).is_some());
    let many: Vec<String> = (0..12).map(|i| format!(r#""urn:p{i}""#)).collect();
    let many = format!(
        r#"{{"resource":{{"resourceType":"Slot","meta":{{"profile":[{},"{SAS}sas-cpts-slot-aggregator"]}}}}}}"#,
        many.join(",")
    );
    assert!(same(&sl, &many).is_some());
    assert!(same(&sl, r#"{"resource":{"resourceType":"Patient"}}"#).is_none());
    assert!(same(&sl, r#"{"fullUrl":"x"}"#).is_none());
    let (sl, _) = slicer(
        &defs,
        "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur",
        "Schedule.extension",
    );
    let escaped =
        r#"{"url":"http:\/\/interopsante.org/fhir/StructureDefinition/FrServiceTypeDuration"}"#;
    assert!(same(&sl, escaped).is_some());
    assert!(same(&sl, r#"{"url":"http://example.org/other"}"#).is_none());
    assert!(same(&sl, r#"{"url":1}"#).is_none());
}
