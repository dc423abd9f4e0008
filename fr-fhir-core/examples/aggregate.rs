//! Prints each slot of a searchset with its practitioner and place.
//! `cargo run -p fr-fhir-core --example aggregate -- examples/valid/ps-two-practitioners.json`
#![allow(missing_docs)]

use fr_fhir_core::model::{Resource, parse_resource};
use fr_fhir_core::view::SearchsetView;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: aggregate FILE")?;
    let src = std::fs::read_to_string(path)?;
    let (Resource::Bundle(bundle), _) = parse_resource(&src)? else {
        return Err("not a Bundle".into());
    };
    let view = SearchsetView::new(&bundle);
    for s in view.free_slots() {
        let start = s.slot.start.as_ref().map_or("?", |t| t.as_str());
        let name = s.location.and_then(|l| l.name.as_ref()).map_or("?", |n| n.as_str());
        let cp = s.location.and_then(|l| l.address.as_ref()?.postal_code.as_ref());
        let (cp, rpps) = (cp.map_or("?", |c| c.as_str()), s.rpps().unwrap_or("-"));
        println!("{start} RPPS {rpps} {name} {cp}");
    }
    for u in view.unresolved() {
        eprintln!("{u}");
    }
    Ok(())
}
