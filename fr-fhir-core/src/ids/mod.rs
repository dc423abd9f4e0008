//! French national identifiers of health professionals and structures
//! (SPEC §3): the registry numbers (RPPS, ADELI, FINESS, SIREN, SIRET,
//! RPPS-rang, ADELI-rang) and the prefixed national forms SAS exchanges
//! ([`Idnps`] for persons, [`Idnst`] for structures).
//!
//! Every type separates two checks, because SAS treats them differently:
//! * the **form** (length, characters, prefix): `parse_form`, an error for SAS;
//! * the **key** (Luhn check digit): `check_key`, only a warning for SAS by
//!   default (SPEC §3.2, AMB-20), since most IG fixtures fail it.
//!
//! `FromStr` does both. Serde deserializes with `parse_form` only, so that a
//! document with a wrong key still loads and the key can be reported as a
//! warning; serialization writes the plain string.
//!
//! Registry numbers are stored inline (`[u8; N]` or a bounded inline buffer):
//! `parse_form` never allocates, and those types are `Copy`. Only the internal
//! IDNPS forms ([`Idnps::Other`]) own a `String`.
//!
//! ```
//! use fr_fhir_core::ids::{Idnps, Idnst};
//! let ps: Idnps = "810002909371".parse()?;
//! assert_eq!(ps.registry_number(), "10002909371");
//! let st = Idnst::parse_form("1810004421")?;
//! assert!(st.check_key().unwrap_err().is_check_digit());
//! # Ok::<(), fr_fhir_core::ids::IdError>(())
//! ```

mod adeli;
mod error;
mod finess;
mod form;
pub mod luhn;
mod national;
mod rpps;
mod rpps_rang;
mod siret;
#[cfg(feature = "proptest")]
pub mod strategy;

pub use adeli::{Adeli, AdeliRang};
pub use error::IdError;
pub use finess::Finess;
pub use national::{Idnps, Idnst};
pub use rpps::Rpps;
pub use rpps_rang::RppsRang;
pub use siret::{LA_POSTE_SIREN, Siren, Siret};

/// System of the person national identifier (IDNPS).
pub const OID_IDNPS: &str = "urn:oid:1.2.250.1.71.4.2.1";
/// System of the structure national identifier (IDNST).
pub const OID_IDNST: &str = "urn:oid:1.2.250.1.71.4.2.2";
/// System of the SAS technical regulator id (type `INTRN`).
pub const OID_SAS_INTRN: &str = "urn:oid:1.2.250.1.213.3.6";
/// Identifier type code system of the SAS IG (Interop'Santé `fr-v2-0203`).
pub const SYSTEM_FR_V2_0203: &str = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";
/// Identifier type code system of FR Core 2 (used by the main CPTS
/// Organization, AMB-10).
pub const SYSTEM_FR_CORE_V2_0203: &str =
    "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
/// Location identifier type code system (also the IDNST type system of the
/// CPTS/SOS Organization profiles 1.1.0, AMB-10).
pub const SYSTEM_FR_LOCATION_ID_TYPE: &str =
    "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type";
/// Type code of a person national identifier.
pub const IDNPS: &str = "IDNPS";
/// Type code of a structure national identifier.
pub const IDNST: &str = "IDNST";
/// Type code of an internal (technical) identifier.
pub const INTRN: &str = "INTRN";

/// What every identifier type of this module offers, for generic code
/// (serde, tests, rules that take the kind as a parameter). Each type also
/// has the same functions as inherent items, so no import is needed.
///
/// ```
/// use fr_fhir_core::ids::{CheckedId, Finess, IdError};
/// fn key_ok<T: CheckedId>(s: &str) -> Result<bool, IdError> {
///     Ok(T::parse_form(s)?.check_key().is_ok())
/// }
/// assert_eq!(key_ok::<Finess>("950047225"), Ok(true));
/// assert_eq!(key_ok::<Finess>("810004421"), Ok(false));
/// ```
pub trait CheckedId: Sized + std::fmt::Display {
    /// Short name of the kind in messages (`RPPS`, `IDNST`...).
    const KIND: &'static str;
    /// Checks the form only (length, characters, prefix), not the key.
    fn parse_form(s: &str) -> Result<Self, IdError>;
    /// Checks the key of a well-formed value.
    fn check_key(&self) -> Result<(), IdError>;
    /// Form then key, as `FromStr`.
    fn parse(s: &str) -> Result<Self, IdError> {
        let id = Self::parse_form(s)?;
        id.check_key()?;
        Ok(id)
    }
}

/// Serde visitor shared by the identifier types: a string checked with
/// `parse_form` only.
struct FormVisitor<T>(std::marker::PhantomData<T>);

impl<T: CheckedId> serde::de::Visitor<'_> for FormVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a {} identifier string", T::KIND)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        T::parse_form(v).map_err(E::custom)
    }
}

/// `CheckedId`, `Display`, `FromStr` and serde for a type with inherent
/// `parse_form`, `check_key` and `Display`-able text.
macro_rules! checked_id_impls {
    ($ty:ty, $kind:expr) => {
        impl $crate::ids::CheckedId for $ty {
            const KIND: &'static str = $kind;
            fn parse_form(s: &str) -> Result<Self, $crate::ids::IdError> {
                <$ty>::parse_form(s)
            }
            fn check_key(&self) -> Result<(), $crate::ids::IdError> {
                <$ty>::check_key(self)
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::ids::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::ids::CheckedId>::parse(s)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::ids::FormVisitor(std::marker::PhantomData))
            }
        }
    };
}

/// [`checked_id_impls`] plus `Display` and a `Debug` that shows the text, for
/// the registry types that have `as_str`.
macro_rules! registry_impls {
    ($ty:ident, $kind:expr) => {
        $crate::ids::checked_id_impls!($ty, $kind);

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&self.as_str()).finish()
            }
        }
    };
}

pub(crate) use {checked_id_impls, registry_impls};

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// Display, then `parse_form` and `FromStr`, give the value back, and
    /// serde round-trips through a JSON string.
    pub(crate) fn round_trip<T>(id: &T)
    where
        T: CheckedId + std::str::FromStr<Err = IdError> + PartialEq + std::fmt::Debug,
        T: serde::Serialize + serde::de::DeserializeOwned,
    {
        let text = id.to_string();
        assert_eq!(&T::parse_form(&text).unwrap(), id);
        assert_eq!(&text.parse::<T>().unwrap(), id);
        let json = serde_json::to_string(id).unwrap();
        assert_eq!(json, serde_json::to_string(&text).unwrap());
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_keeps_wrong_keys_but_rejects_bad_forms() {
        let st: Idnst = serde_json::from_str("\"1810004421\"").unwrap();
        assert!(st.check_key().unwrap_err().is_check_digit());
        let err = serde_json::from_str::<Rpps>("\"1234\"").unwrap_err();
        assert!(err.to_string().contains("RPPS: 4 characters, expected 11"), "{err}");
        assert!(serde_json::from_str::<Rpps>("12").is_err());
    }

    #[test]
    fn trait_delegates_to_inherent_items() {
        // Would overflow the stack if the trait impl called itself.
        assert!(<Rpps as CheckedId>::parse_form("10100050075").is_ok());
        assert!(<Rpps as CheckedId>::parse("10100050075").is_err());
        assert_eq!(<Siret as CheckedId>::KIND, "SIRET");
    }
}
