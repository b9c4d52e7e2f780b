// Every route of the built site answers 200 on a direct load, shows its heading with and without
// scripts, hydrates without a console error, and works under a sub-path deployment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { builtRoutes, recordViolations, startServer, useSite, waitForApp, watchErrors } from "./harness.mjs";

const env = useSite();

const routes = builtRoutes("dist");

test("the build has a page for every route of the contract", () => {
  for (const route of ["/", "/book/", "/readiness/", "/structure/", "/search/", "/progress/"]) {
    assert.ok(routes.includes(route), `no prerendered ${route}`);
  }
  assert.ok(routes.filter((r) => r.startsWith("/book/") && r !== "/book/").length >= 12, "chapters");
});

test("every route answers 200 with a heading, no console error and no CSP violation", async () => {
  const context = await env.browser.newContext();
  await recordViolations(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  for (const route of routes) {
    const response = await page.goto(new URL(route.slice(1), env.site.url).href);
    assert.equal(response.status(), 200, route);
    await waitForApp(page);
    const heading = await page.locator("h1").first().textContent();
    assert.ok(heading && heading.trim().length > 0, `${route}: empty heading`);
    assert.equal(await page.locator("h1").count(), 1, `${route}: one h1`);
    assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"), /script-src 'self' 'wasm-unsafe-eval'/);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], route);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("an unknown address gets the not-found page with a way back", async () => {
  // An unknown chapter too: the server answers with the same 404.html, which must hydrate there.
  for (const path of ["no/such/page/", "book/no-such-chapter/"]) {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    const requested = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const response = await page.goto(new URL(path, env.site.url).href);
    assert.equal(response.status(), 404);
    await waitForApp(page);
    assert.equal(await page.locator("h1").textContent(), "Page not found", path);
    assert.deepEqual(requested.filter((p) => p.includes("/data/")), [], path);
    await page.getByRole("link", { name: "See all chapters" }).click();
    await page.waitForURL(/\/book\/$/);
    assert.equal(await page.locator("h1").textContent(), "Contents");
    // The page's own 404 answer is expected; nothing else may fail (a hydration panic would).
    const expected = [`HTTP 404: ${new URL(path, env.site.url).href}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"];
    assert.deepEqual(errors.filter((e) => !expected.includes(e)), [], path);
    await page.close();
  }
});

test("a chapter reads fully with scripts off", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL("book/why-an-ospo/", env.site.url).href);
  assert.match(await page.locator("h1").textContent(), /Why an OSPO/);
  assert.ok((await page.locator("article p").count()) > 20, "the chapter text is in the page");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book", exact: true }).click();
  await page.waitForURL(/\/book\/$/);
  assert.equal(await page.locator("h1").textContent(), "Contents");
  await context.close();
});

test("a chapter is painted before the app is fetched, and the app fetches no text: it keeps the page's", async () => {
  const page = await env.browser.newPage();
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(new URL("book/what-is-an-ospo/", env.site.url).href);
  await waitForApp(page);
  assert.equal(await page.locator('link[rel="preload"], link[rel="modulepreload"]').count(), 0);
  assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0, "the stylesheet is inline");
  const { paint, wasm } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    wasm: performance.getEntriesByType("resource").find((e) => e.name.endsWith("_bg.wasm"))?.startTime,
  }));
  assert.ok(paint !== undefined && wasm !== undefined, `paint ${paint}, wasm ${wasm}`);
  assert.ok(wasm >= paint, `the wasm was requested at ${wasm} ms, before the first paint at ${paint} ms`);
  const texts = requested.filter((path) => path.includes("/data/"));
  assert.deepEqual(texts, [], "the chapter's text was fetched although the page has it");
  await page.close();
});

test("links in a prerendered chapter's text are followed in-app after hydration", async () => {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  const texts = [];
  page.on("request", (request) => request.url().includes("/data/") && texts.push(new URL(request.url()).pathname));
  await page.goto(new URL("book/what-is-an-ospo/", env.site.url).href);
  await waitForApp(page);
  await page.evaluate(() => (window.__sameDocument = true));
  // A section's own anchor: followed by the app (it adds a history entry of its own), at once,
  // with nothing fetched: the page holds the text.
  const anchor = page.locator("article.chapter h2 a.anchor").first();
  const id = await page.locator("article.chapter h2").first().getAttribute("id");
  await anchor.click();
  await page.waitForURL(new RegExp(`#${id}$`));
  assert.deepEqual(texts, [], "following a link within the page fetched its text");
  // A link to another chapter inside the text: the app shows it without loading a page.
  const link = page.locator('article.chapter > p a[href*="/book/"]:not([href*="what-is-an-ospo"])').first();
  const href = await link.getAttribute("href");
  const slug = href.match(/\/book\/([a-z0-9-]+)\//)[1];
  await link.click();
  await page.waitForURL(new RegExp(`/book/${slug}/`));
  await page.waitForFunction((slug) => document.querySelector("article.chapter h2") && location.pathname.includes(slug), slug);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "a full page load happened");
  // Back to the first chapter: its text comes back (fetched now: the page no longer holds it).
  await page.goBack();
  await page.waitForURL(/\/book\/what-is-an-ospo\//);
  await page.locator(`article.chapter h2#${id}`).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("navigation happens in-app after hydration, and the title follows", async () => {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(env.site.url);
  await waitForApp(page);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Contents");
  await page.locator(".chapter-list a").first().click();
  await page.waitForURL(/\/book\/about-this-guide\/$/);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "a full page load happened");
  assert.match(await page.title(), /About this guide|this guide/i);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the guide works deployed under a sub-path", { skip: !existsSync("dist-subpath") && "no sub-path build" }, async () => {
  const sub = await startServer({ root: "dist-subpath", prefix: "/guides/ospo/" });
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  try {
    const response = await page.goto(new URL("book/", sub.url).href);
    assert.equal(response.status(), 200);
    await waitForApp(page);
    const href = await page.locator(".chapter-list a").first().getAttribute("href");
    assert.ok(href.startsWith("/guides/ospo/book/"), href);
    await page.locator(".chapter-list a").first().click();
    await page.waitForURL(/\/guides\/ospo\/book\/about-this-guide\/$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await page.waitForURL(/\/guides\/ospo\/$/);
    assert.equal(await page.locator("h1").textContent(), "OSPO Guide");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await sub.close();
  }
});
