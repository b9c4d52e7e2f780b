// Why: the benchmark compares the guide with the same chapters built by mdBook, the book tool most
// such guides use. This turns content/book/*.md into an mdBook source folder with default settings.
//
//   node tools/bench/mdbook-source.mjs <content/book> <out-dir>    (then: mdbook build <out-dir>)
//
// Per chapter: the TOML front matter is dropped and its title becomes a `# Title` heading; the file
// is named <slug>.md so each chapter is served at /<slug>.html; guide links (/book/<slug>/#id) become
// mdBook links (<slug>.md#id); a `{{tree …}}` line (mdBook reads {{…}} as its own preprocessor syntax)
// becomes a plain paragraph. `{#id}` heading attributes are kept: mdBook supports them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) {
  console.error("usage: node mdbook-source.mjs <content/book> <out-dir>");
  process.exit(2);
}

// Where the guide's non-chapter routes point in the mdBook version (the trees have no equivalent).
const ROUTES = { "/readiness/": "assessing-readiness.md", "/structure/": "structure-choices.md" };

function field(frontMatter, name) {
  const match = frontMatter.match(new RegExp(`^${name}\\s*=\\s*(.+)$`, "m"));
  if (!match) throw new Error(`front matter has no ${name}`);
  return JSON.parse(match[1].trim()); // TOML basic strings and integers read as JSON here
}

const chapters = readdirSync(contentDir)
  .filter((name) => name.endsWith(".md"))
  .map((name) => {
    const text = readFileSync(join(contentDir, name), "utf8");
    const match = text.match(/^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+\r?\n([\s\S]*)$/);
    if (!match) throw new Error(`${name}: no +++ front matter`);
    const [, frontMatter, body] = match;
    return { title: field(frontMatter, "title"), slug: field(frontMatter, "slug"), order: field(frontMatter, "order"), body };
  })
  .sort((a, b) => a.order - b.order);

const convert = (body) =>
  body
    .replace(/\]\(\/book\/([a-z0-9-]+)\/(#[a-z0-9-]+)?\)/g, (_, slug, anchor = "") => `](${slug}.md${anchor})`)
    .replace(/\]\((\/readiness\/|\/structure\/)\)/g, (_, route) => `](${ROUTES[route]})`)
    .replace(/\]\(\/book\/\)/g, `](${chapters[0].slug}.md)`)
    .replace(/^\{\{tree ([a-z-]+)\}\}$/gm, (_, tree) => `*The guide shows its interactive ${tree} decision tree here.*`);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, "src"), { recursive: true });
writeFileSync(
  join(outDir, "book.toml"),
  `[book]\ntitle = "OSPO Guide"\nlanguage = "en"\nsrc = "src"\n`,
);
const summary = ["# Summary", "", ...chapters.map((c) => `- [${c.title}](${c.slug}.md)`), ""];
writeFileSync(join(outDir, "src", "SUMMARY.md"), summary.join("\n"));
for (const c of chapters) writeFileSync(join(outDir, "src", `${c.slug}.md`), `# ${c.title}\n\n${convert(c.body)}`);
console.log(`mdbook-source: ${chapters.length} chapters into ${outDir}`);
