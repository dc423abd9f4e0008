//! Code systems and code lists the SAS profiles bind to (SPEC §2.2, §2.7,
//! §2.8), as small static tables. Sources: `spec/terminology/` (NOS releases
//! of TRE_R314, TRE_R38, TRE_R66 and the HL7 code lists of FHIR R4 / THO).

/// TRE_R314 slot types (`Slot.meta.security`).
pub const TRE_R314: &str =
    "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
/// TRE_R38 ordinal specialties (`specialty`, binding fr-practitioner-specialty).
pub const TRE_R38: &str =
    "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
/// TRE_R66 establishment categories, canonical URL (AMB-12).
pub const TRE_R66: &str = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";
/// TRE_R66 code of a CPTS.
pub const TRE_R66_CPTS: &str = "604";
/// HL7 v3 ActCode (consultation types AMB, HH, VR).
pub const V3_ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
/// HL7 v2 table 0276 (appointment reason: ROUTINE, WALKIN).
pub const V2_0276: &str = "http://terminology.hl7.org/CodeSystem/v2-0276";
/// R5 backport extension carrying the CPTS HealthcareService on `Slot.serviceType`.
pub const EXT_SLOT_SERVICE_TYPE_R5: &str =
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";

/// Slot type open to the CPTS (TRE_R314, 2024 release).
pub const SLOT_TYPE_CPTS: &str = "CPTS";
/// Every TRE_R314 code (2024 release: the 2021 one lacks CPTS).
pub const TRE_R314_CODES: &[&str] = &["PUBLIC", "PRO", "SNP", "CPTS"];

/// v3-ActEncounterCode (FHIR R4 value set `v3-ActEncounterCode`), sorted.
pub const ACT_ENCOUNTER_CODES: &[&str] =
    &["ACUTE", "AMB", "EMER", "FLD", "HH", "IMP", "NONAC", "OBSENC", "PRENC", "SS", "VR"];
/// The consultation types the SAS uses: at the practice, at home, teleconsultation.
pub const SAS_CONSULTATION_CODES: &[&str] = &["AMB", "HH", "VR"];

/// Appointment reason of a slot booked through the vendor's agenda.
pub const ROUTINE: &str = "ROUTINE";
/// Appointment reason of a walk-in slot.
pub const WALKIN: &str = "WALKIN";

/// R4 `IdentifierUse` (required binding of `Identifier.use`).
pub const IDENTIFIER_USE_CODES: &[&str] = &["usual", "official", "temp", "secondary", "old"];

/// TRE_R38-SpecialiteOrdinale codes (NOS 0.1.0, 2022-08-26), sorted. Newer
/// releases may add codes: an unknown code of this system is a warning.
pub const TRE_R38_CODES: &[&str] = &[
    "SCD01", "SCD02", "SCD03", "SI01", "SI02", "SI03", "SI04", "SI05", "SM01", "SM02", "SM03",
    "SM04", "SM05", "SM06", "SM07", "SM08", "SM09", "SM10", "SM11", "SM12", "SM13", "SM14", "SM15",
    "SM16", "SM17", "SM18", "SM19", "SM20", "SM21", "SM22", "SM23", "SM24", "SM25", "SM26", "SM27",
    "SM28", "SM29", "SM30", "SM31", "SM32", "SM33", "SM34", "SM35", "SM36", "SM37", "SM38", "SM39",
    "SM40", "SM41", "SM42", "SM43", "SM44", "SM45", "SM46", "SM47", "SM48", "SM49", "SM50", "SM51",
    "SM52", "SM53", "SM54", "SM55", "SM56", "SM57", "SM58", "SM59", "SM60", "SM61", "SM62", "SM63",
    "SM64", "SM65", "SM66", "SM67", "SM68", "SM69", "SM70", "SM71", "SM72", "SP01", "SP02", "SP03",
    "SP04",
];

/// Whether `code` is a known TRE_R38 specialty.
///
/// ```
/// use fr_fhir_core::rules::support::terminology::is_tre_r38_code;
/// assert!(is_tre_r38_code("SM54"));
/// assert!(!is_tre_r38_code("MG"));
/// ```
pub fn is_tre_r38_code(code: &str) -> bool {
    in_keys(&TRE_R38_KEYS, code)
}

/// Whether `code` belongs to v3-ActEncounterCode.
///
/// ```
/// use fr_fhir_core::rules::support::terminology::is_act_encounter_code;
/// assert!(is_act_encounter_code("VR"));
/// assert!(!is_act_encounter_code("CABINET"));
/// ```
pub fn is_act_encounter_code(code: &str) -> bool {
    in_keys(&ACT_ENCOUNTER_KEYS, code)
}

// The lookups above run on every coding of every Slot: a binary search of
// `&str` calls memcmp at each step. Codes of up to 7 bytes are compared as
// one integer instead: their bytes, big-endian, then their length in the
// low byte, so that two codes are equal exactly when their keys are.

/// The key of a code of at most 7 bytes (`None` when longer).
#[inline]
fn code_key(code: &str) -> Option<u64> {
    let b = code.as_bytes();
    let mut buf = [0u8; 8];
    buf.get_mut(..b.len()).filter(|_| b.len() < 8)?.copy_from_slice(b);
    Some(u64::from_be_bytes(buf) | b.len() as u64)
}

/// [`code_key`] at compile time (`u64::MAX`, which no code has, when too
/// long: the tests check that every code of a table is found).
#[allow(clippy::indexing_slicing)] // const evaluation: an out-of-range index fails the build
const fn const_key(b: &[u8]) -> u64 {
    if b.len() > 7 {
        return u64::MAX;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < 7 {
        k <<= 8;
        if i < b.len() {
            k |= b[i] as u64;
        }
        i += 1;
    }
    (k << 8) | b.len() as u64
}

/// The keys of `codes`, sorted.
#[allow(clippy::indexing_slicing)] // const evaluation: an out-of-range index fails the build
const fn sorted_keys<const N: usize>(codes: &[&str]) -> [u64; N] {
    let mut out = [u64::MAX; N];
    let mut i = 0;
    while i < N && i < codes.len() {
        out[i] = const_key(codes[i].as_bytes());
        i += 1;
    }
    // Insertion sort: a few dozen keys, once, at compile time.
    let mut j = 1;
    while j < N {
        let mut k = j;
        while k > 0 && out[k - 1] > out[k] {
            let t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
            k -= 1;
        }
        j += 1;
    }
    out
}

static TRE_R38_KEYS: [u64; TRE_R38_CODES.len()] = sorted_keys(TRE_R38_CODES);
static ACT_ENCOUNTER_KEYS: [u64; ACT_ENCOUNTER_CODES.len()] = sorted_keys(ACT_ENCOUNTER_CODES);

fn in_keys(keys: &[u64], code: &str) -> bool {
    code_key(code).is_some_and(|k| keys.binary_search(&k).is_ok())
}

/// Whether `code` is one of the SAS consultation types (AMB, HH, VR).
///
/// ```
/// use fr_fhir_core::rules::support::terminology::is_sas_consultation_code;
/// assert!(is_sas_consultation_code("HH"));
/// assert!(!is_sas_consultation_code("EMER"));
/// ```
pub fn is_sas_consultation_code(code: &str) -> bool {
    SAS_CONSULTATION_CODES.contains(&code)
}

/// Whether `system` names TRE_R66, canonically or under one of the
/// variants written in the IG pages (AMB-12).
///
/// ```
/// use fr_fhir_core::rules::support::terminology::{TRE_R66, is_tre_r66_like};
/// assert!(is_tre_r66_like(TRE_R66));
/// assert!(is_tre_r66_like("https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement"));
/// assert!(!is_tre_r66_like("http://terminology.hl7.org/CodeSystem/v3-ActCode"));
/// ```
pub fn is_tre_r66_like(system: &str) -> bool {
    // Runs on every serviceType coding: a byte search for `T` then a
    // comparison, instead of building two substring searchers per call.
    let b = system.as_bytes();
    memchr::memchr_iter(b'T', b)
        .any(|i| matches!(b.get(i..i + 7), Some([b'T', b'R', b'E', b'_' | b'-', b'R', b'6', b'6'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_tables_are_sorted() {
        assert!(TRE_R38_CODES.windows(2).all(|w| matches!(w, [a, b] if a < b)));
        assert!(ACT_ENCOUNTER_CODES.windows(2).all(|w| matches!(w, [a, b] if a < b)));
        assert_eq!(TRE_R38_CODES.len(), 84);
    }

    #[test]
    fn every_sas_consultation_code_is_an_encounter_code() {
        assert!(SAS_CONSULTATION_CODES.iter().all(|c| is_act_encounter_code(c)));
        assert!(is_tre_r38_code("SCD01") && is_tre_r38_code("SP04") && !is_tre_r38_code("SM73"));
    }

    /// The integer keys answer exactly like the string tables, for every
    /// code, its neighbours (prefixes, extensions, NUL padding, case) and
    /// arbitrary strings.
    #[test]
    fn keyed_lookups_match_the_tables() {
        let mut probes: Vec<String> = Vec::new();
        for c in TRE_R38_CODES.iter().chain(ACT_ENCOUNTER_CODES) {
            probes.push((*c).to_string());
            for cut in 0..c.len() {
                probes.push(c.get(..cut).unwrap_or_default().to_string());
            }
            for tail in ["\0", "0", " ", "\0\0\0\0"] {
                probes.push(format!("{c}{tail}"));
            }
            probes.push(c.to_lowercase());
            probes.push(format!("\0{c}"));
        }
        probes.extend(
            ["", "SM00", "SM73", "SM5", "SCD04", "SI0", "ÉÀ", "AMBULANCE", "12345678"]
                .map(String::from),
        );
        for p in &probes {
            assert_eq!(is_tre_r38_code(p), TRE_R38_CODES.contains(&p.as_str()), "{p:?}");
            assert_eq!(
                is_act_encounter_code(p),
                ACT_ENCOUNTER_CODES.contains(&p.as_str()),
                "{p:?}"
            );
        }
        assert!(TRE_R38_KEYS.iter().chain(&ACT_ENCOUNTER_KEYS).all(|&k| k != u64::MAX));
    }

    proptest::proptest! {
        #[test]
        fn keyed_lookups_match_on_any_string(s in "[A-Z0-9\\x00]{0,9}") {
            proptest::prop_assert_eq!(is_tre_r38_code(&s), TRE_R38_CODES.contains(&s.as_str()));
            proptest::prop_assert_eq!(is_act_encounter_code(&s), ACT_ENCOUNTER_CODES.contains(&s.as_str()));
        }
    }
}
