//! Validates `content/` and compiles the book's index and the trees into the app.
//!
//! A content problem stops the build here with every problem listed by file and line, so that a
//! broken chapter can never be deployed.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=content");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let guide_core::content::Content {
        book,
        crosswalk,
        trees,
        checks,
    } = match guide_core::content::load_content(Path::new("content")) {
        Ok(content) => content,
        Err(errors) => fail(&errors),
    };
    // Trees ship compiled: validated here, with what the validator derived, so that the app
    // carries neither the validator nor its analyses.
    let compiled: Vec<guide_core::tree::CompiledTree> = trees
        .into_iter()
        .map(|spec| match guide_core::tree::validate(spec) {
            Ok(tree) => tree.compile(),
            Err(errors) => {
                println!("cargo::error=a tree failed validation after loading: {errors:?}");
                std::process::exit(1);
            }
        })
        .collect();
    write_json(&out_dir, "trees.json", &compiled);
    write_json(&out_dir, "checks.json", &checks);
    write_json(&out_dir, "crosswalk.json", &crosswalk);
    // The book's checklists by section, for the plan page (the chapters' text is not compiled in).
    write_json(
        &out_dir,
        "checklists.json",
        &guide_core::checklists::checklists(&book),
    );
    // The app carries the index (titles, summaries, headings); each chapter's text is a file of
    // its own that the prerenderer writes next to the pages and the app fetches when it is read.
    write_json(&out_dir, "book-index.json", &book.index());
    let json = match serde_json::to_string(&book) {
        Ok(json) => json,
        Err(error) => {
            println!("cargo::error=cannot serialise the book: {error}");
            std::process::exit(1);
        }
    };
    // The content version stored with the reader's data: a hash of the compiled book.
    println!(
        "cargo::rustc-env=OSPO_CONTENT_VERSION=book-{:016x}",
        guide_core::hash::fnv1a64(json.as_bytes())
    );
    if let Err(error) = std::fs::write(Path::new(&out_dir).join("book.json"), json) {
        println!("cargo::error=cannot write the compiled book: {error}");
        std::process::exit(1);
    }
}

fn fail(errors: &guide_core::content::ContentErrors) -> ! {
    eprintln!("{errors}");
    println!("cargo::error=the content in content/ is invalid:");
    for error in &errors.0 {
        println!("cargo::error=  {error}");
    }
    std::process::exit(1);
}

fn write_json(out_dir: &str, name: &str, value: &impl serde::Serialize) {
    let written = serde_json::to_string(value)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            std::fs::write(Path::new(out_dir).join(name), json).map_err(|e| e.to_string())
        });
    if let Err(error) = written {
        println!("cargo::error=cannot write {name}: {error}");
        std::process::exit(1);
    }
}
