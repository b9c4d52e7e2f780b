// Writes a brotli (.br) and a gzip (.gz) copy beside every text asset of a build, compressed once
// at the highest level, for static hosts that serve precompressed files (tools/serve.mjs does;
// see the README for others). A copy that would not be smaller is not written. Run last: the
// copies must match the final files.   node tools/compress.mjs <dist>
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { COMPRESSIBLE, listFiles } from "./dist.mjs";

const dist = process.argv[2] ?? "dist";
let raw = 0;
let brotli = 0;
let gzip = 0;
let files = 0;
for (const rel of listFiles(dist)) {
  if (!COMPRESSIBLE.has(extname(rel))) continue;
  const path = join(dist, rel);
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = gzipSync(body, { level: 9 });
  if (br.length < body.length) writeFileSync(`${path}.br`, br);
  if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
  raw += body.length;
  brotli += Math.min(br.length, body.length);
  gzip += Math.min(gz.length, body.length);
  files += 1;
}
console.log(`compress: ${files} files, ${raw} bytes raw, ${gzip} gzip, ${brotli} brotli`);
