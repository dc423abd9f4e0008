//! The one error of loading: which file, and why.

use std::fmt;

/// The name of text given directly, until a caller names its file.
const INPUT: &str = "<input>";

/// Loading a conformance resource or an IG package failed.
///
/// ```
/// use fr_fhir_core::conformance::load::structure_from_json;
/// let err = structure_from_json(r#"{"resourceType":"StructureDefinition","url":"http://x/S","kind":"resource"}"#).unwrap_err();
/// assert!(err.to_string().contains("snapshot"));
/// assert!(err.message_fr().contains("snapshot"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or package entry) that could not be read; `<input>` for
    /// text given directly.
    pub file: String,
    /// Why.
    pub reason: LoadErrorKind,
}

/// Why loading failed.
///
/// ```
/// use fr_fhir_core::conformance::load::{LoadErrorKind, structure_from_json};
/// let err = structure_from_json(r#"{"resourceType":"ValueSet"}"#).unwrap_err();
/// assert!(matches!(err.reason, LoadErrorKind::WrongResource { expected: "StructureDefinition", .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// Reading the file or the archive failed (I/O, gzip, tar).
    Io(String),
    /// The text is not JSON (serde_json's message, with line and column).
    Json(String),
    /// The JSON is not the expected resource type.
    WrongResource {
        /// Expected `resourceType`.
        expected: &'static str,
        /// Actual `resourceType` (empty when absent).
        found: String,
    },
    /// A StructureDefinition has no snapshot.
    NoSnapshot,
    /// A required field is absent or has the wrong JSON type.
    Field {
        /// Where (`url`, `snapshot.element[3].path`).
        field: String,
        /// What was expected (`a string`).
        expected: &'static str,
    },
    /// A field has a value outside its code list.
    BadValue {
        /// Where.
        field: String,
        /// The actual value.
        value: String,
    },
    /// An entry or a package is larger than the bound.
    TooLarge {
        /// The bound in bytes.
        limit: u64,
    },
    /// The folder or archive is not an IG package.
    NotAPackage,
}

impl LoadError {
    /// An error on text given directly (no file name yet).
    pub fn input(reason: LoadErrorKind) -> Self {
        Self { file: INPUT.to_owned(), reason }
    }

    /// The same error, naming `file` (a place inside the input already
    /// named, such as a Bundle entry, is kept after it).
    #[must_use]
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        let file = file.into();
        self.file = match self.file.strip_prefix(INPUT) {
            Some(rest) => format!("{file}{rest}"),
            None => file,
        };
        self
    }

    /// The message in French.
    pub fn message_fr(&self) -> String {
        let why = match &self.reason {
            LoadErrorKind::Io(e) => format!("lecture impossible : {e}"),
            LoadErrorKind::Json(e) => format!("JSON invalide : {e}"),
            LoadErrorKind::WrongResource { expected, found } => {
                format!("resourceType « {found} » trouvé, « {expected} » attendu")
            }
            LoadErrorKind::NoSnapshot => {
                "StructureDefinition sans snapshot (un snapshot complet est requis)".to_owned()
            }
            LoadErrorKind::Field { field, expected } => {
                format!("champ {field} absent ou invalide ({})", expected_fr(expected))
            }
            LoadErrorKind::BadValue { field, value } => {
                format!("valeur « {value} » inattendue pour {field}")
            }
            LoadErrorKind::TooLarge { limit } => {
                format!("taille supérieure à la limite de {limit} octets")
            }
            LoadErrorKind::NotAPackage => {
                "pas un package FHIR (package/package.json introuvable)".to_owned()
            }
        };
        format!("{} : {why}", self.file)
    }
}

fn expected_fr(expected: &str) -> &str {
    match expected {
        "a string" => "une chaîne attendue",
        "an array" => "un tableau attendu",
        "an object" => "un objet attendu",
        "a boolean" => "un booléen attendu",
        "an unsigned integer" => "un entier positif attendu",
        other => other,
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        match &self.reason {
            LoadErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            LoadErrorKind::Json(e) => write!(f, "invalid JSON: {e}"),
            LoadErrorKind::WrongResource { expected, found } => {
                write!(f, "resourceType \"{found}\" found, \"{expected}\" expected")
            }
            LoadErrorKind::NoSnapshot => {
                f.write_str("StructureDefinition without snapshot (a full snapshot is required)")
            }
            LoadErrorKind::Field { field, expected } => {
                write!(f, "field {field} missing or invalid ({expected} expected)")
            }
            LoadErrorKind::BadValue { field, value } => {
                write!(f, "unexpected value \"{value}\" for {field}")
            }
            LoadErrorKind::TooLarge { limit } => {
                write!(f, "larger than the limit of {limit} bytes")
            }
            LoadErrorKind::NotAPackage => {
                f.write_str("not a FHIR package (package/package.json not found)")
            }
        }
    }
}

impl std::error::Error for LoadError {}
