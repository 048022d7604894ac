//! `term.do-not-translate`: names that must stay verbatim — from the glossary, or inferred from the
//! locales themselves — and the mangled forms that betray a translation of one.

use super::english::is_english;
use super::find_in_source;
use super::words::{ascii_tokens, contains_word};
use crate::checks::{CheckId, DocContext, Finding};
use crate::glossary::{self, Kind};
use crate::skeleton::{Block, BlockKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Is this token name-like: CamelCase, ALLCAPS, mixed caps, or letters with digits?
pub(super) fn is_name_like(token: &str) -> bool {
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
pub(super) fn is_name_like_link(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    is_name_like(word) && !(all_caps && letters < 4)
}

/// A hyphenated name such as `scikit-learn`: lowercase, first part not an English word.
pub(super) fn is_hyphenated_name(token: &str) -> bool {
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
pub(super) fn infer_terms(ctx: &DocContext<'_>) -> Vec<String> {
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
pub(super) fn link_names(ctx: &DocContext<'_>) -> BTreeMap<String, String> {
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

pub(super) fn do_not_translate(
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
pub(super) fn external_links(b: &Block) -> Vec<(String, String, bool)> {
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
pub(super) fn without_urls(text: &str) -> String {
    text.split(' ').filter(|w| !w.contains("http")).collect::<Vec<_>>().join(" ")
}

/// True when the text has the term only with its inner capitals changed (`Pytorch` for `PyTorch`).
pub(super) fn recased(text: &str, term: &str) -> bool {
    let inner_caps = term.chars().skip(1).any(char::is_uppercase);
    inner_caps && !text.contains(term) && glossary::words(text).iter().any(|(_, w)| w.eq_ignore_ascii_case(term))
}

/// A mangled form of `term` in `text`: recased, split, half-translated, or transliterated.
pub(super) fn mangled_form(text: &str, term: &str) -> Option<String> {
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
pub(super) fn latin_key(s: &str) -> String {
    let lower: String = s.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    lower
        .replace("ph", "f")
        .replace('w', "v")
        .replace(['c', 'q'], "k")
        .replace('x', "ks")
        .replace(['y', 'j'], "i")
        .replace("kh", "h")
}

pub(super) fn close(a: &str, b: &str) -> bool {
    let allowed = (b.chars().count() / 5).max(1);
    a == b || (b.chars().count() >= 5 && levenshtein(a, b) <= allowed)
}

pub(super) fn levenshtein(a: &str, b: &str) -> usize {
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
pub(super) fn transliterate(word: &str) -> String {
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
}
