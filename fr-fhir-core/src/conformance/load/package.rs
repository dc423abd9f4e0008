//! An IG package (`.tgz` as published, or an unpacked folder) into tables.

use std::io::Read;
use std::path::Path;

use serde_json::Value;

use super::error::{LoadError, LoadErrorKind};
use super::json::str_of;
use super::structure::structure_from_value;
use super::value_set::Terminology;
use crate::conformance::table::{StructureTable, ValueSetTable};

/// The largest package entry read (a StructureDefinition is a few MB).
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// The largest package read, uncompressed (a gzip bomb stops here).
pub const MAX_PACKAGE_BYTES: u64 = 512 * 1024 * 1024;

/// The conformance resources of an IG package: its StructureDefinitions
/// (snapshots required) and its ValueSets, expanded against the package's
/// own CodeSystems and ValueSets.
///
/// Read are the JSON files at the top of the package folder (`package/` in
/// a `.tgz`); sub-folders (`example/`, `openapi/`, `xml/`, `other/`) and
/// other files are skipped, and so are resources other than
/// StructureDefinition, ValueSet and CodeSystem.
///
/// ```no_run
/// use fr_fhir_core::conformance::load::Package;
/// let p = Package::read("../shared/spec/ig-sas-1.1.0/package".as_ref())?;
/// assert_eq!(p.name, "ans.fhir.fr.sas");
/// # Ok::<(), fr_fhir_core::conformance::load::LoadError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Package {
    /// `package.json` name (`ans.fhir.fr.sas`), empty when absent.
    pub name: String,
    /// `package.json` version (`1.1.0`), empty when absent.
    pub version: String,
    /// The StructureDefinitions, sorted by file name.
    pub structures: Vec<StructureTable>,
    /// The ValueSets, expanded, sorted by file name.
    pub value_sets: Vec<ValueSetTable>,
    /// The CodeSystems and ValueSets of the package, to expand more value
    /// sets against.
    pub terminology: Terminology,
}

impl Package {
    /// Reads a package from a `.tgz` file or a folder (the one holding
    /// `package.json`, or its parent holding `package/`).
    pub fn read(path: &Path) -> Result<Package, LoadError> {
        Self::read_with(path, Terminology::new())
    }

    /// As [`Package::read`], expanding the package's value sets against
    /// `terms` as well (CodeSystems of the core spec, other packages).
    pub fn read_with(path: &Path, terms: Terminology) -> Result<Package, LoadError> {
        let files = if path.is_dir() { read_dir(path)? } else { read_tgz(path)? };
        Self::from_files(files, terms)
    }

    /// Builds a package from `(file name, JSON text)` pairs (the files at
    /// the top of the package folder).
    fn from_files(
        mut files: Vec<(String, String)>,
        mut terms: Terminology,
    ) -> Result<Package, LoadError> {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut pkg = Package::default();
        let mut sds = Vec::new();
        let mut vss = Vec::new();
        for (name, text) in files {
            let v: Value = serde_json::from_str(&text)
                .map_err(|e| LoadError::input(LoadErrorKind::Json(e.to_string())).in_file(&name))?;
            let base = name.rsplit('/').next().unwrap_or(&name);
            if base == "package.json" {
                pkg.name = str_of(&v, "name").to_owned();
                pkg.version = str_of(&v, "version").to_owned();
                continue;
            }
            match str_of(&v, "resourceType") {
                "StructureDefinition" => sds.push((name, v)),
                "ValueSet" => {
                    terms.add_value(v.clone());
                    vss.push((name, v));
                }
                "CodeSystem" => terms.add_value(v),
                _ => {}
            }
        }
        for (name, v) in &sds {
            pkg.structures.push(structure_from_value(v).map_err(|e| e.in_file(name))?);
        }
        for (name, v) in &vss {
            pkg.value_sets.push(
                super::value_set::value_set_from_value(v, &terms).map_err(|e| e.in_file(name))?,
            );
        }
        pkg.terminology = terms;
        Ok(pkg)
    }
}

fn io(file: &Path, e: impl std::fmt::Display) -> LoadError {
    LoadError::input(LoadErrorKind::Io(e.to_string())).in_file(file.display().to_string())
}

fn too_large(file: impl Into<String>, limit: u64) -> LoadError {
    LoadError::input(LoadErrorKind::TooLarge { limit }).in_file(file)
}

/// The top-level JSON files of an unpacked package.
fn read_dir(path: &Path) -> Result<Vec<(String, String)>, LoadError> {
    let dir = if path.join("package.json").is_file() {
        path.to_path_buf()
    } else if path.join("package/package.json").is_file() {
        path.join("package")
    } else {
        return Err(
            LoadError::input(LoadErrorKind::NotAPackage).in_file(path.display().to_string())
        );
    };
    let mut files = Vec::new();
    let mut total = 0u64;
    for entry in std::fs::read_dir(&dir).map_err(|e| io(&dir, e))? {
        let entry = entry.map_err(|e| io(&dir, e))?;
        let file = entry.path();
        let Some(name) = file.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !is_wanted(&name) || !file.is_file() {
            continue;
        }
        let len = entry.metadata().map_err(|e| io(&file, e))?.len();
        if len > MAX_ENTRY_BYTES {
            return Err(too_large(file.display().to_string(), MAX_ENTRY_BYTES));
        }
        total += len;
        if total > MAX_PACKAGE_BYTES {
            return Err(too_large(dir.display().to_string(), MAX_PACKAGE_BYTES));
        }
        let text = std::fs::read_to_string(&file).map_err(|e| io(&file, e))?;
        files.push((file.display().to_string(), text));
    }
    Ok(files)
}

/// A top-level file worth parsing (not the `.index.json` cache).
fn is_wanted(name: &str) -> bool {
    name.ends_with(".json") && !name.starts_with('.')
}

/// The top-level JSON files under `package/` of a published `.tgz`.
fn read_tgz(path: &Path) -> Result<Vec<(String, String)>, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| io(path, e))?;
    read_tgz_from(std::io::BufReader::new(file), &path.display().to_string())
}

/// [`read_tgz`] on any reader; `label` names the archive in errors.
pub(crate) fn read_tgz_from(
    reader: impl Read,
    label: &str,
) -> Result<Vec<(String, String)>, LoadError> {
    let err = |what: String, e: std::io::Error| {
        LoadError::input(LoadErrorKind::Io(e.to_string())).in_file(what)
    };
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(reader));
    let mut files = Vec::new();
    let mut total = 0u64;
    let mut saw_manifest = false;
    for entry in archive.entries().map_err(|e| err(label.to_owned(), e))? {
        let mut entry = entry.map_err(|e| err(label.to_owned(), e))?;
        let entry_path =
            entry.path().map_err(|e| err(label.to_owned(), e))?.to_string_lossy().into_owned();
        let shown = format!("{label}!{entry_path}");
        let size = entry.header().size().map_err(|e| err(shown.clone(), e))?;
        total = total.saturating_add(size);
        if total > MAX_PACKAGE_BYTES {
            return Err(too_large(label, MAX_PACKAGE_BYTES));
        }
        let rel = entry_path.strip_prefix("package/").unwrap_or("");
        if rel.is_empty()
            || rel.contains('/')
            || !is_wanted(rel)
            || !entry.header().entry_type().is_file()
        {
            continue;
        }
        if size > MAX_ENTRY_BYTES {
            return Err(too_large(shown, MAX_ENTRY_BYTES));
        }
        saw_manifest |= rel == "package.json";
        let mut text = String::new();
        // The header's size is what tar reads; the bound holds even if it lies.
        entry
            .by_ref()
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| err(shown.clone(), e))?;
        files.push((shown, text));
    }
    // Read to the end of the gzip stream: its CRC and length check a
    // truncated or corrupted download even when the tar part looked whole.
    let rest = MAX_PACKAGE_BYTES.saturating_sub(total);
    let mut decoder = archive.into_inner();
    std::io::copy(&mut decoder.by_ref().take(rest), &mut std::io::sink())
        .map_err(|e| err(label.to_owned(), e))?;
    if !saw_manifest {
        return Err(LoadError::input(LoadErrorKind::NotAPackage).in_file(label));
    }
    Ok(files)
}
