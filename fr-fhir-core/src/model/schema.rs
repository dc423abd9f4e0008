//! JSON Schema of the models (feature `schemars`), for tools that want to
//! check or document the JSON this crate reads and writes. The schemas
//! describe FHIR JSON (element names, JSON kinds of primitives); they are
//! generated from the same declarations as the readers.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{Extension, Prim, PrimitiveType, Resource};
use crate::json::Kind;

impl<K: PrimitiveType> JsonSchema for Prim<'_, K> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed(K::KIND.name())
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_g: &mut SchemaGenerator) -> Schema {
        let desc = format!("FHIR {}", K::KIND.name());
        match K::JSON {
            Kind::Bool => json_schema!({ "type": "boolean", "description": desc }),
            Kind::Number => json_schema!({ "type": "number", "description": desc }),
            _ => json_schema!({ "type": "string", "minLength": 1, "description": desc }),
        }
    }
}

impl JsonSchema for Extension<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Extension")
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let nested = g.subschema_for::<Vec<Extension<'_>>>();
        json_schema!({
            "type": "object",
            "description": "FHIR Extension: url plus one value[x] or nested extensions",
            "properties": {
                "id": { "type": "string" },
                "url": { "type": "string" },
                "extension": nested,
            },
            "patternProperties": { "^value[A-Z]": {} },
            "required": ["url"],
        })
    }
}

impl JsonSchema for Resource<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Resource")
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let any = json_schema!({
            "type": "object",
            "required": ["resourceType"],
            "properties": { "resourceType": { "type": "string" } },
        });
        json_schema!({
            "anyOf": [
                g.subschema_for::<super::Slot<'_>>(),
                g.subschema_for::<super::Schedule<'_>>(),
                g.subschema_for::<super::Practitioner<'_>>(),
                g.subschema_for::<super::PractitionerRole<'_>>(),
                g.subschema_for::<super::Location<'_>>(),
                g.subschema_for::<super::Organization<'_>>(),
                g.subschema_for::<super::HealthcareService<'_>>(),
                g.subschema_for::<super::OperationOutcome<'_>>(),
                g.subschema_for::<super::Bundle<'_>>(),
                any,
            ]
        })
    }
}

impl JsonSchema for super::Bundle<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Bundle")
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "required": ["resourceType"],
            "properties": {
                "resourceType": { "const": "Bundle" },
                "id": g.subschema_for::<super::Id<'_>>(),
                "meta": g.subschema_for::<super::Meta<'_>>(),
                "type": g.subschema_for::<super::Code<'_>>(),
                "timestamp": g.subschema_for::<super::Instant<'_>>(),
                "total": g.subschema_for::<super::UnsignedInt<'_>>(),
                "link": g.subschema_for::<Vec<super::BundleLink<'_>>>(),
                "entry": g.subschema_for::<Vec<super::BundleEntry<'_>>>(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slot_schema_names_json_elements() {
        let s = schemars::schema_for!(crate::model::Slot<'static>);
        let v = s.as_value();
        assert_eq!(v["properties"]["resourceType"]["const"], "Slot");
        assert!(v["properties"].get("appointmentType").is_some());
        assert!(v["properties"].get("appointment_type").is_none());
        let b = schemars::schema_for!(crate::model::Bundle<'static>);
        assert!(b.as_value()["properties"].get("entry").is_some());
    }
}
