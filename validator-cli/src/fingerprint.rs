//! Finding fingerprints, for `--baseline`: rule ID + input path + exchange
//! index + expression + the JSON scalar found there. Line and column are
//! left out on purpose, so that re-indenting or minifying a file keeps its
//! fingerprints; the value is in, so that a changed value is a new finding.

/// The fingerprint of one finding: FNV-1a 64 of its parts, 16 hex digits.
/// FNV is tiny, stable across Rust versions and platforms (unlike
/// `DefaultHasher`), and collisions only matter within one baseline.
pub fn fingerprint(
    rule: &str,
    path: &str,
    exchange: usize,
    expression: &str,
    value: Option<&str>,
) -> String {
    let path = path.replace('\\', "/");
    let exchange = exchange.to_string();
    let mut h = Fnv::default();
    // A unit separator between parts: `a` + `bc` differs from `ab` + `c`.
    for part in [rule, path.as_str(), exchange.as_str(), expression, value.unwrap_or("\u{1}")] {
        h.write(part.as_bytes());
        h.write(&[0x1f]);
    }
    format!("{:016x}", h.0)
}

/// The input path as it enters a fingerprint: relative to the working
/// directory when the file is under it, whatever way it was typed (`inv/`,
/// `./inv/`, an absolute path), so that a baseline written from one command
/// line applies to another; the path as given otherwise (stdin is `-`).
///
/// ```
/// let here = std::env::current_dir().unwrap().join("Cargo.toml");
/// assert_eq!(validator_cli::fingerprint::input_key(here.to_str().unwrap()), "Cargo.toml");
/// assert_eq!(validator_cli::fingerprint::input_key("./Cargo.toml"), "Cargo.toml");
/// ```
pub fn input_key(path: &str) -> String {
    let relative = (path != "-")
        .then(|| {
            let cwd = lexical(&std::env::current_dir().ok()?);
            let abs = lexical(&std::path::absolute(path).ok()?);
            abs.strip_prefix(&cwd).ok().map(|r| r.to_string_lossy().into_owned())
        })
        .flatten();
    relative.unwrap_or_else(|| path.to_owned()).replace('\\', "/")
}

/// `path` without `.` components and with `..` folded, without touching the
/// file system: a symbolic link keeps the name it was given by (a baseline
/// must not depend on where a link points).
fn lexical(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The longest value read into a fingerprint, in bytes. A longer scalar
/// (a base64 body, where every finding points at the one string) is left
/// out: reading it for each finding would be quadratic, and a value that
/// long identifies nothing better than its expression does.
const MAX_VALUE: usize = 1024;

/// The JSON scalar (string, number, `true`, `false`, `null`) that starts
/// at `offset` in `src`, decoded so that escapes do not matter; `None` at an
/// object, an array, a scalar longer than `MAX_VALUE` (1 KiB) or anywhere else. In a
/// HAR capture a body is a JSON string, so its scalars are escaped once more
/// (`\"value\"`): that form is read too, whatever escapes the HAR writer
/// chose (`\u00e9` or `é` give the same value).
pub fn scalar_at(src: &str, offset: usize) -> Option<String> {
    let mut end = offset.saturating_add(MAX_VALUE).min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let rest = src.get(offset..end)?;
    let cut = end < src.len();
    if let Some(inner) = rest.strip_prefix("\\\"") {
        // Undo the HAR level of escaping until the body's string ends.
        let mut body = String::from("\"");
        let mut chars = inner.chars();
        let mut escaped = false;
        while let Some(c) = chars.next() {
            let c = match c {
                '\\' => match chars.next()? {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'u' => {
                        let unit = hex4(&mut chars)?;
                        if (0xD800..0xDC00).contains(&unit) {
                            // A surrogate pair: `\uD83D\uDE00` is one character.
                            if chars.next()? != '\\' || chars.next()? != 'u' {
                                return None;
                            }
                            let low = hex4(&mut chars)?;
                            if !(0xDC00..0xE000).contains(&low) {
                                return None;
                            }
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                        } else {
                            char::from_u32(unit)?
                        }
                    }
                    _ => return None,
                },
                c => c,
            };
            body.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                return serde_json::from_str::<String>(&body).ok();
            }
        }
        return None;
    }
    match rest.as_bytes().first()? {
        b'"' => {
            let bytes = rest.as_bytes();
            let mut i = 1;
            while let Some(b) = bytes.get(i) {
                match b {
                    b'\\' => i += 2,
                    b'"' => return serde_json::from_str::<String>(rest.get(..=i)?).ok(),
                    _ => i += 1,
                }
            }
            None
        }
        b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
            let end =
                rest.find(|c: char| matches!(c, ',' | '}' | ']' | '\\') || c.is_ascii_whitespace());
            // A token running to the end of a cut window is too long.
            let end = match end {
                Some(e) => e,
                None if cut => return None,
                None => rest.len(),
            };
            let token = rest.get(..end)?;
            serde_json::from_str::<serde_json::Value>(token)
                .ok()
                .filter(|v| !v.is_object() && !v.is_array())
                .map(|_| token.to_string())
        }
        _ => None,
    }
}

/// Four hexadecimal digits of a `\u` escape.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut v = 0;
    for _ in 0..4 {
        v = v * 16 + chars.next()?.to_digit(16)?;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_hex_and_sensitive_to_every_part() {
        let a =
            fingerprint("RO1-SLOT-004", "a.json", 0, "Bundle.entry[1].resource.start", Some("x"));
        assert_eq!(a.len(), 16);
        assert_eq!(
            a,
            fingerprint("RO1-SLOT-004", "a.json", 0, "Bundle.entry[1].resource.start", Some("x"))
        );
        assert_ne!(
            a,
            fingerprint("RO1-SLOT-004", "a.json", 0, "Bundle.entry[1].resource.start", Some("y"))
        );
        assert_ne!(
            a,
            fingerprint("RO1-SLOT-004", "a.json", 1, "Bundle.entry[1].resource.start", Some("x"))
        );
        assert_ne!(
            a,
            fingerprint("RO1-SLOT-004", "a.json", 0, "Bundle.entry[1].resource.start", None)
        );
        assert_eq!(
            a,
            fingerprint("RO1-SLOT-004", "a.json", 0, "Bundle.entry[1].resource.start", Some("x"))
        );
        // FNV-1a 64 of the empty input is its offset basis.
        assert_eq!(format!("{:016x}", Fnv::default().0), "cbf29ce484222325");
    }

    #[test]
    fn windows_separators_do_not_matter() {
        assert_eq!(
            fingerprint("R", "a\\b.json", 0, "", None),
            fingerprint("R", "a/b.json", 0, "", None)
        );
    }

    #[test]
    fn scalars_are_read_and_decoded() {
        let src = r#"{"a": "x\u00e9\"", "b": 12.5, "c": true, "d": [1], "e": {}}"#;
        let at = |k: &str| scalar_at(src, src.find(k).unwrap_or(0) + k.len() + 2);
        assert_eq!(at(r#""a""#).as_deref(), Some("xé\""));
        assert_eq!(at(r#""b""#).as_deref(), Some("12.5"));
        assert_eq!(at(r#""c""#).as_deref(), Some("true"));
        assert_eq!(at(r#""d""#), None);
        assert_eq!(at(r#""e""#), None);
        assert_eq!(scalar_at(src, 999), None);
        let har = r#"{"text": "{\"start\": \"2026\\\"x\", \"n\": 3}"}"#;
        let off = har.find(r#"\"2026"#).unwrap_or(0);
        assert_eq!(scalar_at(har, off).as_deref(), Some("2026\"x"));
        assert_eq!(scalar_at(har, har.find("3}").unwrap_or(0)).as_deref(), Some("3"));
    }

    #[test]
    fn the_har_writer_escapes_do_not_change_the_value() {
        // `é` written raw or as `\u00e9` by the HAR writer: the same value.
        let raw = "{\"text\": \"{\\\"status\\\": \\\"occupé\\\"}\"}";
        let ascii = "{\"text\": \"{\\\"status\\\": \\\"occup\\u00e9\\\"}\"}";
        let at = |s: &str| scalar_at(s, s.find("\\\"occup").unwrap_or(0));
        assert_eq!(at(raw).as_deref(), Some("occupé"));
        assert_eq!(at(ascii).as_deref(), Some("occupé"));
        // A character outside the BMP, escaped as a surrogate pair.
        let pair = "{\"text\": \"{\\\"status\\\": \\\"occup\\ud83d\\ude00\\\"}\"}";
        assert_eq!(at(pair).as_deref(), Some("occup😀"));
        let lone = "{\"text\": \"{\\\"status\\\": \\\"occup\\ud83d\\\"}\"}";
        assert_eq!(at(lone), None);
    }

    #[test]
    fn long_scalars_are_left_out() {
        // A base64 body: every finding in it points at this one string.
        let long = format!("{{\"text\": \"{}\"}}", "A".repeat(5 * MAX_VALUE));
        assert_eq!(scalar_at(&long, long.find("\"A").unwrap_or(0)), None);
        let number = format!("{{\"n\": {}}}", "1".repeat(2 * MAX_VALUE));
        assert_eq!(scalar_at(&number, 6), None);
        let short = format!("{{\"text\": \"{}\"}}", "A".repeat(MAX_VALUE - 2));
        assert!(scalar_at(&short, 9).is_some());
    }
}
