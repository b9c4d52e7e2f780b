// Prepares every page of a build for a fast first paint under a strict Content Security Policy:
//  - the stylesheet is inlined (one request less before the first paint) and allowed by its hash;
//  - Trunk's inline module loader moves into a file of its own (scripts then come only from the
//    guide's origin) and waits for the first paint before it fetches the app, so that the text is
//    on screen before the wasm competes for the network; the preload links for the app go;
//  - each page gets the policy as a <meta> tag for hosts that cannot send headers, and the policy
//    is written to content-security-policy.txt for hosts that can (README, "Security headers").
//   node tools/csp.mjs <dist>
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const policy = (styleHash) =>
  [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src 'self' '${styleHash}'`,
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
const STYLESHEET = /<link rel="stylesheet" href="[^"]*?(guide-[0-9a-f]+\.css)"[^>]*>/;
const PRELOADS = /<link rel="(?:modulepreload|preload)" href="[^"]*ospo-guide-[0-9a-f]+(?:_bg\.wasm|\.js)"[^>]*>/g;
const cssName = readdirSync(dist).find((n) => /^guide-[0-9a-f]+\.css$/.test(n));
const css = readFileSync(join(dist, cssName), "utf8");
if (/<\/style/i.test(css)) {
  console.error(`csp: ${cssName} cannot be inlined (it contains "</style")`);
  process.exit(1);
}
const styleHash = `sha256-${createHash("sha256").update(css).digest("base64")}`;
const POLICY = policy(styleHash);

let bootName = null;
for (const page of pages) {
  let html = readFileSync(page, "utf8");
  const loader = html.match(LOADER);
  if (loader) {
    const trunk = loader[1].trim();
    const staticImport = /^import init, \* as bindings from '([^']+)';/;
    if (!staticImport.test(trunk)) {
      console.error(`csp: ${page}: Trunk's loader has an unexpected form:\n${trunk}`);
      process.exit(1);
    }
    const code = [
      "// Starts the guide (moved out of the page so that no inline script is needed), after the page",
      "// has been painted: the text a reader came for is on screen before the app is fetched.",
      "// Pages with nothing prerendered to paint (the offline shell, the iframe page) and hidden pages",
      "// (a tab opened in the background) start at once; a browser that reports no paint starts after",
      "// two seconds at the latest.",
      "const prerendered = document.getElementById(\"app\")?.childElementCount > 0;",
      "if (prerendered && document.visibilityState === \"visible\" && typeof PerformanceObserver === \"function\") {",
      "  await new Promise((painted) => {",
      "    setTimeout(painted, 2000);",
      "    new PerformanceObserver((list, observer) => {",
      "      if (list.getEntriesByName(\"first-contentful-paint\").length) { observer.disconnect(); painted(); }",
      "    }).observe({ type: \"paint\", buffered: true });",
      "  });",
      "}",
      trunk.replace(staticImport, "const bindings = await import('$1');\nconst init = bindings.default;"),
      "",
    ].join("\n");
    const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    if (bootName && bootName !== name) {
      console.error(`csp: ${page} has a different loader than the other pages`);
      process.exit(1);
    }
    if (!bootName) writeFileSync(join(dist, name), code);
    bootName = name;
    // The loader's imports are absolute (they carry the public URL), so the file works from any page.
    const src = trunk.match(/'([^']*)ospo-guide-[0-9a-f]+\.js'/)?.[1] ?? "/";
    html = html.replace(LOADER, `<script type="module" src="${src}${name}"></script>`);
  }
  html = html.replace(PRELOADS, "");
  if (STYLESHEET.test(html)) html = html.replace(STYLESHEET, () => `<style>${css}</style>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
    console.error(`csp: ${page} still has an inline script`);
    process.exit(1);
  }
  if (!html.includes('http-equiv="Content-Security-Policy"')) {
    html = html.replace("<head>", `<head>\n  <meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
  }
  writeFileSync(page, html);
}
writeFileSync(join(dist, "content-security-policy.txt"), `${POLICY}\n`);
console.log(`csp: ${pages.length} pages under the policy, stylesheet inlined (${styleHash}), loader in ${bootName}`);
