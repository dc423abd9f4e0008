//! THE documented table of the invariant keys the validator evaluates
//! natively ([`EVALUATED`]), and of the keys of the definitions it knowingly
//! does not evaluate, with why ([`NOT_EVALUATED`]). A test checks that every
//! key of the R4 and SAS definitions is in exactly one of them.

/// How an invariant key is evaluated.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{How, evaluated};
/// assert_eq!(evaluated("per-1").map(|e| e.how), Some(How::Native));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// Natively, from the object's direct children ([`super::evaluate`]
    /// always answers).
    Native,
    /// Natively, when the object's view is enough to decide; otherwise
    /// [`super::evaluate`] answers `None` (said in the `checks` text).
    Partial,
    /// Natively, from the whole resource ([`super::evaluate_resource`], at
    /// the resource root).
    Resource,
}

impl How {
    /// `native`, `native, partial` or `native, whole resource`.
    pub fn name(self) -> &'static str {
        match self {
            How::Native => "native",
            How::Partial => "native, partial",
            How::Resource => "native, whole resource",
        }
    }
}

/// One invariant key the validator evaluates.
///
/// ```
/// use fr_fhir_core::conformance::invariants::evaluated;
/// let per_1 = evaluated("per-1").unwrap();
/// assert_eq!(per_1.applies_to, "Period");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evaluated {
    /// The constraint key (`per-1`).
    pub key: &'static str,
    /// The elements it is declared on (`Period`, `Bundle.entry`).
    pub applies_to: &'static str,
    /// What is checked, in English.
    pub checks_en: &'static str,
    /// What is checked, in French.
    pub checks_fr: &'static str,
    /// How.
    pub how: How,
}

/// One invariant key of the definitions the validator does not evaluate
/// (a loaded IG naming it gets one information finding per profile).
///
/// ```
/// use fr_fhir_core::conformance::invariants::{NOT_EVALUATED, not_evaluated};
/// let first = NOT_EVALUATED[0];
/// assert_eq!(not_evaluated(first.key), Some(&first));
/// assert!(!first.reason_en.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotEvaluated {
    /// The constraint key.
    pub key: &'static str,
    /// The elements it is declared on.
    pub applies_to: &'static str,
    /// Why not, in English.
    pub reason_en: &'static str,
    /// Why not, in French.
    pub reason_fr: &'static str,
}

const fn e(
    key: &'static str,
    applies_to: &'static str,
    checks_en: &'static str,
    checks_fr: &'static str,
    how: How,
) -> Evaluated {
    Evaluated { key, applies_to, checks_en, checks_fr, how }
}

use How::{Native, Partial, Resource};

/// Every invariant key evaluated natively (no FHIRPath engine).
///
/// Conventions shared by all: `x.exists()` is true for a primitive given
/// only as `_x` (id or extensions); when an expression is empty because a
/// required element is absent (`Bundle.type`, `Appointment.status`,
/// `Identifier.value` of the SAS organization slices), the invariant holds
/// and the cardinality finding is the one reported.
///
/// ```
/// use fr_fhir_core::conformance::invariants::{EVALUATED, is_evaluated};
/// assert!(EVALUATED.iter().any(|e| e.key == "per-1"));
/// assert!(is_evaluated("dom-3") && !is_evaluated("txt-1"));
/// ```
pub static EVALUATED: &[Evaluated] = &[
    e(
        "ele-1",
        "every element (objects; a primitive's value is the walker's)",
        "an object has a child other than id",
        "un objet a un enfant autre que id",
        Native,
    ),
    e(
        "ext-1",
        "Extension (every extension and modifierExtension)",
        "nested extensions or a value[x] (a key valueX), not both, not neither",
        "des extensions imbriquées ou un value[x] (clé valueX), pas les deux, pas aucun",
        Native,
    ),
    e(
        "per-1",
        "Period",
        "start <= end when both have a value; compared on the common precision, with zones (a value without zone may be in any zone from -14:00 to +14:00); a comparison left open by precision or zone holds",
        "start <= end quand les deux ont une valeur ; comparés sur la précision commune, fuseaux compris (une valeur sans fuseau peut être dans tout fuseau de -14:00 à +14:00) ; une comparaison que la précision ou le fuseau laisse ouverte est respectée",
        Native,
    ),
    e("cpt-2", "ContactPoint", "a value has a system", "une value a un system", Native),
    e(
        "ref-1",
        "Reference",
        "a local reference #x names the id of a contained resource of the root resource; # alone (the container) holds; non-local references hold (the Reference's view answers Holds, the root's facts decide)",
        "une référence locale #x désigne l'id d'une ressource contenue de la ressource racine ; # seul (le conteneur) est accepté ; les références non locales sont acceptées (la vue de la Reference répond Holds, les faits de la racine décident)",
        Resource,
    ),
    e("att-1", "Attachment", "data has a contentType", "data a un contentType", Native),
    e(
        "qty-3",
        "Quantity, Age, Count, Distance, Duration",
        "a code has a system",
        "un code a un system",
        Native,
    ),
    e("sqty-1", "SimpleQuantity", "no comparator", "pas de comparator", Native),
    e(
        "age-1",
        "Age",
        "a value has a code; system is UCUM; value > 0",
        "une value a un code ; system est UCUM ; value > 0",
        Native,
    ),
    e(
        "cnt-3",
        "Count",
        "a value has a code; system is UCUM; code is 1; value has no decimal point",
        "une value a un code ; system est UCUM ; code vaut 1 ; value sans point décimal",
        Native,
    ),
    e(
        "dis-1",
        "Distance",
        "a value has a code; system is UCUM",
        "une value a un code ; system est UCUM",
        Native,
    ),
    e(
        "drt-1",
        "Duration",
        "a code has system UCUM and a value",
        "un code a le system UCUM et une value",
        Native,
    ),
    e(
        "mqty-1",
        "MoneyQuantity",
        "a value has a code; system is urn:iso:std:iso:4217",
        "une value a un code ; system est urn:iso:std:iso:4217",
        Native,
    ),
    e(
        "tim-1",
        "Timing.repeat",
        "duration has a durationUnit",
        "duration a un durationUnit",
        Native,
    ),
    e("tim-2", "Timing.repeat", "period has a periodUnit", "period a un periodUnit", Native),
    e("tim-4", "Timing.repeat", "duration >= 0", "duration >= 0", Native),
    e("tim-5", "Timing.repeat", "period >= 0", "period >= 0", Native),
    e("tim-6", "Timing.repeat", "periodMax has a period", "periodMax a un period", Native),
    e("tim-7", "Timing.repeat", "durationMax has a duration", "durationMax a un duration", Native),
    e("tim-8", "Timing.repeat", "countMax has a count", "countMax a un count", Native),
    e(
        "tim-9",
        "Timing.repeat",
        "offset has a when; whether a when code is C, CM, CD or CV is not in the view (array items): undecided then",
        "offset a un when ; si un code de when vaut C, CM, CD ou CV n'est pas dans la vue (éléments d'un tableau) : non décidé alors",
        Partial,
    ),
    e(
        "tim-10",
        "Timing.repeat",
        "not both timeOfDay and when",
        "pas à la fois timeOfDay et when",
        Native,
    ),
    e(
        "rat-1",
        "Ratio",
        "numerator and denominator both or neither; neither only with an extension",
        "numerator et denominator tous deux ou aucun ; aucun seulement avec une extension",
        Native,
    ),
    e(
        "drq-1",
        "DataRequirement.codeFilter",
        "exactly one of path and searchParam",
        "exactement un de path et searchParam",
        Native,
    ),
    e(
        "drq-2",
        "DataRequirement.dateFilter",
        "exactly one of path and searchParam",
        "exactement un de path et searchParam",
        Native,
    ),
    e(
        "exp-1",
        "Expression",
        "an expression or a reference",
        "une expression ou une reference",
        Native,
    ),
    e(
        "trd-1",
        "TriggerDefinition",
        "not both data and timing",
        "pas à la fois data et timing",
        Native,
    ),
    e("trd-2", "TriggerDefinition", "a condition has data", "une condition a des data", Native),
    e(
        "trd-3",
        "TriggerDefinition",
        "named-event has a name, periodic a timing, data-* data",
        "named-event a un name, periodic un timing, data-* des data",
        Native,
    ),
    e(
        "txt-2",
        "Narrative.div (evaluated on the Narrative's view: the div is a string)",
        "the div has text outside its tags that is not whitespace, or an image",
        "le div a du texte hors balises autre que des blancs, ou une image",
        Native,
    ),
    e(
        "dom-2",
        "DomainResource",
        "a contained resource has no contained",
        "une ressource contenue n'a pas de contained",
        Resource,
    ),
    e(
        "dom-3",
        "DomainResource",
        "a contained resource with an id is referenced (#id, by a reference element) from the resource, or refers to its container (#); references written as canonical/uri are not collected",
        "une ressource contenue avec id est référencée (#id, par un élément reference) depuis la ressource, ou référence son conteneur (#) ; les références écrites en canonical/uri ne sont pas relevées",
        Resource,
    ),
    e(
        "dom-4",
        "DomainResource",
        "a contained resource has no meta.versionId nor meta.lastUpdated",
        "une ressource contenue n'a ni meta.versionId ni meta.lastUpdated",
        Resource,
    ),
    e(
        "dom-5",
        "DomainResource",
        "a contained resource has no meta.security",
        "une ressource contenue n'a pas de meta.security",
        Resource,
    ),
    e("org-1", "Organization", "an identifier or a name", "un identifier ou un name", Native),
    e(
        "org-2",
        "Organization.address (each address)",
        "use is not home",
        "use ne vaut pas home",
        Native,
    ),
    e(
        "org-3",
        "Organization.telecom (each telecom)",
        "use is not home",
        "use ne vaut pas home",
        Native,
    ),
    e("app-1", "Appointment.participant", "a type or an actor", "un type ou un actor", Native),
    e(
        "app-2",
        "Appointment",
        "start and end both or neither",
        "start et end tous deux ou aucun",
        Native,
    ),
    e(
        "app-3",
        "Appointment",
        "start and end, or status proposed, cancelled or waitlist",
        "start et end, ou status proposed, cancelled ou waitlist",
        Native,
    ),
    e(
        "app-4",
        "Appointment",
        "cancelationReason only with status cancelled or noshow (the SAS profiles' 'no-show' is read as the code noshow)",
        "cancelationReason seulement avec status cancelled ou noshow (le 'no-show' des profils SAS est lu comme le code noshow)",
        Native,
    ),
    e(
        "pat-1",
        "Patient.contact",
        "a name, telecom, address or organization",
        "un name, telecom, address ou organization",
        Native,
    ),
    e(
        "inv-1",
        "Parameters.parameter",
        "exactly one of value[x], resource and part",
        "exactement un de value[x], resource et part",
        Native,
    ),
    e(
        "bdl-1",
        "Bundle",
        "total only in a searchset or history",
        "total seulement dans un searchset ou history",
        Native,
    ),
    e(
        "bdl-2",
        "Bundle",
        "entry.search only in a searchset; on the Bundle's view only the first entry's names are seen (undecided when it holds and more entries follow); evaluate_entry decides each entry",
        "entry.search seulement dans un searchset ; la vue du Bundle ne montre que les noms de la première entrée (non décidé quand elle est conforme et que d'autres suivent) ; evaluate_entry décide chaque entrée",
        Partial,
    ),
    e(
        "bdl-3",
        "Bundle",
        "entry.request exactly in batch, transaction and history Bundles; decided as bdl-2",
        "entry.request exactement dans les Bundle batch, transaction et history ; décidé comme bdl-2",
        Partial,
    ),
    e(
        "bdl-4",
        "Bundle",
        "entry.response exactly in batch-response, transaction-response and history Bundles; decided as bdl-2",
        "entry.response exactement dans les Bundle batch-response, transaction-response et history ; décidé comme bdl-2",
        Partial,
    ),
    e(
        "bdl-5",
        "Bundle.entry",
        "a resource, a request or a response",
        "une resource, une request ou une response",
        Native,
    ),
    e("bdl-8", "Bundle.entry", "fullUrl has no /_history/", "fullUrl sans /_history/", Native),
    e(
        "bdl-9",
        "Bundle",
        "a document has identifier.system and identifier.value",
        "un document a identifier.system et identifier.value",
        Native,
    ),
    e("bdl-10", "Bundle", "a document has a timestamp", "un document a un timestamp", Native),
    e(
        "bdl-11",
        "Bundle",
        "a document's first entry has a resource; whether it is a Composition is not in the view: undecided then",
        "la première entrée d'un document a une ressource ; que ce soit une Composition n'est pas dans la vue : non décidé alors",
        Partial,
    ),
    e(
        "bdl-12",
        "Bundle",
        "a message's first entry has a resource; whether it is a MessageHeader is not in the view: undecided then",
        "la première entrée d'un message a une ressource ; que ce soit un MessageHeader n'est pas dans la vue : non décidé alors",
        Partial,
    ),
    e(
        "FINESS-invariant",
        "Organization.identifier (SAS CPTS organization)",
        "value is 1 followed by 9 digits (^1[0-9]{9}$)",
        "value est 1 suivi de 9 chiffres (^1[0-9]{9}$)",
        Native,
    ),
    e(
        "SIRET-invariant",
        "Organization.identifier (SAS SOS organization)",
        "value is 3 followed by 14 digits (^3[0-9]{14}$)",
        "value est 3 suivi de 14 chiffres (^3[0-9]{14}$)",
        Native,
    ),
];

const ELD_EN: &str =
    "ElementDefinition constraint: StructureDefinitions are not exchanged in these flows";
const ELD_FR: &str =
    "contrainte d'ElementDefinition : aucune StructureDefinition n'est échangée dans ces flux";

const fn n(
    key: &'static str,
    applies_to: &'static str,
    reason_en: &'static str,
    reason_fr: &'static str,
) -> NotEvaluated {
    NotEvaluated { key, applies_to, reason_en, reason_fr }
}

/// The keys of the definitions knowingly not evaluated, with why.
pub static NOT_EVALUATED: &[NotEvaluated] = &[
    n(
        "dom-6",
        "DomainResource (warning)",
        "a best practice (a narrative in text.div), not a conformance rule: SAS exchanges are machine to machine and carry no narrative by design, so it would add one warning per resource and bury the findings",
        "une bonne pratique (un narratif dans text.div), pas une règle de conformité : les échanges SAS sont de machine à machine et n'ont pas de narratif par construction ; elle ajouterait un avertissement par ressource et noierait les constats",
    ),
    n(
        "txt-1",
        "Narrative.div",
        "the XHTML content rules (allowed elements and attributes) need an XHTML parser",
        "les règles de contenu XHTML (éléments et attributs permis) demandent un analyseur XHTML",
    ),
    n(
        "rng-2",
        "Range",
        "low <= high compares the values of low and high, grandchildren the object's view does not carry",
        "low <= high compare les valeurs de low et high, petits-enfants que la vue de l'objet ne porte pas",
    ),
    n(
        "bdl-7",
        "Bundle",
        "fullUrl uniqueness (with resource.meta.versionId) needs every entry at once",
        "l'unicité des fullUrl (avec resource.meta.versionId) demande toutes les entrées à la fois",
    ),
    n("eld-1", "ElementDefinition.slicing", ELD_EN, ELD_FR),
    n("eld-2", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-3", "ElementDefinition.max", ELD_EN, ELD_FR),
    n("eld-4", "ElementDefinition.type", ELD_EN, ELD_FR),
    n("eld-5", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-6", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-7", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-8", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-11", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-12", "ElementDefinition.binding", ELD_EN, ELD_FR),
    n("eld-13", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-14", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-15", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-16", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-17", "ElementDefinition.type", ELD_EN, ELD_FR),
    n("eld-18", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-19", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-20", "ElementDefinition", ELD_EN, ELD_FR),
    n("eld-21", "ElementDefinition.constraint", ELD_EN, ELD_FR),
    n("eld-22", "ElementDefinition", ELD_EN, ELD_FR),
];

/// True when `key` is in [`EVALUATED`] (natively, possibly partly).
///
/// ```
/// use fr_fhir_core::conformance::invariants::is_evaluated;
/// assert!(is_evaluated("FINESS-invariant"));
/// assert!(!is_evaluated("rng-2") && !is_evaluated("no-such-key"));
/// ```
pub fn is_evaluated(key: &str) -> bool {
    EVALUATED.iter().any(|e| e.key == key)
}

/// The entry of `key` in [`EVALUATED`].
pub fn evaluated(key: &str) -> Option<&'static Evaluated> {
    EVALUATED.iter().find(|e| e.key == key)
}

/// The entry of `key` in [`NOT_EVALUATED`].
pub fn not_evaluated(key: &str) -> Option<&'static NotEvaluated> {
    NOT_EVALUATED.iter().find(|e| e.key == key)
}
