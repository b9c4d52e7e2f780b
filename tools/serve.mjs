// A plain static file server for the built guide: the build's precompressed .br or .gz copy when
// the client accepts it (gzip on the fly for files without one), correct MIME types, `dir/` served as `dir/index.html`, and no rewriting of unknown paths to index.html (an
// unknown path gets the guide's 404.html with status 404). Used by the serve command, the
// end-to-end tests and the benchmarks.
//
//   node tools/serve.mjs <folder> [--port 8080] [--host 127.0.0.1] [--prefix /guides/ospo/]
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { COMPRESSIBLE } from "./dist.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

async function fileAt(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // a malformed escape such as "/%" is simply not a file
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      if (!pathname.endsWith("/")) return { redirect: pathname + "/" };
      return { path: join(path, "index.html") };
    }
    return { path };
  } catch {
    return null;
  }
}

/** Starts a server; resolves to { server, url } once it listens. With `brotli: false` it never
 * answers with brotli (the benchmark compares sizes with gzip on both sites). */
export function serve({ root, port = 0, host = "127.0.0.1", prefix = "/", headers = {}, brotli = true }) {
  const base = resolve(root);
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let status = 200;
    let found = null;
    if (url.pathname.startsWith(prefix)) {
      found = await fileAt(base, "/" + url.pathname.slice(prefix.length));
    }
    if (found?.redirect) {
      res.writeHead(301, { location: prefix.replace(/\/$/, "") + found.redirect + url.search });
      return res.end();
    }
    let body;
    try {
      body = found ? await readFile(found.path) : null;
    } catch {
      body = null;
    }
    let type = found ? TYPES[extname(found.path)] : undefined;
    if (!body) {
      status = 404;
      try {
        body = await readFile(join(base, "404.html"));
        type = TYPES[".html"];
      } catch {
        body = Buffer.from("Not found");
        type = TYPES[".txt"];
      }
    }
    const out = { "content-type": type ?? "application/octet-stream", "cache-control": "no-cache", ...headers };
    const ext = found ? extname(found.path) : ".html";
    const accepts = req.headers["accept-encoding"] ?? "";
    // A precompressed copy counts only if it is not older than the file (a file changed after the
    // build's compress step is served compressed on the fly instead).
    const precompressed = async (suffix) => {
      if (!found || status !== 200) return null;
      try {
        const [copy, original] = await Promise.all([stat(found.path + suffix), stat(found.path)]);
        return copy.mtimeMs >= original.mtimeMs ? await readFile(found.path + suffix) : null;
      } catch {
        return null;
      }
    };
    const br = COMPRESSIBLE.has(ext) && brotli && /\bbr\b/.test(accepts) ? await precompressed(".br") : null;
    const gz = !br && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts) ? await precompressed(".gz") : null;
    if (br || gz) {
      body = br ?? gz;
      out["content-encoding"] = br ? "br" : "gzip";
      out["vary"] = "accept-encoding";
    } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) {
      // Compressed once per distinct content (a rebuilt file gets compressed again).
      const key = createHash("sha1").update(body).digest("hex");
      let zipped = gzipCache.get(key);
      if (!zipped) {
        zipped = { data: gzipSync(body, { level: 9 }) };
        gzipCache.set(key, zipped);
      }
      body = zipped.data;
      out["content-encoding"] = "gzip";
      out["vary"] = "accept-encoding";
    }
    out["content-length"] = body.length;
    res.writeHead(status, out);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address();
      done({ server, url: `http://${host}:${address.port}${prefix}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const root = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "dist";
  const { url } = await serve({
    root,
    port: Number(option("--port", "8080")),
    host: option("--host", "127.0.0.1"),
    prefix: option("--prefix", "/"),
  });
  console.log(`Serving ${root} at ${url} (Ctrl-C to stop)`);
}
