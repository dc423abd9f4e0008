//! Visits the Bundle for the Bundle-level rules: RO1-BUNDLE-* (but
//! BUNDLE-005, which needs the request) and RO1-FHIR-006 (bdl-1..5, bdl-8;
//! bdl-7 is reported as RO1-BUNDLE-008). Each entry as it streams past, the
//! Bundle and its indexed entries at the end, or a document that is not a
//! Bundle. The checks live in their rule files.

use crate::engine::index::Walked;
use crate::model::Resource;
use crate::rules::bundle::{
    Counts, ro1_bundle_001, ro1_bundle_002, ro1_bundle_003, ro1_bundle_004, ro1_bundle_006,
    ro1_bundle_007, ro1_bundle_008, ro1_bundle_009, ro1_bundle_010, ro1_bundle_011, ro1_bundle_012,
    ro1_bundle_013,
};
use crate::rules::fhir::ro1_fhir_006;
use crate::rules::{Emitter, EntryCx, Finish};

/// Per-entry Bundle rules that need nothing but the entry: bdl-5, bdl-8 and
/// the `/{type}/{id}` ending of a RESTful fullUrl (RO1-BUNDLE-007).
pub fn check_entry(e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    check_entry_walked(e, None, em);
}

/// [`check_entry`], with what the index learnt of the entry when `walked`
/// says so.
pub(crate) fn check_entry_walked(
    e: &EntryCx<'_, '_>,
    walked: Option<Walked>,
    em: &mut Emitter<'_>,
) {
    ro1_fhir_006::check_entry_known(e, walked.map(|w| w.url_versioned), em);
    ro1_bundle_007::check_entry_known(e, walked.map(|w| w.url_names_resource), em);
}

/// Bundle rules needing the whole Bundle (type, total, link, duplicates, slices).
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    let counts = Counts::of(f.index);
    ro1_bundle_001::check_bundle(f, em);
    ro1_fhir_006::check_bundle(f, em);
    ro1_bundle_002::check_bundle(f, em);
    ro1_bundle_003::check_bundle(f, &counts, em);
    ro1_bundle_004::check_bundle(f, em);
    let modes = ro1_bundle_009::check_bundle(f, em);
    // One pass over the entries, so that the findings come in entry order
    // (the cap keeps the first ones).
    for (pos, e) in f.index.entries.iter().enumerate() {
        ro1_bundle_006::check_index_entry(f, e, em);
        ro1_bundle_007::check_index_entry(f.index, pos, e, em);
        modes.check_index_entry(f.index, e, em);
        ro1_bundle_010::check_index_entry(f, e, em);
    }
    ro1_bundle_008::check_bundle(f.index, em);
    ro1_bundle_011::check_bundle(f, &counts, em);
    ro1_bundle_012::check_bundle(f, em);
    ro1_bundle_013::check_bundle(f, &counts, em);
}

/// The document is not a Bundle (RO1-BUNDLE-001).
pub fn check_not_a_bundle(res: Option<&Resource<'_>>, src: &str, em: &mut Emitter<'_>) {
    ro1_bundle_001::check_not_a_bundle(res, src, em);
}
