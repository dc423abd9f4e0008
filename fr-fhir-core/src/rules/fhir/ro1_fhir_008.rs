//! RO1-FHIR-008 `extension-url-and-value`.
//!
//! Every Extension has a url and exactly one of value\[x\] or nested extensions (ext-1); an unknown modifierExtension is an error.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::{BundleEntry, Extension, Identifier, Resource, Visitor, Walk};
use crate::rules::{Emitter, Scope, quote};

/// RO1-FHIR-008 `extension-url-and-value`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-FHIR-008",
    name: "extension-url-and-value",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "FHIR R4 ext-1, modifier rules",
    summary_fr: "Chaque Extension a une url et exactement l'un de value[x] ou d'extensions imbriquées (ext-1) ; un modifierExtension inconnu est une erreur.",
    summary_en: "Every Extension has a url and exactly one of value[x] or nested extensions (ext-1); an unknown modifierExtension is an error.",
    doc: RuleDoc {
        what_fr: "Vérifie que chaque extension porte url et soit une valeur value[x], soit des sous-extensions, mais pas les deux ni aucune ; un modifierExtension que le validateur ne connaît pas est signalé, car il change le sens de la ressource et ne peut pas être ignoré.",
        why_fr: "Invariant ext-1 et règles des modifierExtension de FHIR R4. Kit officiel ANS : vérifié seulement via le validateur HL7.",
        example_fr: "{\"serviceType\":[{\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\"}]}]}",
        fix_fr: "Ajoutez la valeur attendue (ici valueReference) à l'extension, ou retirez l'extension.",
        what_en: "Checks that every extension carries url and either a value[x] or sub-extensions, but not both and not neither; a modifierExtension the validator does not know is reported, because it changes the meaning of the resource and cannot be ignored.",
        why_en: "FHIR R4 invariant ext-1 and modifierExtension rules. Official ANS kit: checked only through the HL7 validator.",
        example_en: "{\"serviceType\":[{\"extension\":[{\"url\":\"http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType\"}]}]}",
        fix_en: "Add the expected value (here valueReference) to the extension, or remove the extension.",
    },
};

/// The modifier extensions of a Bundle entry and of its backbone elements.
pub(crate) fn check_entry_modifiers(entry: &BundleEntry<'_>, em: &mut Emitter<'_>) {
    modifiers(&entry.modifier_extension, em);
    if let Some(s) = &entry.search {
        modifiers(&s.modifier_extension, em);
    }
    if let Some(r) = &entry.request {
        modifiers(&r.modifier_extension, em);
    }
    if let Some(r) = &entry.response {
        modifiers(&r.modifier_extension, em);
    }
}

/// ext-1 and `url` on every extension of a resource, contained ones included.
/// Returns whether the walk met an Identifier anywhere in the resource.
pub(crate) fn check_extensions(res: &Resource<'_>, em: &mut Emitter<'_>) -> bool {
    let mut check = ExtensionCheck { em, identifiers: false };
    res.walk(&mut check);
    check.identifiers
}

/// The modifier extensions of a resource and of its backbone elements.
pub(crate) fn check_modifiers(res: &Resource<'_>, em: &mut Emitter<'_>) {
    match res {
        Resource::Slot(x) => modifiers(&x.modifier_extension, em),
        Resource::Schedule(x) => modifiers(&x.modifier_extension, em),
        Resource::Practitioner(x) => modifiers(&x.modifier_extension, em),
        Resource::PractitionerRole(x) => modifiers(&x.modifier_extension, em),
        Resource::Location(x) => {
            let inner = x.hours_of_operation.iter().map(|h| &h.modifier_extension);
            with_backbone(&x.modifier_extension, inner, em);
        }
        Resource::Organization(x) => modifiers(&x.modifier_extension, em),
        Resource::HealthcareService(x) => modifiers(&x.modifier_extension, em),
        Resource::OperationOutcome(x) => {
            with_backbone(&x.modifier_extension, x.issue.iter().map(|i| &i.modifier_extension), em);
        }
        Resource::Bundle(_) | Resource::Other(_) => {}
    }
}

/// The modifier extensions of a resource, then those of each of its
/// backbone elements.
fn with_backbone<'x, 'a: 'x>(
    own: &'x [Extension<'a>],
    backbone: impl Iterator<Item = &'x Vec<Extension<'a>>>,
    em: &mut Emitter<'_>,
) {
    modifiers(own, em);
    for b in backbone {
        modifiers(b, em);
    }
}

/// No modifier extension is known to the SAS profiles: none can be ignored.
#[inline]
fn modifiers(exts: &[Extension<'_>], em: &mut Emitter<'_>) {
    // Nearly always empty: the test is inlined, the reporting is not.
    if !exts.is_empty() {
        report_modifiers(exts, em);
    }
}

fn report_modifiers(exts: &[Extension<'_>], em: &mut Emitter<'_>) {
    for x in exts {
        let q = quote(x.url.as_ref().map_or("", |u| u.as_str()));
        em.at(
            Scope::ALL,
            &RULE,
            x.span,
            format!("modifierExtension {q} inconnue : elle change le sens de la ressource et ne peut pas être ignorée"),
            format!("unknown modifierExtension {q}: it changes the meaning of the resource and cannot be ignored"),
        );
    }
}

/// ext-1 on every extension met by the walk.
struct ExtensionCheck<'e, 'o> {
    em: &'e mut Emitter<'o>,
    /// The walk met an Identifier: the RO1-ID-* walk has something to see
    /// (most resources have none, and their second walk is skipped).
    identifiers: bool,
}

impl<'a> Visitor<'a> for ExtensionCheck<'_, '_> {
    fn identifier(&mut self, _i: &Identifier<'a>) {
        self.identifiers = true;
    }

    fn extension(&mut self, x: &Extension<'a>) {
        if x.url.is_none() {
            self.em.missing(
                Scope::ALL,
                &RULE,
                x.span,
                "url",
                "extension sans `url`".into(),
                "extension without `url`".into(),
            );
        }
        let url = x.url.as_ref().map_or("", |u| u.as_str());
        // An unknown `valueXxx` is kept raw (and reported by RO1-FHIR-002).
        let value = x.value.is_some() || x.extras.raw().iter().any(|r| r.name.starts_with("value"));
        match (value, x.extension.is_empty()) {
            (true, false) => self.em.at(
                Scope::ALL,
                &RULE,
                x.span,
                format!(
                    "ext-1 : l'extension {} a à la fois une valeur et des sous-extensions",
                    quote(url)
                ),
                format!("ext-1: extension {} has both a value and sub-extensions", quote(url)),
            ),
            (false, true) => self.em.at(
                Scope::ALL,
                &RULE,
                x.span,
                format!(
                    "ext-1 : l'extension {} n'a ni valeur (`value[x]`) ni sous-extension",
                    quote(url)
                ),
                format!(
                    "ext-1: extension {} has neither a value (`value[x]`) nor sub-extensions",
                    quote(url)
                ),
            ),
            _ => {}
        }
    }
}
