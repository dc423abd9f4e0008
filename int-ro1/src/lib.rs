//! int-ro1: the SAS INT_RO1 slot-search exchange contract: the search
//! request, the request-dependent response rules, the HTTP response rules,
//! and captured exchanges (HAR files and plain body files).
pub mod request;
