//! Serialization helpers shared by every model.

use serde::ser::SerializeMap;

use super::de::Extras;

/// Writes the `_x` siblings and the raw elements of a model.
pub fn write_extras<M: SerializeMap>(map: &mut M, extras: &Extras<'_>) -> Result<(), M::Error> {
    for p in extras.prim_ext() {
        let mut key = String::with_capacity(p.name.len() + 1);
        key.push('_');
        key.push_str(p.name);
        map.serialize_entry(&key, &p.value)?;
    }
    for e in extras.raw() {
        match serde_json::from_str::<&serde_json::value::RawValue>(&e.json) {
            Ok(v) => map.serialize_entry(e.name.as_str(), v)?,
            Err(_) => map.serialize_entry(e.name.as_str(), e.json.as_str())?,
        }
    }
    Ok(())
}
