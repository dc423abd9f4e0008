//! The command line in the user's language: `--help` texts and argument
//! errors in French when the run is in French. The language is read from
//! argv (`--lang`) or the locale before clap parses, since clap prints help
//! and errors while parsing.

use std::ffi::OsString;
use std::io::{self, Write};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use fr_fhir_core::finding::Lang;

use crate::cli::{Cli, LangArg};

/// `--lang X` or `--lang=X` in argv (the last one wins, as clap does);
/// None when absent or not a known language (clap will then say so).
pub fn lang_in_args(argv: &[OsString]) -> Option<LangArg> {
    let mut found = None;
    let mut it = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        found = match value.as_deref() {
            Some("fr") => Some(LangArg::Fr),
            Some("en") => Some(LangArg::En),
            _ => found,
        };
    }
    found
}

/// Parses argv with the help texts of `lang`.
pub fn parse(argv: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let mut cmd = command(lang);
    let matches = cmd.try_get_matches_from_mut(argv)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.with_cmd(&cmd))
}

/// The command definition in `lang` (English is the one of the derive).
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Fr => french(cmd),
    }
}

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// Help texts by clap argument id.
type Helps = &'static [(&'static str, &'static str)];

/// French help of each argument of the validation run (by clap id).
const ARGS: Helps = &[
    (
        "inputs",
        "Corps de réponse (.json), captures HAR (.har), répertoires (parcourus pour les deux), ou `-` pour l'entrée standard.",
    ),
    (
        "request",
        "URL de la requête qui a produit un fichier de réponse unique (défaut : le lien `self` du Bundle).",
    ),
    (
        "format",
        "Format de sortie : text, json, json-lines, operation-outcome, junit, sarif, github [défaut : text].",
    ),
    (
        "lang",
        "Langue des messages : fr, en (défaut : selon LC_ALL, LC_MESSAGES, LANG ; français sauf `en*`).",
    ),
    (
        "use_case",
        "Cas d'usage : ps, cpts, sos, auto (défaut : déduit de la requête, des profils, du contenu).",
    ),
    (
        "flow",
        "Flux des fichiers de corps seuls : ro1 (recherche de créneaux), r02 (comptes régulateurs), r03 (rendez-vous) (défaut : déduit de resourceType et meta.profile ; les échanges d'une capture HAR sont aiguillés par leur ligne de requête).",
    ),
    (
        "ig_version",
        "Lecture de l'IG pour les règles des rendez-vous : 1.1.0 (paquet certifié) ou 1.2.0 (main) [défaut : 1.1.0].",
    ),
    (
        "ig",
        "Paquet d'IG dont les profils remplacent ou complètent ceux de l'IG SAS 1.1.0 intégré : archive .tgz telle que publiée ou dossier décompressé (un seul paquet par exécution).",
    ),
    (
        "profile",
        "Valide chaque ressource selon ce profil : son URL canonique, ou son nom (`FrSlotAgregateur`) parmi les définitions intégrées ou celles de --ig.",
    ),
    (
        "base",
        "Valide selon FHIR R4 de base seulement : aucun profil, aucune règle SAS (fixtures FHIR génériques).",
    ),
    (
        "now",
        "Instant où les réponses ont été produites (RFC 3339), pour les règles qui dépendent de l'heure.",
    ),
    ("strict", "Les constats de clé de contrôle (Luhn) deviennent des erreurs."),
    (
        "no_strict",
        "Les constats de clé de contrôle restent des avertissements, quoi que dise le fichier de configuration.",
    ),
    (
        "no_redact",
        "Ne masque pas les données personnelles, quoi que dise le fichier de configuration.",
    ),
    ("redact", "Masque noms, identifiants, téléphones et adresses dans les messages et extraits."),
    (
        "min_severity",
        "Masque les constats sous cette sévérité ; ils comptent pour --fail-on. Défaut : `warning` pour text, `information` sinon.",
    ),
    ("fail_on", "Code retour 1 quand un constat atteint cette sévérité [défaut : error]."),
    (
        "select",
        "Ne rapporte que ces règles : IDs, préfixes d'ID ou noms, répétable ou séparés par des virgules (`RO1-BUNDLE-009`, `RO1-ID`, `finess-luhn`).",
    ),
    ("ignore", "Ne rapporte pas ces règles (même syntaxe que --select, qu'elle emporte)."),
    (
        "config",
        "Fichier de configuration (défaut : le premier sas-validate.toml en remontant depuis le répertoire du premier fichier ; dans FILE, la table [tool.sas-validate] si elle existe).",
    ),
    (
        "baseline",
        "Ne compte pas les constats listés dans ce fichier de référence (voir --write-baseline).",
    ),
    (
        "write_baseline",
        "Écrit les empreintes des constats actuels dans FILE et termine avec le code 0 (1 si un corps est inexploitable : les constats fatals ne vont jamais dans la référence).",
    ),
    (
        "color",
        "Couleurs du texte : auto, always, never (`auto` : sur un terminal et sans NO_COLOR) [défaut : auto].",
    ),
    ("jobs", "Nombre de fichiers validés en parallèle (défaut : le nombre de processeurs)."),
    ("quiet", "Ni résumé, ni notes, ni barre de progression : constats et erreurs seulement."),
    (
        "statistics",
        "Une ligne par règle (nombre, ID, sévérité, nom, premier emplacement) au lieu de chaque constat, avec --format text ou json ; compte les constats au niveau de --min-severity ou au-dessus.",
    ),
];

/// French about of each subcommand, then the help of its arguments.
const SUBCOMMANDS: &[(&str, &str, Helps)] = &[
    (
        "rules",
        "Liste le catalogue des règles.",
        &[("json", "Catalogue en JSON au lieu d'un tableau.")],
    ),
    (
        "explain",
        "Affiche la documentation d'une règle (par ID comme RO1-SLOT-005 ou par nom comme slot-start-before-end).",
        &[("rule", "ID ou nom de la règle.")],
    ),
    ("completions", "Affiche un script de complétion pour le shell.", &[("shell", "Shell visé.")]),
    (
        "schema",
        "Affiche un JSON Schema : du rapport `--format json` (défaut), du catalogue des règles, ou des modèles FHIR (`bundle`, `operation-outcome`).",
        &[("kind", "Quel schéma : report, rules, bundle, operation-outcome [défaut : report].")],
    ),
    (
        "lsp",
        "Lance un serveur de langage (LSP) sur l'entrée et la sortie standard pour les éditeurs : constats des corps JSON et captures HAR pendant la frappe, le survol d'un constat montre la documentation de sa règle.",
        &[
            (
                "ig",
                "Paquet d'IG, comme pour une validation (l'emporte sur `ig` du fichier de configuration).",
            ),
            (
                "config",
                "Fichier de configuration (défaut : le premier sas-validate.toml en remontant depuis le dossier de chaque document).",
            ),
            (
                "stdio",
                "Accepté pour les éditeurs qui le passent ; l'entrée et la sortie standard sont le seul transport.",
            ),
        ],
    ),
];

fn french(cmd: Command) -> Command {
    // clap builds its own --help / --version only when the command is built,
    // and they cannot be changed afterwards: ours replace them, in French.
    let mut cmd = with_french_help(cmd)
        .about("Validateur hors ligne des échanges INT_RO1 de recherche de créneaux du SAS (corps de réponse FHIR R4 et captures HAR).")
        .subcommand_help_heading("Commandes")
        .after_help("Code retour : 0 aucun constat au niveau de --fail-on, 1 constats, 2 erreur d'usage ou fichier inutilisable.")
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("Affiche la version."));
    for (id, help) in ARGS {
        if cmd.get_arguments().any(|a| a.get_id() == *id) {
            cmd = cmd.mut_arg(*id, |a| french_arg(a, help));
        }
    }
    for (name, about, args) in SUBCOMMANDS {
        if cmd.find_subcommand(name).is_none() {
            continue;
        }
        cmd = cmd.mut_subcommand(*name, |sub| {
            let mut sub = with_french_help(sub).about(*about);
            for (id, help) in *args {
                if sub.get_arguments().any(|a| a.get_id() == *id) {
                    sub = sub.mut_arg(*id, |a| french_arg(a, help));
                }
            }
            sub
        });
    }
    cmd
}

/// The French help of an argument; the possible and default values, which
/// clap would introduce in English, are in that text instead.
fn french_arg(a: Arg, help: &'static str) -> Arg {
    let takes_values = a.get_action().takes_values();
    let a = a.help(help);
    if takes_values { a.hide_possible_values(true).hide_default_value(true) } else { a }
}

fn with_french_help(cmd: Command) -> Command {
    cmd.help_template(TEMPLATE).disable_help_flag(true).arg(
        Arg::new("help").short('h').long("help").action(ArgAction::Help).help("Affiche l'aide."),
    )
}

/// Prints a clap error (or the help / version it carries) in `lang`. The
/// common kinds are said in French; the others keep clap's English text.
pub fn print_error(e: &clap::Error, lang: Lang) -> io::Result<()> {
    let french = match lang {
        Lang::Fr => french_message(e),
        Lang::En => None,
    };
    match french {
        Some(text) => {
            let mut err = io::stderr().lock();
            writeln!(err, "erreur : {text}")?;
            writeln!(err)?;
            writeln!(err, "Pour plus d'informations, essayez « --help ».")
        }
        None => e.print(),
    }
}

fn french_message(e: &clap::Error) -> Option<String> {
    let arg = || match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let value = || match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let suggested = match e.get(ContextKind::SuggestedArg) {
        Some(ContextValue::String(s)) => format!("\n\n  astuce : vouliez-vous dire « {s} » ?"),
        _ => String::new(),
    };
    let valid = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => format!(" (valeurs possibles : {})", v.join(", ")),
        _ => String::new(),
    };
    Some(match e.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu « {} »{suggested}", arg()),
        ErrorKind::InvalidValue => {
            format!("valeur « {} » invalide pour « {} »{valid}", value(), arg())
        }
        ErrorKind::ValueValidation => format!("valeur « {} » invalide pour « {} »", value(), arg()),
        ErrorKind::MissingRequiredArgument if arg().contains("INPUT") => {
            format!("argument obligatoire absent : {} (aucun fichier à valider)", arg())
        }
        ErrorKind::MissingRequiredArgument => format!("argument obligatoire absent : {}", arg()),
        ErrorKind::InvalidSubcommand => format!("sous-commande inconnue « {} »", arg()),
        ErrorKind::ArgumentConflict => {
            let prior = match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(s)) => s.clone(),
                Some(ContextValue::Strings(v)) => v.join(", "),
                _ => String::new(),
            };
            if prior.is_empty() || prior == arg() {
                format!("l'argument « {} » ne peut être donné qu'une fois", arg())
            } else {
                format!("l'argument « {} » ne peut pas être utilisé avec « {prior} »", arg())
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_in_both_spellings() {
        assert_eq!(lang_in_args(&args(&["x", "--lang", "en", "rules"])), Some(LangArg::En));
        assert_eq!(lang_in_args(&args(&["x", "--lang=fr"])), Some(LangArg::Fr));
        assert_eq!(lang_in_args(&args(&["x", "--", "--lang=en"])), None);
        assert_eq!(lang_in_args(&args(&["x", "--lang"])), None);
    }

    #[test]
    fn french_command_is_consistent_and_french() {
        let mut cmd = command(Lang::Fr);
        cmd.build();
        cmd.clone().debug_assert();
        let help = cmd.render_help().to_string();
        assert!(help.contains("Utilisation :") && help.contains("Affiche l'aide"), "{help}");
        assert!(parse(args(&["x", "--lang", "en", "explain", "RO1-SLOT-004"]), Lang::Fr).is_ok());
    }
}
