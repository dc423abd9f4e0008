//! The hash behind the index's lookups.
//!
//! The index keys its maps by a 64-bit hash of strings (`Type/id`, fullUrls)
//! and verifies every hit against the input, so the hash only needs to be
//! fast, well spread and unpredictable to whoever writes the Bundle (a
//! validator of untrusted input must not be slowed down by crafted
//! collisions). SipHash was a fifth of the index's time; this is a
//! folded 64×64→128 multiply per 8 bytes, keyed by a per-index random seed,
//! the construction of foldhash and wyhash. It is *streaming*: hashing
//! `["https://x/", "Slot", "/", "1"]` part by part gives the hash of the
//! joined string, which lets a relative reference be looked up against
//! fullUrls without building the absolute URL.
//!
//! The maps then use [`U64Identity`]: their keys are already hashes.

use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// Mixing constants (digits of pi, as in foldhash).
const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

#[inline]
fn folded_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    // Truncations intended: the two halves of the product are folded together.
    (p as u64) ^ ((p >> 64) as u64)
}

/// A per-index random seed.
pub(crate) fn random_seed() -> u64 {
    std::hash::RandomState::new().build_hasher().finish()
}

/// Streaming keyed hash of a byte string given in parts.
pub(crate) struct KeyHasher {
    seed: u64,
    acc: u64,
    buf: u64,
    pending: u32,
    len: u64,
}

impl KeyHasher {
    pub(crate) fn new(seed: u64) -> Self {
        KeyHasher { seed, acc: seed ^ K0, buf: 0, pending: 0, len: 0 }
    }

    #[inline]
    fn word(&mut self, w: u64) {
        self.acc = folded_mul(self.acc ^ w, self.seed ^ K1);
    }

    /// Appends one whole word: only before any byte (the streaming of
    /// [`KeyHasher::write`] holds for the bytes after it).
    #[inline]
    pub(crate) fn write_word(&mut self, w: u64) {
        debug_assert_eq!(self.pending, 0);
        self.len = self.len.wrapping_add(8);
        self.word(w);
    }

    /// Appends bytes (any split of a string hashes like the whole string).
    #[inline]
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        self.len = self.len.wrapping_add(bytes.len() as u64);
        let mut rest = bytes;
        if self.pending != 0 {
            // Fill the pending word with as many bytes as it lacks, at once.
            let take = (8 - self.pending as usize).min(rest.len());
            let (head, tail) = rest.split_at(take);
            self.buf |= load_partial(head) << (8 * self.pending);
            self.pending += take as u32;
            rest = tail;
            if self.pending < 8 {
                return;
            }
            let w = self.buf;
            self.word(w);
            self.buf = 0;
            self.pending = 0;
        }
        let mut chunks = rest.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.word(u64::from_le_bytes(w));
        }
        let tail = chunks.remainder();
        self.buf = load_partial(tail);
        self.pending = tail.len() as u32;
    }

    /// The hash.
    pub(crate) fn finish(mut self) -> u64 {
        if self.pending != 0 {
            let w = self.buf;
            self.word(w);
        }
        folded_mul(self.acc ^ self.len, self.seed ^ K0 ^ K1)
    }
}

/// The little-endian value of up to 7 bytes (8 give 0: never asked), read
/// with at most three loads instead of one shift per byte: the parts of a
/// key (`Slot`, `/`, an id) rarely fall on 8-byte boundaries.
#[inline]
fn load_partial(b: &[u8]) -> u64 {
    let n = b.len();
    let le32 = |at: usize| {
        b.get(at..at + 4)
            .and_then(|x| <[u8; 4]>::try_from(x).ok())
            .map_or(0, |x| u64::from(u32::from_le_bytes(x)))
    };
    if n >= 4 {
        // Two overlapping 4-byte loads: the shared bytes are OR-ed with
        // themselves.
        le32(0) | le32(n - 4) << (8 * (n - 4))
    } else if n > 0 {
        let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
        at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1))
    } else {
        0
    }
}

/// A hasher that passes a `u64` key through: for maps keyed by a hash.
#[derive(Default)]
pub struct U64Identity(u64);

impl Hasher for U64Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are expected; anything else is folded in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Builder of [`U64Identity`].
pub type BuildU64Identity = BuildHasherDefault<U64Identity>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn whole(seed: u64, s: &[u8]) -> u64 {
        let mut h = KeyHasher::new(seed);
        h.write(s);
        h.finish()
    }

    proptest! {
        #[test]
        fn any_split_hashes_like_the_whole(s in proptest::collection::vec(any::<u8>(), 0..64), cuts in proptest::collection::vec(0usize..64, 0..4), seed in any::<u64>()) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(s.len())).collect();
            cuts.sort_unstable();
            let mut h = KeyHasher::new(seed);
            let mut at = 0;
            for c in cuts.into_iter().chain([s.len()]) {
                h.write(s.get(at..c).unwrap());
                at = c;
            }
            prop_assert_eq!(h.finish(), whole(seed, &s));
        }
    }

    #[test]
    fn partial_loads_are_the_little_endian_value() {
        let bytes = [0x11u8, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
        for n in 0..8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_partial(&bytes[..n]), u64::from_le_bytes(w), "{n}");
        }
    }

    /// The hash before partial loads (one shift per byte): unchanged.
    fn whole_before(seed: u64, s: &[u8]) -> u64 {
        let mut h = KeyHasher::new(seed);
        let mut chunks = s.chunks_exact(8);
        for c in &mut chunks {
            h.word(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut buf = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            buf |= u64::from(b) << (8 * i);
        }
        if !chunks.remainder().is_empty() {
            h.word(buf);
        }
        folded_mul(h.acc ^ s.len() as u64, seed ^ K0 ^ K1)
    }

    proptest! {
        #[test]
        fn same_hash_as_byte_by_byte(s in proptest::collection::vec(any::<u8>(), 0..40), seed in any::<u64>()) {
            prop_assert_eq!(whole(seed, &s), whole_before(seed, &s));
        }
    }

    #[test]
    fn length_and_seed_matter() {
        assert_ne!(whole(1, b""), whole(1, b"\0"));
        assert_ne!(whole(1, b"Slot/1"), whole(1, b"Slot/1\0"));
        assert_ne!(whole(1, b"Slot/1"), whole(2, b"Slot/1"));
        assert_ne!(whole(1, b"Slot/1"), whole(1, b"Slot/2"));
    }
}
