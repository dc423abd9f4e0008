//! Visits every Identifier of a resource for the RO1-ID-* rules.
//!
//! Every Identifier of a resource is visited (contained resources, logical
//! references such as `PractitionerRole.organization.identifier` and
//! extension values included). These rules judge the identifier alone; the
//! resource rules (RO1-PRACT-004, RO1-ROLE-006, RO1-CPTS-005, RO1-SOS-004)
//! judge what the resource expects, so both may report the same value
//! (examples/README.md: "distinct findings").
//!
//! Which value rules apply is decided by the national kind of the identifier
//! (`id::national_kind`); each value rule then looks at the
//! national prefix it knows.

use crate::model::{Identifier, Resource, Visitor, Walk};
use crate::rules::Emitter;
use crate::rules::id::ro1_id_001;
use crate::rules::id::ro1_id_002;
use crate::rules::id::ro1_id_003;
use crate::rules::id::ro1_id_004;
use crate::rules::id::ro1_id_005;
use crate::rules::id::ro1_id_006;
use crate::rules::id::ro1_id_007;
use crate::rules::id::ro1_id_008;
use crate::rules::id::ro1_id_009;
use crate::rules::id::ro1_id_010;
use crate::rules::id::{Kind, national_kind};

/// Checks every identifier of a resource (contained ones included).
pub fn check_resource(res: &Resource<'_>, em: &mut Emitter<'_>) {
    res.walk(&mut IdVisitor { em });
}

struct IdVisitor<'e, 'o> {
    em: &'e mut Emitter<'o>,
}

impl<'a> Visitor<'a> for IdVisitor<'_, '_> {
    fn identifier(&mut self, id: &Identifier<'a>) {
        check_identifier(id, self.em);
    }
}

/// One identifier: the system/type agreement, then the value rules of its
/// national kind. A value matches the prefix of at most one of them.
fn check_identifier(id: &Identifier<'_>, em: &mut Emitter<'_>) {
    ro1_id_001::check(id, em);
    let Some(value) = &id.value else { return };
    let (v, span) = (value.as_str(), value.span);
    match national_kind(id) {
        Some(Kind::Idnps) => {
            ro1_id_002::check_idnps(v, span, em);
            ro1_id_003::check_idnps(v, span, em);
            ro1_id_004::check_idnps(v, span, em);
            ro1_id_010::check_idnps(v, span, em);
        }
        Some(Kind::Idnst) => {
            ro1_id_005::check_idnst(v, span, em);
            ro1_id_006::check_idnst(v, span, em);
            ro1_id_007::check_idnst(v, span, em);
            ro1_id_008::check_idnst(v, span, em);
            ro1_id_009::check_idnst(v, span, em);
            ro1_id_010::check_idnst(v, span, em);
        }
        None => {}
    }
}
