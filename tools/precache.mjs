// Writes the service worker's precache list from the actual build output, with a hash of each
// file's content, so that nothing is hand-kept and any change to any file makes a new version.
// Precached: the app (wasm, JS, boot loader), every chapter's text (data/), icons, manifest and
// the shell page, from which the app renders any page offline. Not precached: the prerendered
// pages (the worker keeps those a reader visits), and what the site's pages never request (the
// stylesheets, which the pages carry inline; the widget's files; files for crawlers and hosts).
//   node tools/precache.mjs <dist>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { listFiles } from "./dist.mjs";

const dist = process.argv[2] ?? "dist";
const SKIP = new Set(["sw.js", "embed.js", "robots.txt", "sitemap.xml", "content-security-policy.txt"]);
const skipped = (rel) =>
  SKIP.has(rel) || rel.startsWith("embed/") || /\.css$/.test(rel) || (rel.endsWith(".html") && rel !== "shell.html");

const entries = [];
let raw = 0;
let gzipped = 0;
for (const rel of listFiles(dist)) {
  if (skipped(rel)) continue;
  const body = readFileSync(join(dist, rel));
  raw += body.length;
  gzipped += gzipSync(body, { level: 9 }).length;
  const revision = createHash("sha256").update(body).digest("hex").slice(0, 16);
  entries.push([rel, revision]);
}
const version = createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);
const template = readFileSync(join(dist, "sw.js"), "utf8");
if (!template.includes("self.__PRECACHE__")) {
  console.error("precache: dist/sw.js has no placeholder (was it generated already?)");
  process.exit(1);
}
const worker = template
  .replace("self.__PRECACHE__", JSON.stringify(entries))
  .replace("self.__VERSION__", JSON.stringify(version));
writeFileSync(join(dist, "sw.js"), worker);
console.log(`precache: ${entries.length} files, ${raw} bytes raw, ${gzipped} bytes gzip, version ${version}`);
