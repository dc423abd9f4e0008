//! The rules of the INT_RO1 pack, one file per rule in the folder of its ID
//! prefix: the search request (`req`, `win`), the HTTP exchange (`http`,
//! `body`, `flow`, `oo`, `nfr`), the capture file (`har`) and the body rules that need the request
//! (`bundle`, `pract`, `ref`, `sos`). The rules of the other SAS flows are
//! in their packs (`int-r02`: `regul`, `int-r03`: `appt`).

use fr_fhir_core::finding::RuleMeta;

pub mod body;
pub mod bundle;
pub mod flow;
pub mod har;
pub mod http;
pub mod nfr;
pub mod oo;
pub mod pract;
pub mod r#ref;
pub mod req;
pub mod sos;
pub mod support;
pub mod visit;
pub mod win;

/// The folders of the rules this pack checks.
pub static CHECKED: &[&[&RuleMeta]] = &[
    req::RULES,
    http::RULES,
    body::RULES,
    flow::RULES,
    har::RULES,
    bundle::RULES,
    pract::RULES,
    sos::RULES,
    r#ref::RULES,
    win::RULES,
    oo::RULES,
];

/// Rules of the catalogue declared here and not checked yet.
pub static PLANNED: &[&[&RuleMeta]] = &[nfr::PLANNED];
