//! The structural validator: one streaming walk of a resource's JSON against
//! a [`super::table::StructureTable`] (a profile or a base definition).
