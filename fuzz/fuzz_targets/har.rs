#![no_main]
//! See `sas_fhir_fuzz::harness::har_bytes`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fhir_fuzz::harness::har_bytes(data));
