//! Base64 bodies (`"encoding": "base64"`, written by Chrome for some
//! responses): the standard alphabet with padding; line breaks and spaces
//! are ignored, as MIME encoders insert them.

/// Why a base64 text does not decode: the offset of the offending byte.
///
/// ```
/// use int_ro1::har::base64::{BadBase64, decode};
/// assert_eq!(decode("ey*J"), Err(BadBase64(2)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadBase64(pub usize);

fn sextet(b: u8) -> Option<u32> {
    let v = match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        // The URL-safe alphabet's two letters too: some tools write it.
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes `text`.
///
/// ```
/// use int_ro1::har::base64::decode;
/// assert_eq!(decode("eyJhIjoxfQ==").unwrap(), br#"{"a":1}"#);
/// assert_eq!(decode("eyJh\r\nIjoxfQ").unwrap(), br#"{"a":1}"#);
/// assert!(decode("ey*J").is_err());
/// ```
pub fn decode(text: &str) -> Result<Vec<u8>, BadBase64> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut padding_at = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            b'=' => {
                padding_at.get_or_insert(i);
                continue;
            }
            _ if padding_at.is_some() => return Err(BadBase64(i)),
            _ => {}
        }
        acc = (acc << 6) | sextet(b).ok_or(BadBase64(i))?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    // Leftover bits must be the zero padding of a final partial group; a
    // lone sextet cannot encode a byte.
    if bits >= 6 {
        return Err(BadBase64(text.len()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(decode(enc).unwrap(), plain.as_bytes(), "{enc}");
        }
    }

    #[test]
    fn errors_point_at_the_byte() {
        assert_eq!(decode("Zm9v!"), Err(BadBase64(4)));
        assert_eq!(decode("Zg==Zg=="), Err(BadBase64(4)));
        assert_eq!(decode("Z"), Err(BadBase64(1)));
    }

    #[test]
    fn binary_round_trip() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        // Encoded by hand-rolled reference: groups of 3 bytes.
        let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut enc = String::new();
        for chunk in bytes.chunks(3) {
            let n =
                chunk.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
            for k in 0..=chunk.len() {
                enc.push(char::from(table[((n >> (18 - 6 * k)) & 63) as usize]));
            }
        }
        assert_eq!(decode(&enc).unwrap(), bytes);
    }
}
