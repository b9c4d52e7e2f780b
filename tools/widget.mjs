// Makes the widget's files from a build: embed.js with the build's hashed asset names, and the
// widget stylesheet, which is the guide's stylesheet adapted to a shadow root (":root" becomes
// ":host", rem becomes a fixed 16px unit so a host's root font size cannot shrink it, and inherited
// styles from the host are reset).   node tools/widget.mjs <dist>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findAsset } from "./dist.mjs";

const dist = process.argv[2] ?? "dist";
const find = (pattern) => findAsset(dist, pattern, "widget");
const js = find(/^ospo-guide-[0-9a-f]+\.js$/);
const wasm = find(/^ospo-guide-[0-9a-f]+_bg\.wasm$/);
const css = readFileSync(join(dist, find(/^guide-[0-9a-f]+\.css$/)), "utf8");

const widgetCss =
  `/* The OSPO Guide widget's stylesheet, generated from guide.css by tools/widget.mjs. */\n` +
  `:host { all: initial; display: block; --rem: 16px; font-size: 16px; }\n` +
  css
    .replace(/:root\[data-theme="(light|dark)"\]/g, ':host([data-theme="$1"])')
    .replace(/:root/g, ":host")
    .replace(/^html \{[^}]*\}\n/m, "")
    .replace(/^body \{/m, ".widget-root {")
    .replace(/(-?\d*\.?\d+)rem\b/g, "calc($1 * var(--rem))") +
  // The host's brand: the accent embed.js checked for contrast (set on the widget's container),
  // else the guide's own.
  `.widget-root { --accent: var(--ospo-accent-checked, var(--guide-accent)); --accent-fg: var(--ospo-accent-fg, var(--guide-accent-fg)); }\n` +
  // frame="none" on the element: no border, no padding (the host frames it).
  `:host([frame="none"]) .widget-root { border: 0; border-radius: 0; padding: 0; }\n` +
  // Room for the widget while it loads, so the host page moves less when it appears.
  `.ospo-loading { min-height: calc(12 * var(--rem)); }\n`;
const cssName = `widget-${createHash("sha256").update(widgetCss).digest("hex").slice(0, 16)}.css`;
writeFileSync(join(dist, cssName), widgetCss);

const template = readFileSync(join(dist, "embed.js"), "utf8");
if (!template.includes("self.__OSPO_ASSETS__")) {
  console.error("widget: dist/embed.js has no placeholder (was it generated already?)");
  process.exit(1);
}
writeFileSync(join(dist, "embed.js"), template.replace("self.__OSPO_ASSETS__", JSON.stringify({ js, wasm, css: cssName })));
console.log(`widget: embed.js -> ${js}, ${wasm}, ${cssName}`);
