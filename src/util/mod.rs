//! Leaf utilities shared by every layer: stable hashes and majorities, guarded reading, atomic writing,
//! file locks, and making names safe to show. Nothing here imports from the rest of the crate, so any
//! module may use it without creating a cycle.

pub mod escape;
pub mod fs;
pub mod hash;
pub mod lock;
pub mod read;
pub mod url;

/// A count with its noun: "1 file", "3 files".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
