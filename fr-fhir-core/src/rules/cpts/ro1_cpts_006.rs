//! RO1-CPTS-006 `cpts-organization-name-telecom`.
//!
//! The CPTS Organization has a name and a telecom.

use crate::finding::{RuleDoc, RuleMeta, Severity};
use crate::model::Organization;
use crate::rules::support::presence::missing;
use crate::rules::{Emitter, EntryCx, Scope};

/// RO1-CPTS-006 `cpts-organization-name-telecom`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-CPTS-006",
    name: "cpts-organization-name-telecom",
    severity: Severity::Warning,
    scope: Scope::CPTS,
    source: "sas-cpts-organization-aggregator MS — https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition-sas-cpts-organization-aggregator.html",
    summary_fr: "L'Organization CPTS a un name et un telecom.",
    summary_en: "The CPTS Organization has a name and a telecom.",
    doc: RuleDoc {
        what_fr: "Avertit quand une Organization CPTS n'a pas de name ou pas de telecom.",
        why_fr: "Éléments must-support de sas-cpts-organization-aggregator, vérifiés par le groupe facultatif du kit (orga_optionnel_group). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "{\"resourceType\":\"Organization\",\"identifier\":[…]}",
        fix_fr: "Renseignez le nom de la CPTS et son téléphone.",
        what_en: "Warns when a CPTS Organization has no name or no telecom.",
        why_en: "Must-support elements of sas-cpts-organization-aggregator, checked by the kit's optional group (orga_optionnel_group). Official ANS kit: checked by a dedicated assertion.",
        example_en: "{\"resourceType\":\"Organization\",\"identifier\":[…]}",
        fix_en: "Fill in the CPTS name and phone number.",
    },
};

/// The CPTS Organization has its must-support name and telecom.
pub(crate) fn check_organization(o: &Organization<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    let absent = [
        (
            o.name.is_none(),
            "name",
            "Organization CPTS sans name (élément must-support, affiché par le SAS)",
            "CPTS Organization without a name (must-support element, shown by the SAS)",
        ),
        (
            o.telecom.is_empty(),
            "telecom",
            "Organization CPTS sans telecom (élément must-support : le téléphone de la CPTS)",
            "CPTS Organization without a telecom (must-support element: the CPTS phone number)",
        ),
    ];
    for (_, child, fr, en) in absent.into_iter().filter(|a| a.0) {
        missing(em, e.src, Scope::CPTS, &RULE, None, o.span, child, fr.into(), en.into());
    }
}
