//! Synoptic: review one document in N locales — load, parse, align, check.
//!
//! Data flows one way: files ([`corpus`]) → skeletons ([`skeleton`]) → aligned rows ([`align`]) →
//! findings ([`checks`]), gathered in one [`review::Review`] that the command line and the window read.
#![deny(missing_docs)]

pub mod align;
pub mod checks;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod dialect;
pub mod diff;
pub mod error;
pub mod export;

pub mod glossary;
pub mod history;
pub mod locale;
pub mod notes;
pub mod report;
pub mod review;
pub mod revision;
pub mod sample;
pub mod scorecard;
pub mod search;
pub mod session;
pub mod skeleton;
pub mod status;
pub mod text;
#[cfg(feature = "ui")]
pub mod ui;
pub mod util;
pub mod watch;

pub use error::{Error, Result};
