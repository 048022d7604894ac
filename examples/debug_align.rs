use synoptic::review::{CheckOptions, Review};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let r = Review::build(&[std::path::PathBuf::from(&args[1])], &CheckOptions::default()).expect("load");
    let filter = args.get(2).cloned().unwrap_or_default();
    for (d, rd) in r.documents.iter().enumerate() {
        let doc = &r.corpus.documents[d];
        if !doc.name.contains(&filter) {
            continue;
        }
        let files: Vec<_> = r.corpus.document_files(doc).collect();
        println!("== {} [{}]", doc.name, files.iter().map(|f| f.locale.to_string()).collect::<Vec<_>>().join(" "));
        for (i, row) in rd.alignment.rows.iter().enumerate() {
            let cells: Vec<String> = row
                .cells
                .iter()
                .enumerate()
                .map(|(c, b)| match b {
                    Some(b) => {
                        let bl = &files[c].skeleton.blocks[*b];
                        let t: String = bl.text.chars().take(28).collect();
                        format!("{}:{}", bl.line, t.replace('\n', " "))
                    }
                    None => "-".to_owned(),
                })
                .collect();
            println!("{i:3} {}", cells.join(" | "));
        }
    }
}
