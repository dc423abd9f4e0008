//! Reading an input's bytes and checking they are UTF-8 text.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use fr_fhir_core::finding::Message;

use crate::model::InputError;

use super::MMAP_THRESHOLD;
use super::mmap::Mapped;

/// The bytes of an input: read into memory, or mapped when large.
#[derive(Debug)]
pub(crate) enum Bytes {
    /// Small files and stdin.
    Owned(Vec<u8>),
    /// Large regular files.
    Mapped(Mapped),
}

impl Bytes {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m.bytes(),
        }
    }
}

/// The largest input the JSON reader can address (its offsets are `u32`).
pub const MAX_INPUT: u64 = u32::MAX as u64;

/// Reads a file: into memory up to [`MMAP_THRESHOLD`], mapped above.
pub fn read_file(path: &Path) -> Result<Bytes, InputError> {
    let file = File::open(path).map_err(|e| io_message(&e))?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err(InputError::plain(
            "processing",
            Message::new("c'est un répertoire", "is a directory"),
        ));
    }
    if meta.len() > MAX_INPUT {
        return Err(too_large());
    }
    if meta.is_file() && meta.len() > MMAP_THRESHOLD {
        return Mapped::new(&file).map(Bytes::Mapped).map_err(|e| io_message(&e));
    }
    read_bounded(file, meta.len())
}

/// Reads standard input whole.
pub fn read_stdin() -> Result<Bytes, InputError> {
    read_bounded(std::io::stdin().lock(), 0)
}

fn read_bounded(r: impl Read, hint: u64) -> Result<Bytes, InputError> {
    let mut buf = Vec::with_capacity(usize::try_from(hint.min(MMAP_THRESHOLD)).unwrap_or(0));
    // One byte past the limit tells "too large" from "exactly the limit".
    r.take(MAX_INPUT + 1).read_to_end(&mut buf).map_err(|e| io_message(&e))?;
    if buf.len() as u64 > MAX_INPUT {
        return Err(too_large());
    }
    Ok(Bytes::Owned(buf))
}

fn too_large() -> InputError {
    InputError::plain(
        "too-costly",
        Message::new(
            "fichier de plus de 4 Gio : non pris en charge",
            "file larger than 4 GiB: not supported",
        ),
    )
}

/// A bilingual description of an I/O error.
pub fn io_message(e: &std::io::Error) -> InputError {
    use std::io::ErrorKind as K;
    let m = match e.kind() {
        K::NotFound => (
            "not-found",
            Message::new("fichier ou répertoire introuvable", "no such file or directory"),
        ),
        K::PermissionDenied => {
            ("security", Message::new("lecture refusée (droits d'accès)", "permission denied"))
        }
        _ => (
            "exception",
            Message::new(format!("erreur de lecture ({e})"), format!("read error ({e})")),
        ),
    };
    InputError::plain(m.0, m.1)
}

/// The text of an input (UTF-8 checked, byte order mark removed): the
/// library's reading, so that `int_ro1::capture::validate_file` and the
/// command line see the same text.
pub use int_ro1::capture::{Text, decode};

/// The note added to an input that starts with a byte order mark.
pub fn bom_note() -> Message {
    Message::new(
        "le fichier commence par une marque d'ordre des octets UTF-8 (BOM, octets EF BB BF) : \
         ignorée, mais JSON (RFC 8259) interdit de l'émettre",
        "the file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF): ignored, but \
         JSON (RFC 8259) forbids emitting one",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_reported() {
        let t = decode(b"\xEF\xBB\xBF{}");
        assert_eq!(t, Ok(Text { src: "{}", bom: true }));
        assert_eq!(decode(b"{}"), Ok(Text { src: "{}", bom: false }));
    }

    #[test]
    fn invalid_utf8_gives_the_file_offset() {
        assert_eq!(decode(b"{\"a\":\"\xFF\"}"), Err(6));
        assert_eq!(decode(b"\xEF\xBB\xBF{\xC3"), Err(4));
    }

    #[test]
    fn missing_file_is_an_error_message() {
        let e = read_file(Path::new("/nonexistent/sas-validate-test.json"));
        assert!(
            matches!(e, Err(m) if m.message.en.starts_with("no such file") && m.code == "not-found")
        );
    }

    #[test]
    fn large_files_are_mapped_and_small_ones_read() {
        let dir = std::env::temp_dir().join(format!("sas-validate-src-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let big = dir.join("big.json");
        let small = dir.join("small.json");
        let body = vec![b' '; (MMAP_THRESHOLD as usize) + 10];
        assert!(std::fs::write(&big, &body).is_ok());
        assert!(std::fs::write(&small, b"{}").is_ok());
        assert!(matches!(read_file(&big), Ok(Bytes::Mapped(m)) if m.bytes().len() == body.len()));
        assert!(matches!(read_file(&small), Ok(Bytes::Owned(v)) if v == b"{}"));
        assert!(matches!(read_file(&dir), Err(m) if m.message.en == "is a directory"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
