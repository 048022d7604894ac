use synoptic::corpus::{Corpus, LoadOptions};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let c = Corpus::load(&[std::path::PathBuf::from(&a[1])], &LoadOptions::default()).expect("load");
    println!("site {:?}", c.site);
    let f = c.file(&a[2]).expect("file");
    println!("{:?}", synoptic::corpus::resolve::resolve_target(&c, f, &a[3]));
}
