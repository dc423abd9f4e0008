//! The rule set of a regulator account: which REGUL rule runs on what and
//! the profile of a Practitioner without `meta.profile`.

use fr_fhir_core::engine::{Emitter, EntryCx, Finish, RuleSet, Scope, UseCase};
use fr_fhir_core::finding::RuleMeta;
use fr_fhir_core::model::{Cx, Resource};
use fr_fhir_core::rules::SLOT_SEARCH_BODY;

use super::regul::{ro1_regul_001, ro1_regul_002, ro1_regul_003};

/// Canonical of FrPractitionerRegul.
pub const PROFILE: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul";

/// The REGUL body rules.
///
/// ```
/// use fr_fhir_core::engine::Options;
/// // What `int_r02::validate_body` runs, for a caller of the engine.
/// let report = fr_fhir_core::engine::run("{\"resourceType\":\"Practitioner\"}", &Options::default(), &int_r02::rules::REGUL_BODY, &mut []).unwrap();
/// assert!(!report.findings.is_empty());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RegulRules;

/// The rule set of a regulator account.
pub static REGUL_BODY: RegulRules = RegulRules;

impl RuleSet for RegulRules {
    fn check_entry(&self, _e: &EntryCx<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_bundle(&self, _f: &Finish<'_, '_>, _em: &mut Emitter<'_>) {}

    fn check_root(&self, res: Option<&Resource<'_>>, _src: &str, em: &mut Emitter<'_>) {
        match res {
            Some(Resource::Practitioner(p)) => {
                ro1_regul_001::check(p, em);
                ro1_regul_002::check(p, em);
                ro1_regul_003::check(p, em);
            }
            // An OperationOutcome (a refusal) is read with the core's rules.
            Some(Resource::OperationOutcome(_)) => SLOT_SEARCH_BODY.check_root(res, _src, em),
            Some(other) => ro1_regul_003::not_a_practitioner(other, em),
            None => {}
        }
    }

    fn check_notes(&self, cx: &Cx, em: &mut Emitter<'_>) {
        SLOT_SEARCH_BODY.check_notes(cx, em);
    }

    fn is_generic(&self, rule: &RuleMeta) -> bool {
        SLOT_SEARCH_BODY.is_generic(rule)
    }

    fn wrong_type_rule(&self) -> Option<&'static RuleMeta> {
        SLOT_SEARCH_BODY.wrong_type_rule()
    }

    fn use_case_of_profile(&self, url: &str) -> Option<UseCase> {
        (url == PROFILE).then_some(UseCase::REGUL)
    }

    fn profile_for(&self, rtype: &str, _uc: UseCase) -> Option<&'static str> {
        (rtype == "Practitioner").then_some(PROFILE)
    }

    fn use_cases(&self) -> Scope {
        Scope::REGUL
    }

    fn default_use_case(&self) -> UseCase {
        UseCase::REGUL
    }
}
