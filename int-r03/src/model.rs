//! The Appointment of INT_R03 as its rules read it: a typed, zero-copy view
//! (the core models keep Appointment raw), read with the project's pull
//! reader and the core datatype models, every element with its span.
//!
//! ```
//! use int_r03::model::Appointment;
//! let src = r#"{"resourceType":"Appointment","status":"booked","identifier":[{"system":"urn:oid:1.2","value":"a1"}],
//!   "participant":[{"status":"accepted"}]}"#;
//! let a = Appointment::read(src, 0).unwrap();
//! assert_eq!(a.status.as_ref().map(|s| s.as_str()), Some("booked"));
//! assert_eq!(a.identifier.len(), 1);
//! assert_eq!(a.participant[0].status.as_ref().map(|s| s.as_str()), Some("accepted"));
//! ```

use fr_fhir_core::json::{JsonError, Kind, Reader, Span};
use fr_fhir_core::model::de::Field;
use fr_fhir_core::model::{
    Code, Cx, DateTime, Extension, FhirString, Identifier, Instant, Meta, Reference,
};

/// URL of the operator extension (the regulator who booked).
pub const OPERATOR_URL: &str =
    "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator";
/// URL of the 1.2.0 extension giving the orientation category.
pub const CATEGORIE_ORIENTATION_URL: &str =
    "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-categorie-orientation";

/// One `Appointment.participant`.
///
/// ```
/// use int_r03::model::Appointment;
/// let a = Appointment::read(r#"{"resourceType":"Appointment","participant":[{"status":"accepted"}]}"#, 0).unwrap();
/// assert_eq!(a.participant[0].status.as_ref().map(|s| s.as_str()), Some("accepted"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Participant<'a> {
    /// The participant object.
    pub span: Span,
    /// `actor`.
    pub actor: Option<Reference<'a>>,
    /// `status`.
    pub status: Option<Code<'a>>,
}

/// An Appointment (FrAppointmentSAS or sas-sos-appointment).
///
/// ```
/// use int_r03::model::Appointment;
/// let a = Appointment::read(r#"{"resourceType":"Appointment","identifier":[{"system":"urn:oid:1.2","value":"rdv-1"}]}"#, 0).unwrap();
/// assert_eq!(a.key(), Some(("urn:oid:1.2", "rdv-1")));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Appointment<'a> {
    /// The resource object.
    pub span: Span,
    /// `meta`.
    pub meta: Option<Meta<'a>>,
    /// `extension`.
    pub extension: Vec<Extension<'a>>,
    /// `identifier`.
    pub identifier: Vec<Identifier<'a>>,
    /// `status`.
    pub status: Option<Code<'a>>,
    /// `start`.
    pub start: Option<Instant<'a>>,
    /// `end`.
    pub end: Option<Instant<'a>>,
    /// `created`.
    pub created: Option<DateTime<'a>>,
    /// `participant`.
    pub participant: Vec<Participant<'a>>,
    /// `description` (kept for builders and messages).
    pub description: Option<FhirString<'a>>,
}

impl<'a> Appointment<'a> {
    /// Reads the Appointment object starting at byte `at` of `src`. The
    /// reader's notes (wrong JSON types, unknown elements) are the engine's
    /// to report: they are dropped here.
    pub fn read(src: &'a str, at: usize) -> Result<Appointment<'a>, JsonError> {
        let mut r = Reader::at(src, at);
        let mut cx = Cx::default();
        let mut out = Appointment::default();
        if r.peek()? != Kind::Object {
            return Ok(out);
        }
        let mut obj = r.object()?;
        let start = obj.start();
        while let Some((key, _)) = r.next_key(&mut obj)? {
            match &*key {
                "meta" => out.meta.read_field("meta", &mut r, &mut cx)?,
                "extension" => out.extension.read_field("extension", &mut r, &mut cx)?,
                "identifier" => out.identifier.read_field("identifier", &mut r, &mut cx)?,
                "status" => out.status.read_field("status", &mut r, &mut cx)?,
                "start" => out.start.read_field("start", &mut r, &mut cx)?,
                "end" => out.end.read_field("end", &mut r, &mut cx)?,
                "created" => out.created.read_field("created", &mut r, &mut cx)?,
                "description" => out.description.read_field("description", &mut r, &mut cx)?,
                "participant" => out.participant = read_participants(&mut r, &mut cx)?,
                _ => {
                    r.skip_value()?;
                }
            }
        }
        out.span = Span::new(start, r.pos32());
        Ok(out)
    }

    /// The profiles it declares.
    pub fn profiles(&self) -> impl Iterator<Item = &str> {
        self.meta.iter().flat_map(|m| m.profile.iter()).map(|p| p.as_str())
    }

    /// The operator extensions (the profile wants exactly one).
    pub fn operators(&self) -> impl Iterator<Item = &Extension<'a>> {
        self.extension.iter().filter(|e| e.url.as_ref().is_some_and(|u| u.as_str() == OPERATOR_URL))
    }

    /// `system|value` of its single identifier, when complete.
    pub fn key(&self) -> Option<(&str, &str)> {
        let id = self.identifier.first()?;
        Some((id.system.as_ref()?.as_str(), id.value.as_ref()?.as_str()))
    }
}

fn read_participants<'a>(
    r: &mut Reader<'a>,
    cx: &mut Cx<'a>,
) -> Result<Vec<Participant<'a>>, JsonError> {
    let mut out = Vec::new();
    if r.peek()? != Kind::Array {
        r.skip_value()?;
        return Ok(out);
    }
    let mut arr = r.array()?;
    while r.next_item(&mut arr)?.is_some() {
        if r.peek()? != Kind::Object {
            r.skip_value()?;
            continue;
        }
        let mut obj = r.object()?;
        let start = obj.start();
        let mut p = Participant::default();
        while let Some((key, _)) = r.next_key(&mut obj)? {
            match &*key {
                "actor" => p.actor.read_field("actor", r, cx)?,
                "status" => p.status.read_field("status", r, cx)?,
                _ => {
                    r.skip_value()?;
                }
            }
        }
        p.span = Span::new(start, r.pos32());
        out.push(p);
    }
    Ok(out)
}
