// Makes every page of a build run under a strict Content Security Policy: Trunk's inline module
// loader moves into a file of its own (scripts may then come only from the guide's origin), and
// each page gets the policy as a <meta> tag for hosts that cannot send headers. The same policy
// is in README.md ("Security headers").   node tools/csp.mjs <dist>
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const dist = process.argv[2] ?? "dist";
const pages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".html")) pages.push(path);
  }
};
walk(dist);

const LOADER = /<script type="module">\s*([\s\S]*?)<\/script>/;
let bootName = null;
for (const page of pages) {
  let html = readFileSync(page, "utf8");
  const loader = html.match(LOADER);
  if (loader) {
    const code = `// Starts the guide (moved out of the page so that no inline script is needed).\n${loader[1].trim()}\n`;
    const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    if (bootName && bootName !== name) {
      console.error(`csp: ${page} has a different loader than the other pages`);
      process.exit(1);
    }
    if (!bootName) writeFileSync(join(dist, name), code);
    bootName = name;
    // The loader's imports are absolute (they carry the public URL), so the file works from any page.
    const src = loader[1].match(/from '([^']*)ospo-guide-[0-9a-f]+\.js'/)?.[1] ?? "/";
    html = html.replace(LOADER, `<script type="module" src="${src}${name}"></script>`);
  }
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
    console.error(`csp: ${page} still has an inline script`);
    process.exit(1);
  }
  if (!html.includes('http-equiv="Content-Security-Policy"')) {
    html = html.replace("<head>", `<head>\n  <meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
  }
  writeFileSync(page, html);
}
console.log(`csp: ${pages.length} pages under the policy, loader in ${bootName}`);
