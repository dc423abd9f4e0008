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
        while self.pending != 0 {
            let Some((&b, tail)) = rest.split_first() else { return };
            self.buf |= u64::from(b) << (8 * self.pending);
            self.pending += 1;
            rest = tail;
            if self.pending == 8 {
                let w = self.buf;
                self.word(w);
                self.buf = 0;
                self.pending = 0;
            }
        }
        let mut chunks = rest.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.word(u64::from_le_bytes(w));
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            self.buf |= u64::from(b) << (8 * i);
        }
        self.pending = chunks.remainder().len() as u32;
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
    fn length_and_seed_matter() {
        assert_ne!(whole(1, b""), whole(1, b"\0"));
        assert_ne!(whole(1, b"Slot/1"), whole(1, b"Slot/1\0"));
        assert_ne!(whole(1, b"Slot/1"), whole(2, b"Slot/1"));
        assert_ne!(whole(1, b"Slot/1"), whole(1, b"Slot/2"));
    }
}
