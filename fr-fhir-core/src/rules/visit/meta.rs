//! `meta.profile` visitor: RO1-META-001 on every resource (entries and the
//! resources they contain) and on the Bundle, RO1-CPTS-009 on each Slot.

use crate::model::Resource;
use crate::rules::cpts::ro1_cpts_009;
use crate::rules::meta::ro1_meta_001;
use crate::rules::{Emitter, Finish};

/// Per resource (entries and contained ones): the contained resources of an
/// entry are checked here too.
pub fn check_resource(res: &Resource<'_>, contained: bool, em: &mut Emitter<'_>) {
    ro1_meta_001::check_resource(res, contained, em);
    if let Resource::Slot(s) = res {
        ro1_cpts_009::check_slot(s, em);
    }
    if !contained {
        for c in res.contained() {
            check_resource(c, true, em);
        }
    }
}

/// The Bundle's own `meta.profile`.
pub fn check_bundle(f: &Finish<'_, '_>, em: &mut Emitter<'_>) {
    ro1_meta_001::check_bundle(f, em);
}
