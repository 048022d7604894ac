//! Grouping files into documents: by path with the locale part taken out, and for flat folders by
//! structure.

use super::locate::LocaleOrigin;
use super::{Document, LoadOptions, SourceFile};
use crate::locale::Locale;
use std::collections::{BTreeMap, HashSet};

/// Group files into documents by key; then, inside each folder, merge lone files whose locale came from
/// front matter or the text (a flat folder of one article in several locales) when their structure agrees.
pub(super) fn group_documents(files: &[SourceFile], options: &LoadOptions) -> Vec<Document> {
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        by_key.entry(f.group_key.as_str()).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut loose: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (key, members) in by_key {
        let f = &files[members[0]];
        let flat =
            members.len() == 1 && matches!(f.locale_origin, LocaleOrigin::FrontMatter(_) | LocaleOrigin::Detected);
        if flat {
            let dir = key.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
            loose.entry(dir).or_default().push(members[0]);
        } else {
            groups.extend(split_duplicate_locales(files, members));
        }
    }
    for (_, members) in loose {
        groups.extend(cluster_by_structure(files, &members));
    }
    let mut docs: Vec<Document> = groups.into_iter().map(|g| make_document(files, g, options)).collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}

/// Two files of one locale under one key (`guide.md` detected English beside `guide.en.md`) cannot share
/// a document: the later ones become documents of their own.
pub(super) fn split_duplicate_locales(files: &[SourceFile], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for m in members {
        match out.iter_mut().find(|g| g.iter().all(|&o| files[o].locale != files[m].locale)) {
            Some(g) => g.push(m),
            None => out.push(vec![m]),
        }
    }
    out
}

/// Features that survive translation: explicit anchors, link and image targets, code.
pub(super) fn structure_features(f: &SourceFile) -> HashSet<String> {
    let mut out = HashSet::new();
    // The shape (kinds and heading levels in order) is shared by translations of a short page even when
    // its links point at localized file names.
    let shape: Vec<String> = f.skeleton.blocks.iter().map(|b| format!("{}{}", b.kind.label(), b.level)).collect();
    out.insert(format!("shape:{}", shape.join(",")));
    for b in &f.skeleton.blocks {
        if let Some(a) = b.anchor.as_ref().filter(|a| a.explicit) {
            out.insert(format!("#{}", a.id));
        }
        for l in b.links.iter().chain(&b.images) {
            out.insert(format!("->{}", l.target.split('#').next().unwrap_or_default()));
        }
        if let Some(code) = &b.code {
            out.insert(format!("```{code}"));
        }
        for c in &b.inline_code {
            out.insert(format!("`{}", c.text));
        }
    }
    out
}

pub(super) fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 { (0.0, 0) } else { (shared as f64 / union as f64, shared) }
}

/// Greedy clustering: a file joins the most similar cluster that lacks its locale, when they share at
/// least half of their features (and at least three).
pub(super) fn cluster_by_structure(files: &[SourceFile], members: &[usize]) -> Vec<Vec<usize>> {
    let features: Vec<HashSet<String>> = members.iter().map(|&m| structure_features(&files[m])).collect();
    // Each cluster: its member positions (into `members`).
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for k in 0..members.len() {
        let m = members[k];
        let alike = |o: usize| {
            let (score, shared) = jaccard(&features[o], &features[k]);
            let same_shape = features[o].iter().any(|f| f.starts_with("shape:") && features[k].contains(f));
            let close = score >= 0.5 && (shared >= 3 || (same_shape && shared >= 2));
            close.then_some(score)
        };
        // The cluster with the most similar member, among clusters that lack this file's locale.
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.iter().all(|&o| files[members[o]].locale != files[m].locale))
            .filter_map(|(ci, c)| c.iter().filter_map(|&o| alike(o)).max_by(f64::total_cmp).map(|s| (ci, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((ci, _)) => clusters[ci].push(k),
            None => clusters.push(vec![k]),
        }
    }
    clusters.into_iter().map(|c| c.into_iter().map(|k| members[k]).collect()).collect()
}

pub(super) fn make_document(files: &[SourceFile], mut members: Vec<usize>, options: &LoadOptions) -> Document {
    let source = pick_source(files, &members, options.source.as_ref());
    members.sort_by(|&a, &b| {
        let rank = |i: usize| (Some(i) != source, files[i].locale.clone());
        rank(a).cmp(&rank(b))
    });
    let name = document_name(files, &members, source);
    Document { name, files: members, source }
}

pub(super) fn pick_source(files: &[SourceFile], members: &[usize], wanted: Option<&Locale>) -> Option<usize> {
    let find = |want: &Locale| {
        members
            .iter()
            .copied()
            .find(|&i| &files[i].locale == want)
            .or_else(|| members.iter().copied().find(|&i| files[i].locale.same_language(want)))
    };
    match wanted {
        Some(w) => find(w),
        None => Locale::parse("en").and_then(|en| find(&en)),
    }
}

pub(super) fn document_name(files: &[SourceFile], members: &[usize], source: Option<usize>) -> String {
    let first = &files[source.unwrap_or(members[0])];
    if members.iter().all(|&m| files[m].group_key == first.group_key) {
        return first.group_key.clone();
    }
    // A flat folder: name the document by the H1 anchor most of its files share.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &m in members {
        if let Some(a) = files[m].skeleton.headings().find_map(|(_, b)| b.anchor.clone().filter(|a| a.explicit)) {
            *counts.entry(a.id).or_default() += 1;
        }
    }
    match counts.into_iter().max_by_key(|(_, n)| *n) {
        Some((id, n)) if n >= 2 => {
            let dir = first.rel.rsplit_once('/').map_or(String::new(), |(d, _)| format!("{d}/"));
            format!("{dir}{id}")
        }
        _ => first.rel.clone(),
    }
}
