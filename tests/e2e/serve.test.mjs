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
