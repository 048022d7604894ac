//! Rendering that must not mislead (issue 14): reference-style links, HTML lists in table cells, long
//! unbreakable strings, a same-language pair, table stripes and the front matter.

mod common;

use common::shown::{Fonts, folder, named_folder, shown};
use egui_kittest::kittest::{NodeT, Queryable};

const WIDE: [f32; 2] = [1280.0, 800.0];

fn role(h: &egui_kittest::Harness<'_, synoptic::ui::SynopticApp>, label: &str) -> egui::Role {
    h.get_all_by_label(label).next().expect(label).accesskit_node().role()
}

#[test]
fn reference_style_links_render_as_links() {
    let en = "# Links\n\nSee [the guide][], [the API][api] and [Docs].\n\nMore text.\n\n[the guide]: guide.md\n[api]: https://example.com/api \"API\"\n[docs]: https://example.com/docs\n";
    let de = "# Verweise\n\nSiehe [die Anleitung][the guide], [die API][API] und [Docs].\n\n[the guide]: guide.md\n[api]: https://example.com/api\n[docs]: https://example.com/docs\n";
    let tmp = folder(&[("en/links.md", en), ("de/links.md", de)]);
    let h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    for link in ["the guide", "the API", "Docs", "die Anleitung", "die API"] {
        assert_eq!(role(&h, link), egui::Role::Link, "{link}");
    }
    assert_eq!(h.get_all_by_label("Docs").count(), 2);
    assert!(h.query_by_label_contains("[the guide]").is_none(), "no raw brackets");
    assert!(h.query_by_label_contains("][").is_none(), "no raw brackets");
}

#[test]
fn html_lists_in_table_cells_are_separate_lines_shown_as_text() {
    let table = "| Option | Values |\n|---|---|\n| mode | <ul><li>Alpha</li><li>Beta</li></ul> |\n| other | one<br>two <script>x()</script> |\n";
    let tmp = folder(&[("en/t.md", &format!("# T\n\n{table}")), ("de/t.md", &format!("# T\n\n{table}"))]);
    let h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    let alpha = h.get_all_by_label("Alpha").next().expect("Alpha").rect();
    let beta = h.get_all_by_label("Beta").next().expect("Beta").rect();
    assert!(beta.min.y >= alpha.max.y - 1.0, "Beta is on the line below Alpha: {alpha:?} {beta:?}");
    assert_eq!(h.get_all_by_label("• ").count(), 4, "a bullet per item, two panes");
    let two = h.get_all_by_label("two ").next().expect("two").rect();
    let one = h.get_all_by_label("one").next().expect("one").rect();
    assert!(two.min.y >= one.max.y - 1.0, "<br> breaks the line");
    assert_eq!(h.get_all_by_label("<script>").count(), 2, "shown as text, never run");
    assert!(h.query_by_label("AlphaBeta").is_none());
}

#[test]
fn long_unbreakable_strings_stay_inside_their_pane() {
    let path = format!("../media/{}/diagram.png", "very-long-folder-name".repeat(12));
    let url = format!("https://example.com/{}", "segment".repeat(40));
    let text = format!(
        "# Long\n\n![diagram]({path})\n\nSee {url} now.\n\n- item ![d]({path})\n\n| a | b |\n|---|---|\n| {url} | x |\n"
    );
    let tmp = folder(&[("en/long.md", &text), ("de/long.md", &text)]);
    let h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    let en_header = h.get_by_label("en (source)").rect();
    let en_left = en_header.min.x;
    // The de pane's header, on the en header's line (the document list names "de" too).
    let de_left = h
        .get_all_by_label("de")
        .map(|n| n.rect())
        .find(|r| (r.min.y - en_header.min.y).abs() < 2.0)
        .expect("the de header")
        .min
        .x;
    let mut seen = 0;
    for node in
        h.get_all_by_label_contains("very-long-folder-name").chain(h.get_all_by_label_contains("segmentsegment"))
    {
        if node.accesskit_node().role() != egui::Role::Label {
            continue; // the problems list names the path too
        }
        let r = node.rect();
        // Each string's node belongs to one pane: it starts in it and ends before the next one.
        if r.min.x < de_left {
            assert!(r.max.x <= de_left + 1.0, "an en string reaches into de: {r:?}, de starts at {de_left}");
            assert!(r.min.x >= en_left);
            seen += 1;
        }
    }
    assert!(seen >= 4, "the image path, the URL, the list item and the table cell: {seen}");
}

#[test]
fn a_same_language_pair_shows_code_and_formatting_with_the_changes_marked() {
    let br = "# Configurar\n\nAbra o **arquivo** de configuração.\n\n```sh\nnpm install synoptic\n```\n\n- Salve o arquivo.\n";
    let pt = "# Configurar\n\nAbra o **ficheiro** de configuração.\n\n```sh\nnpm install synoptic\n```\n\n- Guarde o ficheiro.\n";
    let tmp = folder(&[("pt-BR/c.md", br), ("pt-PT/c.md", pt)]);
    let h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    assert_eq!(h.state().view().map(|v| v.locales.clone()), Some(vec!["pt-BR".to_owned(), "pt-PT".to_owned()]));
    assert_eq!(h.get_all_by_label("npm install synoptic").count(), 2, "the code row of both panes");
    assert_eq!(h.get_all_by_label("Configurar").count(), 2, "headings in both panes");
    // Bold runs stay runs of their own; the changed word is a run of its own too.
    assert_eq!(h.get_all_by_label("arquivo").count(), 1);
    assert_eq!(h.get_all_by_label("ficheiro").count(), 1);
    assert_eq!(h.get_all_by_label("• ").count(), 2, "list markers in both panes");
    assert!(h.query_by_label_contains("Guarde").is_some());
}

#[test]
fn table_stripes_line_up_with_rows() {
    let long =
        "a cell long enough to wrap over several lines of the pane, so that the row is much taller than one line";
    let table = format!(
        "| Key | Value |\n|---|---|\n| one | {long} |\n| two | short |\n| three | {long} |\n| four | short |\n"
    );
    let root =
        named_folder("stripes", &[("en/t.md", &format!("# T\n\n{table}")), ("de/t.md", &format!("# T\n\n{table}"))]);
    let mut h = shown(root, &[], WIDE, Fonts::System);
    let image = h.render().expect("rendered");
    let x = h.get_all_by_label("one").next().expect("one").rect().min.x - 2.0;
    let ppp = h.ctx.pixels_per_point();
    let pixel = |y: f32| {
        let p = image.get_pixel((x * ppp) as u32, (y * ppp) as u32).0;
        egui::Color32::from_rgb(p[0], p[1], p[2])
    };
    // Body rows "one" and "three" are striped (the header counts as row 0), "two" and "four" are not:
    // at each row's label, and down to the bottom of its tallest cell.
    let at = |label: &str| pixel(h.get_all_by_label(label).next().expect(label).rect().center().y as f32);
    let (stripe, plain) = (at("one"), at("two"));
    assert_ne!(stripe, plain, "row one is striped");
    assert_eq!(at("three"), stripe);
    assert_eq!(at("four"), plain);
    let tall = h.get_all_by_label_contains("a cell long enough").nth(1).expect("row three's cell").rect();
    assert_eq!(pixel(tall.max.y as f32 - 2.0), stripe, "the stripe reaches the bottom of the tall row three");
    let two = h.get_all_by_label("two").next().expect("two").rect();
    assert_eq!(pixel(two.max.y as f32 + 1.0), plain, "row two is not striped below its text");
    h.snapshot("table_stripes");
}

#[test]
fn the_front_matter_is_one_line_until_opened() {
    let keys: String = (0..12).map(|i| format!("key{i}: value {i}\n")).collect();
    let text = format!("---\ntitle: Install\n{keys}---\n\n# Install\n\nBody.\n");
    let tmp = folder(&[("en/f.md", &text), ("de/f.md", &text.replace("Install", "Installieren"))]);
    let mut h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    assert!(h.query_by_label("key3: value 3").is_none(), "closed by default");
    let header = h.get_by_label_contains("Front matter: Install · 13 keys");
    let body = h.get_all_by_label("Body.").next().expect("Body.").rect();
    assert!(body.min.y - header.rect().max.y < 80.0, "the body follows one line of front matter");
    header.click();
    h.run_ok();
    assert_eq!(h.get_all_by_label("key3: value 3").count(), 2, "opened in every pane");
    h.get_by_label_contains("Front matter: Installieren").click();
    h.run_ok();
    assert!(h.query_by_label("key3: value 3").is_none(), "closed again");
}

#[test]
fn site_admonitions_show_their_name_and_body_without_fences() {
    let en = "# Tips\n\n:::tip Fast start\nRun `synoptic check` first.\n:::\n";
    let ar = "# نصائح\n\n:::tip بداية سريعة\nشغّل `synoptic check` أولاً.\n:::\n";
    let tmp = folder(&[("en/t.md", en), ("ar/t.md", ar)]);
    let h = shown(tmp.path().to_path_buf(), &[], WIDE, Fonts::System);
    assert_eq!(h.get_all_by_label("TIP").count(), 2, "the name, in both panes");
    assert!(h.query_by_label_contains(":::").is_none(), "no fences");
    h.get_by_label("شغّل synoptic check أولاً.");
}
