//! Issue 14, "Done means": a mutation suite generated from the tables. For
//! each standalone official example, the table of its profile (`meta.profile`)
//! and of the datatypes under it says which constraints apply to the elements
//! PRESENT in the example; for each constraint kind one mutated document is
//! built that violates exactly that constraint, and the structural validator
//! must report it at the exact FHIRPath of the mutated element. Valid
//! variants (an optional element removed, keys in reverse order, strings
//! re-encoded with JSON escapes) must give no error.
//!
//! Nothing is hand-listed: adding a constraint to a profile adds mutations.
//! The outcome (kind × resource type: mutations, caught at the exact path,
//! which rules answered; then every miss) is pinned in
//! `tests/tests/snapshots/structure_mutations.txt` (`SAS_UPDATE_SNAPSHOTS=1`
//! rewrites it after review).
//!
//! Optional elements of the types no official example carries (Period,
//! date, dateTime, decimal, integers, boolean) are added with a valid sample
//! value (a valid variant), then with that value broken (per-1, lexical).
//!
//! Errors of an unmutated example are not held against its mutations (the
//! examples suite reports them). The finding must have the expected severity
//! at one of the accepted expressions; the structural rule is preferred when
//! both it and a hand rule answer, and the summary says which answered.
//!
//! Speed: at most [`CAP`] mutations per kind per example (the first ones in
//! document order): about 2,300 validations, under 3 s in debug builds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use fr_fhir_core::conformance::Definitions;
use fr_fhir_core::conformance::table::{
    DiscriminatorKind, ElementTable, Max, Strength, StructureTable,
};
use fr_fhir_core::conformance::walk::Validator;
use fr_fhir_core::finding::{Finding, Severity};
use fr_fhir_core::rules::Options;
use int_ro1::exchange::{ExchangeOptions, validate_body};
/// `tests/tests/snapshots` of THIS checkout (the library's workspace root may
/// come from another worktree's build cache).
fn snapshots_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

use sas_fhir_tests::{json_files, official_examples};

/// Mutations per kind per example, at most (the first in document order).
const CAP: usize = 12;

// ---------------------------------------------------------------------------
// An order-preserving JSON value (the workspace's serde_json has no
// `preserve_order`, and enabling it for the tests crate would change the
// loader's maps too, by feature unification). Numbers keep their text.

#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn parse(src: &str) -> J {
        let b = src.as_bytes();
        let mut i = 0;
        let v = parse_value(b, &mut i);
        skip_ws(b, &mut i);
        assert_eq!(i, b.len(), "trailing text");
        v
    }

    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            J::Str(s) => Some(s),
            _ => None,
        }
    }

    fn write(&self, out: &mut String, escape: bool) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => write_str(s, out, escape),
            J::Arr(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out, escape);
                }
                out.push(']');
            }
            J::Obj(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out, escape);
                    out.push(':');
                    v.write(out, escape);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, false);
        s
    }

    /// Every string re-encoded with escapes: non-ASCII as `\uXXXX`, `/` as `\/`.
    fn escaped_text(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, true);
        s
    }

    fn at_mut(&mut self, path: &[Seg]) -> &mut J {
        let mut cur = self;
        for seg in path {
            cur = match (seg, cur) {
                (Seg::Key(k), J::Obj(m)) => &mut m.iter_mut().find(|(kk, _)| kk == k).unwrap().1,
                (Seg::Idx(i), J::Arr(a)) => &mut a[*i],
                (s, _) => panic!("bad path segment {s:?}"),
            };
        }
        cur
    }

    fn at(&self, path: &[Seg]) -> &J {
        let mut cur = self;
        for seg in path {
            cur = match (seg, cur) {
                (Seg::Key(k), J::Obj(m)) => &m.iter().find(|(kk, _)| kk == k).unwrap().1,
                (Seg::Idx(i), J::Arr(a)) => &a[*i],
                (s, _) => panic!("bad path segment {s:?}"),
            };
        }
        cur
    }

    /// Keys of every object in reverse order, recursively.
    fn reversed(&self) -> J {
        match self {
            J::Arr(a) => J::Arr(a.iter().map(J::reversed).collect()),
            J::Obj(m) => J::Obj(m.iter().rev().map(|(k, v)| (k.clone(), v.reversed())).collect()),
            v => v.clone(),
        }
    }

    /// True when `self` holds every part of `pattern` (FHIR pattern semantics:
    /// objects by key, arrays by some item for each pattern item).
    fn contains(&self, pattern: &J) -> bool {
        match (self, pattern) {
            (J::Obj(m), J::Obj(p)) => {
                p.iter().all(|(k, pv)| m.iter().any(|(mk, mv)| mk == k && mv.contains(pv)))
            }
            (J::Arr(a), J::Arr(p)) => p.iter().all(|pv| a.iter().any(|av| av.contains(pv))),
            (J::Num(a), J::Num(b)) => a.parse::<f64>().ok() == b.parse::<f64>().ok(),
            (a, b) => a == b,
        }
    }
}

fn write_str(s: &str, out: &mut String, escape: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '/' if escape => out.push_str("\\/"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if escape && !c.is_ascii() => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn skip_ws(b: &[u8], i: &mut usize) {
    while *i < b.len() && b[*i].is_ascii_whitespace() {
        *i += 1;
    }
}

fn parse_value(b: &[u8], i: &mut usize) -> J {
    skip_ws(b, i);
    match b[*i] {
        b'{' => {
            *i += 1;
            let mut m = Vec::new();
            skip_ws(b, i);
            if b[*i] == b'}' {
                *i += 1;
                return J::Obj(m);
            }
            loop {
                skip_ws(b, i);
                let J::Str(k) = parse_value(b, i) else { panic!("key expected") };
                skip_ws(b, i);
                assert_eq!(b[*i], b':');
                *i += 1;
                let v = parse_value(b, i);
                m.push((k, v));
                skip_ws(b, i);
                *i += 1;
                if b[*i - 1] == b'}' {
                    return J::Obj(m);
                }
            }
        }
        b'[' => {
            *i += 1;
            let mut a = Vec::new();
            skip_ws(b, i);
            if b[*i] == b']' {
                *i += 1;
                return J::Arr(a);
            }
            loop {
                a.push(parse_value(b, i));
                skip_ws(b, i);
                *i += 1;
                if b[*i - 1] == b']' {
                    return J::Arr(a);
                }
            }
        }
        b'"' => {
            // Reuse serde_json for the string escapes.
            let start = *i;
            *i += 1;
            while b[*i] != b'"' {
                if b[*i] == b'\\' {
                    *i += 1;
                }
                *i += 1;
            }
            *i += 1;
            let raw = std::str::from_utf8(&b[start..*i]).unwrap();
            J::Str(serde_json::from_str(raw).unwrap())
        }
        b't' => {
            *i += 4;
            J::Bool(true)
        }
        b'f' => {
            *i += 5;
            J::Bool(false)
        }
        b'n' => {
            *i += 4;
            J::Null
        }
        _ => {
            let start = *i;
            while *i < b.len() && matches!(b[*i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                *i += 1;
            }
            J::Num(std::str::from_utf8(&b[start..*i]).unwrap().to_string())
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Idx(usize),
}

/// The FHIRPath the resolver writes for a JSON path (`_x` is named `x`).
fn fhirpath(root: &str, path: &[Seg]) -> String {
    let mut s = root.to_string();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k.strip_prefix('_').unwrap_or(k));
            }
            Seg::Idx(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

fn child(path: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(seg);
    p
}

// ---------------------------------------------------------------------------
// Tables: the element definitions that apply to a JSON node.

/// Where the children of a JSON object are defined: the element `id` of
/// structure `s` (its own children, or those of its type when the structure
/// does not expand it).
#[derive(Clone, Copy)]
struct Ctx<'d> {
    s: &'d StructureTable,
    id: &'d str,
}

/// An element definition matched to a JSON key, with the type of the value.
#[derive(Clone, Copy)]
struct Site<'d> {
    s: &'d StructureTable,
    e: &'d ElementTable,
    /// The type code of the value (the choice's type for `value[x]`).
    ty: &'d str,
}

struct Tables<'d> {
    defs: &'d Definitions,
}

impl<'d> Tables<'d> {
    fn element(&self, s: &'d StructureTable, id: &str) -> Option<&'d ElementTable> {
        s.elements.iter().find(|e| e.id == id)
    }

    /// Direct children (no slices) of `id` in `s`.
    fn own_children(&self, s: &'d StructureTable, id: &str) -> Vec<&'d ElementTable> {
        s.elements
            .iter()
            .filter(|e| {
                e.id.strip_prefix(id)
                    .and_then(|r| r.strip_prefix('.'))
                    .is_some_and(|r| !r.contains('.') && !r.contains(':'))
            })
            .collect()
    }

    /// The context whose children define the object that is the value of
    /// element `e` (of type `ty`) of structure `s`.
    fn value_ctx(&self, s: &'d StructureTable, e: &'d ElementTable, ty: &str) -> Option<Ctx<'d>> {
        if !self.own_children(s, &e.id).is_empty() {
            return Some(Ctx { s, id: &e.id });
        }
        if let Some(r) = e.content_reference.strip_prefix('#') {
            // The referenced element, by path (its id in a base definition).
            let target = s.elements.iter().find(|x| x.path == r && x.slice_name.is_empty())?;
            return Some(Ctx { s, id: &target.id });
        }
        // A profiled type (an extension's definition) when the tables have it.
        let t = e.types.iter().find(|t| t.code == ty)?;
        for p in t.profiles.iter() {
            if let Some(ps) = self.defs.structure(p) {
                return Some(Ctx { s: ps, id: &ps.elements.first()?.id });
            }
        }
        let base = self.defs.base(ty)?;
        Some(Ctx { s: base, id: &base.elements.first()?.id })
    }

    /// The element of a JSON key in an object of context `ctx`.
    fn site(&self, ctx: Ctx<'d>, key: &str) -> Option<Site<'d>> {
        let mut kids = self.own_children(ctx.s, ctx.id);
        if kids.is_empty() {
            // A slice not expanded in the profile: its base element's children.
            let e = self.element(ctx.s, ctx.id)?;
            let base_id = strip_slices(&e.id);
            kids = self.own_children(ctx.s, &base_id);
            if kids.is_empty() {
                let ty = e.types.first()?.code.clone();
                let c = self.value_ctx(ctx.s, e, &ty)?;
                return self.site(c, key);
            }
        }
        for e in kids {
            let name = e.name();
            if let Some(stem) = name.strip_suffix("[x]") {
                if let Some(suffix) = key.strip_prefix(stem) {
                    for t in e.types.iter() {
                        if upper_first(&t.code) == suffix {
                            // A type slice of the choice (`value[x]:valueReference`).
                            let e = self.element(ctx.s, &format!("{}:{key}", e.id)).unwrap_or(e);
                            return Some(Site { s: ctx.s, e, ty: &t.code });
                        }
                    }
                }
            } else if name == key {
                let ty = e.types.first().map_or("", |t| &*t.code);
                return Some(Site { s: ctx.s, e, ty });
            }
        }
        None
    }

    /// The slices of `e` in `s` (direct ones).
    fn slices(&self, s: &'d StructureTable, e: &'d ElementTable) -> Vec<&'d ElementTable> {
        s.elements
            .iter()
            .filter(|x| {
                x.id.strip_prefix(&*e.id)
                    .and_then(|r| r.strip_prefix(':'))
                    .is_some_and(|r| !r.contains('.') && !r.contains(':'))
            })
            .collect()
    }

    /// The slice of `e` that `item` belongs to, when every discriminator can
    /// be read from the tables (value/pattern discriminators).
    fn slice_of(
        &self,
        s: &'d StructureTable,
        e: &'d ElementTable,
        item: &J,
    ) -> Option<&'d ElementTable> {
        let slicing = e.slicing.as_ref()?;
        'slices: for sl in self.slices(s, e) {
            for d in slicing.discriminators.iter() {
                if !matches!(d.kind, DiscriminatorKind::Value | DiscriminatorKind::Pattern) {
                    continue 'slices;
                }
                let Some(expected) = self.expected_at(s, sl, &d.path) else { continue 'slices };
                let actual = values_at(item, &d.path);
                if !actual.iter().any(|a| a.contains(&expected)) {
                    continue 'slices;
                }
            }
            return Some(sl);
        }
        None
    }

    /// The fixed/pattern value a slice sets at a discriminator path.
    fn expected_at(&self, s: &'d StructureTable, sl: &'d ElementTable, path: &str) -> Option<J> {
        if path == "$this" {
            return sl.fixed.as_ref().map(|f| J::parse(&f.json));
        }
        let id = format!("{}.{path}", sl.id);
        if let Some(f) = self.element(s, &id).and_then(|x| x.fixed.as_ref()) {
            return Some(J::parse(&f.json));
        }
        // A pattern on the slice itself covering the path (`type` in `type.coding`...).
        let (head, rest) = path.split_once('.')?;
        let f = self.element(s, &format!("{}.{head}", sl.id))?.fixed.as_ref()?;
        let pat = J::parse(&f.json);
        values_at(&pat, rest).into_iter().next().cloned()
    }

    /// Discriminator paths of the slicing `e` belongs to (relative to the slice).
    fn discriminator_paths(&self, e: &ElementTable) -> Vec<String> {
        e.slicing.as_ref().map_or_else(Vec::new, |sl| {
            sl.discriminators.iter().map(|d| d.path.to_string()).collect()
        })
    }
}

fn strip_slices(id: &str) -> String {
    id.split('.').map(|seg| seg.split(':').next().unwrap_or(seg)).collect::<Vec<_>>().join(".")
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Values at a dotted path (arrays fanned out).
fn values_at<'j>(v: &'j J, path: &str) -> Vec<&'j J> {
    let mut cur = vec![v];
    for seg in path.split('.').filter(|s| *s != "$this") {
        let mut next = Vec::new();
        for c in cur {
            match c.get(seg) {
                Some(J::Arr(a)) => next.extend(a.iter()),
                Some(x) => next.push(x),
                None => {}
            }
        }
        cur = next;
    }
    cur
}

// ---------------------------------------------------------------------------
// Mutations.

/// One mutated document and what the validator must say.
struct Mutation {
    kind: &'static str,
    /// Element id (profile or datatype table) and the mutation, for the report.
    what: String,
    doc: String,
    /// Accepted FHIRPath expressions of the finding.
    at: Vec<String>,
    /// Least severity expected (warning for extensible bindings).
    severity: Severity,
    /// No error may point elsewhere (false where knock-ons are legitimate).
    exact_only: bool,
    /// Ancestors whose fixed/pattern value or binding covers the mutated
    /// value: an error there reports the same defect from above.
    covered_by: Vec<String>,
}

/// A valid variant: no error expected.
struct Variant {
    kind: &'static str,
    what: String,
    /// FHIRPath of the element changed (with indices), empty when none.
    at: String,
    doc: String,
}

struct Gen<'d, 'x> {
    t: &'x Tables<'d>,
    root: J,
    rtype: String,
    out: Vec<Mutation>,
    valid: Vec<Variant>,
    per_kind: BTreeMap<&'static str, usize>,
    /// FHIRPaths of the values entered that carry a fixed/pattern value
    /// (true) or a required/extensible binding (false).
    covers: Vec<(String, bool)>,
}

/// Primitive types with a lexical mutation, and the broken value.
fn break_lexical(ty: &str, v: &J) -> Option<J> {
    let s = v.as_str();
    Some(match ty {
        "date" => J::Str("2023-13-45".into()),
        "dateTime" => J::Str(match s {
            Some(x) if x.contains('T') => x.replacen('T', " ", 1),
            _ => "2023-02-31x".into(),
        }),
        // A dateTime without its time zone is no instant.
        "instant" => {
            J::Str(s.filter(|x| x.len() >= 19).map_or("2024-01-01".into(), |x| x[..19].to_string()))
        }
        "time" => J::Str("8h00".into()),
        "code" => J::Str(match s {
            Some(x) if x.chars().count() >= 2 => {
                let cut = x.char_indices().nth(1).map_or(1, |(i, _)| i);
                format!("{}  {}", &x[..cut], &x[cut..])
            }
            _ => "a  b".into(),
        }),
        "uri" | "url" | "canonical" | "oid" => J::Str(match s {
            Some(x) if x.len() >= 2 => {
                let cut = x.char_indices().nth(x.chars().count() / 2).map_or(1, |(i, _)| i);
                format!("{} {}", &x[..cut], &x[cut..])
            }
            _ => "a b".into(),
        }),
        "id" => J::Str("a".repeat(65)),
        "boolean" => J::Str(match v {
            J::Bool(b) => b.to_string(),
            _ => "true".into(),
        }),
        "integer" | "positiveInt" | "unsignedInt" => J::Num("1.5".into()),
        "decimal" => J::Str(match v {
            J::Num(n) => n.clone(),
            _ => "1.5".into(),
        }),
        _ => return None,
    })
}

impl<'d> Gen<'d, '_> {
    fn take(&mut self, kind: &'static str) -> bool {
        let n = self.per_kind.entry(kind).or_default();
        *n += 1;
        *n <= CAP
    }

    fn push(
        &mut self,
        kind: &'static str,
        what: String,
        doc: J,
        at: Vec<String>,
        severity: Severity,
        exact_only: bool,
    ) {
        if self.take(kind) {
            let covered_by = self.covers.iter().map(|(p, _)| p.clone()).collect();
            self.out.push(Mutation {
                kind,
                what,
                doc: doc.text(),
                at,
                severity,
                exact_only,
                covered_by,
            });
        }
    }

    /// The array at `kpath` (of `len` items) with `item` added at its end: a
    /// value past the element's or slice's max, reported on the array or the
    /// new item.
    fn push_doubled(&mut self, kpath: &[Seg], len: usize, item: J, what: String) {
        let doc = self.edited(|d| {
            if let J::Arr(a) = d.at_mut(kpath) {
                a.push(item);
            }
        });
        let at = vec![self.fp(kpath), format!("{}[{len}]", self.fp(kpath))];
        self.push("max exceeded", what, doc, at, Severity::Error, false);
    }

    fn edited(&self, f: impl FnOnce(&mut J)) -> J {
        let mut d = self.root.clone();
        f(&mut d);
        d
    }

    fn fp(&self, path: &[Seg]) -> String {
        fhirpath(&self.rtype, path)
    }

    /// Visits the object at `path` whose children `ctx` defines. `slice_of`
    /// names the slice (and its discriminator paths) the object is an item of.
    fn object(&mut self, path: &[Seg], ctx: Ctx<'d>, discs: &[String]) {
        let J::Obj(members) = self.root.at(path).clone() else { return };
        let is_resource = members.iter().any(|(k, _)| k == "resourceType");
        // Unknown element (FHIR-002), one per object.
        let doc = self.edited(|d| {
            if let J::Obj(m) = d.at_mut(path) {
                m.push(("unknownElement".into(), J::Str("x".into())));
            }
        });
        let at = vec![format!("{}.unknownElement", self.fp(path))];
        self.push(
            "unknown element",
            format!("{} + unknownElement", ctx.id),
            doc,
            at,
            Severity::Error,
            true,
        );

        // Required children absent from the JSON are not this suite's business
        // (the examples are valid); required children PRESENT are removed.
        let kids = self.t.own_children(ctx.s, ctx.id);
        let kids_ctx = if kids.is_empty() {
            self.t.element(ctx.s, ctx.id).and_then(|e| {
                let ty = e.types.first()?.code.clone();
                self.t.value_ctx(ctx.s, e, &ty)
            })
        } else {
            None
        };
        let ctx_for_keys = kids_ctx.unwrap_or(ctx);
        self.absent(path, ctx_for_keys, &members);

        for (key, value) in &members {
            if key == "resourceType" || key.starts_with('_') {
                continue;
            }
            let kpath = child(path, Seg::Key(key.clone()));
            let Some(site) = self.t.site(ctx_for_keys, key) else {
                // Not in the tables: an example with an unknown element would
                // be a finding of the examples test, not a mutation target.
                continue;
            };
            let e = site.e;
            // Discriminator paths below this key: an element on one decides
            // the slice of its item, so changing it is another constraint.
            let on_disc = discs.iter().any(|d| d == key);
            let below: Vec<String> = discs
                .iter()
                .filter_map(|d| d.strip_prefix(&format!("{key}.")).map(String::from))
                .collect();
            // Knock-on elements: the graph rules (ids, references, contained
            // targets) and the profile choice (meta.profile) and extension
            // matching (url) read them, so breaking one may rightly raise
            // errors elsewhere. For those, and for removed required elements
            // and doubled values (other rules count them), only the finding at
            // the exact path is asserted; for every other mutation no error
            // may point outside the mutated value (or an ancestor whose
            // fixed/pattern value or binding covers it).
            let knock = matches!(
                key.as_str(),
                "id" | "reference" | "meta" | "profile" | "url" | "contained"
            );
            let name_at = format!("{}.{}", self.fp(path), e.name());

            // Remove a required element (min >= 1).
            if e.min >= 1 {
                // A required discriminator decides the slice: removing it is
                // the slice's business (see "slice item removed" below).
                if !on_disc {
                    let doc = self.edited(|d| remove_key(d.at_mut(path), key));
                    let mut at = vec![name_at.clone(), self.fp(&kpath)];
                    if let Some(stem) = e.name().strip_suffix("[x]") {
                        at.push(format!("{}.{stem}", self.fp(path)));
                    }
                    self.push(
                        "required removed",
                        format!("{} (min {})", e.id, e.min),
                        doc,
                        at,
                        Severity::Error,
                        false,
                    );
                }
            } else if !is_resource || !matches!(key.as_str(), "meta" | "id") {
                // Valid variant: an optional element removed (unless that
                // empties its object: ele-1; or it is the local target of a
                // reference; or it names the profile).
                let empties =
                    members.iter().filter(|(k, _)| k != key && *k != format!("_{key}")).count()
                        == 0;
                let required_slice = matches!(value, J::Arr(_))
                    && self.t.slices(site.s, e).iter().any(|s| s.min >= 1);
                // Under a fixed/pattern value, the parts it names are not optional.
                let patterned = self.covers.iter().any(|(_, fixed)| *fixed);
                if !empties
                    && !required_slice
                    && !patterned
                    && !matches!(key.as_str(), "contained" | "profile")
                {
                    let doc = self.edited(|d| remove_key(d.at_mut(path), key));
                    self.valid.push(Variant {
                        kind: "optional removed",
                        what: e.id.to_string(),
                        at: self.fp(&kpath),
                        doc: doc.text(),
                    });
                }
            }

            // JSON shape (FHIR-001): a single value as an array and back.
            let shape_at = vec![self.fp(&kpath), format!("{}[0]", self.fp(&kpath))];
            match (e.is_repeating(), value) {
                (false, v) if !matches!(v, J::Arr(_)) => {
                    let doc = self.edited(|d| {
                        let slot = d.at_mut(&kpath);
                        *slot = J::Arr(vec![slot.clone()]);
                    });
                    self.push(
                        "shape: single as array",
                        e.id.to_string(),
                        doc,
                        shape_at,
                        Severity::Error,
                        !knock,
                    );
                }
                (true, J::Arr(a)) if !a.is_empty() => {
                    let first = a[0].clone();
                    let doc = self.edited(|d| *d.at_mut(&kpath) = first);
                    self.push(
                        "shape: array as single",
                        e.id.to_string(),
                        doc,
                        shape_at,
                        Severity::Error,
                        !knock,
                    );
                }
                _ => {}
            }

            // The values (one, or each item of an array).
            let items: Vec<(Vec<Seg>, J)> = match value {
                J::Arr(a) => a
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (child(&kpath, Seg::Idx(i)), v.clone()))
                    .collect(),
                v => vec![(kpath.clone(), v.clone())],
            };

            // A second value where a profile caps an array at one.
            if let J::Arr(a) = value
                && e.is_repeating()
                && e.max.exceeded_by(a.len() as u32 + 1)
                && !e.max.exceeded_by(a.len() as u32)
            {
                let what = format!("{} (max {})", e.id, e.max);
                self.push_doubled(&kpath, a.len(), a[0].clone(), what);
            }

            // Slices: a required slice's item removed; a capped slice doubled.
            if let J::Arr(a) = value {
                let slices = self.t.slices(site.s, e);
                for sl in &slices {
                    let matched: Vec<usize> = a
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| {
                            self.t.slice_of(site.s, e, v).is_some_and(|m| m.id == sl.id)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    if sl.min >= 1 && matched.len() == sl.min as usize && a.len() > matched.len() {
                        let idx = matched[0];
                        let doc = self.edited(|d| {
                            if let J::Arr(a) = d.at_mut(&kpath) {
                                a.remove(idx);
                            }
                        });
                        let at = vec![name_at.clone(), self.fp(&kpath)];
                        self.push(
                            "required removed",
                            format!("{} (slice min {})", sl.id, sl.min),
                            doc,
                            at,
                            Severity::Error,
                            false,
                        );
                    }
                    if let Some(&idx) = matched.first()
                        && sl.max.exceeded_by(matched.len() as u32 + 1)
                        && !sl.max.exceeded_by(matched.len() as u32)
                    {
                        let what = format!("{} (slice max {})", sl.id, sl.max);
                        self.push_doubled(&kpath, a.len(), a[idx].clone(), what);
                    }
                }
            }

            for (ipath, iv) in items {
                // The most specific definition: the item's slice when it has one.
                let slice =
                    matches!(value, J::Arr(_)).then(|| self.t.slice_of(site.s, e, &iv)).flatten();
                let def = slice.unwrap_or(e);
                let inner_discs = self.t.discriminator_paths(e);

                // Fixed / pattern values (not on a discriminator: changing one
                // moves the item out of its slice, another constraint).
                if let Some(f) = def.fixed.as_ref().or(e.fixed.as_ref())
                    && !on_disc
                    && !(key == "url"
                        && self
                            .t
                            .element(ctx.s, ctx.id)
                            .is_some_and(|x| x.path.ends_with("xtension")))
                {
                    let pat = J::parse(&f.json);
                    if let Some((leaf, new)) = break_pattern(&iv, &pat, &[]) {
                        let full = [ipath.clone(), leaf].concat();
                        let doc = self.edited(|d| *d.at_mut(&full) = new);
                        let at = vec![self.fp(&ipath), self.fp(&full)];
                        self.push(
                            "fixed/pattern changed",
                            format!("{} ({:?})", def.id, f.mode),
                            doc,
                            at,
                            Severity::Error,
                            true,
                        );
                    }
                }

                // Bindings with an enumerable value set.
                if let Some(b) = def.binding.as_ref().or(e.binding.as_ref())
                    && matches!(b.strength, Strength::Required | Strength::Extensible)
                    && def.fixed.is_none()
                    && !on_disc
                    && self.t.defs.value_set(&b.value_set).is_some_and(|v| v.complete)
                    && let Some(leaf) = code_leaf(site.ty, &iv)
                {
                    let full = [ipath.clone(), leaf].concat();
                    let doc =
                        self.edited(|d| *d.at_mut(&full) = J::Str("zz-not-in-value-set".into()));
                    let mut at = vec![self.fp(&ipath), self.fp(&full)];
                    if full.len() >= 2 {
                        at.push(self.fp(&full[..full.len() - 1]));
                    }
                    let (kind, sev) = if b.strength == Strength::Required {
                        ("binding required", Severity::Error)
                    } else {
                        ("binding extensible", Severity::Warning)
                    };
                    self.push(kind, format!("{} in {}", def.id, b.value_set), doc, at, sev, true);
                }

                // Lexical form of primitives. Resource.id is typed
                // System.String in R4 but is an `id`.
                let ty = if is_resource && key == "id" { "id" } else { site.ty };
                if !matches!(iv, J::Obj(_) | J::Arr(_))
                    && let Some(bad) = break_lexical(ty, &iv)
                {
                    let doc = self.edited(|d| *d.at_mut(&ipath) = bad);
                    let at = vec![self.fp(&ipath)];
                    let kind = lexical_kind(ty);
                    self.push(
                        kind,
                        format!("{} ({ty})", def.id),
                        doc,
                        at,
                        Severity::Error,
                        !knock && !on_disc,
                    );
                }

                // Period start after end (per-1).
                if ty == "Period"
                    && let (Some(J::Str(s)), Some(J::Str(en))) = (iv.get("start"), iv.get("end"))
                    && s < en
                {
                    let (s, en) = (s.clone(), en.clone());
                    let doc = self.edited(|d| {
                        let p = d.at_mut(&ipath);
                        *p.at_mut(&[Seg::Key("start".into())]) = J::Str(en);
                        *p.at_mut(&[Seg::Key("end".into())]) = J::Str(s);
                    });
                    // The invariant points at the child at fault (`end`) when
                    // there is one (invariants::evaluate), else at the Period.
                    let at = self.fp(&ipath);
                    self.push(
                        "per-1 start > end",
                        def.id.to_string(),
                        doc,
                        vec![format!("{at}.end"), at],
                        Severity::Error,
                        true,
                    );
                }

                // Into the value.
                if let J::Obj(m) = &iv {
                    if let Some(J::Str(rt)) =
                        m.iter().find(|(k, _)| k == "resourceType").map(|(_, v)| v)
                    {
                        // A contained resource: its declared profile, else its base.
                        let declared = iv
                            .get("meta")
                            .and_then(|m| m.get("profile"))
                            .and_then(|p| if let J::Arr(a) = p { a.first() } else { None })
                            .and_then(J::as_str)
                            .and_then(|u| self.t.defs.structure(u));
                        if let Some(s) = declared.or_else(|| self.t.defs.base(rt))
                            && let Some(root) = s.elements.first()
                        {
                            self.object(&ipath, Ctx { s, id: &root.id }, &[]);
                        }
                    } else {
                        let vctx = if slice.is_some() {
                            Some(Ctx { s: site.s, id: &def.id })
                        } else {
                            self.t.value_ctx(site.s, e, site.ty)
                        };
                        if let Some(c) = vctx {
                            let mut d = below.clone();
                            if slice.is_some() {
                                d.extend(inner_discs.iter().cloned());
                            }
                            let cover = def.fixed.is_some() || e.fixed.is_some();
                            let bound =
                                def.binding.as_ref().or(e.binding.as_ref()).is_some_and(|b| {
                                    matches!(b.strength, Strength::Required | Strength::Extensible)
                                });
                            let pushed = cover || bound;
                            if pushed {
                                self.covers.push((self.fp(&ipath), cover));
                            }
                            self.object(&ipath, c, &d);
                            if pushed {
                                self.covers.pop();
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every kind of mutation the generator builds.
const ALL_KINDS: &[&str] = &[
    "binding extensible",
    "binding required",
    "fixed/pattern changed",
    "lexical boolean as string",
    "lexical code (double space)",
    "lexical date",
    "lexical dateTime",
    "lexical decimal as string",
    "lexical id (65 chars)",
    "lexical instant",
    "lexical integer as decimal",
    "lexical time",
    "lexical uri (space)",
    "max exceeded",
    "per-1 start > end",
    "required removed",
    "shape: array as single",
    "shape: single as array",
    "unknown element",
];

impl<'d> Gen<'d, '_> {
    /// Optional elements the example leaves out, of the types no official
    /// example carries (Period, date, dateTime, decimal, integers, boolean):
    /// one is added with a valid sample value (a valid variant), then with
    /// that value broken (per-1 for a Period, the lexical form otherwise).
    fn absent(&mut self, path: &[Seg], ctx: Ctx<'d>, members: &[(String, J)]) {
        let mut kids = self.t.own_children(ctx.s, ctx.id);
        if kids.is_empty() {
            let base = strip_slices(ctx.id);
            kids = self.t.own_children(ctx.s, &base);
        }
        for e in kids {
            let name = e.name();
            if e.min > 0
                || e.max == Max::Zero
                || e.is_choice()
                || e.types.len() != 1
                || members.iter().any(|(k, _)| k == name || k.strip_prefix('_') == Some(name))
            {
                continue;
            }
            let ty = e.types[0].code.to_string();
            let (good, bad, kind): (J, J, &'static str) = match ty.as_str() {
                "Period" => {
                    let p = |a: &str, b: &str| {
                        J::Obj(vec![
                            ("start".into(), J::Str(a.into())),
                            ("end".into(), J::Str(b.into())),
                        ])
                    };
                    let (a, b) = ("2024-01-01T08:00:00+01:00", "2024-12-31T18:00:00+01:00");
                    (p(a, b), p(b, a), "per-1 start > end")
                }
                "date" => {
                    (J::Str("2024-01-01".into()), J::Str("2023-13-45".into()), "lexical date")
                }
                "dateTime" => (
                    J::Str("2024-01-01T10:00:00+01:00".into()),
                    J::Str("2024-01-01 10:00:00+01:00".into()),
                    "lexical dateTime",
                ),
                "decimal" => {
                    (J::Num("1.5".into()), J::Str("1.5".into()), "lexical decimal as string")
                }
                "integer" | "positiveInt" | "unsignedInt" => {
                    (J::Num("2".into()), J::Num("1.5".into()), "lexical integer as decimal")
                }
                "boolean" => (J::Bool(true), J::Str("true".into()), "lexical boolean as string"),
                _ => continue,
            };
            let wrap = |v: J| if e.is_repeating() { J::Arr(vec![v]) } else { v };
            let kpath = child(path, Seg::Key(name.to_string()));
            let at_path = if e.is_repeating() { child(&kpath, Seg::Idx(0)) } else { kpath };
            let add = |g: &Self, v: J| {
                g.edited(|d| {
                    if let J::Obj(m) = d.at_mut(path) {
                        m.push((name.to_string(), v));
                    }
                })
            };
            if !self.take("optional added (valid)") {
                continue;
            }
            let doc = add(self, wrap(good));
            self.valid.push(Variant {
                kind: "optional added",
                what: format!("{} ({ty})", e.id),
                at: String::new(),
                doc: doc.text(),
            });
            let doc = add(self, wrap(bad));
            let mut at = vec![self.fp(&at_path)];
            if kind == "per-1 start > end" {
                // The invariant points at the child at fault (`end`) when there
                // is one (invariants::evaluate), else at the Period.
                at.insert(0, format!("{}.end", at[0]));
            }
            self.push(kind, format!("{} ({ty}, added)", e.id), doc, at, Severity::Error, true);
        }
    }
}

fn lexical_kind(ty: &str) -> &'static str {
    match ty {
        "date" => "lexical date",
        "dateTime" => "lexical dateTime",
        "instant" => "lexical instant",
        "time" => "lexical time",
        "code" => "lexical code (double space)",
        "uri" | "url" | "canonical" | "oid" => "lexical uri (space)",
        "id" => "lexical id (65 chars)",
        "boolean" => "lexical boolean as string",
        "integer" | "positiveInt" | "unsignedInt" => "lexical integer as decimal",
        _ => "lexical decimal as string",
    }
}

fn remove_key(obj: &mut J, key: &str) {
    if let J::Obj(m) = obj {
        let under = format!("_{key}");
        m.retain(|(k, _)| k != key && *k != under);
    }
}

/// The first string leaf of `pattern` found in `v`, as a path relative to
/// `v`, with a value that breaks the pattern.
fn break_pattern(v: &J, pattern: &J, rel: &[Seg]) -> Option<(Vec<Seg>, J)> {
    match (v, pattern) {
        (J::Obj(m), J::Obj(p)) => {
            for (k, pv) in p {
                let (_, mv) = m.iter().find(|(mk, _)| mk == k)?;
                if let Some(r) = break_pattern(mv, pv, &child(rel, Seg::Key(k.clone()))) {
                    return Some(r);
                }
            }
            None
        }
        (J::Arr(a), J::Arr(p)) => {
            let pv = p.first()?;
            let (i, av) = a.iter().enumerate().find(|(_, av)| av.contains(pv))?;
            break_pattern(av, pv, &child(rel, Seg::Idx(i)))
        }
        (J::Str(s), J::Str(ps)) if s == ps => Some((rel.to_vec(), J::Str(format!("{s}0")))),
        (J::Bool(b), J::Bool(pb)) if b == pb => Some((rel.to_vec(), J::Bool(!b))),
        _ => None,
    }
}

/// Where the code of a bound value is: the string itself (`code`), `code`
/// of a Coding, `coding[0].code` of a CodeableConcept.
fn code_leaf(ty: &str, v: &J) -> Option<Vec<Seg>> {
    match ty {
        "code" | "string" | "uri" if v.as_str().is_some() => Some(Vec::new()),
        "Coding" if v.get("code").is_some() => Some(vec![Seg::Key("code".into())]),
        "CodeableConcept" => {
            let J::Arr(c) = v.get("coding")? else { return None };
            let i = c.iter().position(|x| x.get("code").is_some())?;
            Some(vec![Seg::Key("coding".into()), Seg::Idx(i), Seg::Key("code".into())])
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// The run.

/// The tables mutations are generated from and the options the validator
/// runs with.
fn setup() -> (Arc<Definitions>, ExchangeOptions) {
    let defs = Definitions::builtin();
    assert!(!defs.structures().is_empty(), "no built-in tables");
    let defs = Arc::new(defs);
    let opts = ExchangeOptions {
        rules: Options {
            validator: Some(Arc::new(Validator::new(defs.clone()))),
            ..Options::default()
        },
        // The structural validator is measured here (each example on its
        // own, as `--flow ro1` reads a fixture); the business rules of the
        // INT_R02/INT_R03 packs, which read some optional elements as
        // required (SPEC §7), are the flows suite's.
        flow: Some(int_ro1::flow::Flow::SlotSearch),
        ..ExchangeOptions::default()
    };
    (defs, opts)
}

fn errors_of(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity >= Severity::Error).collect()
}

fn expr(f: &Finding) -> &str {
    f.resolved.as_ref().map_or("?", |r| r.expression.as_str())
}

/// A code broken inside a coded value bound to a value set takes it out of
/// the set: the binding error on the enclosing value is the same defect.
fn binding_above(f: &Finding, at: &[String]) -> bool {
    ["RO1-FHIR-005", "RO1-PROF-003", "RO1-PROF-002"].contains(&f.rule.id)
        && at.iter().any(|a| related(a, &[expr(f).to_string()]))
}

/// Removing an element a parent's invariant ties to a sibling (app-1 type or
/// actor, cpt-2 system when a value, ext-1 value or extension) breaks that
/// invariant: an optional element is optional alone, not with its sibling gone.
fn invariant_of_parent(f: &Finding, at: &str) -> bool {
    ["RO1-FHIR-006", "RO1-FHIR-007", "RO1-FHIR-008", "RO1-FHIR-009", "RO1-PROF-008"]
        .contains(&f.rule.id)
        && at.rsplit_once('.').is_some_and(|(parent, _)| related(expr(f), &[parent.to_string()]))
}

fn related(expr: &str, at: &[String]) -> bool {
    at.iter().any(|a| {
        expr == a
            || expr
                .strip_prefix(a.as_str())
                .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
    })
}

#[derive(Default)]
struct Row {
    mutations: usize,
    caught: usize,
    rules: BTreeMap<String, usize>,
}

#[test]
fn mutations_generated_from_the_tables_are_caught_at_the_exact_path() {
    let Some(dir) = official_examples("mutations_generated_from_the_tables") else {
        return;
    };
    let (defs, opts) = setup();
    let tables = Tables { defs: &defs };
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut valid_errors = Vec::new();
    let mut valid_count = 0usize;
    let mut example_errors = Vec::new();
    for path in json_files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(&path).unwrap();
        let root = J::parse(&src);
        let rtype = root.get("resourceType").and_then(J::as_str).unwrap().to_string();
        if matches!(rtype.as_str(), "Bundle" | "OperationOutcome") {
            continue; // standalone resources only
        }
        let profile = root
            .get("meta")
            .and_then(|m| m.get("profile"))
            .and_then(|p| if let J::Arr(a) = p { a.first() } else { None })
            .and_then(J::as_str)
            .and_then(|u| defs.structure(u))
            .unwrap_or_else(|| panic!("{name}: profile not in the tables"));
        // Errors of the unmutated example are the examples test's business
        // (structure_examples.rs): listed once, not held against each mutation.
        let sig = |f: &Finding| format!("{} {}", f.rule.id, expr(f));
        let original = validate_body(&src, &opts);
        let baseline: Vec<String> = errors_of(&original.findings).into_iter().map(sig).collect();
        for b in &baseline {
            example_errors.push(format!("{name} | {b}"));
        }
        let mut g = Gen {
            t: &tables,
            root: root.clone(),
            rtype: rtype.clone(),
            out: Vec::new(),
            valid: Vec::new(),
            per_kind: BTreeMap::new(),
            covers: Vec::new(),
        };
        g.object(&[], Ctx { s: profile, id: &profile.elements[0].id }, &[]);
        g.valid.push(Variant {
            kind: "keys reversed",
            what: String::new(),
            at: String::new(),
            doc: root.reversed().text(),
        });
        g.valid.push(Variant {
            kind: "JSON escapes",
            what: String::new(),
            at: String::new(),
            doc: root.escaped_text(),
        });

        for m in &g.out {
            let report = validate_body(&m.doc, &opts);
            let row = rows.entry((m.kind.to_string(), rtype.clone())).or_default();
            row.mutations += 1;
            let hit = report
                .findings
                .iter()
                .filter(|f| f.severity >= m.severity && m.at.iter().any(|a| a == expr(f)))
                // The structural answer first, else the hand rule's.
                .min_by_key(|f| {
                    !(f.rule.id.starts_with("RO1-FHIR") || f.rule.id.starts_with("RO1-PROF"))
                });
            match hit {
                Some(f) => {
                    row.caught += 1;
                    *row.rules.entry(f.rule.id.to_string()).or_default() += 1;
                }
                None => {
                    *row.rules.entry("(missed)".into()).or_default() += 1;
                    let instead: Vec<String> = report
                        .findings
                        .iter()
                        .filter(|f| f.severity >= Severity::Warning)
                        .map(|f| format!("{} {} {}", f.severity, f.rule.id, expr(f)))
                        .collect();
                    misses.push(format!(
                        "{name} | {} | {} | expected at {} | got: {}",
                        m.kind,
                        m.what,
                        m.at[0],
                        if instead.is_empty() { "nothing".to_string() } else { instead.join("; ") }
                    ));
                }
            }
            if m.exact_only {
                for f in errors_of(&report.findings) {
                    if !related(expr(f), &m.at)
                        && !binding_above(f, &m.at)
                        && !m.covered_by.iter().any(|c| c == expr(f))
                        && !baseline.contains(&sig(f))
                    {
                        false_alarms.push(format!(
                            "{name} | {} | {} | unrelated {} {} at {}",
                            m.kind,
                            m.what,
                            f.severity,
                            f.rule.id,
                            expr(f)
                        ));
                    }
                }
            }
        }
        for v in &g.valid {
            valid_count += 1;
            let report = validate_body(&v.doc, &opts);
            for f in errors_of(&report.findings)
                .into_iter()
                .filter(|f| !baseline.contains(&sig(f)))
                .filter(|f| !(v.kind == "optional removed" && invariant_of_parent(f, &v.at)))
            {
                valid_errors.push(format!(
                    "{name} | {} | {} | {} {} at {}: {}",
                    v.kind,
                    v.what,
                    f.severity,
                    f.rule.id,
                    expr(f),
                    f.message.en
                ));
            }
            // Same document, other spelling: exactly the same findings (a
            // `\/` in meta.profile must still name the profile).
            if matches!(v.kind, "keys reversed" | "JSON escapes") {
                let all = |fs: &[Finding]| {
                    let mut v: Vec<String> =
                        fs.iter().map(|f| format!("{} {}", f.severity, sig(f))).collect();
                    v.sort();
                    v
                };
                let (a, b) = (all(&original.findings), all(&report.findings));
                if a != b {
                    let only_a: Vec<&String> = a.iter().filter(|x| !b.contains(x)).collect();
                    let only_b: Vec<&String> = b.iter().filter(|x| !a.contains(x)).collect();
                    valid_errors.push(format!(
                        "{name} | {} | findings differ from the original: lost {only_a:?}, new {only_b:?}",
                        v.kind
                    ));
                }
            }
        }
    }

    let mut text = String::new();
    let _ = writeln!(
        text,
        "# Mutations generated from the tables (at most {CAP} per kind per example)"
    );
    let _ = writeln!(
        text,
        "# kind | resource type | mutations | caught at the exact path | rules that answered"
    );
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for ((kind, rtype), row) in &rows {
        let rules: Vec<String> = row.rules.iter().map(|(r, n)| format!("{r}×{n}")).collect();
        let _ = writeln!(
            text,
            "{kind} | {rtype} | {} | {} | {}",
            row.mutations,
            row.caught,
            rules.join(" ")
        );
        let k = by_kind.entry(kind.clone()).or_default();
        k.0 += row.mutations;
        k.1 += row.caught;
    }
    let _ = writeln!(text, "\n# catch rate per kind");
    for (kind, (n, c)) in &by_kind {
        let _ = writeln!(text, "{kind}: {c}/{n}");
    }
    // Kinds the generator knows but no example offers an element for.
    let absent: Vec<&str> =
        ALL_KINDS.iter().copied().filter(|k| !by_kind.contains_key(*k)).collect();
    let _ = writeln!(text, "no element in any example for: {}", absent.join(", "));
    let _ =
        writeln!(text, "\n# valid variants: {valid_count}, with an error: {}", valid_errors.len());
    let _ = writeln!(text, "\n# not caught at the exact path ({})", misses.len());
    for m in &misses {
        let _ = writeln!(text, "{m}");
    }
    let _ = writeln!(text, "\n# errors at an unrelated path ({})", false_alarms.len());
    for m in &false_alarms {
        let _ = writeln!(text, "{m}");
    }
    let _ = writeln!(text, "\n# errors on the unmutated examples ({})", example_errors.len());
    for m in &example_errors {
        let _ = writeln!(text, "{m}");
    }
    let _ = writeln!(text, "\n# errors on valid variants ({})", valid_errors.len());
    for m in &valid_errors {
        let _ = writeln!(text, "{m}");
    }
    println!("{text}");

    let file = snapshots_dir().join("structure_mutations.txt");
    if std::env::var_os("SAS_UPDATE_SNAPSHOTS").is_some() || !file.exists() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &text).unwrap();
    } else {
        let pinned = std::fs::read_to_string(&file).unwrap();
        assert!(
            pinned == text,
            "structure_mutations.txt changed: review, then SAS_UPDATE_SNAPSHOTS=1\n{text}"
        );
    }
    assert!(
        misses.is_empty() && false_alarms.is_empty() && valid_errors.is_empty(),
        "{} mutations not caught at the exact path, {} unrelated errors, {} errors on valid variants (see the summary above)",
        misses.len(),
        false_alarms.len(),
        valid_errors.len()
    );
}
