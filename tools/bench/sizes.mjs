// Why: the whole-guide precache budget is about every file of the build, raw and as served. The
// served (compressed) size is read from the project's own static server, so it is exactly what a
// reader or a service worker would download: gzip for text, wasm and svg; raw bytes for the rest.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

function files(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(root);
  return out;
}

/** { files, rawBytes, servedBytes, largest } for the build in `root`, served at `baseUrl`. */
export async function buildSize(root, baseUrl) {
  const result = { files: 0, rawBytes: 0, servedBytes: 0, largest: [] };
  for (const path of files(root)) {
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
