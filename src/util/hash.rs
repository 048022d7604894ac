//! Stable hashes and majority votes.

use std::collections::HashMap;
use std::hash::Hash;

/// The value a strict majority shares.
pub fn majority<T: Eq + Hash + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: HashMap<T, usize> = HashMap::new();
    let mut total = 0;
    for v in values {
        *counts.entry(v).or_default() += 1;
        total += 1;
    }
    counts.into_iter().find(|(_, n)| n * 2 > total).map(|(v, _)| v)
}

/// FNV-1a over the parts, as 16 hex digits: stable across runs, platforms and Rust versions.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h = Hasher64::default();
    for part in parts {
        h.write(part);
    }
    format!("{:016x}", h.finish())
}

/// FNV-1a over parts written one by one (each followed by a separator, so `["ab", ""]` differs from
/// `["a", "b"]`): a stable 64-bit hash for interning features.
#[derive(Debug, Clone, Copy)]
pub struct Hasher64(u64);

impl Default for Hasher64 {
    fn default() -> Self {
        Hasher64(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher64 {
    /// Add a part.
    pub fn write(&mut self, part: &str) {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The hash of parts.
pub fn hash64(parts: &[&str]) -> u64 {
    let mut h = Hasher64::default();
    for p in parts {
        h.write(p);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinguish_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&[]).len(), 16);
    }

    #[test]
    fn majority_needs_more_than_half() {
        assert_eq!(majority([1, 1, 2].into_iter()), Some(1));
        assert_eq!(majority([1, 2].into_iter()), None);
        assert_eq!(majority(std::iter::empty::<u8>()), None);
    }
}
