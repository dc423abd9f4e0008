//! ValueSets into enumerable [`ValueSetTable`]s, expanded from the
//! CodeSystems and ValueSets at hand ([`Terminology`]).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::error::{LoadError, LoadErrorKind};
use super::json::{array_of, expect_resource, parse, str_of, text, text_of};
use crate::conformance::table::{Concept, ValueSetTable};

/// How deep `compose.include.valueSet` imports are followed (a cycle or an
/// absurd chain stops there and makes the value set incomplete).
const MAX_IMPORT_DEPTH: usize = 16;

/// The CodeSystems and ValueSets a value set may be expanded from.
///
/// ```
/// use fr_fhir_core::conformance::load::{value_set, Terminology};
/// let mut terms = Terminology::new();
/// terms.add_json(r#"{"resourceType":"CodeSystem","url":"http://x/cs","content":"complete",
///   "concept":[{"code":"a","concept":[{"code":"a1"}]},{"code":"b"}]}"#).unwrap();
/// let vs = value_set(r#"{"resourceType":"ValueSet","url":"http://x/vs",
///   "compose":{"include":[{"system":"http://x/cs"}],"exclude":[{"system":"http://x/cs","concept":[{"code":"b"}]}]}}"#,
///   &terms).unwrap();
/// let codes: Vec<&str> = vs.codes.iter().map(|c| &*c.code).collect();
/// assert_eq!(codes, ["a", "a1"]);
/// assert!(vs.complete);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Terminology {
    code_systems: HashMap<String, CodeSystemCodes>,
    value_sets: HashMap<String, Value>,
    expanded: HashMap<String, ValueSetTable>,
}

/// The codes of one CodeSystem, hierarchy flattened.
#[derive(Debug, Clone, Default)]
struct CodeSystemCodes {
    /// (code, display) in definition order, parents before children.
    concepts: Vec<(String, String)>,
    /// `content = complete`.
    complete: bool,
}

impl Terminology {
    /// Nothing known.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a CodeSystem, a ValueSet, or every CodeSystem and ValueSet of a
    /// Bundle (other resources are ignored). A later one with the same URL
    /// replaces an earlier one.
    pub fn add_json(&mut self, text: &str) -> Result<(), LoadError> {
        self.add_value(parse(text)?);
        Ok(())
    }

    /// Adds an already parsed resource (see [`Terminology::add_json`]).
    pub(crate) fn add_value(&mut self, v: Value) {
        match str_of(&v, "resourceType") {
            "CodeSystem" => {
                let url = str_of(&v, "url").to_owned();
                if url.is_empty() {
                    return;
                }
                let mut concepts = Vec::new();
                flatten(array_of(&v, "concept"), &mut concepts, 0);
                let complete = str_of(&v, "content") == "complete";
                self.code_systems.insert(url, CodeSystemCodes { concepts, complete });
            }
            "ValueSet" => {
                let url = str_of(&v, "url").to_owned();
                if !url.is_empty() {
                    self.value_sets.insert(url, v);
                }
            }
            "Bundle" => {
                if let Value::Object(mut map) = v
                    && let Some(Value::Array(entries)) = map.remove("entry")
                {
                    for mut e in entries {
                        if let Some(r) = e.get_mut("resource").map(Value::take) {
                            self.add_value(r);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds a value set already expanded (a built-in table): imports of it
    /// resolve to its codes.
    pub fn add_expanded(&mut self, vs: ValueSetTable) {
        self.expanded.insert(vs.url.to_string(), vs);
    }

    /// Adds a code system known only by its codes (no displays).
    pub fn add_code_list(&mut self, system: &str, codes: &[&str], complete: bool) {
        let concepts = codes.iter().map(|c| ((*c).to_owned(), String::new())).collect();
        self.code_systems.insert(system.to_owned(), CodeSystemCodes { concepts, complete });
    }

    /// True when a CodeSystem with this URL is known.
    pub fn has_code_system(&self, url: &str) -> bool {
        self.code_systems.contains_key(url)
    }

    /// The URLs of the ValueSets added, sorted.
    pub fn value_set_urls(&self) -> Vec<&str> {
        let mut urls: Vec<&str> = self.value_sets.keys().map(String::as_str).collect();
        urls.sort_unstable();
        urls
    }

    /// Expands the ValueSet added with this URL.
    pub fn expand(&self, url: &str) -> Option<ValueSetTable> {
        let url = url.split('|').next().unwrap_or(url);
        if let Some(v) = self.value_sets.get(url) {
            let mut seen = HashSet::new();
            return Some(self.expand_value(v, &mut seen));
        }
        self.expanded.get(url).cloned()
    }

    fn expand_value(&self, v: &Value, seen: &mut HashSet<String>) -> ValueSetTable {
        let mut set = CodeSet::default();
        let mut complete = true;
        if let Some(contains) =
            v.get("expansion").and_then(|e| e.get("contains")).and_then(Value::as_array)
        {
            flatten_contains(contains, &mut set, 0);
        } else if let Some(compose) = v.get("compose") {
            for inc in array_of(compose, "include") {
                let (codes, ok) = self.include(inc, seen);
                complete &= ok;
                for c in codes.items {
                    set.push(c);
                }
            }
            for exc in array_of(compose, "exclude") {
                let (codes, ok) = self.include(exc, seen);
                // What could not be enumerated may still be excluded.
                complete &= ok;
                let out: HashSet<(String, String)> = codes
                    .items
                    .into_iter()
                    .map(|c| (c.system.into_owned(), c.code.into_owned()))
                    .collect();
                set.items.retain(|c| !out.contains(&(c.system.to_string(), c.code.to_string())));
            }
        } else {
            complete = false;
        }
        ValueSetTable {
            url: text_of(v, "url"),
            version: text_of(v, "version"),
            name: text_of(v, "name"),
            codes: Cow::Owned(set.items),
            complete,
        }
    }

    /// The codes of one include/exclude, and whether they are all known.
    fn include(&self, inc: &Value, seen: &mut HashSet<String>) -> (CodeSet, bool) {
        let system = str_of(inc, "system");
        let mut complete = true;
        let mut own: Option<CodeSet> = None;
        if !system.is_empty() {
            let cs = self.code_systems.get(system);
            let mut set = CodeSet::default();
            let concepts = array_of(inc, "concept");
            if !array_of(inc, "filter").is_empty() {
                complete = false;
            } else if !concepts.is_empty() {
                for c in concepts {
                    let code = str_of(c, "code");
                    let mut display = str_of(c, "display");
                    if display.is_empty()
                        && let Some(cs) = cs
                    {
                        display = cs
                            .concepts
                            .iter()
                            .find(|(k, _)| k == code)
                            .map_or("", |(_, d)| d.as_str());
                    }
                    set.push(Concept {
                        system: text(system),
                        code: text(code),
                        display: text(display),
                    });
                }
            } else if let Some(cs) = cs {
                complete &= cs.complete;
                for (code, display) in &cs.concepts {
                    set.push(Concept {
                        system: text(system),
                        code: text(code),
                        display: text(display),
                    });
                }
            } else {
                complete = false;
            }
            own = Some(set);
        }
        // Several imported value sets intersect with each other and with the system part.
        for vs_url in array_of(inc, "valueSet").iter().filter_map(Value::as_str) {
            let url = vs_url.split('|').next().unwrap_or(vs_url);
            let imported = if seen.len() >= MAX_IMPORT_DEPTH || !seen.insert(url.to_owned()) {
                None
            } else {
                let r = match self.value_sets.get(url) {
                    Some(v) => Some(self.expand_value(v, seen)),
                    None => self.expanded.get(url).cloned(),
                };
                seen.remove(url);
                r
            };
            let Some(imported) = imported else {
                complete = false;
                continue;
            };
            complete &= imported.complete;
            let mut set = CodeSet::default();
            for c in imported.codes.iter() {
                set.push(c.clone());
            }
            own = Some(match own {
                None => set,
                Some(prev) => {
                    let keep: HashSet<(&str, &str)> =
                        set.items.iter().map(|c| (&*c.system, &*c.code)).collect();
                    let items = prev
                        .items
                        .into_iter()
                        .filter(|c| keep.contains(&(&*c.system, &*c.code)))
                        .collect();
                    CodeSet { items, keys: HashSet::new() }
                }
            });
        }
        (own.unwrap_or_default(), complete)
    }
}

/// Codes in order, without duplicates.
#[derive(Default)]
struct CodeSet {
    items: Vec<Concept>,
    keys: HashSet<(String, String)>,
}

impl CodeSet {
    fn push(&mut self, c: Concept) {
        if self.keys.insert((c.system.to_string(), c.code.to_string())) {
            self.items.push(c);
        }
    }
}

/// Hierarchy depth bound: a deeper concept tree is cut (definitions are
/// never that deep; a hostile one must not overflow the stack).
const MAX_DEPTH: usize = 64;

fn flatten(concepts: &[Value], out: &mut Vec<(String, String)>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in concepts {
        let code = str_of(c, "code");
        if !code.is_empty() {
            out.push((code.to_owned(), str_of(c, "display").to_owned()));
        }
        flatten(array_of(c, "concept"), out, depth + 1);
    }
}

fn flatten_contains(contains: &[Value], out: &mut CodeSet, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in contains {
        let code = str_of(c, "code");
        if !code.is_empty() && !c.get("abstract").and_then(Value::as_bool).unwrap_or(false) {
            out.push(Concept {
                system: text_of(c, "system"),
                code: text(code),
                display: text_of(c, "display"),
            });
        }
        flatten_contains(array_of(c, "contains"), out, depth + 1);
    }
}

/// Reads one ValueSet and expands it: `expansion.contains` when present,
/// else `compose` against `terms` (explicit concepts, whole code systems,
/// imported value sets, excludes). A filter, or a code system or import
/// not in `terms`, makes the table incomplete.
pub fn value_set(text: &str, terms: &Terminology) -> Result<ValueSetTable, LoadError> {
    value_set_from_value(&parse(text)?, terms)
}

/// [`value_set`] on an already parsed resource.
pub(crate) fn value_set_from_value(
    v: &Value,
    terms: &Terminology,
) -> Result<ValueSetTable, LoadError> {
    expect_resource(v, "ValueSet")?;
    let url = str_of(v, "url");
    if url.is_empty() {
        return Err(LoadError::input(LoadErrorKind::Field {
            field: "url".to_owned(),
            expected: "a string",
        }));
    }
    let mut seen = HashSet::from([url.to_owned()]);
    Ok(terms.expand_value(v, &mut seen))
}
