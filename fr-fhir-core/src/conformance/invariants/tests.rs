#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use std::collections::BTreeSet;

/// What a case expects.
#[derive(Debug, Clone, Copy)]
enum Exp {
    Holds,
    /// Fails, pointing at this child (`""`: the object).
    Fails(&'static str),
    /// `None`: not decidable from this view.
    Undecided,
}
use Exp::{Fails, Holds, Undecided};

fn check(key: &str, json: &str, exp: Exp) {
    let (span, children) = read_children(json, 0).unwrap();
    let view = ObjectView { span, children: &children, resource: None };
    let got = evaluate(key, &view);
    match (exp, &got) {
        (Holds, Some(Verdict::Holds)) | (Undecided, None) => {}
        (Fails(at), Some(Verdict::Fails { span: s, fr, en })) => {
            let want = if at.is_empty() { span } else { view.get(at).unwrap().span };
            assert_eq!(*s, want, "{key} on {json}: wrong place ({fr})");
            assert!(
                fr.contains(key) && en.contains(key),
                "{key}: messages name the key: {fr} / {en}"
            );
            assert_ne!(fr, en, "{key}: a French and an English message");
        }
        _ => panic!("{key} on {json}: expected {exp:?}, got {got:?}"),
    }
}

#[test]
fn per_1_compares_date_times_of_any_precision_and_zone() {
    let p = |s: &str, e: &str| format!(r#"{{"start":"{s}","end":"{e}"}}"#);
    let rows: Vec<(String, Exp)> = vec![
        (p("2024-06-12T10:00:00+02:00", "2024-06-12T09:00:00+02:00"), Fails("end")),
        (p("2024-06-12T09:00:00+02:00", "2024-06-12T10:00:00+02:00"), Holds),
        (p("2024-06-12T10:00:00+02:00", "2024-06-12T10:00:00+02:00"), Holds),
        // Zones: the same instant, or the wall clock says one thing and UTC another.
        (p("2024-06-12T10:00:00+02:00", "2024-06-12T08:00:00Z"), Holds),
        (p("2024-06-12T10:00:00+02:00", "2024-06-12T09:00:00Z"), Holds),
        (p("2024-06-12T10:00:00Z", "2024-06-12T11:00:00+02:00"), Fails("end")),
        (p("2024-06-12T00:30:00+02:00", "2024-06-11T23:00:00Z"), Holds),
        // Fractions are one precision with seconds (a decimal).
        (p("2024-06-12T10:00:00.5Z", "2024-06-12T10:00:00Z"), Fails("end")),
        (p("2024-06-12T10:00:00.000Z", "2024-06-12T10:00:00Z"), Holds),
        (p("2024-06-12T10:00:00.56Z", "2024-06-12T10:00:00.5Z"), Fails("end")),
        (p("2024-06-12T10:00:00.000000001Z", "2024-06-12T10:00:00Z"), Fails("end")),
        // Dates: compared as written; equal on the common precision: open, holds.
        (p("2024-06-13", "2024-06-12"), Fails("end")),
        (p("2024-06-12", "2024-06-12"), Holds),
        (p("2025", "2024-12-31"), Fails("end")),
        (p("2024", "2024-06"), Holds),
        (p("2024-07", "2024-06-30"), Fails("end")),
        (p("2024-06", "2024-06-30"), Holds),
        (p("2024-12", "2025-01-01"), Holds),
        // A date against a dateTime with zone: the date may be in any zone.
        (p("2024-06-12", "2024-06-12T09:00:00Z"), Holds),
        (p("2024-06-12T23:00:00Z", "2024-06-12"), Holds),
        (p("2024-06-13", "2024-06-12T09:00:00+02:00"), Fails("end")),
        (p("2024-06-13", "2024-06-12T23:00:00-05:00"), Holds),
        (p("2024-06-14T10:00:00Z", "2024-06-12"), Fails("end")),
        // A dateTime missing its zone (RO1-FHIR-003's finding) is widened too.
        (p("2024-06-12T10:00:00", "2024-06-12T09:00:00Z"), Holds),
        (p("2024-06-12T10:00:00", "2024-06-12T09:00:00"), Fails("end")),
        // Nothing to compare, or nothing this reader understands.
        (r#"{"start":"2024-06-12T10:00:00Z"}"#.into(), Holds),
        (r#"{"start":"2024-06-12T10:00:00Z","_end":{"extension":[]}}"#.into(), Holds),
        (p("not a date", "2024-06-12"), Holds),
        (p("2024-06-12T10:00Z", "2024-06-11"), Holds),
        (r#"{"start":20240612,"end":"2024"}"#.into(), Holds),
        (r#"{}"#.into(), Holds),
    ];
    for (json, exp) in rows {
        check("per-1", &json, exp);
    }
}

#[test]
fn per_1_message_names_actual_and_expected() {
    let json = r#"{"start":"2024-06-12T10:00:00+02:00","end":"2024-06-12T09:00:00+02:00"}"#;
    let (span, children) = read_children(json, 0).unwrap();
    let view = ObjectView { span, children: &children, resource: None };
    let Some(Verdict::Fails { fr, en, .. }) = evaluate("per-1", &view) else { panic!() };
    assert_eq!(
        fr,
        "Period.start 2024-06-12T10:00:00+02:00 est après end 2024-06-12T09:00:00+02:00 (per-1 : start <= end)"
    );
    assert_eq!(
        en,
        "Period.start 2024-06-12T10:00:00+02:00 is after end 2024-06-12T09:00:00+02:00 (per-1: start <= end)"
    );
}

#[test]
fn every_key_on_one_object() {
    let rows: &[(&str, &str, Exp)] = &[
        // per-1 (more in per_1_compares_date_times_of_any_precision_and_zone)
        ("per-1", r#"{"start":"2024-06-12","end":"2024-06-12"}"#, Holds),
        ("per-1", r#"{"start":"2024-06-13","end":"2024-06-12"}"#, Fails("end")),
        // ele-1
        ("ele-1", r#"{"system":"x"}"#, Holds),
        ("ele-1", r#"{"id":"a"}"#, Fails("")),
        ("ele-1", r#"{}"#, Fails("")),
        ("ele-1", r#"{"id":"a","extension":[]}"#, Fails("")),
        ("ele-1", r#"{"id":"a","extension":[{"url":"u"}]}"#, Holds),
        // ext-1
        ("ext-1", r#"{"url":"u","valueString":"x"}"#, Holds),
        ("ext-1", r#"{"url":"u","extension":[{"url":"v","valueCode":"c"}]}"#, Holds),
        ("ext-1", r#"{"url":"u","_valueCode":{"id":"x"}}"#, Holds),
        (
            "ext-1",
            r#"{"url":"u","extension":[{"url":"v"}],"valueString":"x"}"#,
            Fails("valueString"),
        ),
        ("ext-1", r#"{"url":"u"}"#, Fails("")),
        ("ext-1", r#"{"url":"u","value":"x"}"#, Fails("")),
        ("ext-1", r#"{"url":"u","valuestring":"x"}"#, Fails("")),
        // cpt-2
        ("cpt-2", r#"{"system":"phone","value":"0102030405"}"#, Holds),
        ("cpt-2", r#"{"use":"work"}"#, Holds),
        ("cpt-2", r#"{"value":"0102030405"}"#, Fails("value")),
        (
            "cpt-2",
            r#"{"value":"0102030405","_system":{"extension":[{"url":"u","valueCode":"x"}]}}"#,
            Holds,
        ),
        // ref-1: the view part always holds (local references: evaluate_resource).
        ("ref-1", r##"{"reference":"#missing"}"##, Holds),
        ("ref-1", r#"{"reference":"Location/1"}"#, Holds),
        // org-1..3
        ("org-1", r#"{"resourceType":"Organization","name":"X"}"#, Holds),
        ("org-1", r#"{"resourceType":"Organization","identifier":[{"value":"1"}]}"#, Holds),
        ("org-1", r#"{"resourceType":"Organization","active":true}"#, Fails("")),
        (
            "org-1",
            r#"{"resourceType":"Organization","_name":{"extension":[{"url":"u","valueString":"x"}]}}"#,
            Holds,
        ),
        ("org-2", r#"{"use":"work","city":"Paris"}"#, Holds),
        ("org-2", r#"{"use":"home","city":"Paris"}"#, Fails("use")),
        ("org-3", r#"{"system":"phone","value":"1"}"#, Holds),
        ("org-3", r#"{"system":"phone","value":"1","use":"home"}"#, Fails("use")),
        // app-1..4
        ("app-1", r#"{"actor":{"reference":"Patient/1"},"status":"accepted"}"#, Holds),
        ("app-1", r#"{"type":[{"text":"x"}],"status":"accepted"}"#, Holds),
        ("app-1", r#"{"status":"accepted"}"#, Fails("")),
        ("app-2", r#"{"start":"2024-06-12T10:00:00Z","end":"2024-06-12T10:20:00Z"}"#, Holds),
        ("app-2", r#"{"status":"proposed"}"#, Holds),
        ("app-2", r#"{"start":"2024-06-12T10:00:00Z"}"#, Fails("start")),
        ("app-2", r#"{"end":"2024-06-12T10:00:00Z"}"#, Fails("end")),
        (
            "app-3",
            r#"{"status":"booked","start":"2024-06-12T10:00:00Z","end":"2024-06-12T10:20:00Z"}"#,
            Holds,
        ),
        ("app-3", r#"{"status":"proposed"}"#, Holds),
        ("app-3", r#"{"status":"cancelled"}"#, Holds),
        ("app-3", r#"{"status":"waitlist","start":"2024-06-12T10:00:00Z"}"#, Holds),
        ("app-3", r#"{"status":"booked"}"#, Fails("status")),
        ("app-3", r#"{"status":"booked","start":"2024-06-12T10:00:00Z"}"#, Fails("status")),
        ("app-3", r#"{"participant":[]}"#, Holds),
        ("app-4", r#"{"status":"cancelled","cancelationReason":{"text":"x"}}"#, Holds),
        ("app-4", r#"{"status":"noshow","cancelationReason":{"text":"x"}}"#, Holds),
        ("app-4", r#"{"status":"booked"}"#, Holds),
        (
            "app-4",
            r#"{"status":"booked","cancelationReason":{"text":"x"}}"#,
            Fails("cancelationReason"),
        ),
        (
            "app-4",
            r#"{"status":"no-show","cancelationReason":{"text":"x"}}"#,
            Fails("cancelationReason"),
        ),
        // bdl-*
        ("bdl-1", r#"{"type":"searchset","total":3}"#, Holds),
        ("bdl-1", r#"{"type":"history","total":3}"#, Holds),
        ("bdl-1", r#"{"type":"collection"}"#, Holds),
        ("bdl-1", r#"{"type":"collection","total":3}"#, Fails("total")),
        ("bdl-1", r#"{"total":3}"#, Holds),
        ("bdl-2", r#"{"type":"searchset","entry":[{"search":{}},{"search":{}}]}"#, Holds),
        ("bdl-2", r#"{"type":"collection"}"#, Holds),
        ("bdl-2", r#"{"type":"collection","entry":[{"resource":{}}]}"#, Holds),
        ("bdl-2", r#"{"type":"collection","entry":[{"resource":{},"search":{}}]}"#, Fails("entry")),
        ("bdl-2", r#"{"type":"collection","entry":[{"resource":{}},{"search":{}}]}"#, Undecided),
        ("bdl-3", r#"{"type":"transaction","entry":[{"request":{}}]}"#, Holds),
        ("bdl-3", r#"{"type":"transaction","entry":[{"resource":{}}]}"#, Fails("entry")),
        ("bdl-3", r#"{"type":"searchset","entry":[{"request":{}}]}"#, Fails("entry")),
        ("bdl-3", r#"{"type":"searchset","entry":[{"resource":{}},{"resource":{}}]}"#, Undecided),
        ("bdl-3", r#"{"type":"searchset","entry":[]}"#, Holds),
        ("bdl-4", r#"{"type":"batch-response","entry":[{"response":{}}]}"#, Holds),
        ("bdl-4", r#"{"type":"batch-response","entry":[{"resource":{}}]}"#, Fails("entry")),
        (
            "bdl-4",
            r#"{"type":"searchset","entry":[{"resource":{},"response":{}}]}"#,
            Fails("entry"),
        ),
        ("bdl-5", r#"{"fullUrl":"urn:uuid:1","resource":{}}"#, Holds),
        ("bdl-5", r#"{"request":{"method":"GET","url":"Slot"}}"#, Holds),
        ("bdl-5", r#"{"fullUrl":"urn:uuid:1"}"#, Fails("")),
        ("bdl-8", r#"{"fullUrl":"https://x/fhir/Slot/1","resource":{}}"#, Holds),
        ("bdl-8", r#"{"resource":{}}"#, Holds),
        (
            "bdl-8",
            r#"{"fullUrl":"https://x/fhir/Slot/1/_history/2","resource":{}}"#,
            Fails("fullUrl"),
        ),
        ("bdl-9", r#"{"type":"searchset"}"#, Holds),
        (
            "bdl-9",
            r#"{"type":"document","identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:1"}}"#,
            Holds,
        ),
        ("bdl-9", r#"{"type":"document","identifier":{"value":"1"}}"#, Fails("identifier")),
        ("bdl-9", r#"{"type":"document"}"#, Fails("")),
        ("bdl-10", r#"{"type":"document","timestamp":"2024-06-12T10:00:00Z"}"#, Holds),
        ("bdl-10", r#"{"type":"searchset"}"#, Holds),
        ("bdl-10", r#"{"type":"document"}"#, Fails("type")),
        ("bdl-11", r#"{"type":"searchset"}"#, Holds),
        (
            "bdl-11",
            r#"{"type":"document","entry":[{"resource":{"resourceType":"Composition"}}]}"#,
            Undecided,
        ),
        ("bdl-11", r#"{"type":"document","entry":[{"fullUrl":"urn:uuid:1"}]}"#, Fails("entry")),
        ("bdl-11", r#"{"type":"document"}"#, Fails("")),
        ("bdl-12", r#"{"type":"message","entry":[{"resource":{}}]}"#, Undecided),
        ("bdl-12", r#"{"type":"message","entry":[]}"#, Fails("entry")),
        ("bdl-12", r#"{"type":"document","entry":[]}"#, Holds),
        // att-1
        ("att-1", r#"{"contentType":"image/png","data":"AAAA"}"#, Holds),
        ("att-1", r#"{"url":"https://x/a.png"}"#, Holds),
        ("att-1", r#"{"data":"AAAA"}"#, Fails("data")),
        // quantities
        ("qty-3", r#"{"value":1,"unit":"mg"}"#, Holds),
        ("qty-3", r#"{"value":1,"code":"mg","system":"http://unitsofmeasure.org"}"#, Holds),
        ("qty-3", r#"{"value":1,"code":"mg"}"#, Fails("code")),
        ("sqty-1", r#"{"value":1}"#, Holds),
        ("sqty-1", r#"{"value":1,"comparator":"<"}"#, Fails("comparator")),
        ("age-1", r#"{"value":42,"code":"a","system":"http://unitsofmeasure.org"}"#, Holds),
        ("age-1", r#"{"unit":"years"}"#, Holds),
        ("age-1", r#"{"value":42}"#, Fails("value")),
        ("age-1", r#"{"value":42,"code":"a","system":"http://snomed.info/sct"}"#, Fails("system")),
        ("age-1", r#"{"value":0,"code":"a"}"#, Fails("value")),
        ("age-1", r#"{"value":-3,"code":"a"}"#, Fails("value")),
        ("cnt-3", r#"{"value":3,"code":"1","system":"http://unitsofmeasure.org"}"#, Holds),
        ("cnt-3", r#"{"value":3}"#, Fails("value")),
        ("cnt-3", r#"{"value":3,"code":"a"}"#, Fails("code")),
        ("cnt-3", r#"{"value":3.0,"code":"1"}"#, Fails("value")),
        ("cnt-3", r#"{"value":3,"code":"1","system":"urn:x"}"#, Fails("system")),
        ("dis-1", r#"{"value":3,"code":"km","system":"http://unitsofmeasure.org"}"#, Holds),
        ("dis-1", r#"{"value":3}"#, Fails("value")),
        ("dis-1", r#"{"value":3,"code":"km","system":"urn:x"}"#, Fails("system")),
        ("drt-1", r#"{"value":3,"code":"min","system":"http://unitsofmeasure.org"}"#, Holds),
        ("drt-1", r#"{"value":3,"unit":"minutes"}"#, Holds),
        ("drt-1", r#"{"value":3,"code":"min"}"#, Fails("")),
        ("drt-1", r#"{"value":3,"code":"min","system":"urn:x"}"#, Fails("system")),
        ("drt-1", r#"{"code":"min","system":"http://unitsofmeasure.org"}"#, Fails("code")),
        ("mqty-1", r#"{"value":3,"code":"EUR","system":"urn:iso:std:iso:4217"}"#, Holds),
        ("mqty-1", r#"{"value":3}"#, Fails("value")),
        (
            "mqty-1",
            r#"{"value":3,"code":"EUR","system":"http://unitsofmeasure.org"}"#,
            Fails("system"),
        ),
        // Timing.repeat
        ("tim-1", r#"{"duration":1,"durationUnit":"h"}"#, Holds),
        ("tim-1", r#"{"duration":1}"#, Fails("duration")),
        ("tim-2", r#"{"period":1,"periodUnit":"d"}"#, Holds),
        ("tim-2", r#"{"period":1}"#, Fails("period")),
        ("tim-4", r#"{"duration":0}"#, Holds),
        ("tim-4", r#"{"duration":-0.5}"#, Fails("duration")),
        ("tim-5", r#"{"period":2}"#, Holds),
        ("tim-5", r#"{"period":-1}"#, Fails("period")),
        ("tim-6", r#"{"period":1,"periodMax":2}"#, Holds),
        ("tim-6", r#"{"periodMax":2}"#, Fails("periodMax")),
        ("tim-7", r#"{"duration":1,"durationMax":2}"#, Holds),
        ("tim-7", r#"{"durationMax":2}"#, Fails("durationMax")),
        ("tim-8", r#"{"count":1,"countMax":2}"#, Holds),
        ("tim-8", r#"{"countMax":2}"#, Fails("countMax")),
        ("tim-9", r#"{"frequency":1}"#, Holds),
        ("tim-9", r#"{"offset":30}"#, Fails("offset")),
        ("tim-9", r#"{"offset":30,"when":["ACM"]}"#, Undecided),
        ("tim-10", r#"{"when":["MORN"]}"#, Holds),
        ("tim-10", r#"{"when":["MORN"],"timeOfDay":["08:00:00"]}"#, Fails("when")),
        // Ratio, DataRequirement, Expression, TriggerDefinition
        ("rat-1", r#"{"numerator":{"value":1},"denominator":{"value":2}}"#, Holds),
        ("rat-1", r#"{"extension":[{"url":"u","valueString":"x"}]}"#, Holds),
        ("rat-1", r#"{"numerator":{"value":1}}"#, Fails("")),
        ("rat-1", r#"{"id":"r"}"#, Fails("")),
        ("drq-1", r#"{"path":"code"}"#, Holds),
        ("drq-1", r#"{"path":"code","searchParam":"code"}"#, Fails("searchParam")),
        ("drq-2", r#"{"searchParam":"date"}"#, Holds),
        ("drq-2", r#"{"valueDateTime":"2024"}"#, Fails("")),
        ("exp-1", r#"{"language":"text/fhirpath","expression":"true"}"#, Holds),
        ("exp-1", r#"{"language":"text/fhirpath"}"#, Fails("")),
        ("trd-1", r#"{"type":"periodic","timingDate":"2024"}"#, Holds),
        ("trd-1", r#"{"type":"data-changed","data":[{}],"timing":{}}"#, Fails("timing")),
        ("trd-2", r#"{"type":"data-changed","data":[{}],"condition":{}}"#, Holds),
        ("trd-2", r#"{"type":"named-event","condition":{}}"#, Fails("condition")),
        ("trd-3", r#"{"type":"named-event","name":"x"}"#, Holds),
        ("trd-3", r#"{"type":"named-event"}"#, Fails("type")),
        ("trd-3", r#"{"type":"data-added"}"#, Fails("type")),
        ("trd-3", r#"{"type":"periodic"}"#, Fails("type")),
        // Narrative, DomainResource
        (
            "txt-2",
            r#"{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Créneau</div>"}"#,
            Holds,
        ),
        (
            "txt-2",
            r#"{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"> <p/> </div>"}"#,
            Fails("div"),
        ),
        ("txt-2", r#"{"status":"generated"}"#, Holds),
        // Without the root's facts the whole-resource keys are not decided here.
        ("dom-3", r#"{"resourceType":"Slot","contained":[{"id":"a"}]}"#, Undecided),
        // Patient.contact, Parameters.parameter
        ("pat-1", r#"{"name":{"text":"x"}}"#, Holds),
        ("pat-1", r#"{"gender":"female"}"#, Fails("")),
        ("inv-1", r#"{"name":"a","valueString":"x"}"#, Holds),
        ("inv-1", r#"{"name":"a","resource":{}}"#, Holds),
        ("inv-1", r#"{"name":"a","part":[{"name":"b","valueCode":"c"}]}"#, Holds),
        ("inv-1", r#"{"name":"a","valueString":"x","resource":{}}"#, Fails("valueString")),
        ("inv-1", r#"{"name":"a","part":[{}],"valueString":"x"}"#, Fails("valueString")),
        ("inv-1", r#"{"name":"a"}"#, Fails("")),
        // The SAS IG's identifier invariants
        (
            "FINESS-invariant",
            r#"{"system":"http://finess.sante.gouv.fr","value":"123456789"}"#,
            Fails("value"),
        ),
        (
            "FINESS-invariant",
            r#"{"system":"http://finess.sante.gouv.fr","value":"1234567890"}"#,
            Holds,
        ),
        ("FINESS-invariant", r#"{"value":"2234567890"}"#, Fails("value")),
        ("FINESS-invariant", r#"{"value":"12345678901"}"#, Fails("value")),
        ("FINESS-invariant", r#"{"value":"1234567a90"}"#, Fails("value")),
        ("FINESS-invariant", r#"{"value":"1２34567890"}"#, Fails("value")),
        ("FINESS-invariant", r#"{"value":"\u0031234567890"}"#, Holds),
        ("FINESS-invariant", r#"{"system":"http://finess.sante.gouv.fr"}"#, Holds),
        ("SIRET-invariant", r#"{"value":"312345678901234"}"#, Holds),
        ("SIRET-invariant", r#"{"value":"31234567890123"}"#, Fails("value")),
        ("SIRET-invariant", r#"{"value":"412345678901234"}"#, Fails("value")),
        // Not evaluated: None whatever the object.
        ("rng-2", r#"{"low":{"value":2},"high":{"value":1}}"#, Undecided),
        ("txt-1", r#"{"div":"<div><script/></div>"}"#, Undecided),
        ("bdl-7", r#"{"type":"searchset"}"#, Undecided),
        ("eld-2", r#"{"min":2,"max":"1"}"#, Undecided),
        ("no-such-key", r#"{}"#, Undecided),
    ];
    let (mut holding, mut failing) = (BTreeSet::new(), BTreeSet::new());
    for (key, json, exp) in rows {
        check(key, json, *exp);
        match exp {
            Holds => holding.insert(*key),
            Fails(_) => failing.insert(*key),
            Undecided => false,
        };
    }
    // A key added to the table without its cases fails here.
    for e in EVALUATED.iter().filter(|e| e.how != How::Resource) {
        assert!(
            holding.contains(e.key) && failing.contains(e.key),
            "{}: a holding and a failing row expected",
            e.key
        );
    }
}

#[test]
fn entries_one_by_one() {
    let entry = |json: &str, ty: Option<&str>| -> Vec<(&'static str, bool, Option<String>)> {
        let (span, children) = read_children(json, 0).unwrap();
        let view = ObjectView { span, children: &children, resource: None };
        evaluate_entry(ty, &view)
            .into_iter()
            .map(|(k, v)| match v {
                Verdict::Holds => (k, true, None),
                Verdict::Fails { span: s, .. } => {
                    let at = children.iter().find(|c| c.span == s).map(|c| c.name.to_string());
                    (k, false, at)
                }
            })
            .collect()
    };
    let ok = |k| (k, true, None);
    assert_eq!(
        entry(r#"{"resource":{},"search":{"mode":"match"}}"#, Some("searchset")),
        vec![ok("bdl-2"), ok("bdl-3"), ok("bdl-4")]
    );
    assert_eq!(
        entry(r#"{"resource":{},"search":{"mode":"match"}}"#, Some("collection")),
        vec![("bdl-2", false, Some("search".into())), ok("bdl-3"), ok("bdl-4")]
    );
    assert_eq!(
        entry(r#"{"resource":{}}"#, Some("transaction")),
        vec![ok("bdl-2"), ("bdl-3", false, None), ok("bdl-4")]
    );
    assert_eq!(
        entry(r#"{"resource":{},"request":{},"response":{}}"#, Some("history")),
        vec![ok("bdl-2"), ok("bdl-3"), ok("bdl-4")]
    );
    assert_eq!(
        entry(r#"{"response":{"status":"200"}}"#, Some("batch")),
        vec![ok("bdl-2"), ("bdl-3", false, None), ("bdl-4", false, Some("response".into()))]
    );
    assert!(entry(r#"{"search":{}}"#, None).is_empty());
}

fn contained<'a>(id: Option<&'a str>, span: (u32, u32)) -> ContainedFacts<'a> {
    ContainedFacts {
        id: id.map(Str::Borrowed),
        span: Span::new(span.0, span.1),
        nested_contained: None,
        meta_version: None,
        meta_security: None,
    }
}

fn local<'a>(r: &'a str, at: u32) -> (Str<'a>, Span) {
    (Str::Borrowed(r), Span::new(at, at + 5))
}

/// The failing (key, span start) pairs, and the keys that hold.
fn judge(facts: &ResourceFacts<'_>) -> (Vec<(&'static str, u32)>, BTreeSet<&'static str>) {
    let mut fails = Vec::new();
    let mut holds = BTreeSet::new();
    for (k, v) in evaluate_resource(facts) {
        match v {
            Verdict::Holds => {
                holds.insert(k);
            }
            Verdict::Fails { span, fr, en } => {
                assert!(fr.contains(k) && en.contains(k), "{fr} / {en}");
                fails.push((k, span.start));
            }
        }
    }
    (fails, holds)
}

#[test]
fn a_resource_without_contained_holds_everything() {
    let (fails, holds) = judge(&ResourceFacts::default());
    assert!(fails.is_empty());
    assert_eq!(holds, BTreeSet::from(["dom-2", "dom-3", "dom-4", "dom-5", "ref-1"]));
}

#[test]
fn dom_3_contained_must_be_referenced_or_refer_to_the_container() {
    let rows: Vec<(ResourceFacts<'_>, Vec<(&str, u32)>)> = vec![
        // Referenced from the container.
        (
            ResourceFacts {
                contained: vec![contained(Some("a"), (10, 50))],
                local_refs: vec![local("#a", 100)],
            },
            vec![],
        ),
        // Referenced from another contained resource.
        (
            ResourceFacts {
                contained: vec![contained(Some("a"), (10, 50)), contained(Some("b"), (60, 90))],
                local_refs: vec![local("#a", 70), local("#b", 100)],
            },
            vec![],
        ),
        // Refers to its container with `#`.
        (
            ResourceFacts {
                contained: vec![contained(Some("a"), (10, 50))],
                local_refs: vec![local("#", 20)],
            },
            vec![],
        ),
        // A `#` elsewhere (in another contained) does not count for this one.
        (
            ResourceFacts {
                contained: vec![contained(Some("a"), (10, 50)), contained(Some("b"), (60, 90))],
                local_refs: vec![local("#", 20), local("#a", 100)],
            },
            vec![("dom-3", 60)],
        ),
        // Referenced nowhere.
        (
            ResourceFacts { contained: vec![contained(Some("a"), (10, 50))], local_refs: vec![] },
            vec![("dom-3", 10)],
        ),
        // A near miss: `#ab` is not `#a` (and is a ref-1 failure of its own).
        (
            ResourceFacts {
                contained: vec![contained(Some("a"), (10, 50))],
                local_refs: vec![local("#ab", 100)],
            },
            vec![("dom-3", 10), ("ref-1", 100)],
        ),
        // Without id the FHIRPath test is empty, and `where` drops it.
        (ResourceFacts { contained: vec![contained(None, (10, 50))], local_refs: vec![] }, vec![]),
    ];
    for (facts, want) in rows {
        let (fails, _) = judge(&facts);
        assert_eq!(fails, want, "{facts:?}");
    }
}

#[test]
fn dom_2_4_5_point_at_the_element_at_fault() {
    let mut c = contained(Some("a"), (10, 90));
    c.nested_contained = Some(Span::new(20, 30));
    c.meta_version = Some(Span::new(40, 50));
    c.meta_security = Some(Span::new(60, 70));
    let facts = ResourceFacts {
        contained: vec![c, contained(Some("b"), (100, 120))],
        local_refs: vec![local("#a", 200), local("#b", 210)],
    };
    let (fails, holds) = judge(&facts);
    assert_eq!(fails, vec![("dom-2", 20), ("dom-4", 40), ("dom-5", 60)]);
    assert_eq!(holds, BTreeSet::from(["dom-3", "ref-1"]));
    // evaluate() answers from the root's facts with the first failure.
    let view = ObjectView { span: Span::new(0, 300), children: &[], resource: Some(&facts) };
    assert!(
        matches!(evaluate("dom-4", &view), Some(Verdict::Fails { span, .. }) if span.start == 40)
    );
    assert_eq!(evaluate("dom-3", &view), Some(Verdict::Holds));
}

#[test]
fn ref_1_local_references_name_a_contained_id() {
    let facts = ResourceFacts {
        contained: vec![contained(Some("loc"), (10, 50))],
        local_refs: vec![
            local("#loc", 100),
            local("#", 110),
            local("#nope", 120),
            local("#LOC", 130),
        ],
    };
    let (fails, _) = judge(&facts);
    assert_eq!(fails, vec![("ref-1", 120), ("ref-1", 130)]);
    let only_refs = ResourceFacts { contained: vec![], local_refs: vec![local("#x", 5)] };
    let out = evaluate_resource(&only_refs);
    let Some((_, Verdict::Fails { fr, en, .. })) = out.iter().find(|(k, _)| *k == "ref-1") else {
        panic!()
    };
    assert!(fr.contains("#x") && fr.contains("aucune"), "{fr}");
    assert!(en.contains("#x") && en.contains("none"), "{en}");
}

#[test]
fn the_tables_are_consistent() {
    let mut seen = BTreeSet::new();
    for e in EVALUATED {
        assert!(seen.insert(e.key), "{} twice", e.key);
        assert!(!e.checks_en.is_empty() && !e.checks_fr.is_empty() && !e.applies_to.is_empty());
        assert!(not_evaluated(e.key).is_none(), "{} in both tables", e.key);
        assert!(is_evaluated(e.key));
        assert_eq!(evaluated(e.key).map(|x| x.key), Some(e.key));
    }
    for n in NOT_EVALUATED {
        assert!(seen.insert(n.key), "{} twice", n.key);
        assert!(!n.reason_en.is_empty() && !n.reason_fr.is_empty());
        assert!(!is_evaluated(n.key));
    }
    // A native key always answers, whatever the object.
    let (span, children) = read_children("{}", 0).unwrap();
    let empty = ObjectView { span, children: &children, resource: None };
    for e in EVALUATED.iter().filter(|e| e.how == How::Native) {
        assert!(evaluate(e.key, &empty).is_some(), "{} gave None", e.key);
    }
    assert_eq!(How::Partial.name(), "native, partial");
}

use crate::conformance::spec::spec_dir;

fn keys_of(sd: &serde_json::Value, out: &mut BTreeSet<String>) {
    let elements = sd.pointer("/snapshot/element").and_then(|e| e.as_array());
    for el in elements.into_iter().flatten() {
        let constraints = el.get("constraint").and_then(|c| c.as_array());
        for c in constraints.into_iter().flatten() {
            if let Some(k) = c.get("key").and_then(|k| k.as_str()) {
                out.insert(k.to_string());
            }
        }
    }
}

#[test]
fn every_key_of_the_definitions_is_in_one_table() {
    let Some(dir) = spec_dir() else {
        eprintln!("note: shared/spec not found (SAS_SPEC_DIR), invariant key coverage skipped");
        return;
    };
    let mut keys = BTreeSet::new();
    let read = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    for sub in ["r4-core", "ig-sas-1.1.0/package"] {
        for f in std::fs::read_dir(dir.join(sub)).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("StructureDefinition-") && name.ends_with(".json") {
                keys_of(&read(&p), &mut keys);
            }
        }
    }
    let types = read(&dir.join("r4-core/profiles-types.json"));
    for e in types["entry"].as_array().unwrap() {
        keys_of(&e["resource"], &mut keys);
    }
    assert!(keys.len() >= 79, "only {} keys read", keys.len());
    let missing: Vec<_> =
        keys.iter().filter(|k| evaluated(k).is_none() && not_evaluated(k).is_none()).collect();
    assert!(missing.is_empty(), "keys in neither table: {missing:?}");
    let stale: Vec<_> = EVALUATED
        .iter()
        .map(|e| e.key)
        .chain(NOT_EVALUATED.iter().map(|n| n.key))
        .filter(|k| !keys.contains(*k))
        .collect();
    assert!(stale.is_empty(), "keys no definition names: {stale:?}");
}

#[test]
fn read_children_gives_what_the_walker_gives() {
    let json = r#"{ "a" : "x\u00e9", "n": 1.50, "b": true, "z": null, "o": {"p":1,"q":[]},
        "arr": [{"s":1,"t":2},{"u":3}], "e": [], "k\u0065y": 1 }"#;
    let (span, children) = read_children(json, 0).unwrap();
    assert_eq!(span, Span::new(0, json.len() as u32));
    let names: Vec<_> = children.iter().map(|c| c.name).collect();
    assert_eq!(names, ["a", "n", "b", "z", "o", "arr", "e"]);
    let c = |n: &str| children.iter().find(|c| c.name == n).unwrap();
    assert_eq!(c("a").text.as_deref(), Some("xé"));
    assert_eq!(c("a").span.slice(json), Some(r#""x\u00e9""#));
    assert_eq!(c("n").text.as_deref(), Some("1.50"));
    assert_eq!(c("b").text.as_deref(), Some("true"));
    assert_eq!((c("z").count, c("z").kind), (0, Kind::Null));
    assert_eq!(c("o").inner, ["p", "q"]);
    assert_eq!(c("o").span.slice(json), Some(r#"{"p":1,"q":[]}"#));
    assert_eq!((c("arr").count, c("arr").inner.clone()), (2, vec!["s", "t"]));
    assert_eq!(c("e").count, 0);
    assert!(read_children("{\"a\":", 0).is_err());
    assert!(read_children("[1]", 0).is_err());
}
