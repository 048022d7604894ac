//! Locale tags: parsing and normalising them (`de`, `de-DE`, `pt_BR`, `zh-Hant-TW`), recognising them in
//! paths and file names, and identifying a text's language when nothing else names it.

use serde::Serialize;
use std::fmt;

/// A normalised locale tag: lowercase language, optional title-case script, optional uppercase region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Locale {
    tag: String,
}

/// ISO 639-1 codes (and the few 639-3 codes docs sites use as folder names): a path segment is only a
/// locale when its language part is one of these, so folders like `js` or `ui` are never taken for one.
const LANGUAGES: &[&str] = &[
    "aa", "ab", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo",
    "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo",
    "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi",
    "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka",
    "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng",
    "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn",
    "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur",
    "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu", "fil", "yue", "ckb",
];

/// Languages whose writing puts no space between words: adjacency rules (`](url)word`) do not apply.
const UNSPACED_LANGUAGES: &[&str] = &["ja", "zh", "th", "lo", "km", "my", "yue"];

impl Locale {
    /// Parse a locale tag such as `de`, `de-de`, `pt_BR`, `zh-Hant-TW`; `None` when it is not one.
    pub fn parse(raw: &str) -> Option<Locale> {
        let raw = raw.trim().trim_matches('"').trim_matches('\'');
        let mut parts = raw.split(['-', '_']);
        let language = parts.next()?.to_ascii_lowercase();
        if !LANGUAGES.contains(&language.as_str()) {
            return None;
        }
        let mut tag = language;
        let mut seen_region = false;
        for part in parts {
            let ok = part.chars().all(|c| c.is_ascii_alphanumeric());
            match part.len() {
                4 if ok && !seen_region && part.chars().all(|c| c.is_ascii_alphabetic()) => {
                    let mut chars = part.chars();
                    let first = chars.next()?.to_ascii_uppercase();
                    tag.push('-');
                    tag.push(first);
                    tag.extend(chars.map(|c| c.to_ascii_lowercase()));
                }
                2 if ok && !seen_region && part.chars().all(|c| c.is_ascii_alphabetic()) => {
                    tag.push('-');
                    tag.push_str(&part.to_ascii_uppercase());
                    seen_region = true;
                }
                3 if !seen_region && part.chars().all(|c| c.is_ascii_digit()) => {
                    tag.push('-');
                    tag.push_str(part);
                    seen_region = true;
                }
                _ => return None,
            }
        }
        Some(Locale { tag })
    }

    /// The locale for "we could not tell".
    pub fn undetermined() -> Locale {
        Locale { tag: "und".to_owned() }
    }

    /// True for the "could not tell" locale.
    pub fn is_undetermined(&self) -> bool {
        self.tag == "und"
    }

    /// The normalised tag.
    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The language subtag (`de` for `de-AT`).
    pub fn language(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }

    /// True when both tags name the same language.
    pub fn same_language(&self, other: &Locale) -> bool {
        self.language() == other.language()
    }

    /// True when the language separates words with spaces.
    pub fn uses_spaces(&self) -> bool {
        !UNSPACED_LANGUAGES.contains(&self.language())
    }

    /// True when the locale is written right to left (see [`is_right_to_left`]).
    pub fn is_right_to_left(&self) -> bool {
        is_right_to_left(&self.tag)
    }
}

/// True for a locale tag written right to left: Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Yiddish,
/// Dhivehi, Sorani, Uyghur, … or any tag with an Arabic, Hebrew, Thaana, Syriac, N'Ko or Adlam script
/// subtag (`pa-Arab`); a Latin or other script subtag wins over the language (`az-Latn`, `ku-Latn`).
pub fn is_right_to_left(tag: &str) -> bool {
    const LANGUAGES: [&str; 13] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi", "syr"];
    const SCRIPTS: [&str; 6] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"];
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let mut rtl = LANGUAGES.contains(&language.as_str());
    for part in parts.filter(|p| p.len() == 4) {
        rtl = SCRIPTS.contains(&part.to_ascii_lowercase().as_str());
    }
    rtl
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl From<Locale> for String {
    fn from(l: Locale) -> String {
        l.tag
    }
}

/// A locale tag inside a path segment: `de`, `pt-BR`, or tldr's `pages.de`.
pub fn from_path_segment(segment: &str) -> Option<Locale> {
    if let Some(tag) = segment.strip_prefix("pages.") {
        return Locale::parse(tag);
    }
    if segment.len() > 10 || segment.contains('.') {
        return None;
    }
    Locale::parse(segment)
}

/// A locale suffix in a file name: `guide.fr.md` → (`guide.md`, fr); `README.de-DE.md` → (`README.md`, de-DE).
pub fn from_file_suffix(file_name: &str) -> Option<(String, Locale)> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    let (base, tag) = stem.rsplit_once('.')?;
    if base.is_empty() {
        return None;
    }
    let locale = Locale::parse(tag)?;
    Some((format!("{base}.{ext}"), locale))
}

/// The language of a text, from letter trigrams; `None` when the guess is not reliable.
pub fn detect_language(text: &str) -> Option<Locale> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    Locale::parse(iso639_1(info.lang())?)
}

/// The two-letter code of a `whatlang` language (whatlang speaks ISO 639-3).
fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_locales_are_known_by_language_and_script() {
        for rtl in ["ar", "ar-SA", "he", "he-IL", "fa", "ur-PK", "pa-Arab", "ckb", "yi", "dv", "ps", "sd"] {
            assert!(is_right_to_left(rtl), "{rtl}");
        }
        for ltr in ["en", "de-DE", "pt-BR", "zh-Hans", "az-Latn", "ar-Latn", "*", "", "arn", "ja"] {
            assert!(!is_right_to_left(ltr), "{ltr}");
        }
        assert!(Locale::parse("ar_EG").expect("ar-EG").is_right_to_left());
    }

    fn tag(s: &str) -> Option<String> {
        Locale::parse(s).map(String::from)
    }

    #[test]
    fn normalises_the_tag_spellings_docs_sites_use() {
        assert_eq!(tag("de").as_deref(), Some("de"));
        assert_eq!(tag("de-de").as_deref(), Some("de-DE"));
        assert_eq!(tag("pt_BR").as_deref(), Some("pt-BR"));
        assert_eq!(tag("zh-TW").as_deref(), Some("zh-TW"));
        assert_eq!(tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(tag("es-419").as_deref(), Some("es-419"));
        assert_eq!(tag("\"ru-RU\"").as_deref(), Some("ru-RU"));
    }

    #[test]
    fn refuses_words_that_are_not_locales() {
        for word in ["js", "ui", "docs", "content", "de-", "en-toolong", "img", ""] {
            assert_eq!(tag(word), None, "{word}");
        }
    }

    #[test]
    fn finds_locales_in_segments_and_suffixes() {
        assert_eq!(from_path_segment("pages.de").map(String::from).as_deref(), Some("de"));
        assert_eq!(from_path_segment("pt_BR").map(String::from).as_deref(), Some("pt-BR"));
        assert_eq!(from_path_segment("pages"), None);
        let (base, l) = from_file_suffix("README.de-DE.md").unwrap_or_default_pair();
        assert_eq!((base.as_str(), l.as_str()), ("README.md", "de-DE"));
        let (base, l) = from_file_suffix("guide.fr.md").unwrap_or_default_pair();
        assert_eq!((base.as_str(), l.as_str()), ("guide.md", "fr"));
        assert_eq!(from_file_suffix("setup.py.md"), None);
        assert_eq!(from_file_suffix("notes.md"), None);
    }

    trait OrDefaultPair {
        fn unwrap_or_default_pair(self) -> (String, Locale);
    }
    impl OrDefaultPair for Option<(String, Locale)> {
        fn unwrap_or_default_pair(self) -> (String, Locale) {
            self.unwrap_or_else(|| (String::new(), Locale::undetermined()))
        }
    }

    #[test]
    fn detects_the_language_of_prose() {
        let de = "Die Übersetzung dieses Artikels wurde von einem Menschen geprüft und ist vollständig.";
        assert_eq!(detect_language(de).map(String::from).as_deref(), Some("de"));
        let ru = "Этот документ был переведён автоматически и проверен редактором перед публикацией.";
        assert_eq!(detect_language(ru).map(String::from).as_deref(), Some("ru"));
    }
}
