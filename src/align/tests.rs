//! Alignment tests: exact rows for small documents.

use super::*;
use crate::text::LineIndex;

fn sk(text: &str) -> Skeleton {
    Skeleton::parse(text, &LineIndex::new(text))
}

/// Each row as the first line of each cell (or "-").
fn table(skeletons: &[&Skeleton], al: &Alignment) -> Vec<Vec<String>> {
    al.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .enumerate()
                .map(|(c, b)| b.map_or("-".to_owned(), |b| skeletons[c].blocks[b].text.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn aligns_sections_by_anchor_and_leaves_gaps() {
    let en =
        sk("# Intro {#intro}\n\nHello.\n\n## Setup {#setup}\n\nRun `x`.\n\n## Usage {#usage}\n\nUse [it](a.md).\n");
    let de = sk("# Einführung {#intro}\n\nHallo.\n\n## Benutzung {#usage}\n\nBenutze [es](a.md).\n");
    let fr = sk(
        "# Introduction {#intro}\n\nBonjour.\n\n## Installation {#setup}\n\nLancez `x`.\n\n## Extra {#extra}\n\nEn plus.\n\n## Utilisation {#usage}\n\nUtilisez [le](a.md).\n",
    );
    let all = [&en, &de, &fr];
    let al = align(&all, Some(0));
    assert_eq!(
        table(&all, &al),
        vec![
            vec!["Intro", "Einführung", "Introduction"],
            vec!["Hello.", "Hallo.", "Bonjour."],
            vec!["Setup", "-", "Installation"],
            vec!["Run .", "-", "Lancez ."],
            vec!["-", "-", "Extra"],
            vec!["-", "-", "En plus."],
            vec!["Usage", "Benutzung", "Utilisation"],
            vec!["Use it.", "Benutze es.", "Utilisez le."],
        ]
    );
    assert_eq!(al.rows[3].section_row, Some(2));
}

#[test]
fn pairs_changed_blocks_by_signature_without_anchors_or_source() {
    let a = sk("# A\n\nSee [x](x.md) and [y](y.md).\n\n```\ncode\n```\n\nLast words here.\n");
    let b = sk("# B\n\nSiehe [x](x.md) und [y](y-neu.md).\n\n```\ncode\n```\n\nLetzte Worte.\n");
    let c = sk("# C\n\nVoir [x](x.md) et [y](y.md).\n\nNouveau paragraphe.\n\n```\ncode\n```\n\nDerniers mots.\n");
    let all = [&a, &b, &c];
    let al = align(&all, None);
    assert_eq!(
        table(&all, &al),
        vec![
            vec!["A", "B", "C"],
            vec!["See x and y.", "Siehe x und y.", "Voir x et y."],
            vec!["-", "-", "Nouveau paragraphe."],
            vec!["", "", ""],
            vec!["Last words here.", "Letzte Worte.", "Derniers mots."],
        ]
    );
}

#[test]
fn a_section_elsewhere_is_marked_moved_not_reordered() {
    let a = sk("# T {#t}\n\n## P {#privacy}\n\nPrivacy.\n\n## Q {#q}\n\nQ.\n\n## R {#r}\n\nR.\n");
    let b = sk("# T {#t}\n\n## Q {#q}\n\nQ.\n\n## R {#r}\n\nR.\n\n## P {#privacy}\n\nPrivatsphäre.\n");
    let all = [&a, &a.clone(), &b];
    let al = align(&all, None);
    let t = table(&all, &al);
    let p_rows: Vec<usize> = (0..t.len()).filter(|&r| t[r].contains(&"P".to_owned())).collect();
    assert_eq!(p_rows.len(), 2, "{t:?}");
    assert_eq!(al.rows[p_rows[0]].moved, Some(p_rows[1]));
    assert_eq!(al.rows[p_rows[1]].moved, Some(p_rows[0]));
    assert_eq!(t[p_rows[0]], vec!["P", "P", "-"]);
    assert_eq!(t[p_rows[1]], vec!["-", "-", "P"]);
}

#[test]
fn long_clean_translations_align_without_moves() {
    let en: String = (0..700).map(|i| format!("## Section {i}\n\nSee [x](x{i}.md).\n\n")).collect();
    let de: String = (0..700).map(|i| format!("## Abschnitt {i}\n\nSiehe [x](x{i}.md).\n\n")).collect();
    let (a, b) = (sk(&en), sk(&de));
    let al = align(&[&a, &b], Some(0));
    assert_eq!(al.rows.len(), 1400);
    assert!(al.rows.iter().all(|r| r.count() == 2 && r.moved.is_none()));
}

#[test]
fn pathological_hunks_do_not_explode() {
    let big: String = (0..3000).map(|i| format!("para {i}\n\n")).collect();
    let other: String = (0..3000).map(|i| format!("absatz [l{i}](x{i}.md)\n\n")).collect();
    let (a, b) = (sk(&big), sk(&other));
    let al = align(&[&a, &b], Some(0));
    assert_eq!(
        al.rows.iter().filter(|r| r.count() == 2).count() + al.rows.iter().filter(|r| r.count() == 1).count(),
        al.rows.len()
    );
}

#[test]
fn a_number_spelled_out_does_not_split_a_pair() {
    // fastapi docs/{en,fr}/docs/tutorial/security/oauth2-jwt.md:21-27 (shortened): "1 week" in English is
    // "une semaine" in French; the paragraphs must still pair one to one.
    let en = sk(
        "## JWT\n\nIt is not encrypted.\n\nBut it's signed. So you can verify that it was you who issued it.\n\nThat way, you can create a token with an expiration of, let's say, 1 week.\n\nAfter a week, the token will be expired and the user will have to sign in again.\n\nIf you want to play with JWT tokens, check [https://jwt.io](https://jwt.io/).\n",
    );
    let fr = sk(
        "## JWT\n\nIl n'est pas chiffré.\n\nMais il est signé. Ainsi, vous pouvez vérifier que vous l'avez bien émis.\n\nDe cette façon, vous pouvez créer un jeton avec une expiration d'une semaine, par exemple.\n\nAprès une semaine, le jeton aura expiré et l'utilisateur devra se reconnecter.\n\nSi vous voulez expérimenter avec des jetons JWT, consultez [https://jwt.io](https://jwt.io/).\n",
    );
    let al = align(&[&en, &fr], Some(0));
    assert_eq!(al.rows.len(), 6, "{:?}", table(&[&en, &fr], &al));
    assert!(al.rows.iter().all(|r| r.count() == 2));
}

#[test]
fn code_that_differs_only_in_placeholders_pairs_with_its_description() {
    // The issue's command-reference example: translated placeholders inside the command.
    let en = sk(
        "# cp\n\n- Copy a file to another location:\n\n`cp {{path/to/source_file}} {{path/to/target_file}}`\n\n- Copy a directory recursively:\n\n`cp -r {{path/to/source_directory}} {{path/to/target_directory}}`\n",
    );
    let de = sk(
        "# cp\n\n- Kopiere eine Datei an einen anderen Ort:\n\n`cp {{pfad/zu/quelldatei}} {{pfad/zu/zieldatei}}`\n\n- Kopiere ein Verzeichnis rekursiv:\n\n`cp -r {{pfad/zu/quellverzeichnis}} {{pfad/zu/zielverzeichnis}}`\n",
    );
    let al = align(&[&en, &de], Some(0));
    assert_eq!(al.rows.len(), 5);
    assert!(al.rows.iter().all(|r| r.count() == 2), "{:?}", table(&[&en, &de], &al));
}

#[test]
fn extra_blocks_of_several_locales_in_one_gap_share_a_row() {
    let en = sk(
        "# T\n\nInstall the tool with the installer and follow the steps shown.\n\nThen open the settings file and set the output folder.\n",
    );
    let de = sk(
        "# T\n\nInstallieren Sie das Werkzeug mit dem Installationsprogramm und folgen Sie den Schritten.\n\nHinweis: neu.\n\nÖffnen Sie dann die Einstellungsdatei und legen Sie den Ausgabeordner fest.\n",
    );
    let fr = sk(
        "# T\n\nInstallez l'outil avec le programme d'installation et suivez les étapes affichées.\n\nRemarque : nouveau.\n\nOuvrez ensuite le fichier de configuration et définissez le dossier de sortie.\n",
    );
    let all = [&en, &de, &fr];
    let al = align(&all, Some(0));
    let t = table(&all, &al);
    let shape: Vec<Vec<bool>> = t.iter().map(|r| r.iter().map(|c| c != "-").collect()).collect();
    assert_eq!(shape, vec![vec![true; 3], vec![true; 3], vec![false, true, true], vec![true; 3]], "{t:?}");
    assert_eq!(t[2], vec!["-", "Hinweis: neu.", "Remarque : nouveau."]);
}

#[test]
fn admonitions_of_different_generators_pair() {
    // The source moved to GitHub alerts; an older translation keeps a Hugo alert shortcode.
    let en = sk("# T\n\n> [!NOTE]\n> Read this first.\n\nText.\n");
    let de = sk("# T\n\n{{% alert title=\"Hinweis\" %}}\nZuerst lesen.\n{{% /alert %}}\n\nText.\n");
    let al = align(&[&en, &de], Some(0));
    assert_eq!(al.rows.len(), 3);
    assert!(al.rows.iter().all(|r| r.count() == 2));
}

#[test]
fn a_code_span_one_side_adds_does_not_pull_the_pairing() {
    // fastapi/fastapi docs/{en,es}/docs/advanced/advanced-dependencies.md (MIT), shortened: es writes
    // `yield` in backticks where en writes "yielded"; en's later paragraph with `yield` must not claim it.
    let en = sk(
        "## Details\n\nThis was designed to allow the same objects \"yielded\" by dependencies.\n\nThen it changed.\n\nRead more.\n\nA dependency with `yield` now runs first.\n",
    );
    let es = sk(
        "## Detalles\n\nEsto se diseñó para usar los mismos objetos devueltos con `yield` por las dependencias.\n\nLuego cambió.\n\nLee más.\n\nUna dependencia con `yield` ahora se ejecuta antes.\n",
    );
    let all = [&en, &es];
    let al = align(&all, Some(0));
    let rows = table(&all, &al);
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows.iter().all(|r| r.iter().all(|c| c != "-")), "{rows:?}");
}
