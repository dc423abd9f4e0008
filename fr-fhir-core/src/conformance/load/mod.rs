//! Reading conformance resources at run time: a StructureDefinition, ValueSet
//! or CodeSystem JSON into tables, and an IG package (`.tgz` as published or
//! an unpacked folder) into a [`super::Definitions`] overlay.
