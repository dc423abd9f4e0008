//! The registry of conformance resources a validation uses: structures by
//! canonical URL and base definitions by type name, value sets by URL.

use std::collections::HashMap;

use std::path::Path;

use super::load::{LoadError, Package, Terminology};
use super::table::{StructureTable, ValueSetTable};

/// StructureDefinitions and value sets, looked up by canonical URL.
///
/// The built-in registry ([`Definitions::builtin`]) holds base FHIR R4 and the
/// SAS IG 1.1.0 as generated tables; an IG package loaded at run time is
/// added on top ([`Definitions::add_structure`], [`Definitions::add_value_set`]):
/// a definition with the URL of a built-in one replaces it.
///
/// ```
/// use fr_fhir_core::conformance::Definitions;
/// let defs = Definitions::builtin();
/// let slot = defs.base("Slot").unwrap();
/// assert_eq!(slot.url, "http://hl7.org/fhir/StructureDefinition/Slot");
/// assert!(defs.structure("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur").is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Definitions {
    structures: Vec<StructureTable>,
    value_sets: Vec<ValueSetTable>,
    by_url: HashMap<String, usize>,
    base_by_type: HashMap<String, usize>,
    vs_by_url: HashMap<String, usize>,
}

impl Definitions {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Base FHIR R4 (the resource types of the SAS flows and every datatype)
    /// and the SAS IG 1.1.0, from the generated tables. Cheap: the tables are
    /// statics, only the lookup maps are built.
    pub fn builtin() -> Self {
        let mut defs = Self::new();
        for s in super::generated::structures() {
            defs.add_structure(s.clone());
        }
        for v in super::generated::value_sets() {
            defs.add_value_set(v.clone());
        }
        defs
    }

    /// The built-in registry with an IG package on top (`--ig PATH`: a
    /// `.tgz` as published or an unpacked folder): a package definition
    /// with the URL of a built-in one replaces it.
    ///
    /// ```no_run
    /// use fr_fhir_core::conformance::Definitions;
    /// let defs = Definitions::builtin_with_package("../shared/spec/ig-sas-1.1.0/package".as_ref())?;
    /// assert!(defs.structure("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur").is_some());
    /// # Ok::<(), fr_fhir_core::conformance::load::LoadError>(())
    /// ```
    pub fn builtin_with_package(path: &Path) -> Result<Self, LoadError> {
        let mut defs = Self::builtin();
        defs.load_package(path)?;
        Ok(defs)
    }

    /// Reads an IG package and adds its structures and value sets (same URL
    /// replaces). Its value sets may import the value sets already here.
    pub fn load_package(&mut self, path: &Path) -> Result<(), LoadError> {
        let mut terms = Terminology::new();
        for v in &self.value_sets {
            terms.add_expanded(v.clone());
        }
        let pkg = Package::read_with(path, terms)?;
        for s in pkg.structures {
            self.add_structure(s);
        }
        for v in pkg.value_sets {
            self.add_value_set(v);
        }
        Ok(())
    }

    /// Adds a structure; one with the same URL is replaced. A base
    /// definition (not a profile) also becomes the base of its type.
    pub fn add_structure(&mut self, s: StructureTable) {
        let base = (!s.is_profile).then(|| s.type_name.to_string());
        let url = s.url.to_string();
        let i = match self.by_url.get(&url) {
            Some(&i) => {
                if let Some(slot) = self.structures.get_mut(i) {
                    *slot = s;
                }
                i
            }
            None => {
                self.structures.push(s);
                let i = self.structures.len() - 1;
                self.by_url.insert(url, i);
                i
            }
        };
        if let Some(t) = base {
            self.base_by_type.insert(t, i);
        }
    }

    /// Adds a value set; one with the same URL is replaced.
    pub fn add_value_set(&mut self, v: ValueSetTable) {
        let url = v.url.to_string();
        match self.vs_by_url.get(&url) {
            Some(&i) => {
                if let Some(slot) = self.value_sets.get_mut(i) {
                    *slot = v;
                }
            }
            None => {
                self.value_sets.push(v);
                self.vs_by_url.insert(url, self.value_sets.len() - 1);
            }
        }
    }

    /// The structure with this canonical URL (a `|version` suffix is ignored).
    pub fn structure(&self, url: &str) -> Option<&StructureTable> {
        let url = url.split('|').next().unwrap_or(url);
        self.by_url.get(url).and_then(|&i| self.structures.get(i))
    }

    /// The structure a user names: a canonical URL (a `|version` suffix is
    /// ignored), else a computer name (`FrSlotAgregateur`, case-sensitive; the
    /// last added wins, so an `--ig` package's).
    ///
    /// ```
    /// use fr_fhir_core::conformance::Definitions;
    /// let defs = Definitions::builtin();
    /// let by_name = defs.find("FrSlotAgregateur").unwrap();
    /// assert_eq!(defs.find(&by_name.url).unwrap().name, "FrSlotAgregateur");
    /// assert!(defs.find("frslotagregateur").is_none());
    /// ```
    pub fn find(&self, url_or_name: &str) -> Option<&StructureTable> {
        self.structure(url_or_name)
            .or_else(|| self.structures.iter().rev().find(|s| s.name == url_or_name))
    }

    /// The base definition of a type (`Slot`, `Identifier`, `string`).
    pub fn base(&self, type_name: &str) -> Option<&StructureTable> {
        self.base_by_type.get(type_name).and_then(|&i| self.structures.get(i))
    }

    /// The value set with this canonical URL (a `|version` suffix is ignored).
    pub fn value_set(&self, url: &str) -> Option<&ValueSetTable> {
        let url = url.split('|').next().unwrap_or(url);
        self.vs_by_url.get(url).and_then(|&i| self.value_sets.get(i))
    }

    /// Every structure, in the order added.
    pub fn structures(&self) -> &[StructureTable] {
        &self.structures
    }

    /// Every value set, in the order added.
    pub fn value_sets(&self) -> &[ValueSetTable] {
        &self.value_sets
    }

    /// The profiles (not base definitions) of a type, in the order added.
    pub fn profiles_of<'d>(
        &'d self,
        type_name: &'d str,
    ) -> impl Iterator<Item = &'d StructureTable> + 'd {
        self.structures.iter().filter(move |s| s.is_profile && s.type_name == type_name)
    }
}
