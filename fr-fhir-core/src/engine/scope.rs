//! Use cases as data, and sets of them.
//!
//! A use case is a row of [`USE_CASES`] (a flow and a variant of it: the
//! three slot searches of INT_RO1, the appointments of INT_R03, the regulator
//! accounts of INT_R02), not a variant of a closed enum: the engine's
//! bookkeeping is sized by the table, and adding a use case is adding a row.

use serde::Serialize;

/// What the engine knows of one use case.
///
/// ```
/// use fr_fhir_core::engine::{USE_CASES, UseCase, UseCaseDef};
/// let sos: &UseCaseDef = UseCase::SOS.def();
/// assert_eq!((sos.id, sos.flow), ("SOS", "INT_RO1"));
/// assert!(USE_CASES.iter().any(|d| d.id == "APPT" && d.flow == "INT_R03"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UseCaseDef {
    /// Upper-case name used in the catalogue (`PS`, `CPTS`, `SOS`...).
    pub id: &'static str,
    /// The exchange it belongs to (`INT_RO1`...).
    pub flow: &'static str,
    /// What it is, in French.
    pub label_fr: &'static str,
    /// What it is, in English.
    pub label_en: &'static str,
}

/// Every use case, in a fixed order (a [`UseCase`] is an index in it).
pub static USE_CASES: &[UseCaseDef] = &DEFS;

const DEFS: [UseCaseDef; 5] = [
    UseCaseDef {
        id: "PS",
        flow: "INT_RO1",
        label_fr: "recherche de créneaux de praticiens (PS)",
        label_en: "slot search of practitioners (PS)",
    },
    UseCaseDef {
        id: "CPTS",
        flow: "INT_RO1",
        label_fr: "recherche de créneaux offerts aux CPTS",
        label_en: "slot search of slots offered to CPTS",
    },
    UseCaseDef {
        id: "SOS",
        flow: "INT_RO1",
        label_fr: "recherche de créneaux SOS Médecins",
        label_en: "SOS Médecins slot search",
    },
    UseCaseDef {
        id: "REGUL",
        flow: "INT_R02",
        label_fr: "comptes des régulateurs",
        label_en: "regulator accounts",
    },
    UseCaseDef {
        id: "APPT",
        flow: "INT_R03",
        label_fr: "envoi des rendez-vous pris",
        label_en: "appointments sent by the vendor",
    },
];

/// One use case: an index in [`USE_CASES`].
///
/// ```
/// use fr_fhir_core::rules::UseCase;
/// assert_eq!(UseCase::CPTS.as_str(), "CPTS");
/// assert_eq!(UseCase::SOS.def().flow, "INT_RO1");
/// assert_eq!("sos".parse::<UseCase>(), Ok(UseCase::SOS));
/// assert_eq!(serde_json::to_string(&UseCase::PS).ok().as_deref(), Some("\"ps\""));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UseCase(u8);

impl std::fmt::Debug for UseCase {
    /// `Ps`, `Cpts`, `Sos`...: the form debug output has always had.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut chars = self.as_str().chars();
        if let Some(first) = chars.next() {
            write!(f, "{first}")?;
        }
        chars.try_for_each(|c| write!(f, "{}", c.to_ascii_lowercase()))
    }
}

impl UseCase {
    /// Individual practitioners (INT_RO1, search on Slot).
    pub const PS: UseCase = UseCase(0);
    /// Practitioners whose slots are also offered to CPTS (search on Slot).
    pub const CPTS: UseCase = UseCase(1);
    /// SOS Médecins associations (search on Schedule).
    pub const SOS: UseCase = UseCase(2);
    /// Regulator accounts (INT_R02).
    pub const REGUL: UseCase = UseCase(3);
    /// Appointments sent by the vendor (INT_R03).
    pub const APPT: UseCase = UseCase(4);

    /// Every use case of [`USE_CASES`], in order.
    pub fn all() -> impl Iterator<Item = UseCase> {
        (0..USE_CASES.len()).filter_map(|i| u8::try_from(i).ok()).map(UseCase)
    }

    /// Its position in [`USE_CASES`] (for per-use-case bookkeeping).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Its row of [`USE_CASES`].
    pub fn def(self) -> &'static UseCaseDef {
        // Every UseCase is built from an index of the table.
        DEFS.get(self.index()).unwrap_or(&DEFS[0])
    }

    /// Upper-case name used in the catalogue (`PS`, `CPTS`, `SOS`...).
    pub fn as_str(self) -> &'static str {
        self.def().id
    }

    /// The scope holding only this use case.
    pub const fn scope(self) -> Scope {
        Scope(1 << self.0)
    }
}

impl std::fmt::Display for UseCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for UseCase {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str().to_ascii_lowercase())
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for UseCase {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UseCase".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<String> = USE_CASES.iter().map(|u| u.id.to_ascii_lowercase()).collect();
        schemars::json_schema!({ "type": "string", "enum": ids })
    }
}

impl std::str::FromStr for UseCase {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UseCase::all().find(|u| u.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let known: Vec<String> = USE_CASES.iter().map(|u| u.id.to_ascii_lowercase()).collect();
            format!("unknown use case `{s}` (expected {})", known.join(", "))
        })
    }
}

/// Where the use case retained for an input came from, strongest first.
///
/// Reports carry it next to the use case so a reader can tell a guess
/// (`Content`, `Default`) from a declaration (`Option`, `Request`,
/// `Profile`). Its text form (`as_str`, `Display`, serde) is the lower-case
/// word the machine formats have always written.
///
/// ```
/// use fr_fhir_core::rules::UseCaseSource;
/// assert_eq!(UseCaseSource::Profile.as_str(), "profile");
/// assert_eq!(UseCaseSource::Default.to_string(), "default");
/// assert_eq!(serde_json::to_string(&UseCaseSource::Request).ok().as_deref(), Some("\"request\""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum UseCaseSource {
    /// Given by the caller (`Options::use_case`, `--use-case`).
    Option,
    /// Read from the search request that produced the body.
    Request,
    /// Read from the profile declared by the Bundle.
    Profile,
    /// Inferred from the resources in the Bundle.
    Content,
    /// Nothing told: PS assumed.
    Default,
}

impl UseCaseSource {
    /// The lower-case word written in reports (`option`, `request`,
    /// `profile`, `content`, `default`).
    pub fn as_str(self) -> &'static str {
        match self {
            UseCaseSource::Option => "option",
            UseCaseSource::Request => "request",
            UseCaseSource::Profile => "profile",
            UseCaseSource::Content => "content",
            UseCaseSource::Default => "default",
        }
    }
}

impl std::fmt::Display for UseCaseSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of use cases: a finding is kept only when the use case finally
/// detected for the input is in its scope. Rules emit findings as they
/// stream past and the use case is often known only at the end.
///
/// ```
/// use fr_fhir_core::rules::{Scope, UseCase};
/// assert!(Scope::PS_CPTS.contains(UseCase::CPTS));
/// assert!(!Scope::SOS.contains(UseCase::PS));
/// assert_eq!(Scope::PS_CPTS.to_string(), "PS,CPTS");
/// assert_eq!("CPTS,SOS".parse::<Scope>(), Ok(Scope::CPTS_SOS));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope(u32);

// A scope is a bit set over the rows of the table.
const _: () = assert!(DEFS.len() <= 32);

impl Scope {
    /// No use case.
    pub const NONE: Scope = Scope(0);
    /// PS only.
    pub const PS: Scope = UseCase::PS.scope();
    /// CPTS only.
    pub const CPTS: Scope = UseCase::CPTS.scope();
    /// SOS only.
    pub const SOS: Scope = UseCase::SOS.scope();
    /// PS and CPTS (the practitioner searches).
    pub const PS_CPTS: Scope = Scope::PS.or(Scope::CPTS);
    /// CPTS and SOS.
    pub const CPTS_SOS: Scope = Scope::CPTS.or(Scope::SOS);
    /// The three slot searches of INT_RO1.
    pub const SLOT_SEARCHES: Scope = Scope::PS_CPTS.or(Scope::SOS);
    /// Every use case of the table (the catalogue's `ALL`).
    pub const ALL: Scope = Scope((1 << DEFS.len()) - 1);
    /// Appointments (INT_R03).
    pub const APPT: Scope = UseCase::APPT.scope();
    /// Regulator accounts (INT_R02).
    pub const REGUL: Scope = UseCase::REGUL.scope();

    /// True when `uc` is in the set.
    pub fn contains(self, uc: UseCase) -> bool {
        self.0 & uc.scope().0 != 0
    }

    /// Union.
    pub const fn or(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    /// Intersection.
    pub const fn and(self, other: Scope) -> Scope {
        Scope(self.0 & other.0)
    }

    /// True when no use case is in the set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The use cases of the set, in table order.
    pub fn iter(self) -> impl Iterator<Item = UseCase> {
        UseCase::all().filter(move |&u| self.contains(u))
    }
}

impl std::fmt::Display for Scope {
    /// The catalogue's form: upper-case names joined by commas (`PS,CPTS`),
    /// `ALL` for every use case.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == Scope::ALL {
            return f.write_str("ALL");
        }
        for (i, uc) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(uc.as_str())?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Scope {
    type Err = String;
    /// Parses the catalogue's form (`PS,CPTS`, `ALL`; spaces allowed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim() == "ALL" {
            return Ok(Scope::ALL);
        }
        s.split(',')
            .map(str::trim)
            .try_fold(Scope::NONE, |acc, part| part.parse::<UseCase>().map(|u| acc.or(u.scope())))
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Scope {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scope".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "Use cases joined by commas (PS,CPTS), or ALL" })
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_the_constants_agree() {
        let ids: Vec<&str> = UseCase::all().map(UseCase::as_str).collect();
        assert_eq!(ids, ["PS", "CPTS", "SOS", "REGUL", "APPT"]);
        assert_eq!(UseCase::APPT.index(), 4);
    }

    #[test]
    fn scopes_print_and_parse_back() {
        for s in [Scope::PS, Scope::PS_CPTS, Scope::ALL, Scope::CPTS_SOS, Scope::APPT] {
            assert_eq!(s.to_string().parse::<Scope>(), Ok(s));
        }
        assert_eq!(Scope::SLOT_SEARCHES.to_string(), "PS,CPTS,SOS");
        assert_eq!(Scope::ALL.to_string(), "ALL");
        assert_eq!(Scope::REGUL.or(Scope::APPT).to_string(), "REGUL,APPT");
        assert!("PS,XYZ".parse::<Scope>().is_err());
        assert_eq!(Scope::ALL.and(Scope::CPTS_SOS), Scope::CPTS_SOS);
    }
}
