//! The subcommands: `rules`, `explain`, `completions`, `schema`, `lsp`.

pub mod completions;
pub mod explain;
pub mod lsp;
pub mod rules;
pub mod schema;
