//! The prefixed national identifiers SAS exchanges (SPEC §3.1): IDNPS for
//! persons (system [`OID_IDNPS`]) and IDNST for structures ([`OID_IDNST`]),
//! each a prefix digit followed by a registry number.
//!
//! Errors are reported on the whole national value: positions count the
//! prefix as position 1, lengths include it, and the kind names both
//! (`IDNPS RPPS`).

use super::form::char_len;
use super::{
    Adeli, AdeliRang, Finess, IDNPS, IDNST, IdError, OID_IDNPS, OID_IDNST, Rpps, RppsRang, Siren,
    Siret,
};
use std::fmt;

/// The kit pattern of PractitionerRole.organization.identifier.value.
const KIT_IDNST_PATTERN: &str = "^1[0-9]{9}$|^3[0-9]{14}$|^4[0-9]{14}$";

/// Longest internal IDNPS form kept (prefix included): internal ids are
/// short, and this bounds the copy made of hostile input.
const OTHER_MAX: usize = 128;

/// Characters allowed after the prefix of an internal IDNPS form.
const OTHER_CHARS: &str = "[!-~]";

/// A person national identifier (IDNPS): prefix + registry number.
///
/// ```
/// use fr_fhir_core::ids::{Idnps, Rpps};
/// let id: Idnps = "810002909371".parse()?;
/// assert_eq!(id, Idnps::Rpps("10002909371".parse()?));
/// assert_eq!((id.prefix(), id.registry_number()), ('8', "10002909371"));
/// let other = Idnps::parse_form("3456780581/11242343")?;
/// assert_eq!(other.kind_name(), "FINESS/internal");
/// assert_eq!(other.to_string(), "3456780581/11242343");
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Idnps {
    /// Prefix `8`: RPPS number.
    Rpps(Rpps),
    /// Prefix `0`: ADELI number (accepted by SAS, AMB-23).
    Adeli(Adeli),
    /// Prefixes `1` (ADELI practice), `3` (FINESS), `4` (SIREN), `5` (SIRET),
    /// `6` (RPPS practice): internal forms `<registry number>/<internal id>`,
    /// e.g. `3456780581/11242343`. The registry part is not checked.
    Other {
        /// The prefix as a digit value: 1, 3, 4, 5 or 6.
        prefix: u8,
        /// Everything after the prefix, `/` and internal id included.
        rest: String,
    },
}

impl Idnps {
    /// The `identifier.system` of an IDNPS.
    pub const SYSTEM: &'static str = OID_IDNPS;
    /// The `identifier.type` code of an IDNPS.
    pub const TYPE_CODE: &'static str = IDNPS;
    /// Name in messages.
    pub const KIND: &'static str = "IDNPS";
    const PREFIXES: &'static str = "0, 1, 3, 4, 5, 6, 8";
    const RPPS: (&'static str, &'static str) = ("IDNPS RPPS", "12 (8 + 11)");
    const ADELI: (&'static str, &'static str) = ("IDNPS ADELI", "10 (0 + 9)");

    /// Checks the form: a known prefix followed by a well-formed number.
    /// The key is not checked.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Idnps};
    /// assert_eq!(
    ///     Idnps::parse_form("910002909371"),
    ///     Err(IdError::UnknownPrefix { kind: "IDNPS", found: '9', expected: "0, 1, 3, 4, 5, 6, 8" })
    /// );
    /// assert_eq!(
    ///     Idnps::parse_form("8100029O9371"),
    ///     Err(IdError::Char { kind: "IDNPS RPPS", position: 8, found: 'O', expected: "[0-9]" })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        let mut chars = s.chars();
        let first = chars.next().ok_or(IdError::Empty)?;
        let rest = chars.as_str();
        match first {
            '8' => Rpps::parse_form(rest)
                .map(Idnps::Rpps)
                .map_err(|e| e.in_national(Self::RPPS.0, Self::RPPS.1)),
            '0' => Adeli::parse_form(rest)
                .map(Idnps::Adeli)
                .map_err(|e| e.in_national(Self::ADELI.0, Self::ADELI.1)),
            '1' => parse_other(1, rest),
            '3' => parse_other(3, rest),
            '4' => parse_other(4, rest),
            '5' => parse_other(5, rest),
            '6' => parse_other(6, rest),
            found => {
                Err(IdError::UnknownPrefix { kind: Self::KIND, found, expected: Self::PREFIXES })
            }
        }
    }

    /// Checks the key of the registry number: Luhn for RPPS, nothing for the
    /// other forms (no key is known).
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Idnps};
    /// assert_eq!(
    ///     Idnps::parse_form("810100050075")?.check_key(),
    ///     Err(IdError::CheckDigit { kind: "IDNPS RPPS", found: 5, expected: 8 })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        match self {
            Idnps::Rpps(rpps) => {
                rpps.check_key().map_err(|e| e.in_national(Self::RPPS.0, Self::RPPS.1))
            }
            Idnps::Adeli(_) | Idnps::Other { .. } => Ok(()),
        }
    }

    /// The prefix character.
    pub fn prefix(&self) -> char {
        match self {
            Idnps::Rpps(_) => '8',
            Idnps::Adeli(_) => '0',
            Idnps::Other { prefix, .. } => char::from_digit(u32::from(*prefix), 10).unwrap_or('?'),
        }
    }

    /// The value without its prefix (for [`Idnps::Other`], the registry
    /// number, `/` and internal id).
    pub fn registry_number(&self) -> &str {
        match self {
            Idnps::Rpps(rpps) => rpps.as_str(),
            Idnps::Adeli(adeli) => adeli.as_str(),
            Idnps::Other { rest, .. } => rest,
        }
    }

    /// What the prefix designates, for messages (`RPPS`, `ADELI`,
    /// `FINESS/internal`...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Idnps::Rpps(_) => "RPPS",
            Idnps::Adeli(_) => "ADELI",
            Idnps::Other { prefix, .. } => other_kind(*prefix),
        }
    }
}

/// Name of an internal IDNPS form, by prefix digit.
fn other_kind(prefix: u8) -> &'static str {
    match prefix {
        1 => "ADELI practice/internal",
        3 => "FINESS/internal",
        4 => "SIREN/internal",
        5 => "SIRET/internal",
        6 => "RPPS practice/internal",
        _ => "internal",
    }
}

/// `<registry number>/<internal id>` after an internal IDNPS prefix.
fn parse_other(prefix: u8, rest: &str) -> Result<Idnps, IdError> {
    let kind = match prefix {
        1 => "IDNPS ADELI practice/internal",
        3 => "IDNPS FINESS/internal",
        4 => "IDNPS SIREN/internal",
        5 => "IDNPS SIRET/internal",
        _ => "IDNPS RPPS practice/internal",
    };
    if rest.len() >= OTHER_MAX {
        let found = char_len(rest).saturating_add(1);
        if found > OTHER_MAX {
            return Err(IdError::Length { kind, expected: "4-128", found });
        }
    }
    let bad = rest.chars().enumerate().find(|(_, c)| !matches!(c, '!'..='~'));
    if let Some((i, found)) = bad {
        return Err(IdError::Char { kind, position: i + 2, found, expected: OTHER_CHARS });
    }
    match rest.split_once('/') {
        Some((number, internal)) if !number.is_empty() && !internal.is_empty() => {
            Ok(Idnps::Other { prefix, rest: rest.to_owned() })
        }
        _ => Err(IdError::InternalForm { kind }),
    }
}

impl fmt::Display for Idnps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix(), self.registry_number())
    }
}

super::checked_id_impls!(Idnps, Idnps::KIND);

/// A structure national identifier (IDNST): prefix + registry number.
///
/// ```
/// use fr_fhir_core::ids::{Finess, Idnst};
/// let id: Idnst = "1950047225".parse()?;
/// assert_eq!(id, Idnst::Finess("950047225".parse()?));
/// assert_eq!((id.prefix(), id.kind_name()), ('1', "FINESS"));
/// assert_eq!(id.to_string(), "1950047225");
/// # Ok::<(), fr_fhir_core::ids::IdError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Idnst {
    /// Prefix `0`: ADELI-rang (practice ADELI id).
    AdeliRang(AdeliRang),
    /// Prefix `1`: FINESS.
    Finess(Finess),
    /// Prefix `2`: SIREN (not used by SAS).
    Siren(Siren),
    /// Prefix `3`: SIRET.
    Siret(Siret),
    /// Prefix `4`: RPPS-rang.
    RppsRang(RppsRang),
}

impl Idnst {
    /// The `identifier.system` of an IDNST.
    pub const SYSTEM: &'static str = OID_IDNST;
    /// The `identifier.type` code of an IDNST.
    pub const TYPE_CODE: &'static str = IDNST;
    /// Name in messages.
    pub const KIND: &'static str = "IDNST";
    const PREFIXES: &'static str = "0, 1, 2, 3, 4";

    /// Checks the form: a known prefix followed by a well-formed number.
    /// The key is not checked.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Idnst};
    /// assert_eq!(
    ///     Idnst::parse_form("33417374840002"),
    ///     Err(IdError::Length { kind: "IDNST SIRET", expected: "15 (3 + 14)", found: 14 })
    /// );
    /// ```
    pub fn parse_form(s: &str) -> Result<Self, IdError> {
        let mut chars = s.chars();
        let first = chars.next().ok_or(IdError::Empty)?;
        let rest = chars.as_str();
        let parsed = match first {
            '0' => AdeliRang::parse_form(rest).map(Idnst::AdeliRang),
            '1' => Finess::parse_form(rest).map(Idnst::Finess),
            '2' => Siren::parse_form(rest).map(Idnst::Siren),
            '3' => Siret::parse_form(rest).map(Idnst::Siret),
            '4' => RppsRang::parse_form(rest).map(Idnst::RppsRang),
            found => {
                return Err(IdError::UnknownPrefix {
                    kind: Self::KIND,
                    found,
                    expected: Self::PREFIXES,
                });
            }
        };
        parsed.map_err(|e| {
            let (kind, length) = national_form(first);
            e.in_national(kind, length)
        })
    }

    /// Checks the key of the registry number: Luhn for FINESS (not the
    /// Corsican form), SIREN and SIRET (La Poste rule included); nothing for
    /// the rang forms.
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Idnst};
    /// assert_eq!(
    ///     Idnst::parse_form("1810004421")?.check_key(),
    ///     Err(IdError::CheckDigit { kind: "IDNST FINESS", found: 1, expected: 4 })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_key(&self) -> Result<(), IdError> {
        let checked = match self {
            Idnst::AdeliRang(id) => id.check_key(),
            Idnst::Finess(id) => id.check_key(),
            Idnst::Siren(id) => id.check_key(),
            Idnst::Siret(id) => id.check_key(),
            Idnst::RppsRang(id) => id.check_key(),
        };
        checked.map_err(|e| self.national(e))
    }

    /// [`IdError::NotSasForm`] for well-formed values that the SAS patterns
    /// reject: a Corsican FINESS (`^1[0-9]{9}$`, AMB-20), an RPPS-rang not
    /// in the kit form (`^4[0-9]{14}$`, AMB-21), a SIREN (not among the
    /// kit's forms). ADELI-rang passes (FAQ form).
    ///
    /// ```
    /// use fr_fhir_core::ids::{IdError, Idnst};
    /// assert!(Idnst::parse_form("412345678912345")?.check_sas_form().is_ok());
    /// assert_eq!(
    ///     Idnst::parse_form("12A0000014")?.check_sas_form(),
    ///     Err(IdError::NotSasForm { kind: "IDNST FINESS", pattern: "^1[0-9]{9}$" })
    /// );
    /// # Ok::<(), IdError>(())
    /// ```
    pub fn check_sas_form(&self) -> Result<(), IdError> {
        let checked = match self {
            Idnst::Finess(id) => id.check_sas_form(),
            Idnst::RppsRang(id) => id.check_sas_form(),
            Idnst::Siren(_) => {
                Err(IdError::NotSasForm { kind: Siren::KIND, pattern: KIT_IDNST_PATTERN })
            }
            Idnst::AdeliRang(_) | Idnst::Siret(_) => Ok(()),
        };
        checked.map_err(|e| self.national(e))
    }

    /// The prefix character.
    pub fn prefix(&self) -> char {
        match self {
            Idnst::AdeliRang(_) => '0',
            Idnst::Finess(_) => '1',
            Idnst::Siren(_) => '2',
            Idnst::Siret(_) => '3',
            Idnst::RppsRang(_) => '4',
        }
    }

    /// The registry number (the value without its prefix).
    pub fn registry_number(&self) -> &str {
        match self {
            Idnst::AdeliRang(id) => id.as_str(),
            Idnst::Finess(id) => id.as_str(),
            Idnst::Siren(id) => id.as_str(),
            Idnst::Siret(id) => id.as_str(),
            Idnst::RppsRang(id) => id.as_str(),
        }
    }

    /// What the prefix designates (`FINESS`, `SIRET`, `RPPS-rang`...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Idnst::AdeliRang(_) => AdeliRang::KIND,
            Idnst::Finess(_) => Finess::KIND,
            Idnst::Siren(_) => Siren::KIND,
            Idnst::Siret(_) => Siret::KIND,
            Idnst::RppsRang(_) => RppsRang::KIND,
        }
    }

    fn national(&self, e: IdError) -> IdError {
        let (kind, length) = national_form(self.prefix());
        e.in_national(kind, length)
    }
}

/// Kind and length texts of the IDNST with this prefix.
fn national_form(prefix: char) -> (&'static str, &'static str) {
    match prefix {
        '0' => ("IDNST ADELI-rang", "2-33"),
        '1' => ("IDNST FINESS", "10 (1 + 9)"),
        '2' => ("IDNST SIREN", "10 (2 + 9)"),
        '3' => ("IDNST SIRET", "15 (3 + 14)"),
        _ => ("IDNST RPPS-rang", "15 (4 + 14) | 2-33"),
    }
}

impl fmt::Display for Idnst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix(), self.registry_number())
    }
}

super::checked_id_impls!(Idnst, Idnst::KIND);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::test_util::round_trip;
    use proptest::prelude::*;

    #[test]
    fn spec_idnps_examples() {
        let foret: Idnps = "810002909371".parse().unwrap();
        assert_eq!(foret.kind_name(), "RPPS");
        assert!("810101215225".parse::<Idnps>().is_ok());
        let thomas = Idnps::parse_form("810100050075").unwrap();
        assert_eq!(
            thomas.check_key(),
            Err(IdError::CheckDigit { kind: "IDNPS RPPS", found: 5, expected: 8 })
        );
        assert_eq!(
            "810100050075".parse::<Idnps>(),
            Err(IdError::CheckDigit { kind: "IDNPS RPPS", found: 5, expected: 8 })
        );
    }

    #[test]
    fn spec_idnst_examples() {
        for s in ["1950047225", "334173748400020", "392080466300010", "340426662900033"] {
            let id: Idnst = s.parse().unwrap();
            assert_eq!(id.to_string(), s);
            assert!(id.check_sas_form().is_ok(), "{s}");
        }
        assert_eq!(
            "1810004421".parse::<Idnst>(),
            Err(IdError::CheckDigit { kind: "IDNST FINESS", found: 1, expected: 4 })
        );
        let role = Idnst::parse_form("412345678912345").unwrap();
        assert_eq!((role.kind_name(), role.registry_number()), ("RPPS-rang", "12345678912345"));
    }

    #[test]
    fn adeli_idnps() {
        let id: Idnps = "0751234567".parse().unwrap();
        assert_eq!(
            (id.prefix(), id.kind_name(), id.registry_number()),
            ('0', "ADELI", "751234567")
        );
        assert_eq!(
            Idnps::parse_form("075123456"),
            Err(IdError::Length { kind: "IDNPS ADELI", expected: "10 (0 + 9)", found: 9 })
        );
    }

    #[test]
    fn idnps_form_errors_point_at_the_whole_value() {
        assert_eq!(Idnps::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            Idnps::parse_form("8"),
            Err(IdError::Length { kind: "IDNPS RPPS", expected: "12 (8 + 11)", found: 1 })
        );
        assert_eq!(
            Idnps::parse_form("10002909371"),
            Err(IdError::InternalForm { kind: "IDNPS ADELI practice/internal" })
        );
        assert_eq!(
            Idnps::parse_form("8100029093710"),
            Err(IdError::Length { kind: "IDNPS RPPS", expected: "12 (8 + 11)", found: 13 })
        );
        assert_eq!(
            Idnps::parse_form("81000290937é"),
            Err(IdError::Char { kind: "IDNPS RPPS", position: 12, found: 'é', expected: "[0-9]" })
        );
        assert_eq!(
            Idnps::parse_form("710002909371"),
            Err(IdError::UnknownPrefix {
                kind: "IDNPS",
                found: '7',
                expected: "0, 1, 3, 4, 5, 6, 8"
            })
        );
        assert_eq!(
            Idnps::parse_form("é"),
            Err(IdError::UnknownPrefix {
                kind: "IDNPS",
                found: 'é',
                expected: "0, 1, 3, 4, 5, 6, 8"
            })
        );
    }

    #[test]
    fn internal_idnps_forms() {
        let id = Idnps::parse_form("3456780581/11242343").unwrap();
        assert_eq!(id, Idnps::Other { prefix: 3, rest: "456780581/11242343".to_owned() });
        assert_eq!((id.prefix(), id.kind_name()), ('3', "FINESS/internal"));
        assert!(id.check_key().is_ok());
        round_trip(&id);
        for (s, kind) in [
            ("1751234567/ab", "ADELI practice/internal"),
            ("4341737484/x", "SIREN/internal"),
            ("534173748400020/7", "SIRET/internal"),
            ("612345678912345/A-1", "RPPS practice/internal"),
        ] {
            assert_eq!(Idnps::parse_form(s).unwrap().kind_name(), kind);
        }
        for s in ["3456780581", "3/123", "3456780581/"] {
            assert_eq!(
                Idnps::parse_form(s),
                Err(IdError::InternalForm { kind: "IDNPS FINESS/internal" }),
                "{s}"
            );
        }
        assert_eq!(
            Idnps::parse_form("5123/ab c"),
            Err(IdError::Char {
                kind: "IDNPS SIRET/internal",
                position: 8,
                found: ' ',
                expected: "[!-~]"
            })
        );
        let long = format!("3{}/{}", "1".repeat(9), "2".repeat(117));
        assert_eq!(long.len(), 128);
        assert!(Idnps::parse_form(&long).is_ok());
        assert_eq!(
            Idnps::parse_form(&format!("{long}2")),
            Err(IdError::Length { kind: "IDNPS FINESS/internal", expected: "4-128", found: 129 })
        );
    }

    #[test]
    fn idnst_form_errors_point_at_the_whole_value() {
        assert_eq!(Idnst::parse_form(""), Err(IdError::Empty));
        assert_eq!(
            Idnst::parse_form("5950047225"),
            Err(IdError::UnknownPrefix { kind: "IDNST", found: '5', expected: "0, 1, 2, 3, 4" })
        );
        assert_eq!(
            Idnst::parse_form("195004722X"),
            Err(IdError::Char {
                kind: "IDNST FINESS",
                position: 10,
                found: 'X',
                expected: "[0-9]"
            })
        );
        assert_eq!(
            Idnst::parse_form("12C0000014"),
            Err(IdError::Char {
                kind: "IDNST FINESS",
                position: 3,
                found: 'C',
                expected: "[0-9AB]"
            })
        );
        assert_eq!(
            Idnst::parse_form("23417374"),
            Err(IdError::Length { kind: "IDNST SIREN", expected: "10 (2 + 9)", found: 8 })
        );
        assert_eq!(
            Idnst::parse_form("4"),
            Err(IdError::Length {
                kind: "IDNST RPPS-rang",
                expected: "15 (4 + 14) | 2-33",
                found: 1
            })
        );
        assert_eq!(
            Idnst::parse_form("0ab"),
            Err(IdError::Char {
                kind: "IDNST ADELI-rang",
                position: 2,
                found: 'a',
                expected: "[0-9A-Z]"
            })
        );
    }

    #[test]
    fn idnst_keys_and_sas_forms() {
        assert_eq!(
            Idnst::parse_form("335600000000002").unwrap().check_key(),
            Err(IdError::LaPosteSum { kind: "IDNST SIRET", sum: 16 })
        );
        assert!("335600000000001".parse::<Idnst>().is_ok());
        let siren: Idnst = "2341737484".parse().unwrap();
        assert_eq!(siren.kind_name(), "SIREN");
        assert_eq!(
            siren.check_sas_form(),
            Err(IdError::NotSasForm { kind: "IDNST SIREN", pattern: KIT_IDNST_PATTERN })
        );
        assert_eq!(
            Idnst::parse_form("4F58000880311022013").unwrap().check_sas_form(),
            Err(IdError::NotSasForm { kind: "IDNST RPPS-rang", pattern: "^4[0-9]{14}$" })
        );
        let corsica = Idnst::parse_form("12B0000001").unwrap();
        assert!(corsica.check_key().is_ok());
        assert!(corsica.check_sas_form().is_err());
        assert!(Idnst::parse_form("0751234567").unwrap().check_sas_form().is_ok());
    }

    #[test]
    fn constants_and_serde() {
        assert_eq!(Idnps::SYSTEM, "urn:oid:1.2.250.1.71.4.2.1");
        assert_eq!(Idnst::SYSTEM, "urn:oid:1.2.250.1.71.4.2.2");
        assert_eq!((Idnps::TYPE_CODE, Idnst::TYPE_CODE), ("IDNPS", "IDNST"));
        // A wrong key deserializes (warning-level for SAS); a wrong form does not.
        let ids: Vec<Idnps> = serde_json::from_str(r#"["810100050075","0751234567"]"#).unwrap();
        assert_eq!(ids.len(), 2);
        let err = serde_json::from_str::<Idnst>(r#""9123""#).unwrap_err();
        assert!(err.to_string().contains("unknown prefix `9`"), "{err}");
    }

    #[test]
    fn other_with_out_of_range_prefix_still_displays() {
        let odd = Idnps::Other { prefix: 12, rest: "x/y".to_owned() };
        assert_eq!(odd.to_string(), "?x/y");
        assert_eq!(odd.kind_name(), "internal");
    }

    proptest! {
        #[test]
        fn idnps_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Idnps>();
        }

        #[test]
        fn idnst_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Idnst>();
        }

        #[test]
        fn national_round_trips(
            rpps in "[0-9]{10}",
            finess in "[0-9]{8}",
            siret in "[0-9]{13}",
            rang in "[0-9A-Z]{1,32}",
            other in "[13456][0-9]{9}/[!-~]{1,20}",
        ) {
            let ps = Idnps::Rpps(Rpps::from_body(&rpps).unwrap());
            prop_assert!(ps.check_key().is_ok());
            round_trip(&ps);
            round_trip(&Idnps::parse_form(&other).unwrap());
            for st in [
                Idnst::Finess(Finess::from_body(&finess).unwrap()),
                Idnst::Siret(Siret::from_body(&siret).unwrap()),
                Idnst::RppsRang(RppsRang::parse_form(&rang).unwrap()),
                Idnst::AdeliRang(AdeliRang::parse_form(&rang).unwrap()),
            ] {
                prop_assert!(st.check_key().is_ok());
                round_trip(&st);
            }
        }
    }
}
