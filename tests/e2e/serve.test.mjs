// The static server the tests and the serve command use: a malformed path is a 404, and the
// server keeps serving after it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer } from "./harness.mjs";

function get(url, path) {
  return new Promise((done, fail) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode));
    });
    req.on("error", fail);
    req.end();
  });
}

test("a malformed path gets a 404 and the server keeps serving", async () => {
  const site = await startServer({ root: "dist" });
  try {
    for (const path of ["/%", "/%E0%A4%A", "/book/%zz/"]) {
      assert.equal(await get(site.url, path), 404, path);
    }
    assert.equal(await get(site.url, "/"), 200);
  } finally {
    await site.close();
  }
});

test("the build's precompressed copy is served, unless the file changed after it", async () => {
  const { mkdtempSync, writeFileSync, utimesSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { brotliCompressSync, brotliDecompressSync, gunzipSync } = await import("node:zlib");
  const root = mkdtempSync(join(tmpdir(), "ospo-serve-"));
  const file = join(root, "app.js");
  writeFileSync(file, "console.log('new');".repeat(20));
  writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from("console.log('old');".repeat(20))));
  const fetchBody = (site, encoding) =>
    new Promise((done, fail) => {
      const target = new URL(site.url);
      const req = request({ host: target.hostname, port: target.port, path: "/app.js", headers: { "accept-encoding": encoding } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const plain = res.headers["content-encoding"] === "br" ? brotliDecompressSync(body) : res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
          done({ encoding: res.headers["content-encoding"], text: plain.toString() });
        });
      });
      req.on("error", fail);
      req.end();
    });
  const site = await startServer({ root });
  try {
    // The copy is older than the file: not served.
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${file}.br`, past, past);
    let got = await fetchBody(site, "br, gzip");
    assert.equal(got.encoding, "gzip");
    assert.match(got.text, /new/);
    // A copy as new as the file is served as it is.
    writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from("console.log('new');".repeat(20))));
    got = await fetchBody(site, "br, gzip");
    assert.equal(got.encoding, "br");
    assert.match(got.text, /new/);
  } finally {
    await site.close();
  }
});
