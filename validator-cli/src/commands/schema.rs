//! `sas-validate schema`: JSON Schemas derived from the output types and the models.

use std::io::{self, Write};

use fr_fhir_core::finding::RuleMeta;

use crate::cli::SchemaKind;
use crate::render::json::Report;

/// Prints the schema of `kind`.
pub fn print(out: &mut dyn Write, kind: SchemaKind) -> io::Result<()> {
    let schema = match kind {
        SchemaKind::Report => schemars::schema_for!(Report),
        SchemaKind::Rules => schemars::schema_for!(Vec<RuleMeta>),
        SchemaKind::Bundle => schemars::schema_for!(fr_fhir_core::model::Bundle<'static>),
        SchemaKind::OperationOutcome => {
            schemars::schema_for!(fr_fhir_core::model::OperationOutcome<'static>)
        }
    };
    serde_json::to_writer_pretty(&mut *out, &schema)?;
    writeln!(out)
}
