//! Reference-style links (`[text][]`, `[text][ref]`, `[ref]`) whose definitions (`[ref]: url`) sit
//! elsewhere in the file, usually at its end: a block parsed alone would show them as raw brackets, so
//! the file's definitions are collected once and handed to the block's parser.

use std::collections::HashMap;

/// A file's link reference definitions: normalised label → destination.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefDefs(HashMap<String, String>);

impl RefDefs {
    /// The definitions of a file. Only lines that look like a definition are parsed (a file of
    /// megabytes is scanned, not parsed), by the same parser that renders, so its rules apply.
    pub fn of(file_text: &str) -> RefDefs {
        let candidates: String = file_text
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                l.len() - t.len() <= 3 && t.starts_with('[') && t.contains("]:")
            })
            .flat_map(|l| [l, "\n\n"])
            .collect();
        if candidates.is_empty() {
            return RefDefs::default();
        }
        let parser = pulldown_cmark::Parser::new(&candidates);
        RefDefs(
            parser
                .reference_definitions()
                .iter()
                .map(|(label, def)| (normalise(label), def.dest.to_string()))
                .collect(),
        )
    }

    /// The destination of a reference label, if defined.
    pub fn get(&self, label: &str) -> Option<&str> {
        self.0.get(&normalise(label)).map(String::as_str)
    }

    /// True when the file defines nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Labels match case-insensitively, with runs of white space as one space (CommonMark).
fn normalise(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
