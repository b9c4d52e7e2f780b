// The guide as a progressive web app: after one visit every route works offline, Chromium finds
// it installable, and a new build brings the update notice to an open page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, builtRoutes, launchBrowser, startServer, waitForApp, watchErrors } from "./harness.mjs";

let browser;
let site;
let root;

before(async () => {
  browser = await launchBrowser();
  // A copy of the build, so that the update test can publish a new version of it.
  root = mkdtempSync(join(tmpdir(), "ospo-pwa-"));
  cpSync("dist", root, { recursive: true });
  site = await startServer({ root });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }));
    }
  });
}

test("after one visit, every route works offline", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.url);
  await waitForApp(page);
  await controlled(page);
  await context.setOffline(true);
  for (const route of builtRoutes(root)) {
    await page.goto(new URL(route.slice(1), site.url).href);
    await waitForApp(page);
    assert.ok((await page.locator("h1").textContent()).trim().length > 0, route);
    if (route.startsWith("/book/") && route !== "/book/") {
      // The chapter's text came from the precache: its sections are there, and no "could not be
      // loaded" alert.
      assert.ok((await page.locator("main article h2").count()) > 0, `${route}: no chapter text offline`);
      assert.equal(await page.locator("main [role=alert]").count(), 0, `${route}: an alert offline`);
    }
  }
  await page.getByTestId("offline-indicator").waitFor();
  // Search, a tree, export: all without a network.
  await page.goto(new URL("search/?q=sbom", site.url).href);
  await waitForApp(page);
  await page.getByTestId("search-result").first().waitFor();
  await page.goto(new URL("structure/", site.url).href);
  await waitForApp(page);
  await page.getByTestId("tree-question").locator("input").first().check();
  await page.getByRole("button", { name: /Next|See result/ }).click();
  await page.waitForFunction(() => /Question 2 of/.test(document.querySelector(".tree-count")?.textContent ?? ""));
  await context.setOffline(false);
  // Only what being offline explains is expected: requests the browser could not send at all.
  const unexpected = errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test("Chromium reports the guide installable", async () => {
  // Installability is not checked in incognito-like contexts: use a real profile.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "ospo-profile-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const page = await context.newPage();
  await page.goto(site.url);
  await waitForApp(page);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector("link[rel=manifest]").href)).json());
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
  await context.close();
});

test("a new build brings the update notice to an open page, which switches on request", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("book/", site.url).href);
  await waitForApp(page);
  await controlled(page);
  // Publish a new version: a changed page and a changed precached file (the shell page), then the
  // build's precache step again.
  for (const file of [join(root, "book", "glossary", "index.html"), join(root, "shell.html")]) {
    writeFileSync(file, readFileSync(file, "utf8").replace("<head>", '<head><meta name="x-build" content="2">'));
  }
  cpSync("assets/sw.js", join(root, "sw.js"));
  execFileSync("node", ["tools/precache.mjs", root]);
  execFileSync("node", ["tools/compress.mjs", root]);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByTestId("update-available").waitFor({ timeout: 20000 });
  await Promise.all([
    page.waitForEvent("load"),
    page.getByTestId("update-available").getByRole("button").click(),
  ]);
  await waitForApp(page);
  await page.goto(new URL("book/glossary/", site.url).href);
  assert.equal(await page.locator("meta[name=x-build]").getAttribute("content"), "2");
  await context.close();
});
