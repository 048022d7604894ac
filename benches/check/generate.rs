//! The generated folder: a deterministic Hugo-style corpus (`<root>/<locale>/section-<k>/doc-<n>.md`,
//! 21 locales × 1,000 documents, about 30 MB) with defects seeded in known files, so the findings can be
//! checked as well as timed.

use std::fmt::Write as _;
use std::path::Path;

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

/// The source locale first, then the translations.
pub const LOCALES: &[&str] = &[
    "en", "de", "fr", "es", "it", "pt-BR", "ru", "tr", "nl", "pl", "sv", "da", "fi", "cs", "hu", "ja", "ko", "zh-CN",
    "uk", "el", "id",
];
/// Sections (`section-<k>`) per locale.
pub const SECTIONS: usize = 20;
/// Documents per section, so `SECTIONS * DOCS_PER_SECTION` documents per locale.
pub const DOCS_PER_SECTION: usize = 50;

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers.
// ---------------------------------------------------------------------------------------------

/// A 64-bit linear congruential generator (Knuth's MMIX constants); good enough for filler text.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        Lcg(mix(seed ^ 0x005E_ED0F_5EED))
    }

    fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        self.next_u32() as usize % n
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// SplitMix64 finalizer, to turn structured seeds into well-spread ones.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn seed(parts: &[u64]) -> u64 {
    parts.iter().fold(0xC0FF_EE00_u64, |acc, &p| mix(acc ^ p.wrapping_mul(0x100_0000_01B3)))
}

// ---------------------------------------------------------------------------------------------
// Corpus generation.
// ---------------------------------------------------------------------------------------------

/// Syllables a locale's pseudo-words are built from, by script.
fn syllables(locale: &str) -> &'static [&'static str] {
    match locale {
        "ru" | "uk" => &["ка", "ро", "ми", "ст", "но", "ве", "ль", "та", "ди", "пре", "зна", "ско", "жи", "ву"],
        "el" => &["κα", "λο", "με", "τρι", "πο", "νε", "σι", "γα", "δο", "φυ", "ξε", "θα"],
        "ja" => &["か", "の", "に", "す", "る", "た", "ま", "し", "テ", "ス", "ト", "を", "は", "で"],
        "ko" => &["가", "나", "다", "하", "는", "에", "서", "를", "습", "니", "다", "문", "서"],
        "zh-CN" => &["文", "档", "的", "是", "在", "中", "用", "件", "数", "据", "模", "型", "训", "练"],
        _ => &[
            "ka", "lo", "men", "tri", "por", "ne", "sa", "vel", "dun", "ri", "ost", "ba", "che", "gu", "fer", "lin",
            "to", "mas", "qui", "zen", "ha", "ber", "sko", "ja", "ul", "ent",
        ],
    }
}

/// A small word list per locale, built deterministically from its syllables and its index.
fn word_list(locale_index: usize, locale: &str) -> Vec<String> {
    let syl = syllables(locale);
    let mut rng = Lcg::new(seed(&[0xAB, locale_index as u64]));
    (0..48)
        .map(|_| {
            let n = rng.range(1, 3);
            (0..n).map(|_| syl[rng.below(syl.len())]).collect::<String>()
        })
        .collect()
}

/// `count` words from `words`, space-separated.
fn words(rng: &mut Lcg, list: &[String], count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&list[rng.below(list.len())]);
    }
    out
}

/// A sentence: capitalized (for Latin scripts) and ended with a period.
fn sentence(rng: &mut Lcg, list: &[String], count: usize) -> String {
    let w = words(rng, list, count);
    let mut chars = w.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    out.push('.');
    out
}

/// Which defect, if any, a file carries.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    None,
    /// The last `##` section is dropped.
    MissingSection,
    /// The relative link points to another document.
    ChangedLink,
    /// The relative link's fragment does not exist.
    BrokenAnchor,
    /// The fenced code block was edited.
    ChangedCode,
}

pub fn defect_for(locale_index: usize, doc_number: usize) -> Defect {
    if locale_index == 0 {
        return Defect::None;
    }
    match (locale_index, doc_number % 97, doc_number % 89, doc_number % 83) {
        (3 | 7 | 12, 0, _, _) => Defect::MissingSection,
        (5 | 9, _, 0, _) => Defect::ChangedLink,
        (14, _, _, 0) => Defect::BrokenAnchor,
        (17, 0, _, _) => Defect::ChangedCode,
        _ => Defect::None,
    }
}

/// The text of document (`section`, `doc`) in one locale. The structure (section count, link
/// targets, code) depends only on the document; the prose depends on the locale too.
fn document(locale_index: usize, list: &[String], section: usize, doc: usize) -> String {
    let doc_number = section * DOCS_PER_SECTION + doc;
    let mut shape = Lcg::new(seed(&[1, section as u64, doc as u64]));
    let mut prose = Lcg::new(seed(&[2, locale_index as u64, section as u64, doc as u64]));
    let defect = defect_for(locale_index, doc_number);

    let sections = shape.range(3, 5);
    let link_section = shape.below(SECTIONS);
    let link_doc = shape.below(DOCS_PER_SECTION);
    let code_value = shape.range(1, 999);

    let mut out = String::with_capacity(1200);
    // Writing to a String cannot fail; the `let _ =` keeps clippy quiet without unwrap.
    let title = words(&mut prose, list, 4);
    let _ = writeln!(out, "---\ntitle: \"{title}\"");
    if locale_index > 0 {
        let _ = writeln!(out, "default_lang_commit: abc123\nsource_date: 2026-01-01");
    }
    let _ = writeln!(out, "---\n\n# {title}\n");
    let _ = writeln!(out, "{}\n", sentence(&mut prose, list, 14));

    let kept = if defect == Defect::MissingSection { sections - 1 } else { sections };
    for i in 1..=kept {
        let heading = words(&mut prose, list, 3);
        let _ = writeln!(out, "## {heading} {{#section-{i}}}\n");
        match i % 3 {
            1 => {
                let (target_doc, fragment) = match defect {
                    Defect::ChangedLink => ((link_doc + 1) % DOCS_PER_SECTION, "section-1"),
                    Defect::BrokenAnchor => (link_doc, "section-9"),
                    _ => (link_doc, "section-1"),
                };
                let _ = writeln!(
                    out,
                    "{} [{}](../section-{link_section}/doc-{target_doc}.md#{fragment}) {} \
                     [TensorFlow](https://github.com/tensorflow/tensorflow) {} `tf.keras.Model` {}\n",
                    sentence(&mut prose, list, 8),
                    words(&mut prose, list, 2),
                    words(&mut prose, list, 6),
                    words(&mut prose, list, 4),
                    sentence(&mut prose, list, 6),
                );
                let value = if defect == Defect::ChangedCode { code_value + 1 } else { code_value };
                let _ = writeln!(
                    out,
                    "```python\nimport tensorflow as tf\nmodel = tf.keras.Sequential()\nmodel.fit(x, y, epochs={value})\n```\n"
                );
            }
            2 => {
                let _ = writeln!(out, "{}\n", sentence(&mut prose, list, 12));
                for _ in 0..3 {
                    let _ = writeln!(out, "- {}", words(&mut prose, list, 4));
                }
                out.push('\n');
            }
            _ => {
                let _ =
                    writeln!(out, "{} `--flag={i}` {}\n", sentence(&mut prose, list, 7), sentence(&mut prose, list, 5));
                let _ = writeln!(
                    out,
                    "| {} | {} |\n|---|---|\n| `batch_size` | {} |\n| `epochs` | {} |\n",
                    words(&mut prose, list, 1),
                    words(&mut prose, list, 1),
                    words(&mut prose, list, 2),
                    words(&mut prose, list, 2),
                );
            }
        }
    }
    out
}

/// Write the corpus under `root`; returns (files, bytes).
pub fn generate(root: &Path) -> BenchResult<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0u64;
    for (li, locale) in LOCALES.iter().enumerate() {
        let list = word_list(li, locale);
        for section in 0..SECTIONS {
            let dir = root.join(locale).join(format!("section-{section}"));
            std::fs::create_dir_all(&dir)?;
            for doc in 0..DOCS_PER_SECTION {
                let text = document(li, &list, section, doc);
                std::fs::write(dir.join(format!("doc-{doc}.md")), &text)?;
                files += 1;
                bytes += text.len() as u64;
            }
        }
    }
    Ok((files, bytes))
}

/// Whether a finding's file (`<locale>/section-<k>/doc-<n>.md`) is one we made defective.
pub fn in_seeded_defect(file: &str) -> bool {
    let mut parts = file.split('/');
    let (Some(locale), Some(section), Some(doc)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let locale_index = LOCALES.iter().position(|l| *l == locale);
    let section = section.strip_prefix("section-").and_then(|s| s.parse::<usize>().ok());
    let doc = doc.strip_prefix("doc-").and_then(|d| d.strip_suffix(".md")).and_then(|d| d.parse::<usize>().ok());
    match (locale_index, section, doc) {
        (Some(li), Some(s), Some(d)) => defect_for(li, s * DOCS_PER_SECTION + d) != Defect::None,
        _ => false,
    }
}
