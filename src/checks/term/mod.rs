//! Term checks: terms that must stay verbatim (`term.do-not-translate`) — from the glossary, or inferred
//! from the locales themselves —, glossary translations (`term.glossary`), forbidden words
//! (`term.forbidden`), and source-language text left in a translation (`term.untranslated`).
//!
//! Inference needs no glossary: a product-like token (CamelCase, ALLCAPS, a mixed-case name, a hyphenated
//! name like `scikit-learn`) or the text of links to one external URL, found verbatim in at least two
//! locales of different languages, must stay verbatim. A locale is flagged only when it holds a *mangled*
//! form of the term — transliterated (смартноисе), split (tensor flow), half-translated (scikit-leren),
//! recased inside (Pytorch), or another text for the same link — never merely for lacking it, since
//! rephrasing around a name is legitimate.

use super::structure::reference_name;
use super::{CheckId, DocContext, Finding};
use crate::glossary::{self, Kind};
use crate::skeleton::{Block, BlockKind};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Run the term checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Finding> {
    let terms = infer_terms(ctx);
    let link_names = link_names(ctx);
    let runs = english_runs_by_block(ctx);
    let loans = shared_loan_phrases(ctx, &runs);
    let mut out = Vec::new();
    for r in 0..ctx.alignment.rows.len() {
        do_not_translate(ctx, r, &terms, &link_names, &mut out);
        glossary_terms(ctx, r, &mut out);
        forbidden(ctx, r, &mut out);
        untranslated(ctx, r, &runs, &loans, &mut out);
    }
    out
}

/// Is this token name-like: CamelCase, ALLCAPS, mixed caps, or letters with digits?
fn is_name_like(token: &str) -> bool {
    let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !token.is_ascii() {
        return false;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let lower_then_upper = token.chars().zip(token.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let all_caps = upper == letters.len() && letters.len() >= 3;
    let mixed = upper >= 2 && upper < letters.len();
    let has_digit = token.chars().any(|c| c.is_ascii_digit()) && letters.len() >= 2;
    lower_then_upper || all_caps || mixed || has_digit
}

/// A word of a link text that makes it a name: CamelCase, mixed caps, digits, or ALLCAPS of four letters
/// or more (three-letter abbreviations such as FAQ are often translated).
fn is_name_like_link(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    is_name_like(word) && !(all_caps && letters < 4)
}

/// A hyphenated name such as `scikit-learn`: lowercase, first part not an English word.
fn is_hyphenated_name(token: &str) -> bool {
    let Some((first, rest)) = token.split_once('-') else {
        return false;
    };
    token.is_ascii()
        && first.len() >= 4
        && !rest.is_empty()
        && first.chars().all(|c| c.is_ascii_lowercase())
        && !is_english(first)
}

/// Candidate do-not-translate terms of a document: the glossary's, and inferred ones found verbatim in at
/// least two locales of different languages.
fn infer_terms(ctx: &DocContext<'_>) -> Vec<String> {
    // Borrowed keys, and the languages seen as a small set: no allocation per occurrence.
    let mut found: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in &ctx.files {
        let language = f.locale.language();
        for b in &f.skeleton.blocks {
            for w in ascii_tokens(&b.text) {
                if is_name_like(w) || (w.contains('-') && is_hyphenated_name(&w.to_ascii_lowercase())) {
                    let langs = found.entry(w).or_default();
                    if !langs.contains(&language) {
                        langs.push(language);
                    }
                }
            }
        }
    }
    let mut terms: Vec<String> =
        found.into_iter().filter(|(_, langs)| langs.len() >= 2).map(|(t, _)| t.to_owned()).collect();
    terms.extend(ctx.glossary.entries.iter().filter(|e| e.kind == Kind::DoNotTranslate).map(|e| e.term.clone()));
    terms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    terms.dedup();
    terms
}

/// For each external URL, the link text most locales give it, when that text is a name (at most four
/// words, found verbatim in at least two languages).
fn link_names(ctx: &DocContext<'_>) -> BTreeMap<String, String> {
    let mut texts: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in &ctx.files {
        for b in &f.skeleton.blocks {
            for (target, text, _) in external_links(b) {
                texts.entry(target).or_default().entry(text).or_default().insert(f.locale.language().to_owned());
            }
        }
    }
    texts
        .into_iter()
        .filter_map(|(url, by_text)| {
            let (text, langs) = by_text.into_iter().max_by_key(|(_, langs)| langs.len())?;
            let words = text.split_whitespace().count();
            (langs.len() >= 2 && (1..=4).contains(&words) && text.chars().any(char::is_alphabetic))
                .then_some((url, text))
        })
        .collect()
}

fn do_not_translate(
    ctx: &DocContext<'_>,
    r: usize,
    terms: &[String],
    names: &BTreeMap<String, String>,
    out: &mut Vec<Finding>,
) {
    let cells = ctx.cells(r);
    let mut flagged: Vec<(usize, String)> = Vec::new();
    for (c, b) in &cells {
        for (target, text, bare) in external_links(b) {
            let Some(name) = names.get(&target) else {
                continue;
            };
            // A bare URL's "text" is only the word before it: the name may stand elsewhere in the sentence.
            // Case alone (Blog/blog) is not a change; and a common word that merely labels a link
            // (Tutorial → tutoriel) may be translated: only names, or a mangled form of one, count.
            let kept = contains_word(&text, name) && !recased(&text, name)
                || (bare && contains_word(&without_urls(&b.text), name));
            let a_name = name.split_whitespace().any(is_name_like_link) || mangled_form(&text, name).is_some();
            if !kept && a_name {
                let message =
                    format!("link text `{text}` should keep the name `{name}` (as the other locales do for {target})");
                let offset = find_in_source(ctx, *c, b, &text);
                out.push(ctx.finding(CheckId::TermDoNotTranslate, *c, offset, Some(r), name, message));
                flagged.push((*c, text.to_lowercase()));
            }
        }
    }
    for term in terms {
        let holding: Vec<bool> = cells.iter().map(|(_, b)| contains_word(&b.text, term)).collect();
        if holding.iter().filter(|&&h| h).count() < 2 {
            continue;
        }
        for ((c, b), holds) in cells.iter().zip(holding) {
            if b.kind == BlockKind::Code || holds && !recased(&b.text, term) {
                continue;
            }
            let Some(variant) = mangled_form(&b.text, term) else {
                continue;
            };
            let lower = variant.to_lowercase();
            if flagged.iter().any(|(fc, t)| fc == c && (t.contains(&lower) || lower.contains(t.as_str()))) {
                continue;
            }
            flagged.push((*c, lower));
            let offset = find_in_source(ctx, *c, b, &variant);
            let message = format!("`{term}` must stay as it is, but this locale has `{variant}`");
            out.push(ctx.finding(CheckId::TermDoNotTranslate, *c, offset, Some(r), term, message));
        }
    }
}

/// External links of a block as (target, text): real links, and a word followed by a bare URL in
/// parentheses (`Fairlearn (https://…)`), the shape a link takes when translation breaks its markup.
fn external_links(b: &Block) -> Vec<(String, String, bool)> {
    let mut out: Vec<(String, String, bool)> = b
        .links
        .iter()
        .filter(|l| l.target.starts_with("http"))
        .map(|l| (l.target.clone(), l.text.trim().to_owned(), false))
        .collect();
    let text = &b.text;
    for (i, _) in text.match_indices("http") {
        let before = text[..i].trim_end_matches(' ');
        let Some(before) = before.strip_suffix('(') else {
            continue;
        };
        let Some(&(_, word)) = glossary::words(before.trim_end()).last() else {
            continue;
        };
        if !before.trim_end().ends_with(word) {
            continue;
        }
        let url: String = text[i..].chars().take_while(|c| !c.is_whitespace() && *c != ')').collect();
        out.push((url, word.to_owned(), true));
    }
    out
}

/// The text with every `http…` run taken out (a name inside a URL is not the name in the prose).
fn without_urls(text: &str) -> String {
    text.split(' ').filter(|w| !w.contains("http")).collect::<Vec<_>>().join(" ")
}

/// Whole-word, case-insensitive containment; ASCII terms (nearly all names) are matched without
/// lowercasing the text.
fn contains_word(text: &str, term: &str) -> bool {
    if !term.is_ascii() {
        return contains_lower(&text.to_lowercase(), &term.to_lowercase());
    }
    let (t, w) = (text.as_bytes(), term.as_bytes());
    let Some(&first) = w.first() else { return false };
    if w.len() > t.len() {
        return false;
    }
    (0..=t.len() - w.len()).any(|i| {
        t[i].eq_ignore_ascii_case(&first)
            && t[i..i + w.len()].eq_ignore_ascii_case(w)
            && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && text.get(i + w.len()..).is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// Whole-word containment of lowercase `term` in lowercase `text`.
fn contains_lower(text: &str, term: &str) -> bool {
    !term.is_empty()
        && text.match_indices(term).any(|(i, _)| {
            let before = text[..i].chars().last();
            let after = text[i + term.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// True when the text has the term only with its inner capitals changed (`Pytorch` for `PyTorch`).
fn recased(text: &str, term: &str) -> bool {
    let inner_caps = term.chars().skip(1).any(char::is_uppercase);
    inner_caps && !text.contains(term) && glossary::words(text).iter().any(|(_, w)| w.eq_ignore_ascii_case(term))
}

/// A mangled form of `term` in `text`: recased, split, half-translated, or transliterated.
fn mangled_form(text: &str, term: &str) -> Option<String> {
    let words = glossary::words(text);
    let key = latin_key(term);
    if recased(text, term) {
        return words.iter().find(|(_, w)| w.eq_ignore_ascii_case(term)).map(|(_, w)| (*w).to_owned());
    }
    for pair in words.windows(2) {
        let (s, a) = pair[0];
        let (e, b) = pair[1];
        if format!("{a}{b}").eq_ignore_ascii_case(term) && text[s + a.len()..e].trim().is_empty() {
            return Some(text[s..e + b.len()].to_owned());
        }
    }
    if let Some((stem, _)) = term.split_once('-').filter(|_| is_hyphenated_name(&term.to_lowercase())) {
        let found = words.iter().find(|(_, w)| {
            let lw = w.to_lowercase();
            lw == stem || (lw.starts_with(&format!("{stem}-")) && !lw.eq_ignore_ascii_case(term))
        });
        if let Some((_, w)) = found {
            return Some((*w).to_owned());
        }
    }
    if key.len() >= 4 {
        for (_, w) in &words {
            if w.is_ascii() {
                continue;
            }
            let t = transliterate(w);
            if !t.is_empty() && close(&latin_key(&t), &key) {
                return Some((*w).to_owned());
            }
        }
    }
    None
}

/// Letters and digits, lowercased, with spellings transliteration confuses folded together.
fn latin_key(s: &str) -> String {
    let lower: String = s.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    lower
        .replace("ph", "f")
        .replace('w', "v")
        .replace(['c', 'q'], "k")
        .replace('x', "ks")
        .replace(['y', 'j'], "i")
        .replace("kh", "h")
}

fn close(a: &str, b: &str) -> bool {
    let allowed = (b.chars().count() / 5).max(1);
    a == b || (b.chars().count() >= 5 && levenshtein(a, b) <= allowed)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Cyrillic and Greek to Latin letters (empty when the word has other letters).
fn transliterate(word: &str) -> String {
    let mut out = String::new();
    for c in word.to_lowercase().chars() {
        let t = match c {
            'а' | 'α' => "a",
            'б' | 'β' => "b",
            'в' => "v",
            'г' | 'γ' => "g",
            'д' | 'δ' => "d",
            'е' | 'ё' | 'э' | 'ε' => "e",
            'ж' => "zh",
            'з' | 'ζ' => "z",
            'и' | 'ι' | 'η' => "i",
            'й' => "i",
            'к' | 'κ' => "k",
            'л' | 'λ' => "l",
            'м' | 'μ' => "m",
            'н' | 'ν' => "n",
            'о' | 'ο' | 'ω' => "o",
            'п' | 'π' => "p",
            'р' | 'ρ' => "r",
            'с' | 'σ' | 'ς' => "s",
            'т' | 'τ' => "t",
            'у' | 'υ' => "u",
            'ф' | 'φ' => "f",
            'х' | 'χ' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sch",
            'ъ' | 'ь' => "",
            'ы' => "i",
            'ю' => "iu",
            'я' => "ia",
            'θ' => "th",
            'ξ' => "ks",
            'ψ' => "ps",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            '-' | '.' => continue,
            _ => return String::new(),
        };
        out.push_str(t);
    }
    out
}

/// Byte offset of the `nth` occurrence of `needle` inside a block's source (else the first, else the
/// block start).
fn nth_in_source(ctx: &DocContext<'_>, c: usize, b: &Block, needle: &str, nth: usize) -> usize {
    let src = &ctx.files[c].text[b.range.clone()];
    let mut hits = src.match_indices(needle).map(|(i, _)| i);
    let first = src.find(needle);
    hits.nth(nth).or(first).map_or(b.range.start, |i| b.range.start + i)
}

/// Byte offset of `needle` inside a block's source, or the block start.
fn find_in_source(ctx: &DocContext<'_>, c: usize, b: &Block, needle: &str) -> usize {
    let src = &ctx.files[c].text[b.range.clone()];
    src.find(needle).map_or(b.range.start, |i| b.range.start + i)
}

fn glossary_terms(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let Some(s) = ctx.source else { return };
    let Some(src) = ctx.block(r, s) else { return };
    for (c, b) in ctx.cells(r) {
        if c == s {
            continue;
        }
        let locale = &ctx.files[c].locale;
        let mut used: Vec<std::ops::Range<usize>> = Vec::new();
        for e in ctx.glossary.entries.iter().filter(|e| e.kind == Kind::Term && e.applies_to(locale)) {
            let Some(at) = glossary::find(&src.text, &e.term) else {
                continue;
            };
            if used.iter().any(|u| u.start < at.end && at.start < u.end) {
                continue; // inside a longer term already checked
            }
            used.push(at);
            if glossary::find(&b.text, &e.translation).is_none() {
                let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                let message = format!("`{}` should be translated as `{}` (glossary){note}", e.term, e.translation);
                out.push(ctx.finding(CheckId::TermGlossary, c, b.range.start, Some(r), &e.term, message));
            }
        }
    }
}

fn forbidden(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    for (c, b) in ctx.cells(r) {
        if Some(c) == ctx.source {
            continue;
        }
        let locale = &ctx.files[c].locale;
        for e in ctx.glossary.entries.iter().filter(|e| e.kind == Kind::Forbidden && e.applies_to(locale)) {
            let word = e.forbidden_word();
            if glossary::find(&b.text, word).is_some() {
                let offset = find_in_source(ctx, c, b, word);
                let note = if e.note.is_empty() { String::new() } else { format!(": {}", e.note) };
                let message = format!("`{word}` is forbidden in {locale} by the glossary{note}");
                out.push(ctx.finding(CheckId::TermForbidden, c, offset, Some(r), word, message));
            }
        }
    }
}

/// The language source text is written in: the source's, else English (Microsoft Docs, Hugo and most doc
/// sets are written in English first).
fn source_language(ctx: &DocContext<'_>) -> String {
    ctx.source.map_or_else(|| "en".to_owned(), |s| ctx.files[s].locale.language().to_owned())
}

/// Runs of English words several locales of different languages share somewhere in the document
/// ("machine learning"): accepted loan phrases, not untranslated text.
fn shared_loan_phrases(ctx: &DocContext<'_>, runs: &BlockRuns<'_>) -> HashSet<String> {
    let mut by_phrase: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (c, per_block) in runs.iter().enumerate() {
        let language = ctx.files[c].locale.language();
        for run in per_block.iter().flatten() {
            let lower: Vec<String> = run.iter().map(|(_, w)| w.to_lowercase()).collect();
            for len in 2..=lower.len() {
                for start in 0..=lower.len() - len {
                    by_phrase.entry(lower[start..start + len].join(" ")).or_default().insert(language);
                }
            }
        }
    }
    by_phrase.into_iter().filter(|(_, l)| l.len() >= 2).map(|(p, _)| p).collect()
}

/// English word runs of every block, per column (empty for columns in the source language): computed once
/// per document, read by the loan-phrase inference and the untranslated check.
type BlockRuns<'a> = Vec<Vec<Vec<Vec<(usize, &'a str)>>>>;

fn english_runs_by_block<'a>(ctx: &DocContext<'a>) -> BlockRuns<'a> {
    // The English-word heuristics apply to English sources only, and never to English text.
    let english_source = source_language(ctx) == "en";
    ctx.files
        .iter()
        .map(|f| {
            if !english_source || f.locale.language() == "en" || f.locale.is_undetermined() {
                return Vec::new();
            }
            f.skeleton.blocks.iter().map(|b| english_runs(&b.text)).collect()
        })
        .collect()
}

struct Run {
    start: usize,
    text: String,
    lower: String,
    telling: bool,
}

/// Word parts of a text: maximal runs of letters and digits, split at hyphens, apostrophes and other ASCII
/// punctuation (so `Learning-Modellen` gives `Learning`). Scans bytes: any non-ASCII byte counts as a
/// letter, so a word with accents or in another script stays whole — and is never an English word.
fn parts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let wordy = b.is_ascii_alphanumeric() || b >= 0x80;
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// ASCII tokens that may be names: letters and digits with inner `-`, `.` or `_` (`scikit-learn`,
/// `ML.NET`); a token touching a non-ASCII letter is not one.
fn ascii_tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut foreign = start > 0 && bytes[start - 1] >= 0x80;
        while i < bytes.len() {
            let b = bytes[i];
            let joiner = matches!(b, b'-' | b'.' | b'_') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if b.is_ascii_alphanumeric() || joiner {
                i += 1;
            } else {
                foreign |= b >= 0x80;
                break;
            }
        }
        if !foreign {
            out.push(&text[start..i]);
        }
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80) {
            i += 1;
        }
    }
    out
}

/// Every English word the untranslated-text check knows.
fn english_words() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.iter().chain(RARELY_BORROWED).chain(OTHER_ENGLISH_WORDS).copied()
}

/// Is this an English word of the list? Without allocating: the list is ASCII and short words only.
fn is_english(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() < 2 || bytes.len() > 16 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    static WORDS: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| english_words().collect());
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|lower| words.contains(lower))
}

/// Maximal runs of English words (joined by spaces or hyphens, never across a line break).
fn english_runs(text: &str) -> Vec<Vec<(usize, &str)>> {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Vec::new(); // Cyrillic, Greek, CJK…: no English word can hide here
    }
    let words = parts(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_english(words[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && is_english(words[j + 1].1) && {
            let gap = &text[words[j].0 + words[j].1.len()..words[j + 1].0];
            gap.chars().all(|c| c == ' ' || c == '-')
        } {
            j += 1;
        }
        out.push(words[i..=j].to_vec());
        i = j + 1;
    }
    out
}

/// The runs of English words in a text that accepted loan phrases do not cover; `telling` when a run holds
/// a word other languages rarely borrow alone, or three words with a function word among them.
fn english_segments(text: &str, runs: &[Vec<(usize, &str)>], loans: &HashSet<String>) -> Vec<Run> {
    let mut out = Vec::new();
    for run in runs {
        let lower: Vec<String> = run.iter().map(|(_, w)| w.to_lowercase()).collect();
        let mut covered = vec![false; run.len()];
        for len in (2..=run.len()).rev() {
            for start in 0..=run.len() - len {
                if loans.contains(&lower[start..start + len].join(" ")) {
                    covered[start..start + len].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        let mut k = 0;
        while k < run.len() {
            if covered[k] {
                k += 1;
                continue;
            }
            let mut e = k;
            while e + 1 < run.len() && !covered[e + 1] {
                e += 1;
            }
            let words = &lower[k..=e];
            let rare = words.iter().any(|w| RARELY_BORROWED.contains(&w.as_str()));
            let function = words.iter().any(|w| FUNCTION_WORDS.contains(&w.as_str()));
            let (s, (ls, lw)) = (run[k].0, run[e]);
            out.push(Run {
                start: s,
                text: text[s..ls + lw.len()].to_owned(),
                lower: words.join(" "),
                telling: rare || (words.len() >= 3 && function),
            });
            k = e + 1;
        }
    }
    out
}

fn untranslated(ctx: &DocContext<'_>, r: usize, runs: &BlockRuns<'_>, loans: &HashSet<String>, out: &mut Vec<Finding>) {
    let src_lang = source_language(ctx);
    let cells = ctx.cells(r);
    let others: Vec<(usize, &Block)> =
        cells.iter().copied().filter(|(c, _)| ctx.files[*c].locale.language() != src_lang).collect();
    let row = &ctx.alignment.rows[r];
    let segments: Vec<Vec<Run>> = others
        .iter()
        .map(|&(c, b)| {
            let block_runs = row.cells[c].and_then(|i| runs[c].get(i)).map_or(&[][..], Vec::as_slice);
            english_segments(&b.text, block_runs, loans)
        })
        .collect();
    for (k, &(c, b)) in others.iter().enumerate() {
        if matches!(b.kind, BlockKind::Code | BlockKind::Html) {
            continue;
        }
        if let Some(f) = identical_to_source(ctx, r, c, b) {
            out.push(f);
            continue;
        }
        let runs: Vec<&Run> =
            segments[k].iter().filter(|run| run.telling && !shared_in_row(&segments, k, &run.lower)).collect();
        let Some(first) = runs.first() else { continue };
        let list = runs.iter().map(|r| format!("`{}`", r.text)).collect::<Vec<_>>().join(", ");
        let nth = b.text[..first.start].matches(first.text.as_str()).count();
        let offset = nth_in_source(ctx, c, b, &first.text, nth);
        let message = format!("source-language ({src_lang}) words left untranslated: {list}");
        let subject = runs.iter().map(|r| r.lower.as_str()).collect::<Vec<_>>().join("|");
        out.push(ctx.finding(CheckId::TermUntranslated, c, offset, Some(r), &subject, message));
    }
}

/// True when at least half of the other translations in the row leave the same words (a shared loan).
fn shared_in_row(segments: &[Vec<Run>], me: usize, run: &str) -> bool {
    let rest = segments.len() - 1;
    let sharing = (0..segments.len()).filter(|&k| k != me && segments[k].iter().any(|r| r.lower == run)).count();
    rest > 0 && sharing * 2 >= rest
}

/// A block identical to the source's, with real prose in it.
fn identical_to_source(ctx: &DocContext<'_>, r: usize, c: usize, b: &Block) -> Option<Finding> {
    let s = ctx.source?;
    let src = ctx.block(r, s)?;
    // Real prose: at least four words of three letters or more, twenty letters in all.
    let words = glossary::words(&src.text);
    let prose_words = words.iter().filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).count();
    let letters = src.text.chars().filter(|c| c.is_alphabetic()).count();
    if src.text != b.text || prose_words < 4 || letters < 20 || ctx.files[c].locale.same_language(&ctx.files[s].locale)
    {
        return None;
    }
    let message = format!("{} is identical to {}: not translated", b.kind.label(), reference_name(ctx, r));
    Some(ctx.finding(CheckId::TermUntranslated, c, b.range.start, Some(r), "identical", message))
}

/// Distinctly English function words (left out: words that are also common in other languages, such as
/// `in`, `is`, `a`, `die`, `also`, `for`, `to`).
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "with", "and", "from", "your", "this", "that", "these", "those", "using", "which", "what", "how",
    "when", "where", "are", "can", "should", "must", "about", "into", "than", "there", "their", "they", "you", "has",
    "have", "been", "were", "only", "each", "other", "such", "between", "through", "without",
];

/// English content words that other languages seldom borrow on their own.
const RARELY_BORROWED: &[&str] = &[
    "learning",
    "networks",
    "network",
    "neural",
    "reinforcement",
    "encryption",
    "deploy",
    "deploying",
    "deployed",
    "preserve",
    "standardize",
    "understand",
    "getting",
    "started",
    "overview",
];

/// Other common English words: they make runs longer but never tell on their own (many are borrowed).
const OTHER_ENGLISH_WORDS: &[&str] = &[
    "machine",
    "deep",
    "models",
    "model",
    "data",
    "open",
    "source",
    "train",
    "training",
    "use",
    "see",
    "more",
    "information",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_like_tokens() {
        for t in ["PyTorch", "TensorFlow", "ONNX", "MLOps", "RLLib", "macOS", "AutoML", "ML.NET", "EC2"] {
            assert!(is_name_like(t), "{t}");
        }
        for t in ["Keras", "Docker", "Azure", "the", "API", "Über", "Bloß"] {
            assert_eq!(is_name_like(t), t == "API", "{t}");
        }
        assert!(is_hyphenated_name("scikit-learn"));
        assert!(!is_hyphenated_name("open-source"));
        assert!(!is_hyphenated_name("data-driven"));
    }

    #[test]
    fn finds_mangled_forms_of_names() {
        assert_eq!(mangled_form("такие как смартноисе помогают", "SmartNoise").as_deref(), Some("смартноисе"));
        assert_eq!(mangled_form("как интерпретмл и", "InterpretML").as_deref(), Some("интерпретмл"));
        assert_eq!(mangled_form("использовать млфлов в", "MLflow").as_deref(), Some("млфлов"));
        assert_eq!(mangled_form("Klassieke: scikit-informatie", "scikit-learn").as_deref(), Some("scikit-informatie"));
        assert_eq!(mangled_form("PyTorch, tensor flow, Keras", "TensorFlow").as_deref(), Some("tensor flow"));
        assert_eq!(mangled_form("[Pytorch](x)", "PyTorch").as_deref(), Some("Pytorch"));
        assert_eq!(mangled_form("луч Рллиб", "RLLib").as_deref(), Some("Рллиб"));
    }

    #[test]
    fn leaves_clean_text_alone() {
        assert_eq!(mangled_form("Нейронные сети: PyTorch, TensorFlow", "TensorFlow"), None);
        assert_eq!(mangled_form("Scikit-learn est une bibliothèque", "scikit-learn"), None);
        assert_eq!(mangled_form("Машинное обучение Azure", "MLflow"), None);
        assert_eq!(mangled_form("Обучение моделей с открытым кодом", "ONNX"), None);
    }

    #[test]
    fn ascii_tokens_are_names_candidates_only() {
        assert_eq!(
            ascii_tokens("scikit-learn, ML.NET und Größe PyTorch-basiert"),
            ["scikit-learn", "ML.NET", "und", "PyTorch-basiert"]
        );
        assert_eq!(ascii_tokens("смартноисе SmartNoise"), ["SmartNoise"]);
    }

    #[test]
    fn english_segments_flag_telling_words_only() {
        let loans: HashSet<String> = ["machine learning".to_owned()].into_iter().collect();
        let telling = |t: &str| -> Vec<String> {
            english_segments(t, &english_runs(t), &loans).into_iter().filter(|r| r.telling).map(|r| r.text).collect()
        };
        assert_eq!(telling("Sinir Networks: PyTorch, TensorFlow"), vec!["Networks"]);
        assert_eq!(telling("de end-to-end-machine learning levenscyclus"), Vec::<String>::new());
        assert_eq!(telling("overboeking Learning een snelkoppeling"), vec!["Learning"]);
        assert_eq!(telling("Das Training eines Modells"), Vec::<String>::new());
        assert_eq!(telling("Machine Learning open source"), Vec::<String>::new());
        assert_eq!(telling("Azure Machine Learning\nLearning"), vec!["Learning"]);
    }
}
