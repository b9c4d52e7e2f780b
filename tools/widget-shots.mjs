// Screenshots of the widget as a person sees it: in a plain and a hostile host page, at container
// widths of 320, 480 and 960 px, in the light and the dark theme, with and without a host accent.
// For a person to look at, not a test oracle.   node tools/widget-shots.mjs [dist] [out-folder]
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, startServer } from "../tests/e2e/harness.mjs";
import { serve } from "./serve.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "/tmp/widget-shots";
mkdirSync(out, { recursive: true });
const guide = await startServer({ root: dist, headers: { "access-control-allow-origin": "*" } });
const root = mkdtempSync(join(tmpdir(), "ospo-shots-"));
const hostile = "* { margin: 0; padding: 0; font-family: serif !important; color: #c00 !important; } button { all: unset; } p { font-size: 30px; }";
const page = (width, theme, accent, css) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>body { font-family: sans-serif; margin: 24px; background: #f4f4f4; } aside { width: ${width}px; } ${css}
${accent ? `ospo-guide { --ospo-accent: ${accent}; }` : ""}</style>
<script type="module" src="${guide.url}embed.js"></script></head>
<body><h1>Intranet</h1><aside><ospo-guide view="readiness" namespace="shots" theme="${theme}"></ospo-guide></aside></body></html>`;
const served = await serve({ root, host: "127.0.0.1" });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
for (const width of [320, 480, 960]) {
  for (const theme of ["light", "dark"]) {
    for (const [name, accent, css] of [["plain", "", ""], ["hostile", "", hostile], ["accent", "#8a1c7c", ""]]) {
      const file = `${name}-${width}-${theme}.html`;
      writeFileSync(join(root, file), page(width, theme, accent, css));
      const tab = await context.newPage();
      await tab.goto(served.url + file);
      await tab.locator("ospo-guide").getByTestId("tree-question").waitFor();
      await tab.screenshot({ path: join(out, file.replace(".html", ".png")) });
      await tab.close();
    }
  }
}
await browser.close();
await guide.close();
served.server.close();
console.log(`widget-shots: ${out}`);
