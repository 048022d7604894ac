//! Heading ids made from heading text, as the generators make them.

/// The GitHub-style slug of a heading (also Hugo's and Docusaurus's default): lowercase; letters, digits,
/// combining marks, `-` and `_` kept; spaces to `-`; other punctuation dropped. Works for every script
/// (umlauts, Cyrillic, Turkish dotted İ, Devanagari and Bengali vowel signs and viramas).
pub fn slugify(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_combining_mark(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Other ids generators make of the same heading: the slug of the text without its inline code (older
/// renderers), with runs of `-` collapsed (Microsoft Docs, some Hugo setups), and Python-Markdown's
/// ASCII-only slug (MkDocs: accents folded, other scripts dropped).
pub(super) fn slug_variants(rendered: &str, without_code: &str) -> Vec<String> {
    let github = slugify(rendered);
    let collapsed = collapse_hyphens(&github);
    let mut out = vec![slugify(without_code), collapsed, python_markdown_slug(rendered)];
    out.retain(|v| !v.is_empty() && *v != github);
    out.dedup();
    out
}

fn collapse_hyphens(slug: &str) -> String {
    let mut out = String::with_capacity(slug.len());
    for c in slug.chars() {
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
    }
    out.trim_matches('-').to_owned()
}

/// Python-Markdown's `toc` slugify: fold to ASCII, drop what is not a word character, space or hyphen,
/// lowercase, runs of spaces and hyphens to one `-`.
fn python_markdown_slug(heading: &str) -> String {
    let ascii: String = heading.chars().filter_map(fold_to_ascii).collect();
    let kept: String =
        ascii.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ')).collect::<String>();
    let mut out = String::new();
    for word in kept.trim().to_lowercase().split([' ', '-']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// A character as NFKD-then-ASCII leaves it: accented Latin letters lose their accents, other letters
/// vanish.
fn fold_to_ascii(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let base = match c {
        'à'..='å' => 'a',
        'À'..='Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è'..='ë' => 'e',
        'È'..='Ë' => 'E',
        'ì'..='ï' => 'i',
        'Ì'..='Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò'..='ö' => 'o',
        'Ò'..='Ö' => 'O',
        'ù'..='ü' => 'u',
        'Ù'..='Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        _ => return None,
    };
    Some(base)
}

/// Combining marks (Unicode Mn/Mc) of the scripts documentation is written in: generic diacritics,
/// Cyrillic, Hebrew points, Arabic harakat, the vowel signs and viramas of the Indic scripts, Thai vowels
/// and tone marks. `char::is_alphanumeric` is false for them, yet slugs keep them.
pub(super) fn is_combining_mark(c: char) -> bool {
    let u = c as u32;
    let indic = (0x0900..=0x0DFF).contains(&u) && !c.is_alphanumeric() && !matches!(u, 0x0964 | 0x0965 | 0x0970);
    indic
        || matches!(
            u,
            0x0300..=0x036F
                | 0x0483..=0x0489
                | 0x0591..=0x05BD
                | 0x05BF
                | 0x05C1..=0x05C2
                | 0x05C4..=0x05C5
                | 0x05C7
                | 0x0610..=0x061A
                | 0x064B..=0x065F
                | 0x0670
                | 0x06D6..=0x06DC
                | 0x06DF..=0x06E4
                | 0x06E7..=0x06E8
                | 0x06EA..=0x06ED
                | 0x0E31
                | 0x0E34..=0x0E3A
                | 0x0E47..=0x0E4E
                | 0x1AB0..=0x1AFF
                | 0x1DC0..=0x1DFF
                | 0x20D0..=0x20FF
                | 0xFE20..=0xFE2F
        )
}

/// Gives repeated slugs the `-1`, `-2` suffixes GitHub and Hugo give them.
#[derive(Default)]
pub(super) struct SlugCounter {
    seen: std::collections::HashMap<String, usize>,
}

impl SlugCounter {
    pub(super) fn next(&mut self, slug: &str) -> String {
        let n = self.seen.entry(slug.to_owned()).or_insert(0);
        let out = if *n == 0 { slug.to_owned() } else { format!("{slug}-{n}") };
        *n += 1;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_right_for_non_ascii_headings() {
        assert_eq!(slugify("Größe & Gewicht"), "größe--gewicht");
        assert_eq!(slugify("Обучение моделей: PyTorch"), "обучение-моделей-pytorch");
        assert_eq!(slugify("İstanbul ıslak"), "i̇stanbul-ıslak");
        assert_eq!(slugify("Step 1. Install_it"), "step-1-install_it");
    }

    #[test]
    fn indic_vowel_signs_and_viramas_stay_in_slugs() {
        // astro-docs hi/basics/astro-components.mdx links `#स्लॉट्स` for `## स्लॉट्स`.
        assert_eq!(slugify("स्लॉट्स"), "स्लॉट्स");
        // cncf/glossary bn/style-guide: `#সংজ্ঞা`.
        assert_eq!(slugify("সংজ্ঞা"), "সংজ্ঞা");
    }

    #[test]
    fn variants_cover_code_text_collapsed_hyphens_and_python_markdown() {
        // astro-docs en/reference/routing-reference: ### Data passing with `props`
        assert_eq!(slugify("Data passing with props"), "data-passing-with-props");
        let v = slug_variants("Größe & Gewicht", "Größe & Gewicht");
        assert!(v.contains(&"größe-gewicht".to_owned()), "{v:?}");
        assert!(v.contains(&"groe-gewicht".to_owned()), "Python-Markdown folds ö, drops ß: {v:?}");
        assert_eq!(python_markdown_slug("Über uns: Café"), "uber-uns-cafe");
    }
}
