//! Slot rules: RO1-SLOT-*, and the CPTS rules on Slot (RO1-CPTS-001/002/008).
//!
//! RO1-SLOT-006 (the Schedule reference resolves) is a cross-resource rule
//! of [`super::graph`]. Rules whose reading differs per use case emit one
//! finding per scope (SLOT-007, SLOT-008/009): the engine keeps the one of
//! the use case finally detected.

use crate::finding::{RuleMeta, Severity};
use crate::json::Span;
use crate::model::{CodeableConcept, Coding, Extension, Instant, Slot, Value};
use crate::primitives::{SasInstantError, check_sas_instant, parse_instant};
use crate::rules::cpts::ro1_cpts_001;
use crate::rules::cpts::ro1_cpts_002;
use crate::rules::cpts::ro1_cpts_008;
use crate::rules::slot::ro1_slot_001;
use crate::rules::slot::ro1_slot_002;
use crate::rules::slot::ro1_slot_003;
use crate::rules::slot::ro1_slot_004;
use crate::rules::slot::ro1_slot_005;
use crate::rules::slot::ro1_slot_007;
use crate::rules::slot::ro1_slot_008;
use crate::rules::slot::ro1_slot_009;
use crate::rules::slot::ro1_slot_010;
use crate::rules::slot::ro1_slot_011;
use crate::rules::slot::ro1_slot_012;
use crate::rules::slot::ro1_slot_013;
use crate::rules::slot::ro1_slot_014;
use crate::rules::slot::ro1_slot_015;
use crate::rules::slot::ro1_slot_016;
use crate::rules::slot::ro1_slot_017;
use crate::rules::support::presence::{missing, written};
use crate::rules::support::specialties::check_specialties;
use crate::rules::support::terminology::{self as term, is_tre_r66_like};
use crate::rules::{Emitter, EntryCx, Scope, quote};

/// The catalogue rules this family implements.
pub const RULES: &[&RuleMeta] = &[
    &ro1_slot_001::RULE,
    &ro1_slot_002::RULE,
    &ro1_slot_003::RULE,
    &ro1_slot_004::RULE,
    &ro1_slot_005::RULE,
    &ro1_slot_007::RULE,
    &ro1_slot_008::RULE,
    &ro1_slot_009::RULE,
    &ro1_slot_010::RULE,
    &ro1_slot_011::RULE,
    &ro1_slot_012::RULE,
    &ro1_slot_013::RULE,
    &ro1_slot_014::RULE,
    &ro1_slot_015::RULE,
    &ro1_slot_016::RULE,
    &ro1_slot_017::RULE,
    &ro1_cpts_001::RULE,
    &ro1_cpts_002::RULE,
    &ro1_cpts_008::RULE,
];

/// Checks one Slot.
pub fn check(s: &Slot<'_>, e: &EntryCx<'_, '_>, em: &mut Emitter<'_>) {
    status(s, e.src, em);
    dates(s, e.src, em);
    security(s, e.src, em);
    service_types(s, em);
    check_specialties(&s.specialty, &ro1_slot_012::RULE, "Slot", em);
    appointment(s, e.src, em);
    fr_core(s, em);
    cpts(s, e.src, em);
}

fn status(s: &Slot<'_>, src: &str, em: &mut Emitter<'_>) {
    match &s.status {
        Some(st) if st == "free" => {}
        Some(st) => em.at(
            Scope::ALL,
            &ro1_slot_001::RULE,
            st.span,
            format!(
                "Slot.status vaut {} : seuls les créneaux libres (`free`) sont transmis",
                quote(st.as_str())
            ),
            format!("Slot.status is {}: only free slots (`free`) may be sent", quote(st.as_str())),
        ),
        None => missing(
            em,
            src,
            Scope::ALL,
            &ro1_slot_001::RULE,
            None,
            s.span,
            "status",
            "Slot.status est absent : attendu `free`".into(),
            "Slot.status is missing: expected `free`".into(),
        ),
    }
}

fn dates(s: &Slot<'_>, src: &str, em: &mut Emitter<'_>) {
    let start = instant(s.start.as_ref(), "start", s.span, src, em);
    let end = instant(s.end.as_ref(), "end", s.span, src, em);
    if let (Some(a), Some(b)) = (start, end)
        && !is_before(a, b)
    {
        let (sa, sb) = (a.value, b.value);
        let (qa, qb) = (quote(sa.as_str()), quote(sb.as_str()));
        em.at(
            Scope::ALL,
            &ro1_slot_005::RULE,
            sb.span,
            format!("Slot.end {qb} n'est pas postérieur à Slot.start {qa}"),
            format!("Slot.end {qb} is not after Slot.start {qa}"),
        );
    }
    if let (Some(now), Some(sa)) = (em.opts.now, start.map(|a| a.value))
        && parse_instant(sa.as_str()).is_ok_and(|a| a < now)
    {
        let (q, now) = (quote(sa.as_str()), now.to_rfc3339());
        em.at(
            Scope::ALL,
            &ro1_slot_017::RULE,
            sa.span,
            format!("Slot.start {q} est antérieur au moment de la réponse ({now}) : créneau déjà commencé"),
            format!("Slot.start {q} is earlier than the moment of the response ({now}): the slot has already started"),
        );
    }
}

/// A valid instant of a Slot, and whether it has the SAS form.
#[derive(Clone, Copy)]
struct Checked<'v, 'a> {
    value: &'v Instant<'a>,
    sas: bool,
}

/// `a < b` for two valid instants. Two values in the SAS form
/// (`YYYY-MM-DDThh:mm:ss.sss±hh:mm`, fixed width) with the same offset compare
/// as text, which spares two calendar parses per Slot on the usual path.
fn is_before(a: Checked<'_, '_>, b: Checked<'_, '_>) -> bool {
    let (ta, tb) = (a.value.as_str(), b.value.as_str());
    if a.sas && b.sas && ta.len() == tb.len() && ta.get(23..) == tb.get(23..) {
        return ta < tb;
    }
    match (parse_instant(ta), parse_instant(tb)) {
        (Ok(x), Ok(y)) => x < y,
        // Not comparable: RO1-SLOT-003 already reported the invalid one.
        _ => true,
    }
}

/// Checks one of start/end; returns it when it is a valid FHIR instant.
fn instant<'v, 'a>(
    v: Option<&'v Instant<'a>>,
    name: &'static str,
    slot: Span,
    src: &str,
    em: &mut Emitter<'_>,
) -> Option<Checked<'v, 'a>> {
    let Some(v) = v else {
        missing(
            em,
            src,
            Scope::ALL,
            &ro1_slot_002::RULE,
            None,
            slot,
            name,
            format!("Slot.{name} est absent (obligatoire, 1..1)"),
            format!("Slot.{name} is missing (mandatory, 1..1)"),
        );
        return None;
    };
    let text = v.as_str();
    let sas = match check_sas_instant(text) {
        Ok(()) => true,
        Err(err @ SasInstantError::NotInstant(_)) => {
            let m = err.message_with_value(text);
            em.at(
                Scope::ALL,
                &ro1_slot_003::RULE,
                v.span,
                format!("Slot.{name} : {}", m.fr),
                format!("Slot.{name}: {}", m.en),
            );
            return None;
        }
        Err(err) => {
            let m = err.message_with_value(text);
            em.at(
                Scope::ALL,
                &ro1_slot_004::RULE,
                v.span,
                format!("Slot.{name} : {}", m.fr),
                format!("Slot.{name}: {}", m.en),
            );
            false
        }
    };
    Some(Checked { value: v, sas })
}

fn security(s: &Slot<'_>, src: &str, em: &mut Emitter<'_>) {
    const FR: &str = "Slot.meta.security est absent : au moins un type de créneau TRE_R314 (PUBLIC, PRO, SNP, CPTS) est attendu";
    const EN: &str = "Slot.meta.security is missing: at least one TRE_R314 slot type (PUBLIC, PRO, SNP, CPTS) is expected";
    let Some(meta) = &s.meta else {
        if em.is_clean(s.span) || !written(src, s.span, "meta") {
            em.missing(
                Scope::ALL,
                &ro1_slot_007::RULE,
                s.span,
                "meta.security",
                FR.into(),
                EN.into(),
            );
        }
        return;
    };
    if meta.security.is_empty() {
        missing(
            em,
            src,
            Scope::ALL,
            &ro1_slot_007::RULE,
            None,
            meta.span,
            "security",
            FR.into(),
            EN.into(),
        );
    }
    for c in &meta.security {
        let Some(sys) = &c.system else {
            missing(
                em,
                src,
                Scope::ALL,
                &ro1_slot_007::RULE,
                None,
                c.span,
                "system",
                format!("type de créneau sans système : attendu {}", term::TRE_R314),
                format!("slot type without a system: expected {}", term::TRE_R314),
            );
            continue;
        };
        if sys != term::TRE_R314 {
            em.at(
                Scope::ALL,
                &ro1_slot_007::RULE,
                sys.span,
                format!(
                    "système de type de créneau {} : attendu {}",
                    quote(sys.as_str()),
                    term::TRE_R314
                ),
                format!("slot type system {}: expected {}", quote(sys.as_str()), term::TRE_R314),
            );
            continue;
        }
        let Some(code) = &c.code else {
            missing(
                em,
                src,
                Scope::ALL,
                &ro1_slot_007::RULE,
                None,
                c.span,
                "code",
                "type de créneau TRE_R314 sans code (PUBLIC, PRO, SNP, CPTS)".into(),
                "TRE_R314 slot type without a code (PUBLIC, PRO, SNP, CPTS)".into(),
            );
            continue;
        };
        security_code(code.as_str(), code.span, em);
    }
}

/// Allowed slot types: PS = JDV_J165 (PUBLIC, PRO, SNP; CPTS tolerated, AMB-15),
/// CPTS = PUBLIC, PRO, SNP, CPTS; SOS = PUBLIC, SNP.
fn security_code(code: &str, span: Span, em: &mut Emitter<'_>) {
    match code {
        "PUBLIC" | "SNP" => {}
        "PRO" => em.at(
            Scope::SOS,
            &ro1_slot_007::RULE,
            span,
            "type de créneau `PRO` non autorisé en SOS (sas-sos-valueset-typecreneau : PUBLIC, SNP)".into(),
            "slot type `PRO` is not allowed for SOS (sas-sos-valueset-typecreneau: PUBLIC, SNP)".into(),
        ),
        term::SLOT_TYPE_CPTS => {
            em.at_sev(
                Scope::PS,
                &ro1_slot_007::RULE,
                Severity::Warning,
                span,
                "type de créneau `CPTS` sur un Slot PS : accepté (JDV_J165 2024), mais un créneau ouvert aux CPTS relève du profil sas-cpts-slot-aggregator".into(),
                "slot type `CPTS` on a PS Slot: accepted (JDV_J165 2024), but a slot open to CPTS belongs to the sas-cpts-slot-aggregator profile".into(),
            );
            em.at(
                Scope::SOS,
                &ro1_slot_007::RULE,
                span,
                "type de créneau `CPTS` non autorisé en SOS (sas-sos-valueset-typecreneau : PUBLIC, SNP)".into(),
                "slot type `CPTS` is not allowed for SOS (sas-sos-valueset-typecreneau: PUBLIC, SNP)".into(),
            );
        }
        other => {
            let q = quote(other);
            for (scope, allowed) in [
                (Scope::PS, "PUBLIC, PRO, SNP"),
                (Scope::CPTS, "PUBLIC, PRO, SNP, CPTS"),
                (Scope::SOS, "PUBLIC, SNP"),
            ] {
                em.at(
                    scope,
                    &ro1_slot_007::RULE,
                    span,
                    format!("type de créneau {q} inconnu de TRE_R314 : attendu {allowed}"),
                    format!("slot type {q} is not a TRE_R314 code: expected {allowed}"),
                );
            }
        }
    }
}

/// A coding of the CPTS serviceType: TRE_R66 (any spelling of the system,
/// CPTS-002 reports non-canonical ones) or a bare `604`.
fn is_cpts_coding(c: &Coding<'_>) -> bool {
    match &c.system {
        Some(sys) => is_tre_r66_like(sys.as_str()),
        None => c.code.as_ref().is_some_and(|k| k == term::TRE_R66_CPTS),
    }
}

fn has_system(cc: &CodeableConcept<'_>, system: &str) -> bool {
    cc.coding.iter().any(|c| c.system.as_ref().is_some_and(|s| s == system))
}

fn is_r5_service_type(x: &Extension<'_>) -> bool {
    x.url.as_ref().is_some_and(|u| u == term::EXT_SLOT_SERVICE_TYPE_R5)
}

fn service_types(s: &Slot<'_>, em: &mut Emitter<'_>) {
    let mut consultation = false;
    for st in &s.service_type {
        for c in &st.coding {
            if c.system.as_ref().is_some_and(|sys| sys == term::V3_ACT_CODE) {
                consultation |= consultation_code(c, em);
            } else {
                other_service_coding(c, em);
            }
        }
        // The TypeConsultation slice forbids the extension (0..0).
        if has_system(st, term::V3_ACT_CODE) && !st.coding.iter().any(is_cpts_coding) {
            for x in st.extension.iter().filter(|x| is_r5_service_type(x)) {
                em.at(
                    Scope::CPTS,
                    &ro1_cpts_002::RULE,
                    x.span,
                    "extension serviceType R5 sur un type de consultation v3-ActCode : elle n'est permise que sur le serviceType TRE_R66 604".into(),
                    "R5 serviceType extension on a v3-ActCode consultation type: it belongs only on the TRE_R66 604 serviceType".into(),
                );
            }
        }
    }
    if !consultation {
        em.missing(
            Scope::ALL,
            &ro1_slot_010::RULE,
            s.span,
            "serviceType",
            "aucun serviceType ne porte de type de consultation v3-ActCode AMB, HH ou VR".into(),
            "no serviceType carries a v3-ActCode consultation type AMB, HH or VR".into(),
        );
    }
}

/// A v3-ActCode coding (TypeConsultation slice; SOS: sas-valueset-typeconsultation).
/// Returns true for AMB, HH, VR.
fn consultation_code(c: &Coding<'_>, em: &mut Emitter<'_>) -> bool {
    let Some(code) = &c.code else {
        for (scope, rule) in
            [(Scope::PS_CPTS, &ro1_slot_008::RULE), (Scope::SOS, &ro1_slot_009::RULE)]
        {
            em.missing(
                scope,
                rule,
                c.span,
                "code",
                "type de consultation v3-ActCode sans code : attendu AMB, HH ou VR".into(),
                "v3-ActCode consultation type without a code: expected AMB, HH or VR".into(),
            );
        }
        return false;
    };
    let k = code.as_str();
    if term::is_sas_consultation_code(k) {
        return true;
    }
    let q = quote(k);
    if term::is_act_encounter_code(k) {
        em.at_sev(
            Scope::PS_CPTS,
            &ro1_slot_008::RULE,
            Severity::Warning,
            code.span,
            format!("type de consultation {q} : ActEncounterCode valide mais non utilisé par le SAS (AMB, HH, VR)"),
            format!("consultation type {q}: a valid ActEncounterCode the SAS does not use (AMB, HH, VR)"),
        );
    } else {
        em.at(
            Scope::PS_CPTS,
            &ro1_slot_008::RULE,
            code.span,
            format!(
                "type de consultation {q} absent de v3-ActEncounterCode : attendu AMB, HH ou VR"
            ),
            format!("consultation type {q} is not in v3-ActEncounterCode: expected AMB, HH or VR"),
        );
    }
    em.at(
        Scope::SOS,
        &ro1_slot_009::RULE,
        code.span,
        format!("type de consultation {q} non autorisé en SOS : attendu AMB, HH ou VR"),
        format!("consultation type {q} is not allowed for SOS: expected AMB, HH or VR"),
    );
    false
}

/// A serviceType coding outside v3-ActCode: the CPTS coding, or a coded
/// visit reason (PS/CPTS: text only expected; SOS: forbidden).
fn other_service_coding(c: &Coding<'_>, em: &mut Emitter<'_>) {
    let sys = c.system.as_ref();
    let shown = sys.map_or_else(|| "(sans système)".to_string(), |s| quote(s.as_str()));
    let shown_en = sys.map_or_else(|| "(no system)".to_string(), |s| quote(s.as_str()));
    let span = sys.map_or(c.span, |s| s.span);
    em.at(
        Scope::SOS,
        &ro1_slot_009::RULE,
        span,
        format!("serviceType codé dans {shown} : en SOS, seuls les types v3-ActCode AMB, HH, VR sont permis"),
        format!("serviceType coded in {shown_en}: for SOS, only v3-ActCode AMB, HH, VR are allowed"),
    );
    if !is_cpts_coding(c) {
        em.at(
            Scope::PS_CPTS,
            &ro1_slot_011::RULE,
            span,
            format!("serviceType codé dans {shown} : un motif de consultation se transmet en texte seul (serviceType.text, sans coding)"),
            format!("serviceType coded in {shown_en}: a visit reason is sent as text only (serviceType.text, no coding)"),
        );
        return;
    }
    match (sys, &c.code) {
        (None, _) => em.missing(
            Scope::CPTS,
            &ro1_cpts_002::RULE,
            c.span,
            "system",
            format!("code CPTS `604` sans système : attendu {}", term::TRE_R66),
            format!("CPTS code `604` without a system: expected {}", term::TRE_R66),
        ),
        (Some(sys), _) if sys != term::TRE_R66 => em.at(
            Scope::CPTS,
            &ro1_cpts_002::RULE,
            sys.span,
            format!(
                "système TRE_R66 non canonique {} : attendu {}",
                quote(sys.as_str()),
                term::TRE_R66
            ),
            format!(
                "non-canonical TRE_R66 system {}: expected {}",
                quote(sys.as_str()),
                term::TRE_R66
            ),
        ),
        (Some(_), None) => em.missing(
            Scope::CPTS,
            &ro1_cpts_002::RULE,
            c.span,
            "code",
            "codage TRE_R66 sans code : attendu `604` (CPTS)".into(),
            "TRE_R66 coding without a code: expected `604` (CPTS)".into(),
        ),
        (Some(_), Some(code)) if code != term::TRE_R66_CPTS => em.at(
            Scope::CPTS,
            &ro1_cpts_002::RULE,
            code.span,
            format!("catégorie TRE_R66 {} : attendu `604` (CPTS)", quote(code.as_str())),
            format!("TRE_R66 category {}: expected `604` (CPTS)", quote(code.as_str())),
        ),
        _ => {}
    }
}

fn appointment(s: &Slot<'_>, src: &str, em: &mut Emitter<'_>) {
    let mut routine = false;
    match &s.appointment_type {
        None => missing(
            em,
            src,
            Scope::ALL,
            &ro1_slot_014::RULE,
            None,
            s.span,
            "appointmentType",
            "Slot.appointmentType est absent : attendu ROUTINE (avec RDV) ou WALKIN (sans RDV)"
                .into(),
            "Slot.appointmentType is missing: expected ROUTINE (booking) or WALKIN (walk-in)"
                .into(),
        ),
        Some(at) => {
            if at.coding.is_empty() {
                missing(
                    em,
                    src,
                    Scope::ALL,
                    &ro1_slot_014::RULE,
                    None,
                    at.span,
                    "coding",
                    "Slot.appointmentType sans coding : attendu v2-0276 ROUTINE ou WALKIN".into(),
                    "Slot.appointmentType without coding: expected v2-0276 ROUTINE or WALKIN"
                        .into(),
                );
            }
            for c in &at.coding {
                routine |= c.code.as_ref().is_some_and(|k| k == term::ROUTINE);
                appointment_coding(c, em);
            }
        }
    }
    comment(s, routine, src, em);
}

fn appointment_coding(c: &Coding<'_>, em: &mut Emitter<'_>) {
    match (&c.system, &c.code) {
        (None, _) => em.missing(
            Scope::ALL,
            &ro1_slot_013::RULE,
            c.span,
            "system",
            format!("appointmentType sans système : attendu {}", term::V2_0276),
            format!("appointmentType without a system: expected {}", term::V2_0276),
        ),
        (Some(sys), _) if sys != term::V2_0276 => em.at(
            Scope::ALL,
            &ro1_slot_013::RULE,
            sys.span,
            format!("système d'appointmentType {} : attendu {}", quote(sys.as_str()), term::V2_0276),
            format!("appointmentType system {}: expected {}", quote(sys.as_str()), term::V2_0276),
        ),
        (Some(_), None) => em.missing(
            Scope::ALL,
            &ro1_slot_013::RULE,
            c.span,
            "code",
            "appointmentType sans code : attendu ROUTINE ou WALKIN".into(),
            "appointmentType without a code: expected ROUTINE or WALKIN".into(),
        ),
        (Some(_), Some(k)) if k != term::ROUTINE && k != term::WALKIN => em.at(
            Scope::ALL,
            &ro1_slot_013::RULE,
            k.span,
            format!("appointmentType {} : le SAS ne comprend que ROUTINE (avec RDV) et WALKIN (sans RDV)", quote(k.as_str())),
            format!("appointmentType {}: the SAS only understands ROUTINE (booking) and WALKIN (walk-in)", quote(k.as_str())),
        ),
        _ => {}
    }
}

/// The booking URL: error for a ROUTINE slot, warning otherwise (AMB-06).
fn comment(s: &Slot<'_>, routine: bool, src: &str, em: &mut Emitter<'_>) {
    let sev = if routine { Severity::Error } else { Severity::Warning };
    let Some(c) = &s.comment else {
        missing(
            em,
            src,
            Scope::ALL,
            &ro1_slot_015::RULE,
            Some(sev),
            s.span,
            "comment",
            "Slot.comment est absent : l'URL de prise de rendez-vous (agenda du praticien) est attendue".into(),
            "Slot.comment is missing: the booking URL (the practitioner's agenda) is expected".into(),
        );
        return;
    };
    let text = c.as_str();
    if text.trim().is_empty() {
        em.at_sev(
            Scope::ALL,
            &ro1_slot_015::RULE,
            sev,
            c.span,
            "Slot.comment est vide : l'URL de prise de rendez-vous est attendue".into(),
            "Slot.comment is blank: the booking URL is expected".into(),
        );
    } else if !is_http_url(text) {
        em.at_sev(
            Scope::ALL,
            &ro1_slot_015::RULE,
            sev,
            c.span,
            format!(
                "Slot.comment {} n'est pas une URL http(s) absolue de prise de rendez-vous",
                quote(text)
            ),
            format!("Slot.comment {} is not an absolute http(s) booking URL", quote(text)),
        );
    }
}

/// `http://` or `https://` (any case), a non-empty host, no whitespace or
/// control character.
fn is_http_url(s: &str) -> bool {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = if lower_starts("https://") {
        s.get(8..)
    } else if lower_starts("http://") {
        s.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    let host_len = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
    host_len > 0 && !rest.starts_with(':') && !has_space_or_control(s)
}

/// Unicode whitespace or control character. Runs on every Slot's URL:
/// the branch-free ASCII pass settles nearly all of them, characters are
/// decoded only when a space, a control or a non-ASCII byte is present.
fn has_space_or_control(s: &str) -> bool {
    let odd = s.bytes().fold(false, |any, b| any | (b <= b' ') | (b >= 0x7f));
    odd && s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn fr_core(s: &Slot<'_>, em: &mut Emitter<'_>) {
    let n = s.service_category.len();
    for sc in s.service_category.iter().skip(1) {
        em.at(
            Scope::ALL,
            &ro1_slot_016::RULE,
            sc.span,
            format!(
                "Slot.serviceCategory répété ({n} éléments) : FR Core FrSlot en permet au plus un"
            ),
            format!(
                "Slot.serviceCategory repeated ({n} elements): FR Core FrSlot allows at most one"
            ),
        );
    }
    for id in &s.identifier {
        if let Some(u) = &id.use_
            && !term::IDENTIFIER_USE_CODES.contains(&u.as_str())
        {
            em.at(
                Scope::ALL,
                &ro1_slot_016::RULE,
                u.span,
                format!("Slot.identifier.use {} hors IdentifierUse (usual, official, temp, secondary, old)", quote(u.as_str())),
                format!("Slot.identifier.use {} is not in IdentifierUse (usual, official, temp, secondary, old)", quote(u.as_str())),
            );
        }
    }
}

/// CPTS-labelled slots carry, per CPTS, a TRE_R66 604 serviceType with the
/// R5 extension pointing at the HealthcareService (CPTS-001); other slots
/// carry neither (CPTS-008). Whether the reference resolves is CPTS-003.
fn cpts(s: &Slot<'_>, src: &str, em: &mut Emitter<'_>) {
    let labelled = s.meta.as_ref().is_some_and(|m| {
        m.security.iter().any(|c| c.code.as_ref().is_some_and(|k| k == term::SLOT_TYPE_CPTS))
    });
    let mut cpts_types = 0usize;
    for st in &s.service_type {
        let coded = st.coding.iter().any(is_cpts_coding);
        cpts_types += usize::from(coded);
        if labelled && coded {
            cpts_extension(st, src, em);
        } else if coded {
            em.at(
                Scope::CPTS,
                &ro1_cpts_008::RULE,
                st.span,
                "serviceType CPTS (TRE_R66 604) sur un Slot sans l'étiquette CPTS dans meta.security".into(),
                "CPTS serviceType (TRE_R66 604) on a Slot without the CPTS label in meta.security".into(),
            );
        } else if !labelled && !has_system(st, term::V3_ACT_CODE) {
            // On a v3-ActCode serviceType, CPTS-002 already reports the extension.
            for x in st.extension.iter().filter(|x| is_r5_service_type(x)) {
                em.at(
                    Scope::CPTS,
                    &ro1_cpts_008::RULE,
                    x.span,
                    "référence à un HealthcareService sur un Slot sans l'étiquette CPTS dans meta.security".into(),
                    "HealthcareService reference on a Slot without the CPTS label in meta.security".into(),
                );
            }
        }
    }
    if labelled && cpts_types == 0 {
        em.missing(
            Scope::CPTS,
            &ro1_cpts_001::RULE,
            s.span,
            "serviceType",
            format!("Slot étiqueté CPTS sans serviceType {}#604 portant l'extension {} vers le HealthcareService de la CPTS", term::TRE_R66, term::EXT_SLOT_SERVICE_TYPE_R5),
            format!("Slot labelled CPTS without a {}#604 serviceType carrying the {} extension to the CPTS HealthcareService", term::TRE_R66, term::EXT_SLOT_SERVICE_TYPE_R5),
        );
    }
}

/// The R5 extension of one CPTS serviceType: exactly one, with a valueReference
/// that has a `reference`.
fn cpts_extension(st: &CodeableConcept<'_>, src: &str, em: &mut Emitter<'_>) {
    let mut r5 = st.extension.iter().filter(|x| is_r5_service_type(x));
    let Some(x) = r5.next() else {
        match st.extension.first() {
            Some(other) => {
                let (span, shown) = match &other.url {
                    Some(u) => (u.span, quote(u.as_str())),
                    None => (other.span, "`?`".to_string()),
                };
                em.at(
                    Scope::CPTS,
                    &ro1_cpts_001::RULE,
                    span,
                    format!(
                        "extension {shown} sur le serviceType CPTS : attendu {}",
                        term::EXT_SLOT_SERVICE_TYPE_R5
                    ),
                    format!(
                        "extension {shown} on the CPTS serviceType: expected {}",
                        term::EXT_SLOT_SERVICE_TYPE_R5
                    ),
                );
            }
            None => missing(
                em,
                src,
                Scope::CPTS,
                &ro1_cpts_001::RULE,
                None,
                st.span,
                "extension",
                format!(
                    "serviceType CPTS (604) sans l'extension {} qui référence le HealthcareService de la CPTS",
                    term::EXT_SLOT_SERVICE_TYPE_R5
                ),
                format!(
                    "CPTS serviceType (604) without the {} extension referencing the CPTS HealthcareService",
                    term::EXT_SLOT_SERVICE_TYPE_R5
                ),
            ),
        }
        return;
    };
    match &x.value {
        Some(Value::Reference(r)) => {
            if r.reference.is_none() {
                missing(
                    em,
                    src,
                    Scope::CPTS,
                    &ro1_cpts_001::RULE,
                    None,
                    r.span,
                    "reference",
                    "valueReference sans `reference` : attendu `HealthcareService/<id>`".into(),
                    "valueReference without `reference`: expected `HealthcareService/<id>`".into(),
                );
            }
        }
        Some(v) => em.at(
            Scope::CPTS,
            &ro1_cpts_001::RULE,
            x.value_span,
            format!("extension serviceType R5 avec {} : attendu valueReference vers `HealthcareService/<id>`", v.key()),
            format!("R5 serviceType extension with {}: expected a valueReference to `HealthcareService/<id>`", v.key()),
        ),
        None => em.missing(
            Scope::CPTS,
            &ro1_cpts_001::RULE,
            x.span,
            "valueReference",
            "extension serviceType R5 sans valueReference : attendu `HealthcareService/<id>`".into(),
            "R5 serviceType extension without valueReference: expected `HealthcareService/<id>`".into(),
        ),
    }
    for extra in r5 {
        em.at(
            Scope::CPTS,
            &ro1_cpts_001::RULE,
            extra.span,
            "plusieurs extensions serviceType R5 sur un même serviceType : un serviceType 604 par CPTS".into(),
            "several R5 serviceType extensions on one serviceType: one 604 serviceType per CPTS".into(),
        );
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn instants_compare_as_text_only_with_equal_offsets() {
        use crate::model::Instant;
        let before = |a: &str, b: &str| {
            let (a, b) = (Instant::new(a), Instant::new(b));
            let checked =
                |v| super::Checked { value: v, sas: check_sas_instant(v.as_str()).is_ok() };
            super::is_before(checked(&a), checked(&b))
        };
        assert!(before("2026-11-26T09:00:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        assert!(!before("2026-11-26T09:20:00.000+01:00", "2026-11-26T09:20:00.000+01:00"));
        // Different offsets: 10:00+02:00 is 08:00Z, before 09:30+01:00 (08:30Z).
        assert!(before("2026-11-26T10:00:00.000+02:00", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T09:30:00.000+01:00", "2026-11-26T10:00:00.000+02:00"));
        // Other FHIR forms go through the calendar.
        assert!(before("2026-11-26T08:00:00Z", "2026-11-26T09:30:00.000+01:00"));
        assert!(!before("2026-11-26T08:45:00Z", "2026-11-26T09:30:00.000+01:00"));
    }

    use super::*;
    use crate::rules::testutil::{CPTS, PS, SOS, doc, of_rule, patch, run, set};
    use crate::rules::{Options, UseCase, validate};
    use serde_json::{Value as Json, json};

    const S0: &str = "/entry/0/resource";
    const E0: &str = "Bundle.entry[0].resource";
    const OTHER_SYSTEM: &str = "https://editeur.example/motifs";
    const ERR: Severity = Severity::Error;
    const WARN: Severity = Severity::Warning;

    fn at(path: &str, sev: Severity) -> Vec<(String, Severity)> {
        vec![(format!("{E0}.{path}"), sev)]
    }

    fn p(src: &str, path: &str, v: Option<Json>) -> String {
        patch(src, &format!("{S0}/{path}"), v)
    }

    fn coding(system: &str, code: &str) -> Json {
        json!({"system": system, "code": code})
    }

    /// Findings of `rule` on the first Slot only (the other slots of the PS
    /// example use PRO, which SOS forbids).
    fn of_slot0(src: &str, uc: Option<UseCase>, rule: &str) -> Vec<(String, Severity)> {
        of_rule(src, uc, rule).into_iter().filter(|f| f.0.starts_with(E0)).collect()
    }

    fn own_findings(src: &str, uc: Option<UseCase>) -> Vec<(String, String, Severity)> {
        run(src, uc)
            .into_iter()
            .filter(|f| RULES.iter().any(|r| r.id == f.0) && f.2 >= WARN)
            .collect()
    }

    #[test]
    fn http_urls() {
        assert!(is_http_url("https://a.fr/rdv?x=1"));
        assert!(is_http_url("HTTP://a.fr"));
        assert!(is_http_url("https://a.fr/médecin"));
        assert!(!is_http_url("https://a.fr/x y"));
        assert!(!is_http_url("https://a.fr/x\u{2003}y"));
        assert!(!is_http_url("https://a.fr/x\u{85}"));
        assert!(!is_http_url("https:///x"));
        assert!(!is_http_url("https://:80/x"));
        assert!(!is_http_url("ftp://a.fr"));
    }

    #[test]
    fn valid_examples_give_nothing() {
        assert_eq!(own_findings(PS, None), []);
        assert_eq!(own_findings(CPTS, None), []);
        assert_eq!(own_findings(SOS, None), []);
    }

    #[test]
    fn slot_001_status() {
        let d = p(PS, "status", Some(json!("busy")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), at("status", ERR));
        let d = p(PS, "status", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), at("status", ERR));
        // A wrong JSON type is FHIR-001 alone, not also "missing".
        let d = p(PS, "status", Some(json!(["free"])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-001"), []);
        assert!(!of_rule(&d, None, "RO1-FHIR-001").is_empty()); // Same for the other elements checked as missing (null is absent).
        for (el, rule) in
            [("comment", "RO1-SLOT-015"), ("meta", "RO1-SLOT-007"), ("start", "RO1-SLOT-002")]
        {
            for v in [json!(12), json!([]), json!(true)] {
                let d = p(PS, el, Some(v.clone()));
                assert_eq!(of_rule(&d, None, rule), [], "{el} = {v}");
            }
        }
    }

    #[test]
    fn slot_002_start_end_present() {
        for el in ["start", "end"] {
            let d = p(PS, el, None);
            assert_eq!(of_rule(&d, None, "RO1-SLOT-002"), at(el, ERR));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
        }
        assert_eq!(of_rule(PS, None, "RO1-SLOT-002"), []);
    }

    #[test]
    fn slot_003_invalid_instant_only_once() {
        let d = p(PS, "start", Some(json!("2026-11-26T14:00:00.000")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-003"), at("start", ERR));
        for other in ["RO1-SLOT-004", "RO1-SLOT-005", "RO1-FHIR-003"] {
            assert_eq!(of_rule(&d, None, other), [], "{other}");
        }
        let d = p(PS, "end", Some(json!("2026-02-30T14:20:00.000+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-003"), at("end", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-003"), []);
    }

    #[test]
    fn slot_004_sas_format() {
        let d = p(PS, "start", Some(json!("2026-11-26T13:00:00Z")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), at("start", ERR));
        let d = p(PS, "end", Some(json!("2026-11-26T14:20:00.00+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), at("end", ERR));
        // Overseas offsets are fine.
        let d = p(PS, "start", Some(json!("2026-11-26T09:00:00.000-04:00")));
        let d = patch(&d, &format!("{S0}/end"), Some(json!("2026-11-26T09:20:00.000-04:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-004"), []);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
    }

    #[test]
    fn slot_005_start_before_end() {
        let d = p(PS, "end", Some(json!("2026-11-26T14:00:00.000+01:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        // Offsets are taken into account: the start 14:00+01:00 is 13:00Z.
        let d = p(PS, "end", Some(json!("2026-11-26T12:55:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), at("end", ERR));
        let d = p(PS, "end", Some(json!("2026-11-26T13:05:00.000+00:00")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-005"), []);
    }

    #[test]
    fn slot_007_security_per_use_case() {
        let sys = term::TRE_R314;
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PRIVE")])));
        for uc in [UseCase::PS, UseCase::CPTS, UseCase::SOS] {
            assert_eq!(of_slot0(&d, Some(uc), "RO1-SLOT-007"), at("meta.security[0].code", ERR));
        }
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PUBLIC"), coding(sys, "CPTS")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[1].code", WARN));
        assert_eq!(of_slot0(&d, Some(UseCase::CPTS), "RO1-SLOT-007"), []);
        assert_eq!(
            of_slot0(&d, Some(UseCase::SOS), "RO1-SLOT-007"),
            at("meta.security[1].code", ERR)
        );
        let d = p(PS, "meta/security", Some(json!([coding(sys, "PRO")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), []);
        assert_eq!(
            of_slot0(&d, Some(UseCase::SOS), "RO1-SLOT-007"),
            at("meta.security[0].code", ERR)
        );
        let d = p(PS, "meta/security", Some(json!([coding("https://x.example/types", "PUBLIC")])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[0].system", ERR));
        let d = p(PS, "meta/security", Some(json!([{"code": "PUBLIC"}])));
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security[0].system", ERR));
        let d = p(PS, "meta/security", None);
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security", ERR));
        let d = p(PS, "meta", None);
        assert_eq!(of_slot0(&d, None, "RO1-SLOT-007"), at("meta.security", ERR));
    }

    #[test]
    fn slot_008_consultation_codes() {
        let v3 = term::V3_ACT_CODE;
        let d = p(PS, "serviceType/0/coding/0/code", Some(json!("CABINET")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[0].coding[0].code", ERR));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [coding(v3, "EMER")]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[1].coding[0].code", WARN));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [{"system": v3}]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), at("serviceType[1].coding[0].code", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-008"), []);
    }

    #[test]
    fn slot_009_sos_only_amb_hh_vr() {
        const SOS2: &str = "/entry/2/resource/serviceType";
        let e = "Bundle.entry[2].resource.serviceType";
        let d = patch(SOS, &format!("{SOS2}/0/coding/0/code"), Some(json!("EMER")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-009"), [(format!("{e}[0].coding[0].code"), ERR)]);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-008"), []);
        let st = json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"coding": [coding(OTHER_SYSTEM, "M1")]}]);
        let d = patch(SOS, SOS2, Some(st));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-009"), [(format!("{e}[1].coding[0].system"), ERR)]);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), []);
        assert_eq!(of_rule(SOS, None, "RO1-SLOT-009"), []);
    }

    #[test]
    fn slot_010_consultation_type_present() {
        let d = p(PS, "serviceType", Some(json!([{"text": "Consultation"}])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-010"), at("serviceType", WARN));
        let d = p(PS, "serviceType", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-010"), at("serviceType", WARN));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-010"), []);
    }

    #[test]
    fn slot_011_coded_motif() {
        let motif = json!({"coding": [coding(OTHER_SYSTEM, "M12")], "text": "Renouvellement"});
        let d = p(PS, "serviceType/1", Some(motif));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), at("serviceType[1].coding[0].system", WARN));
        let d = p(PS, "serviceType/1", Some(json!({"coding": [{"code": "M12"}]})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), at("serviceType[1].coding[0]", WARN));
        // Text only, the expected form.
        assert_eq!(of_rule(PS, None, "RO1-SLOT-011"), []);
    }

    #[test]
    fn slot_012_specialty() {
        let d = p(PS, "specialty/0/coding/0/system", Some(json!("https://editeur.example/spe")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0].coding[0].system", ERR));
        let d = p(PS, "specialty/0", Some(json!({"text": "Médecine générale"})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0]", WARN));
        let d = p(PS, "specialty/0/coding/0/code", Some(json!("SM99")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), at("specialty[0].coding[0].code", WARN));
        // Another coding next to a TRE_R38 one is fine.
        let both = json!({"coding": [coding(OTHER_SYSTEM, "MG"), coding(term::TRE_R38, "SM54")]});
        let d = p(PS, "specialty/0", Some(both));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-012"), []);
        assert_eq!(of_rule(PS, None, "RO1-SLOT-012"), []);
    }

    #[test]
    fn slot_013_appointment_type_codes() {
        let d = p(PS, "appointmentType/coding/0/code", Some(json!("EMERGENCY")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-013"), at("appointmentType.coding[0].code", ERR));
        let d = p(PS, "appointmentType/coding/0/system", Some(json!("http://x.example/cs")));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-013"), at("appointmentType.coding[0].system", ERR));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-013"), []);
    }

    #[test]
    fn slot_014_appointment_type_present() {
        let d = p(PS, "appointmentType", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-014"), at("appointmentType", WARN));
        let d = p(PS, "appointmentType", Some(json!({"text": "avec RDV"})));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-014"), at("appointmentType.coding", WARN));
        assert_eq!(of_rule(PS, None, "RO1-SLOT-014"), []);
    }

    #[test]
    fn slot_015_comment_severity_follows_appointment_type() {
        // Slot 0 is ROUTINE, slot 2 WALKIN.
        let d = p(PS, "comment", None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", ERR));
        let d = patch(PS, "/entry/2/resource/comment", None);
        assert_eq!(
            of_rule(&d, None, "RO1-SLOT-015"),
            [("Bundle.entry[2].resource.comment".to_string(), WARN)]
        );
        let d = p(PS, "appointmentType", None);
        let d = patch(&d, &format!("{S0}/comment"), None);
        assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", WARN));
        for bad in [
            "Prendre RDV au 04 65 71 27 77",
            "   ",
            "ftp://x.example/a",
            "https:///agenda",
            "www.x.fr",
        ] {
            let d = p(PS, "comment", Some(json!(bad)));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), at("comment", ERR), "{bad}");
        }
        for good in ["HTTPS://agenda.example.fr", "http://x.fr:8080/a?b=c#d"] {
            let d = p(PS, "comment", Some(json!(good)));
            assert_eq!(of_rule(&d, None, "RO1-SLOT-015"), [], "{good}");
        }
    }

    #[test]
    fn slot_016_fr_core() {
        let d =
            p(PS, "serviceCategory", Some(json!([{"text": "a"}, {"text": "b"}, {"text": "c"}])));
        assert_eq!(
            of_rule(&d, None, "RO1-SLOT-016"),
            [(format!("{E0}.serviceCategory[1]"), ERR), (format!("{E0}.serviceCategory[2]"), ERR)]
        );
        let d = p(PS, "serviceCategory", Some(json!([{"text": "a"}])));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-016"), []);
        let d = p(
            PS,
            "identifier",
            Some(json!([{"use": "primary", "value": "x"}, {"use": "official", "value": "y"}])),
        );
        assert_eq!(of_rule(&d, None, "RO1-SLOT-016"), at("identifier[0].use", ERR));
    }

    fn with_now(src: &str, now: Option<&str>) -> Vec<(String, Severity)> {
        let opts = Options { now: now.map(|n| n.parse().unwrap()), ..Options::default() };
        let report = validate(src, &opts).unwrap();
        report
            .findings
            .iter()
            .filter(|f| f.rule.id == "RO1-SLOT-017")
            .map(|f| (f.resolved.as_ref().unwrap().expression.clone(), f.severity))
            .collect()
    }

    #[test]
    fn slot_017_slot_in_the_past() {
        // Slot 0 starts at 13:00Z, slot 1 at 13:20Z, the others later.
        assert_eq!(with_now(PS, Some("2026-11-26T13:10:00Z")), at("start", WARN));
        assert_eq!(with_now(PS, Some("2026-11-26T13:00:00Z")), []);
        assert_eq!(with_now(PS, None), []);
    }

    const CPTS_ST: &str = "/entry/0/resource/serviceType/1";

    #[test]
    fn cpts_001_extension_on_cpts_service_type() {
        let d = patch(CPTS, &format!("{CPTS_ST}/extension"), None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType[1].extension", ERR));
        // Only in the CPTS use case.
        assert_eq!(of_rule(&d, Some(UseCase::PS), "RO1-CPTS-001"), []);
        let d = patch(
            CPTS,
            &format!("{CPTS_ST}/extension/0/valueReference"),
            Some(json!({"display": "CPTS"})),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-001"),
            at("serviceType[1].extension[0].valueReference.reference", ERR)
        );
        let d =
            patch(CPTS, &format!("{CPTS_ST}/extension/0/url"), Some(json!("http://x.example/ext")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType[1].extension[0].url", ERR));
        let mut v = doc(CPTS);
        set(&mut v, &format!("{CPTS_ST}/extension/0/valueReference"), None);
        set(&mut v, &format!("{CPTS_ST}/extension/0/valueString"), Some(json!("hs")));
        let d = v.to_string();
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-001"),
            at("serviceType[1].extension[0].valueString", ERR)
        );
        let d = patch(CPTS, CPTS_ST, None);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), at("serviceType", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-001"), []);
    }

    #[test]
    fn cpts_002_canonical_system_and_code() {
        let variant = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement";
        let d = patch(CPTS, &format!("{CPTS_ST}/coding/0/system"), Some(json!(variant)));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[1].coding[0].system", ERR));
        assert_eq!(of_rule(&d, None, "RO1-SLOT-011"), []);
        let d = patch(CPTS, &format!("{CPTS_ST}/coding/0/code"), Some(json!("603")));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[1].coding[0].code", ERR));
        let ext = doc(CPTS)["entry"][0]["resource"]["serviceType"][1]["extension"].clone();
        let d = patch(CPTS, "/entry/0/resource/serviceType/0/extension", Some(ext));
        assert_eq!(of_rule(&d, None, "RO1-CPTS-002"), at("serviceType[0].extension[0]", ERR));
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-002"), []);
    }

    #[test]
    fn cpts_008_no_cpts_service_without_label() {
        let st = doc(CPTS)["entry"][0]["resource"]["serviceType"][1].clone();
        let e2 = "Bundle.entry[2].resource";
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, st])),
        );
        assert_eq!(of_rule(&d, None, "RO1-CPTS-008"), [(format!("{e2}.serviceType[1]"), WARN)]);
        assert_eq!(of_rule(&d, None, "RO1-CPTS-001"), []);
        let ext = st["extension"].clone();
        let d = patch(
            CPTS,
            "/entry/2/resource/serviceType",
            Some(
                json!([{"coding": [coding(term::V3_ACT_CODE, "AMB")]}, {"text": "CPTS", "extension": ext}]),
            ),
        );
        assert_eq!(
            of_rule(&d, None, "RO1-CPTS-008"),
            [(format!("{e2}.serviceType[1].extension[0]"), WARN)]
        );
        assert_eq!(of_rule(CPTS, None, "RO1-CPTS-008"), []);
    }

    #[test]
    fn written_sees_keys_of_the_object_only() {
        let src = r#"{"a": {"end": 1}, "b": null, "c": [1]}"#;
        let span = Span::new(0, src.len() as u32);
        assert!(!written(src, span, "end"));
        assert!(!written(src, span, "b"));
        assert!(written(src, span, "c"));
        assert!(!written(src, Span::default(), "c"));
    }
}
