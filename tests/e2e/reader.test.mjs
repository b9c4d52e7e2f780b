// The reading experience: contents filter, chapter outline and progress bar, keyboard navigation,
// anchors, and a print style without navigation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitForApp, watchErrors, useSite } from "./harness.mjs";

const env = useSite();

async function open(path) {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, env.site.url).href);
  await waitForApp(page);
  return { page, errors };
}

test("the contents filter by audience", async () => {
  const { page, errors } = await open("book/");
  const all = await page.locator(".chapter-item").count();
  await page.getByRole("button", { name: "Legal and compliance" }).click();
  await page.waitForFunction((n) => document.querySelectorAll(".chapter-item").length < n, all);
  const legal = await page.locator(".chapter-item h2").allTextContents();
  assert.ok(legal.length > 0 && legal.length < all, `${legal.length} of ${all}`);
  assert.ok(!legal.some((t) => /Establishing/.test(t)), "a chapter not for legal readers is listed");
  assert.equal(await page.getByRole("button", { name: "Legal and compliance" }).getAttribute("aria-pressed"), "true");
  await page.getByRole("button", { name: "Everyone" }).click();
  await page.waitForFunction((n) => document.querySelectorAll(".chapter-item").length === n, all);
  assert.deepEqual(errors, []);
  await page.close();
});

test("arrow keys move between chapters, and / opens search", async () => {
  const { page, errors } = await open("book/what-is-an-ospo/");
  await page.keyboard.press("ArrowRight");
  await page.waitForURL(/\/book\/why-an-ospo\/$/);
  await page.waitForFunction(() => /Why an OSPO/.test(document.querySelector("h1")?.textContent ?? ""));
  await page.keyboard.press("ArrowLeft");
  await page.waitForURL(/\/book\/what-is-an-ospo\/$/);
  await page.keyboard.press("/");
  await page.waitForURL(/\/search\/$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the skip link moves focus to the main content", async () => {
  const { page } = await open("book/what-is-an-ospo/");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, "Skip to content");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "main");
  await page.close();
});

test("scrolling advances the progress bar and marks the current section in the outline", async () => {
  const { page } = await open("book/tools-and-processes/");
  const start = Number(await page.locator("progress.reading-progress").getAttribute("value"));
  assert.ok(start < 100, `progress at the top: ${start}`);
  await page.evaluate(() => document.getElementById("review-board").scrollIntoView({ block: "start" }));
  await page.waitForFunction(() => Number(document.querySelector("progress.reading-progress").value) > 100);
  await page.waitForSelector(".outline a[aria-current]");
  assert.match(await page.locator(".outline a[aria-current]").textContent(), /review board/i);
  await page.close();
});

test("heading anchors link to their own section", async () => {
  const { page } = await open("book/tools-and-processes/");
  const href = await page.locator("#review-board a.anchor").getAttribute("href");
  assert.equal(href, "/book/tools-and-processes/#review-board");
  await page.locator("#review-board a.anchor").click();
  await page.waitForURL(/#review-board$/);
  await page.close();
});

test("reading to the end marks a chapter read, and home continues at the last section after a reload", async () => {
  const { page, errors } = await open("book/why-an-ospo/");
  // Scroll down step by step, as a reader does, until the end marks the chapter read.
  await page.waitForFunction(() => {
    window.scrollBy(0, window.innerHeight);
    return document.querySelector(".chapter-header [data-testid=read-status]")?.dataset.status === "read";
  }, null, { polling: 100, timeout: 15000 });
  const last = await page.locator(".outline a[aria-current]").textContent();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator(".chapter-header [data-testid=read-status]").getAttribute("data-status"), "read");
  // Home, freshly loaded: no chapter text is at hand, so following the link fetches it first.
  await page.goto(new URL("./", env.site.url).href);
  await waitForApp(page);
  const link = page.locator(".continue a");
  assert.match(await link.textContent(), new RegExp(last.trim()));
  const href = await link.getAttribute("href");
  await link.click();
  await page.waitForURL((url) => url.href.endsWith(href));
  const id = href.split("#")[1];
  assert.ok(id, `the link names a section: ${href}`);
  // The section is on screen once the text has arrived.
  await page.waitForFunction((id) => {
    const top = document.getElementById(id)?.getBoundingClientRect().top;
    return top !== undefined && top >= 0 && top < window.innerHeight;
  }, id);
  assert.deepEqual(errors, []);
  await page.close();
});

test("nearing the end of a chapter fetches the next one's text, so Next needs no request", async () => {
  const { page, errors } = await open("book/why-an-ospo/");
  const texts = [];
  page.on("request", (request) => request.url().includes("/data/") && texts.push(new URL(request.url()).pathname));
  const next = page.waitForRequest((request) => /\/data\/[^/]+\/ospos-by-organization\.json$/.test(request.url()));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.8));
  await next;
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/ospos-by-organization.json") && e.responseEnd > 0));
  const before = texts.length;
  await page.locator(".chapter-nav a.next").click();
  await page.waitForURL(/\/book\/ospos-by-organization\/$/);
  await page.locator("article.chapter h2").first().waitFor();
  assert.equal(await page.locator("article.chapter .loading").count(), 0);
  assert.deepEqual(texts.slice(before).filter((path) => path.endsWith("/ospos-by-organization.json")), [], "Next fetched again");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a chapter's text that cannot be fetched gets a message and a way to try again", async () => {
  // No service worker: it would answer from its precache, out of the reach of the blocked route.
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(new URL("book/", env.site.url).href);
  await waitForApp(page);
  await page.route("**/data/**", (route) => route.abort());
  await page.locator(".chapter-item h2 a", { hasText: "Engaging with open source communities" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded/);
  // The heading and summary come with the app; only the text is missing.
  assert.match(await page.locator("h1").textContent(), /communit/i);
  await page.unroute("**/data/**");
  await alert.getByRole("button", { name: "Try again" }).click();
  await page.locator("article.chapter h2").first().waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  await context.close();
});

test("printing a chapter hides the navigation and shows link targets", async () => {
  const { page } = await open("book/references/");
  await page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".outline", ".chapter-nav"]) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} prints`);
  }
  assert.equal(await page.locator("h1").isVisible(), true);
  const after = await page.evaluate(() => {
    const link = document.querySelector("article a.external");
    return link ? getComputedStyle(link, "::after").content : "none";
  });
  assert.match(after, /https:/);
  await page.close();
});

test("on a phone the navigation folds into a menu", async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(new URL("book/why-an-ospo/", env.site.url).href);
  await waitForApp(page);
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  assert.equal(await nav.isVisible(), false);
  await menu.click();
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  await nav.getByRole("link", { name: "Search" }).click();
  await page.waitForURL(/\/search\/$/);
  await page.waitForFunction(() => document.querySelector(".menu-button")?.getAttribute("aria-expanded") === "false");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page scrolls sideways: ${width}px`);
  await context.close();
});
