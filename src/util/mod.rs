//! Leaf utilities shared by every layer: stable hashes and majorities, guarded reading, atomic writing,
//! file locks, and making names safe to show. Nothing here imports from the rest of the crate, so any
//! module may use it without creating a cycle.

pub mod escape;
pub mod fs;
pub mod hash;
pub mod lock;
pub mod read;
pub mod url;
