//! Proptest strategies producing **valid** identifiers (right form, right
//! key), for property tests downstream (feature `proptest`).
//!
//! ```
//! use fr_fhir_core::ids::strategy;
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! let id = strategy::idnst().new_tree(&mut runner).unwrap().current();
//! assert!(id.to_string().parse::<fr_fhir_core::ids::Idnst>().is_ok());
//! ```

use proptest::prelude::*;

use super::{Adeli, AdeliRang, Finess, Idnps, Idnst, Rpps, RppsRang, Siren, Siret};

/// Valid RPPS numbers (random 10-digit body + Luhn key).
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let rpps = fr_fhir_core::ids::strategy::rpps().new_tree(&mut runner).unwrap().current();
/// assert!(rpps.check_key().is_ok());
/// ```
pub fn rpps() -> impl Strategy<Value = Rpps> {
    "[0-9]{10}".prop_filter_map("RPPS body", |body| Rpps::from_body(&body).ok())
}

/// ADELI numbers: 9 digits, or the Corsican form `2A`/`2B` + 7 digits.
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let adeli = fr_fhir_core::ids::strategy::adeli().new_tree(&mut runner).unwrap().current();
/// assert_eq!(adeli.as_str().len(), 9);
/// ```
pub fn adeli() -> impl Strategy<Value = Adeli> {
    "[0-9]{9}|2[AB][0-9]{7}".prop_filter_map("ADELI form", |s| Adeli::parse_form(&s).ok())
}

/// Valid FINESS numbers in the SAS form (9 digits, Luhn key).
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let finess = fr_fhir_core::ids::strategy::finess().new_tree(&mut runner).unwrap().current();
/// assert!(finess.check_key().is_ok() && finess.check_sas_form().is_ok());
/// ```
pub fn finess() -> impl Strategy<Value = Finess> {
    "[0-9]{8}".prop_filter_map("FINESS body", |body| Finess::from_body(&body).ok())
}

/// Valid SIREN numbers.
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let siren = fr_fhir_core::ids::strategy::siren().new_tree(&mut runner).unwrap().current();
/// assert!(siren.check_key().is_ok());
/// ```
pub fn siren() -> impl Strategy<Value = Siren> {
    "[0-9]{8}".prop_filter_map("SIREN body", |body| Siren::from_body(&body).ok())
}

/// Valid SIRET numbers whose SIREN part is valid too.
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let siret = fr_fhir_core::ids::strategy::siret().new_tree(&mut runner).unwrap().current();
/// assert!(siret.check_key().is_ok() && siret.siren().check_key().is_ok());
/// ```
pub fn siret() -> impl Strategy<Value = Siret> {
    (siren(), "[0-9]{4}").prop_filter_map("SIRET body", |(siren, nic)| {
        Siret::from_body(&format!("{siren}{nic}")).ok()
    })
}

/// RPPS-rang values in the kit form (14 digits).
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let rang = fr_fhir_core::ids::strategy::rpps_rang().new_tree(&mut runner).unwrap().current();
/// assert!(rang.is_kit_form());
/// ```
pub fn rpps_rang() -> impl Strategy<Value = RppsRang> {
    "[0-9]{14}".prop_filter_map("RPPS-rang", |s| RppsRang::parse_form(&s).ok())
}

/// ADELI-rang values in the form of an ADELI number.
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let rang = fr_fhir_core::ids::strategy::adeli_rang().new_tree(&mut runner).unwrap().current();
/// assert!(rang.is_adeli_form());
/// ```
pub fn adeli_rang() -> impl Strategy<Value = AdeliRang> {
    "[0-9]{9}".prop_filter_map("ADELI-rang", |s| AdeliRang::parse_form(&s).ok())
}

/// Valid IDNPS of every kind: `8` + RPPS, `0` + ADELI and the internal forms
/// (`3456780581/11242343`).
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let id = fr_fhir_core::ids::strategy::idnps().new_tree(&mut runner).unwrap().current();
/// assert!(id.check_key().is_ok());
/// ```
pub fn idnps() -> impl Strategy<Value = Idnps> {
    prop_oneof![
        3 => rpps().prop_map(Idnps::Rpps),
        1 => adeli().prop_map(Idnps::Adeli),
        1 => "[13456][0-9]{9}/[0-9A-Z]{1,12}"
            .prop_filter_map("internal IDNPS", |s| Idnps::parse_form(&s).ok()),
    ]
}

/// Valid IDNST of every kind, SIREN and ADELI-rang included.
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let id = fr_fhir_core::ids::strategy::idnst().new_tree(&mut runner).unwrap().current();
/// assert!(id.check_key().is_ok());
/// ```
pub fn idnst() -> impl Strategy<Value = Idnst> {
    prop_oneof![
        adeli_rang().prop_map(Idnst::AdeliRang),
        finess().prop_map(Idnst::Finess),
        siren().prop_map(Idnst::Siren),
        siret().prop_map(Idnst::Siret),
        rpps_rang().prop_map(Idnst::RppsRang),
    ]
}

/// Valid IDNST in the forms the SAS kit accepts (`^1[0-9]{9}$`,
/// `^3[0-9]{14}$`, `^4[0-9]{14}$`).
///
/// ```
/// # use proptest::strategy::{Strategy, ValueTree};
/// # let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let id = fr_fhir_core::ids::strategy::idnst_sas().new_tree(&mut runner).unwrap().current();
/// assert!(id.check_sas_form().is_ok());
/// ```
pub fn idnst_sas() -> impl Strategy<Value = Idnst> {
    prop_oneof![
        finess().prop_map(Idnst::Finess),
        siret().prop_map(Idnst::Siret),
        rpps_rang().prop_map(Idnst::RppsRang),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest! {
        #[test]
        fn strategies_produce_valid_values(
            ps in idnps(),
            st in idnst(),
            sas in idnst_sas(),
            siret in siret(),
        ) {
            prop_assert_eq!(ps.to_string().parse::<Idnps>(), Ok(ps));
            prop_assert_eq!(st.to_string().parse::<Idnst>(), Ok(st));
            prop_assert!(sas.check_sas_form().is_ok());
            prop_assert!(siret.siren().check_key().is_ok());
        }
    }
}
