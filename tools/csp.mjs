// Prepares every page of a build for a fast first paint under a strict Content Security Policy:
//  - the stylesheet is inlined (one request less before the first paint) and allowed by its hash;
//  - no page may keep an inline script (Trunk loads the app through assets/boot.js, configured by
//    pattern_script in Trunk.toml, so scripts come only from the guide's origin);
//  - each page gets the policy as a <meta> tag for hosts that cannot send headers, and the policy
//    is written to content-security-policy.txt for hosts that can (README, "Security headers").
//   node tools/csp.mjs <dist>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findAsset, listFiles } from "./dist.mjs";

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
const pages = listFiles(dist)
  .filter((file) => file.endsWith(".html"))
  .map((file) => join(dist, file));

const STYLESHEET = /<link rel="stylesheet" href="[^"]*?(guide-[0-9a-f]+\.css)"[^>]*>/;
const cssName = findAsset(dist, /^guide-[0-9a-f]+\.css$/, "csp");
const css = readFileSync(join(dist, cssName), "utf8");
if (/<\/style/i.test(css)) {
  console.error(`csp: ${cssName} cannot be inlined (it contains "</style")`);
  process.exit(1);
}
const styleHash = `sha256-${createHash("sha256").update(css).digest("base64")}`;
const POLICY = policy(styleHash);

for (const page of pages) {
  let html = readFileSync(page, "utf8");
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
console.log(`csp: ${pages.length} pages under the policy, stylesheet inlined (${styleHash})`);
