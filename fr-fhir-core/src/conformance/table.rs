//! The tables the structural validator applies: one [`StructureTable`] per
//! StructureDefinition (a base R4 resource or datatype, or a profile), one
//! [`ValueSetTable`] per enumerable value set.
//!
//! The same types hold the built-in tables (generated Rust statics, see
//! `generated/`) and the tables of an IG package loaded at run time
//! (`--ig`): every string and list is a [`Cow`], borrowed from a static in
//! the first case, owned in the second. Nothing here knows SAS.
//!
//! ```
//! use std::borrow::Cow;
//! use fr_fhir_core::conformance::table::*;
//! let e = ElementTable { id: Cow::Borrowed("Slot.status"), path: Cow::Borrowed("Slot.status"), min: 1, max: Max::One, ..ElementTable::EMPTY };
//! assert!(e.is_required() && !e.is_repeating());
//! ```

use std::borrow::Cow;

/// A string of a table (static when generated, owned when loaded).
///
/// ```
/// use fr_fhir_core::conformance::table::Text;
/// let generated: Text = Text::Borrowed("Slot.status");
/// let loaded: Text = Text::Owned(String::from("Slot.status"));
/// assert_eq!(generated, loaded);
/// ```
pub type Text = Cow<'static, str>;
/// A list of a table (static when generated, owned when loaded).
///
/// ```
/// use fr_fhir_core::conformance::table::{List, Text};
/// let codes: List<Text> = List::Owned(vec![Text::Borrowed("free")]);
/// assert_eq!(codes.len(), 1);
/// ```
pub type List<T> = Cow<'static, [T]>;

/// What a StructureDefinition defines (`StructureDefinition.kind`).
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// use fr_fhir_core::conformance::table::StructureKind;
/// assert_eq!(defs.base("Identifier").map(|s| s.kind), Some(StructureKind::ComplexType));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StructureKind {
    /// A FHIR primitive type (`string`, `dateTime`...).
    PrimitiveType,
    /// A complex datatype (`Identifier`, `Period`, `Extension`...).
    ComplexType,
    /// A resource type, or a profile of one.
    Resource,
    /// A logical model (not validated).
    Logical,
}

/// One StructureDefinition, reduced to what validation needs: its snapshot
/// elements in snapshot order.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// let slot = defs.structure(fr_fhir_core::vocab::profiles::SLOT_PS).unwrap();
/// assert!(slot.is_profile && slot.type_name == "Slot");
/// assert_eq!(slot.elements[0].path, "Slot");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StructureTable {
    /// Canonical URL (`http://hl7.org/fhir/StructureDefinition/Slot`).
    pub url: Text,
    /// Business version (`4.0.1`, `1.1.0`), empty when absent.
    pub version: Text,
    /// Computer name (`FrSlotAgregateur`).
    pub name: Text,
    /// The type constrained or defined (`Slot`, `Identifier`, `Extension`).
    pub type_name: Text,
    /// Primitive, complex type, resource, logical.
    pub kind: StructureKind,
    /// `baseDefinition`, empty for `Element`/`Resource`/`Base`.
    pub base: Text,
    /// True for `derivation = constraint` (a profile), false for a base
    /// definition (`specialization`).
    pub is_profile: bool,
    /// True for an abstract type (`Resource`, `DomainResource`, `Element`).
    pub is_abstract: bool,
    /// The snapshot elements, in snapshot order (the root element first).
    pub elements: List<ElementTable>,
}

/// Upper bound of a cardinality.
///
/// ```
/// use fr_fhir_core::conformance::table::Max;
/// assert!(Max::One.exceeded_by(2) && !Max::Many.exceeded_by(1000));
/// assert_eq!(Max::N(5).to_string(), "5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Max {
    /// `0`: the element is prohibited.
    Zero,
    /// `1`.
    One,
    /// A finite bound above one.
    N(u32),
    /// `*`.
    Many,
}

impl Max {
    /// True when more than one value is allowed.
    pub fn is_many(self) -> bool {
        matches!(self, Max::Many | Max::N(_))
    }

    /// True when `count` values exceed the bound.
    pub fn exceeded_by(self, count: u32) -> bool {
        match self {
            Max::Zero => count > 0,
            Max::One => count > 1,
            Max::N(n) => count > n,
            Max::Many => false,
        }
    }
}

impl std::fmt::Display for Max {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Max::Zero => f.write_str("0"),
            Max::One => f.write_str("1"),
            Max::N(n) => write!(f, "{n}"),
            Max::Many => f.write_str("*"),
        }
    }
}

/// One snapshot element.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// let slot = defs.base("Slot").unwrap();
/// let status = slot.elements.iter().find(|e| e.id == "Slot.status").unwrap();
/// assert!(status.is_required() && !status.is_repeating());
/// assert_eq!(status.name(), "status");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ElementTable {
    /// Element id, slices included (`Slot.serviceType:TypeConsultation.coding.system`).
    pub id: Text,
    /// Element path, without slice names (`Slot.serviceType.coding.system`);
    /// a choice element ends in `[x]` (`Extension.value[x]`).
    pub path: Text,
    /// Slice name when the element is a slice (`TypeConsultation`), empty otherwise.
    pub slice_name: Text,
    /// Minimum cardinality.
    pub min: u32,
    /// Maximum cardinality.
    pub max: Max,
    /// True when the base element repeats (`base.max` is not `0`/`1`): the
    /// JSON form is an array whatever a profile's own `max` says.
    pub base_many: bool,
    /// Allowed types (several for a choice element); empty for the root and
    /// for an element defined by `content_reference`.
    pub types: List<TypeRef>,
    /// `#Bundle.link` for `Bundle.entry.link`: the element has the children
    /// of that element. Empty otherwise.
    pub content_reference: Text,
    /// A fixed or pattern value, if any.
    pub fixed: Option<FixedValue>,
    /// The terminology binding, if any.
    pub binding: Option<Binding>,
    /// Slicing declared on this element, if any.
    pub slicing: Option<Slicing>,
    /// Invariants declared on this element (inherited ones included, as in
    /// the snapshot).
    pub constraints: List<Constraint>,
    /// `mustSupport`.
    pub must_support: bool,
    /// `maxLength` (0: none).
    pub max_length: u32,
}

impl ElementTable {
    /// An element with nothing set (a base for struct update syntax).
    pub const EMPTY: ElementTable = ElementTable {
        id: Cow::Borrowed(""),
        path: Cow::Borrowed(""),
        slice_name: Cow::Borrowed(""),
        min: 0,
        max: Max::Many,
        base_many: false,
        types: Cow::Borrowed(&[]),
        content_reference: Cow::Borrowed(""),
        fixed: None,
        binding: None,
        slicing: None,
        constraints: Cow::Borrowed(&[]),
        must_support: false,
        max_length: 0,
    };

    /// True when `min` is at least one.
    pub fn is_required(&self) -> bool {
        self.min > 0
    }

    /// True when the JSON form is an array.
    pub fn is_repeating(&self) -> bool {
        self.base_many
    }

    /// True for a choice element (`value[x]`).
    pub fn is_choice(&self) -> bool {
        self.path.ends_with("[x]")
    }

    /// The last segment of the path (`system`, `value[x]`).
    pub fn name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or(&self.path)
    }
}

/// One allowed type of an element.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// let slot = defs.base("Slot").unwrap();
/// let schedule = slot.elements.iter().find(|e| e.id == "Slot.schedule").unwrap();
/// assert_eq!(schedule.types[0].code, "Reference");
/// assert!(schedule.types[0].target_profiles[0].ends_with("/Schedule"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TypeRef {
    /// Type code (`string`, `Reference`, `BackboneElement`,
    /// `http://hl7.org/fhirpath/System.String` for the value of a primitive).
    pub code: Text,
    /// Profiles the value conforms to (an extension's definition URL, a
    /// resource profile in `Bundle.entry.resource`).
    pub profiles: List<Text>,
    /// For `Reference`/`canonical`: profiles of the target.
    pub target_profiles: List<Text>,
}

/// A `fixed[x]` or `pattern[x]` value.
///
/// ```
/// use fr_fhir_core::conformance::table::{FixedMode, FixedValue, Text};
/// // `Slot.status` pattern `free` of the SAS slot profiles.
/// let free = FixedValue { mode: FixedMode::Pattern, type_name: Text::Borrowed("code"), json: Text::Borrowed("\"free\"") };
/// assert_eq!(free.json, "\"free\"");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FixedValue {
    /// Exact equality (`fixed[x]`) or containment (`pattern[x]`).
    pub mode: FixedMode,
    /// The type suffix (`Uri`, `Code`, `CodeableConcept`, `Coding`).
    pub type_name: Text,
    /// The value as compact JSON (`"free"`, `{"coding":[{"system":"…","code":"IDNPS"}]}`).
    pub json: Text,
}

/// How a [`FixedValue`] applies.
///
/// ```
/// use fr_fhir_core::conformance::table::FixedMode;
/// // `fixed[x]`: equal; `pattern[x]`: contains.
/// assert_ne!(FixedMode::Fixed, FixedMode::Pattern);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FixedMode {
    /// `fixed[x]`: the value is exactly this.
    Fixed,
    /// `pattern[x]`: the value holds at least these parts.
    Pattern,
}

/// A terminology binding.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// use fr_fhir_core::conformance::table::Strength;
/// let slot = defs.base("Slot").unwrap();
/// let status = slot.elements.iter().find(|e| e.id == "Slot.status").unwrap();
/// let binding = status.binding.as_ref().unwrap();
/// assert_eq!(binding.strength, Strength::Required);
/// assert!(binding.value_set.ends_with("/slotstatus"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Binding strength.
    pub strength: Strength,
    /// Value set canonical, version suffix (`|4.0.1`) removed; empty when none.
    pub value_set: Text,
}

/// Binding strength (`required`, `extensible`, `preferred`, `example`).
///
/// ```
/// use fr_fhir_core::conformance::table::Strength;
/// // Ordered from the weakest to the strongest.
/// assert!(Strength::Required > Strength::Extensible && Strength::Preferred > Strength::Example);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    /// `example`.
    Example,
    /// `preferred`.
    Preferred,
    /// `extensible`.
    Extensible,
    /// `required`.
    Required,
}

/// Slicing declared on an element.
///
/// ```
/// use fr_fhir_core::conformance::table::{Discriminator, DiscriminatorKind, List, Slicing, SlicingRules, Text};
/// // `Bundle.entry` of the SAS Bundle profiles: sliced by the resource's profile, open.
/// let by_profile = Slicing {
///     discriminators: List::Owned(vec![Discriminator { kind: DiscriminatorKind::Profile, path: Text::Borrowed("resource") }]),
///     rules: SlicingRules::Open,
///     ordered: false,
/// };
/// assert_eq!(by_profile.discriminators[0].path, "resource");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Slicing {
    /// How a value is matched to a slice.
    pub discriminators: List<Discriminator>,
    /// `closed`, `open`, `openAtEnd`.
    pub rules: SlicingRules,
    /// `ordered`.
    pub ordered: bool,
}

/// One slicing discriminator.
///
/// ```
/// use fr_fhir_core::conformance::table::{Discriminator, DiscriminatorKind, Text};
/// let d = Discriminator { kind: DiscriminatorKind::Pattern, path: Text::Borrowed("type") };
/// assert_eq!(d.kind, DiscriminatorKind::Pattern);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Discriminator {
    /// `value`, `pattern`, `type`, `profile`, `exists`.
    pub kind: DiscriminatorKind,
    /// FHIRPath from the sliced element (`url`, `coding.system`, `$this`, `resource`).
    pub path: Text,
}

/// Discriminator type.
///
/// ```
/// use fr_fhir_core::conformance::table::DiscriminatorKind;
/// let kinds = [DiscriminatorKind::Value, DiscriminatorKind::Pattern, DiscriminatorKind::Type];
/// assert!(!kinds.contains(&DiscriminatorKind::Exists));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiscriminatorKind {
    /// Fixed value at the path.
    Value,
    /// Pattern at the path.
    Pattern,
    /// Type of the value at the path.
    Type,
    /// Profile of the value at the path.
    Profile,
    /// Presence at the path.
    Exists,
}

/// Slicing rules.
///
/// ```
/// use fr_fhir_core::conformance::table::SlicingRules;
/// // Only a closed slicing rejects an item no slice matches (RO1-PROF-005).
/// assert_ne!(SlicingRules::Closed, SlicingRules::Open);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlicingRules {
    /// No value outside the slices.
    Closed,
    /// Values outside the slices allowed anywhere.
    Open,
    /// Values outside the slices allowed at the end.
    OpenAtEnd,
}

/// An invariant (`ElementDefinition.constraint`).
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// use fr_fhir_core::conformance::table::ConstraintSeverity;
/// let bundle = defs.base("Bundle").unwrap();
/// let bdl_1 = bundle.elements[0].constraints.iter().find(|c| c.key == "bdl-1").unwrap();
/// assert_eq!(bdl_1.severity, ConstraintSeverity::Error);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    /// Key (`per-1`, `dom-3`, `FINESS-invariant`).
    pub key: Text,
    /// `error` or `warning`.
    pub severity: ConstraintSeverity,
    /// The human description, in the language of the definition.
    pub human: Text,
    /// The FHIRPath expression (documentation: evaluated natively, see `invariants`).
    pub expression: Text,
    /// The StructureDefinition that first declared it (empty when local).
    pub source: Text,
}

/// Severity of an invariant.
///
/// ```
/// use fr_fhir_core::conformance::table::ConstraintSeverity;
/// // A warning constraint that fails is reported as a warning, not an error.
/// assert_ne!(ConstraintSeverity::Error, ConstraintSeverity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConstraintSeverity {
    /// `error`.
    Error,
    /// `warning` (a best practice).
    Warning,
}

/// An enumerable value set: the codes it holds, per system.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// let status = defs.value_set("http://hl7.org/fhir/ValueSet/slotstatus").unwrap();
/// assert!(status.complete && status.codes.iter().any(|c| c.code == "free"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ValueSetTable {
    /// Canonical URL.
    pub url: Text,
    /// Business version, empty when absent.
    pub version: Text,
    /// Computer name.
    pub name: Text,
    /// The codes (system, code, display), in definition order.
    pub codes: List<Concept>,
    /// False when the value set could not be fully expanded from the
    /// definitions at hand (a filter, a code system not loaded): a code not
    /// found is then not reported.
    pub complete: bool,
}

/// One code of a value set.
///
/// ```
/// use fr_fhir_core::conformance::definitions::Definitions;
/// let defs = Definitions::builtin();
/// let status = defs.value_set("http://hl7.org/fhir/ValueSet/slotstatus").unwrap();
/// let free = status.codes.iter().find(|c| c.code == "free").unwrap();
/// assert_eq!(free.system, "http://hl7.org/fhir/slotstatus");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// Code system URL.
    pub system: Text,
    /// The code.
    pub code: Text,
    /// Its display, empty when none.
    pub display: Text,
}
