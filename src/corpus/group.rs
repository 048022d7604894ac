//! Grouping files into documents: by path with the locale part taken out, and for flat folders by
//! structure.

use super::locate::{LocaleOrigin, default_locale_for_twins, prose_sample};
use super::{Corpus, Document, LoadOptions, SourceFile};
use crate::locale::{self, Locale};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The group key of each file: its path with the locale folder or suffix taken out. A folder segment only
/// counts as a locale when a sibling folder is a locale too (so a lone `id/` or `my/` folder stays a folder).
pub(super) fn assign_group_keys(corpus: &mut Corpus) {
    let locale_dirs = locale_folders(&corpus.files);
    let mut skipped = Vec::new();
    let mut keep = vec![true; corpus.files.len()];
    let any_locale_dirs = !locale_dirs.is_empty();
    let mut dir_keys = HashSet::new();
    for f in &mut corpus.files {
        if let Some((key, seg_locale)) = key_without_locale_dir(&f.rel, &locale_dirs) {
            if !matches!(f.locale_origin, LocaleOrigin::FrontMatter(_)) {
                f.locale = seg_locale.0;
                f.locale_origin = LocaleOrigin::PathSegment(seg_locale.1);
            }
            let key = bundle_key(&key);
            dir_keys.insert(key.clone());
            f.group_key = key;
        } else if let Some((base, l)) = suffix_key(&f.rel) {
            if matches!(f.locale_origin, LocaleOrigin::Detected | LocaleOrigin::Unknown | LocaleOrigin::PathSegment(_))
            {
                f.locale = l;
                f.locale_origin = LocaleOrigin::FileSuffix;
            }
            f.group_key = base;
        } else if matches!(f.locale_origin, LocaleOrigin::PathSegment(_)) {
            // A locale-looking folder with no sibling locale folders is an ordinary folder.
            let prose = prose_sample(&f.skeleton, &f.text);
            (f.locale, f.locale_origin) = match locale::detect_language(&prose) {
                Some(l) => (l, LocaleOrigin::Detected),
                None => (Locale::undetermined(), LocaleOrigin::Unknown),
            };
        }
    }
    if any_locale_dirs {
        // In a locale-folder layout, a file outside every locale folder belongs to no translation set,
        // unless its path is the default-language twin of a translated path (tldr's `pages/`).
        for (i, f) in corpus.files.iter().enumerate() {
            let in_locale_dir = key_without_locale_dir(&f.rel, &locale_dirs).is_some();
            let twin = dir_keys.contains(&f.group_key);
            if !in_locale_dir && !twin && suffix_key(&f.rel).is_none() {
                keep[i] = false;
                skipped.push((f.rel.clone(), "outside the locale folders".to_owned()));
            }
        }
    }
    default_locale_for_twins(corpus);
    let mut i = 0;
    corpus.files.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    corpus.skipped.extend(skipped);
}

/// Parent folders (by path) whose children include at least two locale-named folders, or any `pages.<tag>`.
pub(super) fn locale_folders(files: &[SourceFile]) -> HashSet<String> {
    let mut children: HashMap<String, HashSet<String>> = HashMap::new();
    for f in files {
        let segs: Vec<&str> = f.rel.split('/').collect();
        for i in 0..segs.len().saturating_sub(1) {
            if locale::from_path_segment(segs[i]).is_some() {
                children.entry(segs[..i].join("/")).or_default().insert(segs[i].to_owned());
            }
        }
    }
    let mut out = HashSet::new();
    for (parent, kids) in children {
        let tldr = kids.iter().any(|k| k.starts_with("pages."));
        if kids.len() >= 2 || tldr {
            for k in kids {
                out.insert(if parent.is_empty() { k } else { format!("{parent}/{k}") });
            }
        }
    }
    out
}

/// The key of a file under a locale folder: the path with that folder taken out (`pages.de` → `pages`).
pub(super) fn key_without_locale_dir(rel: &str, locale_dirs: &HashSet<String>) -> Option<(String, (Locale, String))> {
    let segs: Vec<&str> = rel.split('/').collect();
    for i in 0..segs.len().saturating_sub(1) {
        let prefix = segs[..=i].join("/");
        if locale_dirs.contains(&prefix) {
            let locale = locale::from_path_segment(segs[i])?;
            let mut rest: Vec<&str> = segs[..i].to_vec();
            if segs[i].starts_with("pages.") {
                rest.push("pages");
            }
            rest.extend_from_slice(&segs[i + 1..]);
            return Some((rest.join("/"), (locale, segs[i].to_owned())));
        }
    }
    None
}

/// Hugo serves `x.md` and the leaf bundle `x/index.md` at one URL: they are one page.
pub(super) fn bundle_key(key: &str) -> String {
    match key.strip_suffix("/index.md") {
        Some(stem) if !stem.is_empty() => format!("{stem}.md"),
        _ => key.to_owned(),
    }
}

pub(super) fn suffix_key(rel: &str) -> Option<(String, Locale)> {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let (base, l) = locale::from_file_suffix(file)?;
    let key = if dir.is_empty() { base } else { format!("{dir}/{base}") };
    Some((key, l))
}

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
