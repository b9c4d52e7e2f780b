//! Prerenders every route of the built site into static HTML.
//!
//! Run after `trunk build`: `prerender <dist>`. It renders the same `App` the browser hydrates,
//! for every route, into `<dist>/<route>/index.html` (and `404.html`), each with its own title and
//! description, so that pages read with scripts off, load fast and can be indexed.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match prerender::run() {
        Ok(count) => {
            println!("prerendered {count} pages");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod prerender {
    use std::path::{Path, PathBuf};

    use ospo_guide::data::book;
    use ospo_guide::page_meta::{meta_for, PageMeta};
    use ospo_guide::{memory_history_at, App, AppProps};
    use yew::LocalServerRenderer;

    const MOUNT: &str = "<div id=\"app\"></div>";

    pub fn run() -> Result<usize, String> {
        let dist = std::env::args()
            .nth(1)
            .map(PathBuf::from)
            .ok_or("usage: prerender <dist folder>")?;
        let template_path = dist.join("index.html");
        let template = std::fs::read_to_string(&template_path)
            .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
        if !template.contains(MOUNT) {
            return Err(format!(
                "{} has no empty {MOUNT} (was it prerendered already?)",
                template_path.display()
            ));
        }
        let basename = base_path(&template);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let mut routes: Vec<String> = [
            "/",
            "/book/",
            "/readiness/",
            "/structure/",
            "/search/",
            "/progress/",
        ]
        .iter()
        .map(|p| (*p).to_string())
        .collect();
        routes.extend(book().chapters.iter().map(|c| c.path()));
        let mut count = 0;
        for route in &routes {
            let body = runtime.block_on(render(route, basename.as_deref()));
            let page = fill(&template, &body, &meta_for(route));
            write(&dist, &route_file(route), &page)?;
            count += 1;
        }
        let body = runtime.block_on(render("/404/", basename.as_deref()));
        write(
            &dist,
            "404.html",
            &fill(&template, &body, &meta_for("/404/")),
        )?;
        // The iframe alternative (`embed/?view=…`) renders in the browser from its query.
        let embed_meta = PageMeta {
            title: "OSPO Guide (embedded)".into(),
            description: "The OSPO Guide, embedded in another page.".into(),
        };
        let embed = fill(&template, "", &embed_meta)
            .replacen(
                "<div id=\"app\"></div>",
                "<div id=\"app\" data-embed-view=\"home\"></div>",
                1,
            )
            .replacen(
                "<head>",
                "<head>\n  <meta name=\"robots\" content=\"noindex\">",
                1,
            );
        write(&dist, "embed/index.html", &embed)?;
        Ok(count + 2)
    }

    async fn render(path: &str, basename: Option<&str>) -> String {
        let props = AppProps {
            history: memory_history_at(path, basename),
            basename: basename.map(|b| b.to_string().into()),
        };
        LocalServerRenderer::<App>::with_props(props).render().await
    }

    /// The path of `<base href="…">`, without its trailing slash; `None` at the root.
    fn base_path(template: &str) -> Option<String> {
        let start = template.find("<base href=\"")? + "<base href=\"".len();
        let end = start + template[start..].find('"')?;
        let base = template[start..end].trim_end_matches('/');
        (!base.is_empty()).then(|| base.to_string())
    }

    fn route_file(route: &str) -> String {
        format!("{}index.html", route.trim_start_matches('/'))
    }

    fn fill(template: &str, body: &str, meta: &PageMeta) -> String {
        let head = format!(
            "<title>{}</title>\n<meta name=\"description\" content=\"{}\">",
            escape(&meta.title),
            escape(&meta.description)
        );
        let with_head = match (template.find("<title>"), template.find("</title>")) {
            (Some(start), Some(end)) => {
                format!(
                    "{}{}{}",
                    &template[..start],
                    head,
                    &template[end + "</title>".len()..]
                )
            }
            _ => template.to_string(),
        };
        with_head.replacen(MOUNT, &format!("<div id=\"app\">{body}</div>"), 1)
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    fn write(dist: &Path, file: &str, page: &str) -> Result<(), String> {
        let path = dist.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}
