//! `--select` / `--ignore`: which rules are reported. A selector is a rule
//! ID (`RO1-BUNDLE-009`), an ID prefix ending at a `-` boundary (`RO1-ID`
//! takes `RO1-ID-001` but not `RO1-IDX-001`) or a kebab name (`finess-luhn`).

use fr_fhir_core::finding::{Message, RuleMeta};

/// The rules reported, as a set of catalogue indices.
///
/// ```
/// use validator_cli::check::Settings;
/// use validator_cli::select::Selection;
/// // As `--select RO1-SLOT --ignore RO1-SLOT-015`.
/// let selection = Selection::new(&["RO1-SLOT".into()], &["RO1-SLOT-015".into()]).unwrap();
/// assert!(selection.keeps(int_ro1::by_id("RO1-SLOT-001").unwrap()));
/// assert!(!selection.keeps(int_ro1::by_id("RO1-SLOT-015").unwrap()));
/// assert!(Selection::new(&["RO1-NOPE".into()], &[]).is_err());
/// let settings = Settings { selection, ..Default::default() };
/// # let _ = settings;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// `keep[i]`: rule `RULES[i]` is reported.
    keep: Vec<bool>,
    /// Every rule is reported.
    all: bool,
}

impl Default for Selection {
    /// Every rule.
    fn default() -> Self {
        Selection { keep: vec![true; int_ro1::catalog().rules().len()], all: true }
    }
}

impl Selection {
    /// The selection of `select` (all rules when empty) minus `ignore`:
    /// `--ignore` wins. Each string may hold several comma-separated
    /// selectors. Fails on the first selector that matches no rule.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Self, Message> {
        let select = parse(select)?;
        let ignore = parse(ignore)?;
        let keep = int_ro1::catalog()
            .rules()
            .iter()
            .map(|r| {
                (select.is_empty() || select.iter().any(|s| matches(s, r)))
                    && !ignore.iter().any(|s| matches(s, r))
            })
            .collect::<Vec<bool>>();
        let all = keep.iter().all(|k| *k);
        Ok(Selection { keep, all })
    }

    /// The rule is reported.
    pub fn keeps(&self, rule: &RuleMeta) -> bool {
        if self.all {
            return true;
        }
        // Rules are `static`s of the catalogue: their ID is the key. A rule
        // outside the catalogue (none today) is kept rather than lost.
        int_ro1::catalog()
            .rules()
            .iter()
            .position(|r| r.id == rule.id)
            .and_then(|i| self.keep.get(i).copied())
            .unwrap_or(true)
    }

    /// Every rule is reported (nothing to filter).
    pub fn is_all(&self) -> bool {
        self.all
    }

    /// The IDs of the rules left out, for the libraries (`Options::ignore`):
    /// they drop those findings before their cap, so that the rules left
    /// keep exact counts; `None` when every rule is reported.
    pub fn ignored_ids(&self) -> Option<std::sync::Arc<std::collections::HashSet<&'static str>>> {
        if self.all {
            return None;
        }
        let ids = int_ro1::catalog()
            .rules()
            .iter()
            .zip(&self.keep)
            .filter(|(_, k)| !**k)
            .map(|(r, _)| r.id);
        Some(std::sync::Arc::new(ids.collect()))
    }
}

/// Splits the comma-separated lists and checks that each selector names at
/// least one rule.
fn parse(raw: &[String]) -> Result<Vec<String>, Message> {
    let mut out = Vec::new();
    for s in raw.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let key = s.to_ascii_uppercase().replace('_', "-");
        if !int_ro1::catalog().rules().iter().any(|r| matches(&key, r)) {
            return Err(Message::new(
                format!(
                    "sélecteur de règle inconnu `{s}` (un ID, un préfixe d'ID ou un nom : voir `sas-validate rules`)"
                ),
                format!(
                    "unknown rule selector `{s}` (a rule ID, ID prefix or name: see `sas-validate rules`)"
                ),
            ));
        }
        out.push(key);
    }
    Ok(out)
}

/// `key` is upper-case with `-` separators.
fn matches(key: &str, r: &RuleMeta) -> bool {
    let id = r.id.to_ascii_uppercase();
    id == key
        || id.strip_prefix(key).is_some_and(|rest| rest.starts_with('-'))
        || r.name.eq_ignore_ascii_case(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use int_ro1::by_id;

    fn sel(select: &[&str], ignore: &[&str]) -> Result<Selection, Message> {
        let v = |x: &[&str]| x.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        Selection::new(&v(select), &v(ignore))
    }

    #[test]
    fn ids_prefixes_and_names() {
        let s = sel(&["RO1-SLOT"], &[]).unwrap();
        assert!(s.keeps(by_id("RO1-SLOT-005").unwrap()));
        assert!(!s.keeps(by_id("RO1-BUNDLE-009").unwrap()));
        let s = sel(&["slot-start-before-end,ro1-bundle-009"], &[]).unwrap();
        assert!(s.keeps(by_id("RO1-SLOT-005").unwrap()));
        assert!(s.keeps(by_id("RO1-BUNDLE-009").unwrap()));
        assert!(!s.keeps(by_id("RO1-SLOT-004").unwrap()));
    }

    #[test]
    fn prefixes_stop_at_a_dash() {
        assert!(sel(&["RO1-SLO"], &[]).is_err());
        assert!(sel(&["RO1-SLOT-00"], &[]).is_err());
        assert!(sel(&["nope"], &[]).unwrap_err().en.contains("`nope`"));
    }

    #[test]
    fn ignore_wins() {
        let s = sel(&["RO1-SLOT"], &["RO1-SLOT-005"]).unwrap();
        assert!(!s.keeps(by_id("RO1-SLOT-005").unwrap()));
        assert!(s.keeps(by_id("RO1-SLOT-004").unwrap()));
        assert!(sel(&[], &[]).unwrap().is_all());
    }
}
