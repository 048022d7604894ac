//! What of a block survives translation (anchors, link targets, inline code, numbers, code), as
//! features to match blocks and sections by.

use crate::skeleton::{Block, Skeleton};
use std::collections::HashSet;

pub(super) fn doc_features(sk: &Skeleton) -> HashSet<String> {
    sk.blocks.iter().flat_map(block_features).collect()
}

/// Features of a block that survive translation.
pub(super) fn block_features(b: &Block) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = b.anchor.as_ref().filter(|a| a.explicit) {
        out.push(format!("#{}", a.id));
    }
    out.extend(b.links.iter().chain(&b.images).map(|l| format!(">{}", strip_fragment(&l.target))));
    out.extend(b.inline_code.iter().map(|c| format!("`{}", c.text)));
    out.extend(b.numbers.iter().map(|n| format!("9{n}")));
    if b.code.is_some() {
        out.push(format!("```{}", b.code_lines().join("\n")));
    }
    out
}

pub(super) fn strip_fragment(target: &str) -> &str {
    target.split('#').next().unwrap_or(target)
}

pub(super) fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

/// Every block's exact-match key and feature set, computed once per document.
pub(super) struct BlockKeys {
    pub(super) key: Vec<Vec<String>>,
    pub(super) features: Vec<Vec<HashSet<String>>>,
}

impl BlockKeys {
    pub(super) fn new(skeletons: &[&Skeleton]) -> Self {
        let features: Vec<Vec<HashSet<String>>> = skeletons
            .iter()
            .map(|s| s.blocks.iter().map(|b| block_features(b).into_iter().collect()).collect())
            .collect();
        let key = skeletons
            .iter()
            .zip(&features)
            .map(|(s, fs)| s.blocks.iter().zip(fs).map(|(b, f)| block_key(b, f)).collect())
            .collect();
        BlockKeys { key, features }
    }
}

/// The exact-match key of a block: kind, level and the features that survive translation.
pub(super) fn block_key(b: &Block, features: &HashSet<String>) -> String {
    let mut feats: Vec<&str> = features.iter().map(String::as_str).collect();
    feats.sort_unstable();
    format!("{:?}{}|{}", b.kind, b.level, feats.join("|"))
}

pub(super) fn block_similarity(a: &Block, b: &Block, fa: &HashSet<String>, fb: &HashSet<String>) -> f64 {
    if a.kind != b.kind {
        return 0.0;
    }
    if fa.is_empty() && fb.is_empty() {
        return 0.5;
    }
    // Same kind is enough to pair in order; shared features decide between candidates.
    0.4 + 0.6 * jaccard(fa, fb)
}
