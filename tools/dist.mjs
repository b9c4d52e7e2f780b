// What the build steps need to know about a build folder: every file in it, and the one file of
// the build whose (hashed) name matches a pattern. Shared by csp.mjs, widget.mjs, precache.mjs,
// the end-to-end harness and the benchmark, so that they agree on what a build holds.
import { readdirSync } from "node:fs";
import { join, sep } from "node:path";

/** The extensions of text files, which are served and stored compressed. */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".xml", ".txt"]);

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1).split(sep).join("/"))
    .sort();
}

/** The name of the one file at the top of `dir` that matches `pattern`; exits with a message if
 * there is none or more than one (a build must have exactly one app, one stylesheet…). */
export function findAsset(dir, pattern, who) {
  const found = readdirSync(dir).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`${who}: expected one file matching ${pattern} in ${dir}, found ${found.length}`);
    process.exit(1);
  }
  return found[0];
}
