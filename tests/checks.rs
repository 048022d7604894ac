//! Each check family on small folders written for the case: the defect is found exactly where it is,
//! and the clean variant stays quiet.

use std::path::Path;
use synoptic::review::{CheckOptions, Review};

/// Write `files` (relative path, text) into a temp folder and review it.
fn review(files: &[(&str, &str)]) -> (tempfile::TempDir, Review) {
    review_with(files, &CheckOptions::default())
}

/// [`review`] with options.
fn review_with(files: &[(&str, &str)], options: &CheckOptions) -> (tempfile::TempDir, Review) {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (rel, text) in files {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let r = Review::build(&[tmp.path().to_path_buf()], options).expect("review");
    (tmp, r)
}

/// (id, locale, line) of every finding.
fn found(r: &Review) -> Vec<(&str, &str, usize)> {
    r.findings.iter().map(|f| (f.id.as_str(), f.locale.as_str(), f.line)).collect()
}

const EN: &str = "# Guide\n\nIntro text with a [link](other.md) and `output_dir`.\n\n## Steps\n\n- one\n- two\n- three\n\n```sh\nrun --fast\n```\n";
const OTHER_EN: &str = "# Other\n\nSome words.\n";
const OTHER_DE: &str = "# Anderes\n\nEinige Wörter.\n";

fn de(body: &str) -> String {
    format!("# Anleitung\n\n{body}")
}

#[test]
fn clean_translation_is_quiet() {
    let de_text = de(
        "Einleitung mit einem [Verweis](other.md) und `output_dir`.\n\n## Schritte\n\n- eins\n- zwei\n- drei\n\n```sh\n# ausführen\nrun --fast\n```\n",
    );
    let (_t, r) =
        review(&[("en/guide.md", EN), ("de/guide.md", &de_text), ("en/other.md", OTHER_EN), ("de/other.md", OTHER_DE)]);
    assert_eq!(found(&r), vec![]);
}

#[test]
fn structure_missing_count_level_and_code() {
    let de_text = de(
        "Einleitung mit einem [Verweis](other.md) und `ausgabe_ordner`.\n\n### Schritte\n\n- eins\n- zwei\n\n```sh\nrun --schnell\n```\n",
    );
    let (_t, r) =
        review(&[("en/guide.md", EN), ("de/guide.md", &de_text), ("en/other.md", OTHER_EN), ("de/other.md", OTHER_DE)]);
    assert_eq!(
        found(&r),
        vec![
            ("code.changed", "de", 3),
            ("structure.heading-level", "de", 5),
            ("structure.missing", "de", 8),
            ("code.changed", "de", 11),
        ]
    );
    let msgs: Vec<&str> = r.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(msgs[0], "inline code of en missing or altered: `output_dir` (this locale has `ausgabe_ordner`)");
    assert_eq!(msgs[1], "heading 'Schritte' is level 3 (###) here but level 2 in en");
    assert_eq!(msgs[2], "list item 'three' of en is missing here (en/guide.md line 9)");
    assert_eq!(msgs[3], "code block differs from en: `run --schnell` where en has `run --fast`");
}

#[test]
fn a_missing_section_is_one_finding_not_one_per_block() {
    let de_text = de("Einleitung mit einem [Verweis](other.md) und `output_dir`.\n");
    let (_t, r) =
        review(&[("en/guide.md", EN), ("de/guide.md", &de_text), ("en/other.md", OTHER_EN), ("de/other.md", OTHER_DE)]);
    assert_eq!(found(&r), vec![("structure.missing", "de", 3)]);
    assert_eq!(r.findings[0].message, "section 'Steps' of en is missing here (en/guide.md line 5)");
}

#[test]
fn anchors_resolve_through_slugs_of_any_script_and_explicit_ids() {
    let en = "---\nlang: en\n---\n# Start\n\nSee [a](#größe-und-gewicht), [b](#über), [c](target.md#обзор), [d](target.md#custom), [e](target.md#nope).\n\n## Größe und Gewicht\n\n## <a name=\"über\"></a>About\n";
    let target = "---\nlang: en\n---\n# Обзор\n\n## Custom {#custom}\n";
    let (_t, r) = review(&[("doc.md", en), ("target.md", target)]);
    assert_eq!(found(&r), vec![("link.missing-anchor", "en", 6)]);
    assert_eq!(r.findings[0].message, "#nope is not an anchor in target.md (link `target.md#nope`)");
}

#[test]
fn site_absolute_links_resolve_hugo_style_and_templates_are_skipped() {
    let en = "# Home\n\n[a](/docs/install/) [b](/docs/) [c]({{< ref \"x\" >}}) [d](/docs/missing/)\n";
    let de = "# Start\n\n[a](/de/docs/install/) [b](/docs/) [c]({{< ref \"x\" >}}) [d](/docs/missing/)\n";
    let page = "# Install\n\nWords.\n";
    let page_de = "# Installieren\n\nWörter.\n";
    let (_t, r) = review(&[
        ("content/en/_index.md", en),
        ("content/de/_index.md", de),
        ("content/en/docs/install.md", page),
        ("content/de/docs/install/index.md", page_de),
        ("content/en/docs/_index.md", page),
        ("content/de/docs/_index.md", page_de),
    ]);
    let messages: Vec<&str> = r.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(found(&r), vec![("link.missing-file", "*", 3)], "{messages:?}");
    assert_eq!(
        r.findings[0].message,
        "1 relative link target(s) are missing in every locale that links them — probably outside the opened folder: /docs/missing"
    );
    assert_eq!(
        r.corpus.documents.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["content/_index.md", "content/docs/_index.md", "content/docs/install.md"]
    );
}

#[test]
fn malformed_link_syntax_is_found_and_cjk_adjacency_is_fine() {
    let en = "# T\n\nSee [the docs](https://x.org/a) now, and **bold:** text.\n";
    let de = "# T\n\nSiehe [die Doku] (https://x.org/a) jetzt, und **fett:**Text.\n";
    let fr = "# T\n\nVoir [la doc](https://x.org/a)maintenant, et **gras :** texte.\n";
    let ja = "# T\n\n[ドキュメント](https://x.org/a)を参照し、**太字:** テキスト。\n";
    let (_t, r) = review(&[("en/a.md", en), ("de/a.md", de), ("fr/a.md", fr), ("ja/a.md", ja)]);
    let malformed: Vec<(&str, &str)> = r
        .findings
        .iter()
        .filter(|f| f.id == "link.malformed")
        .map(|f| (f.locale.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        malformed,
        vec![
            // Two malformations of one line are one finding that names both.
            (
                "de",
                "`[die Doku] (https://x.org/a)` is not a link: remove the space between `]` and `(`; also: `**` is not closed: CommonMark does not end strong emphasis before a letter after punctuation (add a space or move the `**`)"
            ),
            ("fr", "no space between the link `(https://x.org/a)` and `maintenant`"),
        ]
    );
}

#[test]
fn glossary_terms_and_forbidden_words_with_inflection() {
    let glossary =
        "term,locale,translation,kind,note\nconfig file,de,Konfigurationsdatei,term,\n,de,Config-Datei,forbidden,\n";
    let en = "# T\n\nEdit the config file.\n\nThe config file is read once.\n";
    let de = "# T\n\nBearbeiten Sie die Konfigurationsdateien.\n\nDie Einstellungsdatei wird einmal gelesen, die Config-Datei nie.\n";
    let (_t, r) = review(&[("synoptic-glossary.csv", glossary), ("en/a.md", en), ("de/a.md", de)]);
    assert_eq!(found(&r), vec![("term.glossary", "de", 5), ("term.forbidden", "de", 5)]);
    assert_eq!(r.findings[0].message, "`config file` should be translated as `Konfigurationsdatei` (glossary)");
}

#[test]
fn untranslated_block_is_found_but_shared_loanwords_are_not() {
    let en = "# T\n\nThe installer copies every file into your home folder and then starts the service for you.\n\nMachine learning models run here.\n";
    let de = "# T\n\nThe installer copies every file into your home folder and then starts the service for you.\n\nMachine Learning-Modelle laufen hier.\n";
    let fr = "# T\n\nL’installateur copie chaque fichier dans votre dossier personnel puis démarre le service.\n\nLes modèles de Machine Learning tournent ici.\n";
    let (_t, r) = review(&[("en/a.md", en), ("de/a.md", de), ("fr/a.md", fr)]);
    assert_eq!(found(&r), vec![("term.untranslated", "de", 3)]);
    assert_eq!(r.findings[0].message, "paragraph is identical to en: not translated");
}

#[test]
fn orphans_and_missing_translations() {
    let page = |t: &str| format!("# {t}\n\nText {t}.\n");
    let (_t, r) = review(&[
        ("en/a.md", &page("A")),
        ("de/a.md", &page("A de")),
        ("en/b.md", &page("B")),
        ("de/b.md", &page("B de")),
        ("en/c.md", &page("C")),
        ("de/old.md", &page("Alt")),
    ]);
    assert_eq!(found(&r), vec![("meta.missing", "de", 1), ("meta.orphan", "de", 1)]);
    assert_eq!(r.findings[0].document, "c.md");
    assert_eq!(
        r.findings[1].message,
        "de/old.md has no en source document: it may be left over from a removed or renamed source"
    );
}

#[test]
fn tldr_commands_are_blocks_and_a_changed_command_is_found() {
    let en = "# tar\n\n> Archiving utility.\n\n- Extract an archive:\n\n`tar xvf {{path/to/file.tar}}`\n";
    let de = "# tar\n\n> Archivierungswerkzeug.\n\n- Ein Archiv entpacken:\n\n`tar xzf {{path/to/file.tar}}`\n";
    let (_t, r) = review(&[("pages/common/tar.md", en), ("pages.de/common/tar.md", de)]);
    assert_eq!(found(&r), vec![("code.changed", "de", 7)]);
}

#[test]
fn code_lines_that_look_like_comments_still_count() {
    let en = "# Deploy\n\n```bash\nhelm install app \\\n  --namespace prod\n```\n\n```\n* * * * * sync\n```\n";
    let de = "# Bereitstellen\n\n```bash\nhelm install app \\\n  --namespace dev\n```\n\n```\n*/5 * * * * sync\n```\n";
    let (_t, r) = review(&[("en/a.md", en), ("de/a.md", de)]);
    assert_eq!(found(&r), vec![("code.changed", "de", 5), ("code.changed", "de", 9)]);
}

#[test]
fn localized_link_targets_and_common_link_words_stay_quiet() {
    let en = "# Help\n\nRead the [FAQ](faq.md), the [Blog](https://example.com/blog) and the [Tutorial](https://example.com/tutorial).\n";
    let de = "# Hilfe\n\nLesen Sie die [FAQ](faq.de.md), den [Blog](https://example.com/blog) und das [Tutorial](https://example.com/tutorial).\n";
    let fr = "# Aide\n\nLisez la [FAQ](faq.fr.md), le [blog](https://example.com/blog) et le [tutoriel](https://example.com/tutorial).\n";
    let es = "# Ayuda\n\nLea las [preguntas frecuentes](faq.es.md), el [blog](https://example.com/blog) y el [tutorial](https://example.com/tutorial).\n";
    let faq = |t: &str| format!("# {t}\n\nAnswers to the questions people ask most often about the tool.\n");
    let (_t, r) = review(&[
        ("help.md", en),
        ("help.de.md", de),
        ("help.fr.md", fr),
        ("help.es.md", es),
        ("faq.md", &faq("FAQ")),
        ("faq.de.md", "# FAQ\n\nAntworten auf die Fragen, die am häufigsten zum Werkzeug gestellt werden.\n"),
        ("faq.fr.md", "# FAQ\n\nRéponses aux questions les plus fréquentes sur l’outil.\n"),
        ("faq.es.md", "# Preguntas\n\nRespuestas a las preguntas más frecuentes sobre la herramienta.\n"),
    ]);
    assert_eq!(found(&r), vec![]);
}

#[test]
fn a_german_source_does_not_make_english_text_untranslated() {
    let de = "# Erste Schritte\n\nInstallieren Sie das Werkzeug und starten Sie es.\n";
    let en = "# Getting started\n\nInstall the tool and start it with your network settings.\n";
    let options = CheckOptions { source: synoptic::locale::Locale::parse("de"), ..CheckOptions::default() };
    let (_t, r) = review_with(&[("de/a.md", de), ("en/a.md", en)], &options);
    assert_eq!(found(&r), vec![]);
}

#[test]
fn hugo_relative_pretty_links_resolve_against_the_page_url() {
    let page = |t: &str, link: &str| format!("# {t}\n\nSee [install]({link}).\n");
    let (_t, r) = review(&[
        ("content/en/docs/configure.md", &page("Configure", "../install/")),
        ("content/de/docs/configure.md", &page("Konfigurieren", "../install/")),
        ("content/en/docs/install.md", "# Install\n\nWords.\n"),
        ("content/de/docs/install.md", "# Installieren\n\nWörter.\n"),
    ]);
    assert_eq!(found(&r), vec![]);
}
