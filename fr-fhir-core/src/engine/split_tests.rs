//! A Bundle's entries read in two parts at once (`engine::split`) report
//! exactly what one thread reading them in order reports, wherever the
//! second part starts: at every entry, at points that are no entry's start,
//! past the end; with parts that cannot follow the first (another RESTful
//! base, a type without a structure met on both sides); with caps; with
//! broken JSON in the second part; with the thread refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;
use crate::engine::stream::PARTS_TAKEN;
use crate::model::BundleEntry;
use crate::rules::{SLOT_SEARCH_BODY, STANDALONE};

/// What a run reports, in full: findings, counts, subject, or its error.
fn show(run: Result<Report, JsonError>) -> String {
    match run {
        Ok(r) => format!("{:?} {:?} {} {:?}", r.findings, r.dropped, r.ignored, r.subject),
        Err(e) => format!("error {e:?}"),
    }
}

/// The report with the entries split as `split` says, whatever the size.
fn report(src: &str, opts: &Options, split: Split) -> String {
    show(run_split(src, opts, &SLOT_SEARCH_BODY, &mut [], 0, split))
}

/// The report of one thread reading the entries in order, inline.
fn serial(src: &str, opts: &Options) -> String {
    show(run_split(src, opts, &SLOT_SEARCH_BODY, &mut [], usize::MAX, Split::Never))
}

fn taken() -> usize {
    PARTS_TAKEN.with(std::cell::Cell::get)
}

/// Where each item of the Bundle's entry array starts.
fn entry_starts(src: &str) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut sink = |_: u32, e: BundleEntry<'_>, _: &mut Cx<'_>| starts.push(e.span.start);
    // Broken JSON: the entries before the break.
    let _ = Bundle::stream(&mut Reader::new(src), &mut Cx::default(), &mut sink);
    starts
}

/// A searchset with a bit of everything the index, the rules and the walks
/// keep across entries: Slots, Schedules, Practitioners (identifiers),
/// PractitionerRoles with a contained Location, raw types, references to
/// entries before and after (some escaped, some dangling, some local),
/// repeated ids and fullUrls, `urn:uuid` and other-base fullUrls, request
/// and response parts, unknown elements and wrong JSON types, `null` and a
/// number among the entries; `base_b_from`: the entries from this one on
/// have a RESTful base of their own; `devices`: the entries that are a raw
/// `Device` (a type without a structure, said once).
fn mixed_bundle(n: usize, base_b_from: usize, devices: &[usize], pretty: bool) -> String {
    let mut entries = Vec::new();
    for k in 0..n {
        let base = if k >= base_b_from {
            "https://b.fr/fhir"
        } else if k % 11 == 5 {
            "https:\\/\\/a.fr\\/fhir"
        } else {
            "https://a.fr/fhir"
        };
        let id = if k % 13 == 7 { k - 7 } else { k };
        let e = match k % 9 {
            _ if devices.contains(&k) => format!(
                r#"{{"fullUrl":"{base}/Device/d{id}","resource":{{"resourceType":"Dev\u0069ce","id":"d{id}"}},"request":{{"method":"GET","url":"Device"}},"response":{{"status":"200"}}}}"#
            ),
            0 => format!(
                r#"{{"fullUrl":"{base}/Schedule/c{id}","resource":{{"resourceType":"Schedule","id":"c{id}","actor":[{{"reference":"Practitioner/p{}"}},{{"reference":"PractitionerRole/r{}"}}]}},"search":{{"mode":"include"}}}}"#,
                k + 2,
                k + 3
            ),
            1 | 4 | 7 => format!(
                r#"{{"fullUrl":"{base}/Slot/s{id}","resource":{{"resourceType":"Slot","id":"s{id}","meta":{{"profile":["http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur"]}},"serviceType":[{{"coding":[{{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}}]}},{{"text":"Soins non programm\u00e9s"}}],"schedule":{{"reference":"Schedule\/c{}"}},"status":"{}","start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T09:15:00.000+01:00"{}}},"search":{{"mode":"match"}}}}"#,
                k - k % 9,
                if k % 4 == 0 { "busy" } else { "free" },
                if k % 5 == 0 { r#","overbooked":"oui""# } else { "" }
            ),
            2 => format!(
                r#"{{"fullUrl":"urn:uuid:0000000{k}-0000-4000-8000-000000000000","resource":{{"resourceType":"Practitioner","id":"p{id}","identifier":[{{"system":"urn:oid:1.2.250.1.71.4.2.1","value":"8100000{k}"}}],"name":[{{"family":"Nom{k}"}}]}},"search":{{"mode":"include"}}}}"#
            ),
            3 => format!(
                r##"{{"fullUrl":"{base}/PractitionerRole/r{id}","resource":{{"resourceType":"PractitionerRole","id":"r{id}","contained":[{{"resourceType":"Location","id":"loc","address":{{"city":"Lyon"}}}}],"practitioner":{{"reference":"Practitioner/p{}"}},"location":[{{"reference":"#loc"}}],"organization":{{"identifier":{{"value":"x"}}}}}},"search":{{"mode":"include"}}}}"##,
                k - 1
            ),
            5 => format!(
                r#"{{"fullUrl":"{base}/Slot/s{id}","resource":{{"resourceType":"Slot","id":"s{id}","schedule":{{"reference":"Schedule/c{}"}},"status":"free","start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T09:15:00.000+01:00"}},"request":{{"method":"GET","url":"Slot"}},"response":{{"status":"200"}}}}"#,
                k + 4
            ),
            6 => match k % 4 {
                0 => "null".to_string(),
                1 => "7".to_string(),
                _ => format!(
                    r#"{{"fullUrl":"{base}/Slot/s{id}","resource":{{"resourceType":"Slot","id":"s{id}","status":["free"],"schedule":{{"reference":"Schedule/c{}"}}}},"oops":1}}"#,
                    k + 3
                ),
            },
            _ => format!(
                r#"{{"resource":{{"resourceType":"Slot","id":"s{id}","schedule":{{"reference":"Schedule/none"}},"status":"free","start":"2026-11-26T09:00:00.000+01:00","end":"2026-11-26T08:15:00.000+01:00"}}}}"#
            ),
        };
        entries.push(e);
    }
    let (sep, open) = if pretty { (",\n    ", "[\n    ") } else { (",", "[") };
    format!(
        r#"{{"resourceType":"Bundle","type":"searchset","total":{n},"link":[{{"relation":"self","url":"https://a.fr/fhir/Slot?status=free"}}],"entry":{open}{}{}],"timestamp":"2026-11-26T08:00:00+01:00"}}"#,
        entries.join(sep),
        if pretty { "\n" } else { "" }
    )
}

/// Every entry as the first of the second part, and points that are no
/// entry's start: the same report each time; the part taken at every entry
/// of a Bundle where nothing forbids it.
#[test]
fn a_bundle_read_in_two_parts_reports_as_in_one_wherever_it_is_cut() {
    let defective = super::tests::defective_bundle(240, 80);
    // Keys repeated in every way, raw types with a structure (one escaped).
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let pooled =
        super::tests::pooled_bundle(&mut state, 40 * 1024, ["Appointment", "Appoi\\u006etment"]);
    assert!(serial(&pooled, &Options::default()).contains("RO1-BUNDLE-008"), "no duplicate");
    let cases = [
        (defective, true),
        (pooled, true),
        (mixed_bundle(120, usize::MAX, &[5], false), false),
        (mixed_bundle(90, usize::MAX, &[86], true), false),
    ];
    for (src, always) in &cases {
        let starts = entry_starts(src);
        assert!(starts.len() > 80);
        for max_findings in [usize::MAX, 40] {
            let opts = Options { max_findings, ..Options::default() };
            let one = serial(src, &opts);
            assert!(one.contains("RO1-"), "no finding: the test proves nothing");
            let before = taken();
            for &at in &starts {
                assert_eq!(report(src, &opts, Split::At(at)), one, "cut at {at}");
            }
            let parts = taken() - before;
            if *always {
                assert_eq!(parts, starts.len(), "a part was not taken");
            } else {
                assert!(parts > starts.len() / 2, "only {parts} parts taken");
            }
            // Inside an entry, inside a string, before the entries, at the
            // end; the `{` of an item of an array inside an entry (it reads
            // as an entry up to that array's `]`).
            let mut inside =
                vec![starts[3] + 1, starts[40] + 5, 10, src.len() as u32, u32::MAX - 1];
            inside.extend(src.match_indices(",{\"text\"").take(3).map(|(i, _)| i as u32 + 1));
            for at in inside {
                assert_eq!(report(src, &opts, Split::At(at)), one, "cut at {at}");
            }
            assert_eq!(taken() - before, parts, "a part that starts at no entry was taken");
        }
    }
}

/// The structural walks alone (the hand rules report most defects a walk
/// finds again, and one finding per defect is kept), in two parts.
struct WalksInParts;

impl RuleSet for WalksInParts {
    fn check_entry(&self, _e: &crate::engine::EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}
    fn check_bundle(&self, _f: &crate::engine::Finish<'_, '_>, _em: &mut Emitter<'_>) {}
    fn check_root(&self, _r: Option<&crate::model::Resource<'_>>, _s: &str, _em: &mut Emitter<'_>) {
    }
    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        STANDALONE.check_notes(cx, em);
    }
    fn is_generic(&self, rule: &crate::finding::RuleMeta) -> bool {
        STANDALONE.is_generic(rule)
    }
    fn profile_for(&self, rtype: &str, uc: UseCase) -> Option<&'static str> {
        STANDALONE.profile_for(rtype, uc)
    }
    fn use_cases(&self) -> crate::engine::Scope {
        STANDALONE.use_cases()
    }
    fn default_use_case(&self) -> UseCase {
        STANDALONE.default_use_case()
    }
    fn entries_in_parts(&self) -> bool {
        true
    }
}

/// The thread done with its own part first walks the other part's waiting
/// walks (each part leaves some waiting for it): a slow second part is
/// helped by the reading thread, a slow reading thread by the second
/// part's; the report is one thread's. (These walks' findings are errors,
/// which no cap drops; the order the cap needs, each emitter's walks in
/// increasing order, is the walking thread's, tested with it.)
#[test]
fn the_thread_done_first_walks_the_other_parts_walks() {
    use crate::engine::stream::{HELPED, SLOW_PART, SLOW_SIDE};
    use std::sync::atomic::Ordering::Relaxed;
    let src = super::tests::defective_bundle(400, 0);
    let starts = entry_starts(&src);
    let at = starts[starts.len() / 2];
    for max_findings in [usize::MAX, 40] {
        let opts = Options { max_findings, ..Options::default() };
        let run = |split, from| show(run_split(&src, &opts, &WalksInParts, &mut [], from, split));
        let one = run(Split::Never, usize::MAX);
        assert!(one.matches("RO1-FHIR-005").count() > 100, "few walk findings: {one}");
        let (helped, before) = (HELPED.with(std::cell::Cell::get), taken());
        SLOW_PART.store(true, Relaxed);
        let slow_part = run(Split::At(at), 0);
        SLOW_PART.store(false, Relaxed);
        assert_eq!(slow_part, one, "slow second part");
        assert!(HELPED.with(std::cell::Cell::get) > helped, "the reading thread did not help");
        let here = HELPED_HERE.with(std::cell::Cell::get);
        SLOW_SIDE.with(|s| s.set(true));
        let slow_reader = run(Split::At(at), 0);
        SLOW_SIDE.with(|s| s.set(false));
        assert_eq!(slow_reader, one, "slow reading thread");
        assert!(HELPED_HERE.with(std::cell::Cell::get) > here, "the second part did not help");
        assert_eq!(taken() - before, 2, "a part was not taken");
    }
    // Helped, then refused (its entries have another first base): the
    // reading thread reads them again, helped by the second thread.
    let other = mixed_bundle(160, 80, &[], false);
    let at = entry_starts(&other)[80];
    let opts = Options::default();
    let run = |split, from| show(run_split(&other, &opts, &WalksInParts, &mut [], from, split));
    let one = run(Split::Never, usize::MAX);
    let before = taken();
    SLOW_PART.store(true, Relaxed);
    let refused = run(Split::At(at), 0);
    SLOW_PART.store(false, Relaxed);
    assert_eq!(refused, one, "helped, then refused");
    assert_eq!(taken(), before, "a part with another base was taken");
}

/// A second part whose entries cannot follow the first as if read after
/// it — another RESTful base (references' forms depend on the first), a
/// type without a structure met on both sides (said once) — is read again
/// by the first thread: the same report.
#[test]
fn a_part_that_cannot_follow_is_read_again() {
    let opts = Options::default();
    // From entry 60 on, another base: a cut after it has a first base of its own.
    let src = mixed_bundle(120, 60, &[], false);
    let starts = entry_starts(&src);
    let one = serial(&src, &opts);
    assert!(one.contains("RO1-BUNDLE"), "no base finding: the test proves nothing");
    let before = taken();
    assert_eq!(report(&src, &opts, Split::At(starts[70])), one);
    assert_eq!(taken(), before, "a part with another first base was taken");
    // Before entry 60: the part starts on the same base, then changes.
    assert_eq!(report(&src, &opts, Split::At(starts[30])), one);
    assert_eq!(taken(), before + 1);
    // `Device` has no structure: said once, on the first one; a second part
    // that met one too is not taken, one that did not is.
    let src = mixed_bundle(120, usize::MAX, &[20, 100], false);
    let starts = entry_starts(&src);
    let one = serial(&src, &opts);
    assert!(one.contains("RO1-PROF-009"), "no undefined type: the test proves nothing");
    assert_eq!(report(&src, &opts, Split::At(starts[50])), one);
    assert_eq!(taken(), before + 1, "a part meeting Device again was taken");
    assert_eq!(report(&src, &opts, Split::At(starts[105])), one);
    assert_eq!(taken(), before + 2);
}

/// Broken JSON in the second part: the first thread reads it again and
/// fails as one thread does; a part is never taken past a broken item.
#[test]
fn broken_json_in_the_second_part_fails_as_in_one() {
    let opts = Options::default();
    let src = mixed_bundle(60, usize::MAX, &[], false);
    let starts = entry_starts(&src);
    for (k, bad) in
        [(40, "{\"fullUrl\":}"), (45, "{\"resource\":{\"resourceType\":\"Slot\",}"), (50, "[")]
    {
        let at = starts[k] as usize;
        let broken = format!("{}{bad},{}", &src[..at], &src[at..]);
        let one = serial(&broken, &opts);
        assert!(one.starts_with("error"), "{one}");
        let before = taken();
        for cut in [starts[20], starts[k - 1], starts[k]] {
            assert_eq!(report(&broken, &opts, Split::At(cut)), one, "broken at {k}, cut at {cut}");
        }
        assert_eq!(taken(), before);
    }
}

/// The thread refused by the system: this one reads everything alone.
#[test]
fn a_refused_second_part_reports_as_one_thread() {
    let opts = Options::default();
    let src = mixed_bundle(60, usize::MAX, &[], false);
    let starts = entry_starts(&src);
    let one = serial(&src, &opts);
    let (threads, parts) = (SECOND_THREADS.with(std::cell::Cell::get), taken());
    REFUSE_WALKER.with(|r| r.set(true));
    let refused = report(&src, &opts, Split::At(starts[30]));
    REFUSE_WALKER.with(|r| r.set(false));
    assert_eq!(SECOND_THREADS.with(std::cell::Cell::get), threads, "the thread was not refused");
    assert_eq!(taken(), parts);
    assert_eq!(refused, one);
}

/// Hooks see every entry in order, and rule sets that read the index or the
/// entry numbers while the entries stream have not said they allow it: no
/// split for them, whatever the size. A large Bundle of the SAS rule set
/// without hooks is split near its middle.
#[test]
fn only_a_rule_set_that_allows_it_is_split() {
    let src = super::tests::defective_bundle(2_000, 1_700);
    assert!(src.len() >= PARALLEL_WALK_MIN);
    let at = resume_point(&src).unwrap() as usize;
    assert!(at > src.len() / 2 && at < src.len() / 2 + 1_000);
    let before = taken();
    let two = run(&src, &Options::default(), &SLOT_SEARCH_BODY, &mut []).unwrap();
    assert_eq!(taken(), before + 1, "a large Bundle was not split");
    struct Counting(u32);
    impl<'a> Hook<'a> for Counting {
        fn entry(&mut self, _e: &crate::engine::EntryCx<'_, 'a>, _em: &mut Emitter<'_>) {
            self.0 += 1;
        }
    }
    let mut hook = Counting(0);
    let hooked = run(&src, &Options::default(), &SLOT_SEARCH_BODY, &mut [&mut hook]).unwrap();
    assert_eq!(hook.0, 2_001, "the hook missed entries");
    assert_eq!(taken(), before + 1, "a Bundle with a hook that cannot fork was split");
    assert_eq!(format!("{:?}", hooked.findings), format!("{:?}", two.findings));
}

/// A hook that can be forked: each part's hook sees its entries, the one
/// forked reports into the second part's emitter, and what it kept comes
/// back at the split point with the entries' numbers moved on — the hook
/// ends as if it had seen every entry in order.
#[test]
fn a_hook_that_forks_sees_every_entry_in_order() {
    #[derive(Default)]
    struct Indices(Vec<u32>, Option<usize>);
    impl<'a> Hook<'a> for Indices {
        fn entry(&mut self, e: &crate::engine::EntryCx<'_, 'a>, em: &mut Emitter<'_>) {
            self.0.push(e.index);
            // By what the entry holds: a fork numbers its entries from 0.
            if e.entry.span.start.is_multiple_of(7) {
                let rule = &crate::rules::slot::ro1_slot_002::RULE;
                em.at(crate::engine::Scope::ALL, rule, e.entry.span, "fr".into(), "en".into());
            }
        }
        fn finish(&mut self, f: &crate::engine::Finish<'_, 'a>, _em: &mut Emitter<'_>) {
            self.1 = Some(f.index.entries.len());
        }
        fn fork(&self) -> Option<Box<dyn Hook<'a> + Send + 'a>> {
            Some(Box::new(Indices::default()))
        }
        fn part_state(self: Box<Self>) -> Option<Box<dyn std::any::Any + Send>> {
            Some(Box::new(self.0))
        }
        fn join(&mut self, state: Box<dyn std::any::Any + Send>, first: u32) {
            let part = state.downcast::<Vec<u32>>().unwrap();
            self.0.extend(part.iter().map(|i| i + first));
        }
    }
    let src = super::tests::defective_bundle(2_000, 1_700);
    let starts = entry_starts(&src);
    let mut alone = Indices::default();
    let one = {
        let opts = Options { second_thread: false, ..Options::default() };
        let r = run(&src, &opts, &SLOT_SEARCH_BODY, &mut [&mut alone]).unwrap();
        format!("{:?} {:?}", r.findings, r.dropped)
    };
    assert_eq!(alone.0, (0..2_001).collect::<Vec<u32>>());
    for at in [starts[1], starts[600], starts[1_400], src.len() as u32 / 2] {
        let before = taken();
        let mut hook = Indices::default();
        let r = run_split(
            &src,
            &Options::default(),
            &SLOT_SEARCH_BODY,
            &mut [&mut hook],
            0,
            Split::At(at),
        )
        .unwrap();
        assert_eq!(format!("{:?} {:?}", r.findings, r.dropped), one, "cut at {at}");
        assert_eq!(hook.0, alone.0, "cut at {at}");
        assert_eq!(hook.1, Some(2_001));
        let entry_start = starts.contains(&at);
        assert_eq!(taken(), before + usize::from(entry_start), "cut at {at}");
    }
}

/// The entries of a Bundle with their position in its entry array.
fn all_entries(src: &str) -> Vec<(u32, BundleEntry<'_>)> {
    struct All<'a>(Vec<(u32, BundleEntry<'a>)>);
    impl<'a> crate::model::EntrySink<'a> for All<'a> {
        fn entry(&mut self, index: u32, entry: BundleEntry<'a>, _cx: &mut Cx<'a>) {
            self.0.push((index, entry));
        }
    }
    let mut all = All(Vec::new());
    Bundle::stream(&mut Reader::new(src), &mut Cx::default(), &mut all).unwrap();
    all.0
}

/// The index of the entries added in two parts (the second on an index of
/// its own, taken in at the end) is the index of the entries added in
/// order: the same records, references (each the same as the same first
/// one), duplicates in the same order, look-ups and resolutions — cut at
/// every entry of Bundles whose keys and references repeat in every way.
#[test]
fn an_index_in_two_parts_is_the_index_in_one() {
    let mut state = 0x0123_4567_89AB_CDEF_u64;
    let sources = [
        super::tests::pooled_bundle(&mut state, 40 * 1024, ["Appointment", "Appoi\\u006etment"]),
        super::tests::pooled_bundle(&mut state, 40 * 1024, ["Device", "Dev\\u0069ce"]),
        mixed_bundle(60, 30, &[5, 50], false),
    ];
    for (k, src) in sources.iter().enumerate() {
        let entries = all_entries(src);
        let mut whole = Index::new(src);
        for (i, e) in &entries {
            whole.add(*i, e);
        }
        whole.resolve_refs();
        let facts = |ix: &Index<'_>| {
            let looked_up: Vec<_> = ix
                .entries
                .iter()
                .map(|e| {
                    let id = ix.id(e);
                    let url = ix.full_url(e);
                    (
                        id.as_deref().and_then(|id| ix.by_type_id(ix.rtype(e), id)),
                        url.as_deref().and_then(|u| ix.by_full_url(u)),
                    )
                })
                .collect();
            let targets: Vec<_> = (0..ix.refs.len()).map(|r| ix.target_of(r)).collect();
            format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                ix.entries,
                ix.refs,
                ix.dup_type_id,
                ix.dup_full_url,
                ix.missing_refs,
                ix.practitioner_ids,
                ix.entry_parts,
                ix.other_base,
                ix.first_base(),
                looked_up,
                targets
            )
        };
        let expected = facts(&whole);
        let dups = !whole.dup_type_id.is_empty() && !whole.dup_full_url.is_empty();
        assert!(dups || k == 2, "no duplicate: the test proves nothing");
        for cut in 0..=entries.len() {
            let mut first = Index::new(src);
            for (i, e) in entries.iter().take(cut) {
                first.add(*i, e);
            }
            let mut part = first.sibling(src.len());
            let at = entries.get(cut).map_or(0, |(i, _)| *i);
            for (i, e) in entries.iter().skip(cut) {
                part.add_to_part(*i - at, e);
            }
            if !first.can_take(&part) {
                continue;
            }
            first.take_part(part, at);
            first.resolve_refs();
            assert_eq!(facts(&first), expected, "cut before entry {cut}");
        }
    }
}

/// Notes near their cap (`Cx::max_notes`): a part is taken only if these
/// notes with the most the part held at once stay under it — a legal null's
/// note, removed when its object ends, still counts while it is there (one
/// thread would have refused it and counted it dropped).
#[test]
fn notes_near_their_cap_report_as_in_one() {
    // Every 5th of the first 30 entries a note that stays (`status` null);
    // entries 35 and 50 a legal null (a note raised, then removed by its
    // `_profile` sibling): cut after 30, the part's notes end at none but
    // held one at once.
    let mut entries = Vec::new();
    for k in 0..60 {
        let status = if k % 5 == 0 && k < 30 { "null" } else { "\"free\"" };
        let meta = if k == 35 || k == 50 {
            r#""meta":{"profile":[null],"_profile":[{"id":"x"}]},"#
        } else {
            ""
        };
        entries.push(format!(
            r#"{{"fullUrl":"https://h.fr/fhir/Slot/s{k}","resource":{{"resourceType":"Slot","id":"s{k}",{meta}"status":{status},"schedule":{{"reference":"Schedule/a"}}}}}}"#
        ));
    }
    let src = format!(
        r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#,
        entries.join(",")
    );
    let starts = entry_starts(&src);
    let opts = Options::default();
    let mut refused = 0;
    for cap in [0, 1, 5, 6, 7, 8, 100] {
        NOTES_CAP.with(|c| c.set(Some(cap)));
        let one = serial(&src, &opts);
        for &at in starts.iter().step_by(2) {
            let before = taken();
            assert_eq!(report(&src, &opts, Split::At(at)), one, "cap {cap}, cut at {at}");
            refused += usize::from(taken() == before);
        }
    }
    NOTES_CAP.with(|c| c.set(None));
    assert!(refused > 0, "no part refused for the cap: the test proves nothing");
}

/// The nesting limit fails where it would have: the second part's reader
/// starts two levels deep (inside the Bundle and its entry array).
#[test]
fn the_nesting_limit_fails_where_it_would_have() {
    let opts = Options::default();
    let depth = crate::json::DEFAULT_MAX_DEPTH as usize;
    for extra in depth - 6..depth {
        let deep = format!("{}1{}", "[".repeat(extra), "]".repeat(extra));
        let mut entries: Vec<String> = (0..20)
            .map(|k| format!(r#"{{"fullUrl":"https://h.fr/fhir/Slot/s{k}","resource":{{"resourceType":"Slot","id":"s{k}"}}}}"#))
            .collect();
        entries[15] = format!(
            r#"{{"fullUrl":"https://h.fr/fhir/Slot/d","resource":{{"resourceType":"Slot","id":"d","x":{deep}}}}}"#
        );
        let src = format!(
            r#"{{"resourceType":"Bundle","type":"searchset","entry":[{}]}}"#,
            entries.join(",")
        );
        let one = serial(&src, &opts);
        let starts = entry_starts(&src);
        let deep_entry = src.find(r#"{"fullUrl":"https://h.fr/fhir/Slot/d""#).unwrap() as u32;
        for at in [starts[10], deep_entry] {
            assert_eq!(report(&src, &opts, Split::At(at)), one, "{extra} levels, cut at {at}");
        }
    }
}

/// What the header decides before the entries reaches the second part: a
/// Bundle profile (the use case fixed, the Bundle's structures), a use case
/// given as an option, rules ignored.
#[test]
fn header_and_options_reach_the_second_part() {
    let src = mixed_bundle(90, usize::MAX, &[], false).replacen(
        r#""type":"searchset","#,
        r#""meta":{"profile":["https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator"]},"type":"searchset","#,
        1,
    );
    let starts = entry_starts(&src);
    let ignore = Some(std::sync::Arc::new(["RO1-SLOT-002", "RO1-FHIR-001"].into_iter().collect()));
    let variants = [
        Options::default(),
        Options { use_case: Some(crate::engine::UseCase::SOS), ..Options::default() },
        Options { ignore, max_findings: 30, ..Options::default() },
    ];
    for opts in &variants {
        let one = serial(&src, opts);
        let before = taken();
        for &at in starts.iter().step_by(7) {
            assert_eq!(report(&src, opts, Split::At(at)), one, "cut at {at}");
        }
        assert!(taken() > before, "no part taken");
    }
    assert!(serial(&src, &variants[0]).contains("CPTS"), "the Bundle profile decided nothing");
}
