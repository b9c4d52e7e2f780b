// The OSPO Guide's service worker: the app, every chapter's text and the shell page are precached
// at install (the list and each file's content hash are written into this file by
// tools/precache.mjs at build time), so the whole guide works offline after one visit.
//
// Pages are network-first; each page fetched is kept, and offline a page is answered from what
// was kept, else with the shell page, into which the app renders the page from precached files.
// Everything else is cache-first. A new
// version installs beside the old one and waits: the page asks the reader, then sends
// "skip-waiting", so a page never mixes files of two versions. Old caches go on activation.
const PRECACHE = self.__PRECACHE__; // [[url, revision], …], relative to this file
const VERSION = self.__VERSION__;
const CACHE = `ospo-guide-${VERSION}`;
const PREFIX = "ospo-guide-";

const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map(([path]) => new Request(scopeUrl(path), { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

/** The precached page for a navigation: `dir/` and `dir/index.html` are the same page. */
function pageKey(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.pathname.endsWith("/index.html")) u.pathname = u.pathname.slice(0, -"index.html".length);
  else if (!u.pathname.endsWith("/") && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += "/";
  return u.href;
}

async function fromNetworkThenCache(event) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  const key = pageKey(request.url);
  try {
    const response = await fetch(request);
    if (response.ok) {
      event.waitUntil(cache.put(key, response.clone()));
      return response;
    }
    return (await cache.match(key)) ?? response;
  } catch (error) {
    return (await cache.match(key)) ?? (await cache.match(scopeUrl("shell.html"))) ?? Response.error();
  }
}

async function fromCacheThenNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (!request.url.startsWith(self.registration.scope)) return;
  event.respondWith(request.mode === "navigate" ? fromNetworkThenCache(event) : fromCacheThenNetwork(request));
});
