//! Leaf utilities shared by every layer: stable hashes and majorities, file writing. Nothing here imports
//! from the rest of the crate, so any module may use it without creating a cycle.

pub mod fs;
pub mod hash;
pub mod url;
