// Why: the whole-guide precache budget is about what the service worker downloads at install (the
// list tools/precache.mjs wrote into sw.js: enough to show every page offline), raw and as served;
// for a site without a service worker (mdBook), every file of its build. The served (compressed)
// size is read from the project's own static server, so it is exactly what would be downloaded:
// gzip for text, wasm and svg; raw bytes for the rest.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { listFiles } from "../dist.mjs";

const files = (root) => listFiles(root).map((file) => join(root, file));

/** The files the build's service worker precaches, or null when it has none. */
function precached(root) {
  const worker = join(root, "sw.js");
  if (!existsSync(worker)) return null;
  const list = readFileSync(worker, "utf8").match(/const PRECACHE = (\[.*?\]);/)?.[1];
  if (!list) throw new Error(`${worker} has no precache list`);
  return JSON.parse(list).map(([path]) => join(root, path));
}

/** { files, rawBytes, servedBytes, largest, precache } for the build in `root`, served at `baseUrl`. */
export async function buildSize(root, baseUrl) {
  const list = precached(root);
  const result = { files: 0, rawBytes: 0, servedBytes: 0, largest: [], precache: list !== null };
  for (const path of list ?? files(root)) {
    const rel = relative(root, path).split(sep).map(encodeURIComponent).join("/");
    const response = await fetch(new URL(rel, baseUrl), {
      headers: { "accept-encoding": "gzip" }, signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`${rel}: HTTP ${response.status}`);
    await response.arrayBuffer();
    const served = Number(response.headers.get("content-length"));
    result.files += 1;
    result.rawBytes += statSync(path).size;
    result.servedBytes += served;
    result.largest.push({ path: rel, served });
  }
  result.largest = result.largest.sort((a, b) => b.served - a.served).slice(0, 3);
  return result;
}

/** What a host page embedding a widget downloads from the guide: embed.js and the assets it names
 * (the app's JS and wasm, the widget stylesheet), as served with gzip. */
export async function widgetSize(root, baseUrl) {
  const embed = readFileSync(join(root, "embed.js"), "utf8");
  const assets = JSON.parse(embed.match(/const ASSETS = (\{.*?\});/)?.[1] ?? "null");
  if (!assets) throw new Error("embed.js names no assets");
  const result = { files: [], servedBytes: 0 };
  for (const path of ["embed.js", assets.js, assets.wasm, assets.css]) {
    const response = await fetch(new URL(path, baseUrl), { headers: { "accept-encoding": "gzip" }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    await response.arrayBuffer();
    const served = Number(response.headers.get("content-length"));
    result.files.push({ path, served });
    result.servedBytes += served;
  }
  return result;
}
