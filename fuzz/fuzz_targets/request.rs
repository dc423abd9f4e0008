#![no_main]
//! See `sas_fhir_fuzz::harness::request_bytes`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fhir_fuzz::harness::request_bytes(data));
