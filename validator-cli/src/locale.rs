//! Choice of the output language.

use fr_fhir_core::finding::Lang;

use crate::cli::LangArg;

/// The language asked for, else the one of the POSIX locale: the users are
/// French, so only a locale starting with `en` switches to English.
pub fn resolve(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => from_env(|k| std::env::var(k).ok()),
    }
}

/// The POSIX precedence: the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`.
fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    let locale =
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|k| get(k)).find(|v| !v.is_empty());
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Fr,
    }
}

/// Picks the text of `lang` among two literals.
pub fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_string())
    }

    #[test]
    fn english_only_for_en_locales() {
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), Lang::Fr);
        assert_eq!(from_env(env(&[])), Lang::Fr);
    }

    #[test]
    fn lc_all_wins_and_empty_values_are_skipped() {
        assert_eq!(from_env(env(&[("LC_ALL", "fr_FR"), ("LANG", "en_GB")])), Lang::Fr);
        assert_eq!(from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_GB")])), Lang::En);
    }

    #[test]
    fn explicit_choice_wins() {
        assert_eq!(resolve(Some(LangArg::En)), Lang::En);
        assert_eq!(resolve(Some(LangArg::Fr)), Lang::Fr);
    }
}
