//! The three SAS slot searches and sets of them.

use serde::Serialize;

/// One of the three SAS slot searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum UseCase {
    /// Individual practitioners (INT_R01).
    Ps,
    /// Practitioners whose slots are also offered to CPTS (INT_R04).
    Cpts,
    /// SOS Médecins associations (search on Schedule).
    Sos,
}

impl UseCase {
    /// Upper-case name used in the catalogue (`PS`, `CPTS`, `SOS`).
    pub fn as_str(self) -> &'static str {
        match self {
            UseCase::Ps => "PS",
            UseCase::Cpts => "CPTS",
            UseCase::Sos => "SOS",
        }
    }

    /// The scope holding only this use case.
    pub fn scope(self) -> Scope {
        match self {
            UseCase::Ps => Scope::PS,
            UseCase::Cpts => Scope::CPTS,
            UseCase::Sos => Scope::SOS,
        }
    }
}

impl std::str::FromStr for UseCase {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "ps" => Ok(UseCase::Ps),
            "cpts" => Ok(UseCase::Cpts),
            "sos" => Ok(UseCase::Sos),
            other => Err(format!("unknown use case `{other}` (expected ps, cpts or sos)")),
        }
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
/// assert!(Scope::PS_CPTS.contains(UseCase::Cpts));
/// assert!(!Scope::SOS.contains(UseCase::Ps));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope(u8);

impl Scope {
    /// PS only.
    pub const PS: Scope = Scope(1);
    /// CPTS only.
    pub const CPTS: Scope = Scope(2);
    /// SOS only.
    pub const SOS: Scope = Scope(4);
    /// PS and CPTS (the practitioner searches).
    pub const PS_CPTS: Scope = Scope(3);
    /// CPTS and SOS.
    pub const CPTS_SOS: Scope = Scope(6);
    /// The three searches.
    pub const ALL: Scope = Scope(7);

    /// True when `uc` is in the set.
    pub fn contains(self, uc: UseCase) -> bool {
        self.0 & uc.scope().0 != 0
    }

    /// Union.
    pub const fn or(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }
}
