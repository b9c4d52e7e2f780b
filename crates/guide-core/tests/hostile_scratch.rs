use guide_core::content::load_book_dir;
use guide_core::tree::{parse_tree_source, parse_tree_spec};
use std::time::Instant;
#[test]
fn t() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let book = load_book_dir(root).unwrap();
    let text = std::fs::read_to_string(root.join("trees/readiness.toml")).unwrap();
    let s = Instant::now();
    for _ in 0..100 {
        let _ = parse_tree_spec(&text);
    }
    println!("spec {:?}", s.elapsed() / 100);
    let s = Instant::now();
    for _ in 0..100 {
        let _ = parse_tree_source(&text, &book);
    }
    println!("source {:?}", s.elapsed() / 100);
}
