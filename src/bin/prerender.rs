//! Prerenders every route of the built site into static HTML.
//!
//! Run after `trunk build`: `prerender <dist> <site-url>`. (`prerender --texts-only <dir>` writes
//! only the chapters' text files, for the development server: see `scripts/dev.sh`.)
//! It renders the same `App` the browser
//! hydrates, for every route, into `<dist>/<route>/index.html` (and `404.html`), each with its own
//! title, description, canonical link and Open Graph tags, so that pages read with scripts off,
//! load fast and can be indexed; and it writes `sitemap.xml`, `robots.txt` and each chapter's text
//! as the file the app fetches (`data/<content version>/<slug>.json`, see `chapter_text`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match prerender::run() {
        Ok(done) => {
            println!("prerender: {done}");
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

    use guide_core::GuidePath;
    use ospo_guide::content::adopted;
    use ospo_guide::content::chapter_text::text_path;
    use ospo_guide::content::compiled::{book, full_book};
    use ospo_guide::page_meta::{meta_for, PageMeta};
    use ospo_guide::{memory_history_at, App, AppProps};
    use yew::LocalServerRenderer;

    const MOUNT: &str = "<div id=\"app\"></div>";

    /// Writes each chapter's text as the file the app fetches.
    fn write_texts(dist: &Path) -> Result<(), String> {
        for chapter in &full_book().chapters {
            let json = serde_json::to_string(&chapter.doc)
                .map_err(|e| format!("cannot serialise {}: {e}", chapter.meta.slug))?;
            write(dist, &text_path(&chapter.meta.slug), &json)?;
        }
        Ok(())
    }

    pub fn run() -> Result<String, String> {
        let mut args = std::env::args().skip(1);
        let usage = "usage: prerender <dist folder> <site url, such as https://example.org/guide/>\n       prerender --texts-only <dist folder>";
        let first = args.next().ok_or(usage)?;
        if first == "--texts-only" {
            let dist = args.next().map(PathBuf::from).ok_or(usage)?;
            return write_texts(&dist).map(|()| "chapter texts written".to_owned());
        }
        let dist = PathBuf::from(first);
        let site_url = args.next().ok_or(usage)?;
        let site_url = format!("{}/", site_url.trim_end_matches('/'));
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
        // Each chapter's text, rendered once, is carried by its page as it is (see `adopted`).
        for chapter in &full_book().chapters {
            runtime.block_on(adopted::prerender(chapter, basename.as_deref()));
        }
        let mut routes: Vec<GuidePath> = GuidePath::pages().collect();
        routes.extend(
            book()
                .chapters
                .iter()
                .map(|c| GuidePath::Chapter(c.meta.slug.clone())),
        );
        for route in &routes {
            let path = route.to_path();
            let body = runtime.block_on(render(&path, basename.as_deref()));
            let head = Head::new(&meta_for(&path), &site_url, &path, route);
            write(
                &dist,
                &format!("{}index.html", path.trim_start_matches('/')),
                &fill(&template, &body, &head),
            )?;
        }
        write_texts(&dist)?;
        let body = runtime.block_on(render("/404/", basename.as_deref()));
        let head = Head {
            canonical: None,
            ..Head::new(
                &meta_for("/404/"),
                &site_url,
                "/404/",
                &GuidePath::Page(guide_core::Page::Home),
            )
        };
        write(&dist, "404.html", &fill(&template, &body, &head))?;
        // The iframe alternative (`embed/?view=…`) renders in the browser from its query.
        let head = unlisted_head(
            "OSPO Guide (embedded)",
            "The OSPO Guide, embedded in another page.",
            &site_url,
        );
        let embed = noindex(&fill(&template, "", &head)).replacen(
            "<div id=\"app\"></div>",
            "<div id=\"app\" data-embed-view=\"home\"></div>",
            1,
        );
        write(&dist, "embed/index.html", &embed)?;
        // The page the service worker answers with, offline, for a page not visited before: the
        // app renders the route into it (the text comes from the precached chapter files).
        let head = unlisted_head("OSPO Guide", "The OSPO Guide, offline.", &site_url);
        write(&dist, "shell.html", &noindex(&fill(&template, "", &head)))?;
        write(&dist, "sitemap.xml", &sitemap(&site_url, &routes))?;
        write(
            &dist,
            "robots.txt",
            &format!(
                "User-agent: *\nAllow: /\nDisallow: {}embed/\n\nSitemap: {site_url}sitemap.xml\n",
                url_path(&site_url)
            ),
        )?;
        Ok(format!("{} pages prerendered", routes.len() + 2))
    }

    /// The head of a page that is not a route of its own (no canonical link).
    fn unlisted_head(title: &str, description: &str, site_url: &str) -> Head {
        let meta = PageMeta {
            title: title.into(),
            description: description.into(),
        };
        Head {
            canonical: None,
            ..Head::new(
                &meta,
                site_url,
                "/",
                &GuidePath::Page(guide_core::Page::Home),
            )
        }
    }

    /// A page that search engines should leave out.
    fn noindex(page: &str) -> String {
        page.replacen(
            "<head>",
            "<head>\n  <meta name=\"robots\" content=\"noindex\">",
            1,
        )
    }

    async fn render(path: &str, basename: Option<&str>) -> String {
        let props = AppProps {
            history: memory_history_at(path, basename),
            basename: basename.map(|b| b.to_string().into()),
        };
        LocalServerRenderer::<App>::with_props(props).render().await
    }

    /// What a page's `<head>` says about it.
    struct Head {
        title: String,
        description: String,
        canonical: Option<String>,
        kind: &'static str,
        image: String,
    }

    impl Head {
        fn new(meta: &PageMeta, site_url: &str, path: &str, route: &GuidePath) -> Head {
            Head {
                title: meta.title.clone(),
                description: meta.description.clone(),
                canonical: Some(format!("{site_url}{}", path.trim_start_matches('/'))),
                kind: if matches!(route, GuidePath::Chapter(_)) {
                    "article"
                } else {
                    "website"
                },
                image: format!("{site_url}icon-512.png"),
            }
        }

        fn html(&self) -> String {
            let mut out = format!(
                "<title>{title}</title>\n  <meta name=\"description\" content=\"{description}\">\n  \
                 <meta property=\"og:title\" content=\"{title}\">\n  \
                 <meta property=\"og:description\" content=\"{description}\">\n  \
                 <meta property=\"og:type\" content=\"{}\">\n  \
                 <meta property=\"og:site_name\" content=\"OSPO Guide\">\n  \
                 <meta property=\"og:image\" content=\"{}\">",
                self.kind,
                escape(&self.image),
                title = escape(&self.title),
                description = escape(&self.description),
            );
            if let Some(canonical) = &self.canonical {
                out.push_str(&format!(
                    "\n  <link rel=\"canonical\" href=\"{0}\">\n  <meta property=\"og:url\" content=\"{0}\">",
                    escape(canonical)
                ));
            }
            out
        }
    }

    /// The path of `<base href="…">`, without its trailing slash; `None` at the root.
    fn base_path(template: &str) -> Option<String> {
        let start = template.find("<base href=\"")? + "<base href=\"".len();
        let end = start + template[start..].find('"')?;
        let base = template[start..end].trim_end_matches('/');
        (!base.is_empty()).then(|| base.to_string())
    }

    /// The path part of an absolute URL (`https://a.org/x/` gives `/x/`).
    fn url_path(url: &str) -> &str {
        url.split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
            .unwrap_or("/")
    }

    fn sitemap(site_url: &str, routes: &[GuidePath]) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for route in routes
            .iter()
            .filter(|r| !matches!(r, GuidePath::Page(page) if !page.indexed()))
        {
            xml.push_str(&format!(
                "  <url><loc>{}{}</loc></url>\n",
                escape(site_url),
                route.to_path().trim_start_matches('/')
            ));
        }
        xml.push_str("</urlset>\n");
        xml
    }

    fn fill(template: &str, body: &str, head: &Head) -> String {
        let with_head = match (template.find("<title>"), template.find("</title>")) {
            (Some(start), Some(end)) => format!(
                "{}{}{}",
                &template[..start],
                head.html(),
                &template[end + "</title>".len()..]
            ),
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
