//! The subcommands: `rules`, `explain`, `completions`, `schema`.

pub mod completions;
pub mod explain;
pub mod rules;
pub mod schema;
