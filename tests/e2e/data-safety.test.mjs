// Paths that used to lose or overwrite a reader's data, each shown safe in a real browser: two
// widgets with one namespace on a page, a share link opened over answers in progress, a change
// made while an import's preview is open, a second corruption after "Start fresh", and a real
// panic of the WebAssembly instance.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerQuestion, launchBrowser, seedStorageOnce, startServer, waitForApp, walkTree, watchErrors } from "./harness.mjs";

const KEY = "ospo-guide:default:v3";
let browser;
let site;
let host;
let scratch;

before(async () => {
  browser = await launchBrowser();
  site = await startServer({ root: "dist", headers: { "access-control-allow-origin": "*" } });
  scratch = mkdtempSync(join(tmpdir(), "ospo-safety-"));
  // An intranet page with two widgets left at the default namespace.
  writeFileSync(join(scratch, "index.html"), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,">
<script type="module" src="${site.url}embed.js"></script></head>
<body><h1>Intranet</h1>
<ospo-guide id="first" view="readiness"></ospo-guide>
<ospo-guide id="second" view="structure"></ospo-guide>
</body></html>`);
  const { serve } = await import("../../tools/serve.mjs");
  const served = await serve({ root: scratch, host: "127.0.0.1" });
  host = {
    url: served.url.replace("127.0.0.1", "localhost"),
    close: () => new Promise((done) => served.server.close(done)),
  };
});

after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

const url = (path) => new URL(path, site.url).href;

async function questionNumber(scope) {
  const text = await scope.locator(".tree-count").first().textContent();
  return Number(/Question (\d+)/.exec(text)?.[1] ?? 0);
}

test("two widgets with the default namespace on one page keep both walks across a reload", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(host.url);
  const first = page.locator("#first");
  const second = page.locator("#second");
  await first.getByTestId("tree-question").waitFor();
  await second.getByTestId("tree-question").waitFor();
  await answerQuestion(first);
  await answerQuestion(second);
  await page.waitForFunction(() => {
    const stored = JSON.parse(localStorage.getItem("ospo-guide:widget:v3") ?? "null");
    return stored && stored.payload.trees.readiness?.answers.length === 1 && stored.payload.trees.structure?.answers.length === 1;
  });
  await page.reload();
  await first.getByTestId("tree-question").waitFor();
  await second.getByTestId("tree-question").waitFor();
  assert.equal(await questionNumber(first), 2, "the readiness widget lost its walk");
  assert.equal(await questionNumber(second), 2, "the structure widget lost its walk");
  assert.deepEqual(errors, []);
  await context.close();
});

/** Walks a whole tree with first options in a fresh browser and returns its share link. */
async function sharedLink(tree) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url(`${tree}/`));
  await waitForApp(page);
  await walkTree(page);
  const link = await page.getByTestId("tree-share").inputValue();
  await context.close();
  return link;
}

test("a share link opened over answers in progress is shown read-only until adopted", async () => {
  const link = await sharedLink("readiness");
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("readiness/"));
  await waitForApp(page);
  // The reader's own walk: the last option of the first question.
  await answerQuestion(page, (radios) => radios.last());
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.payload.trees.readiness?.answers.length === 1, KEY);
  const own = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).payload.trees.readiness.answers, KEY);

  await page.goto(link);
  await waitForApp(page);
  await page.getByTestId("shared-walk").waitFor();
  assert.ok(await page.getByTestId("shared-walk").getByTestId("tree-result").count(), "the shared result is shown");
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key)).payload, KEY);
  assert.deepEqual((await stored()).trees.readiness.answers, own, "the reader's own answers are untouched");
  assert.equal((await stored()).results.length, 0, "the shared result is not in the reader's history");

  await page.getByTestId("shared-adopt").click();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).payload.results.length === 1, KEY);
  assert.notDeepEqual((await stored()).trees.readiness.answers, own, "adopted");
  assert.ok(!page.url().includes("#a="), "the link left the address");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a change made while an import's preview is open is kept when the import is applied", async () => {
  // The file: exported from a browser where one chapter was read.
  const other = await browser.newContext({ acceptDownloads: true });
  const source = await other.newPage();
  await source.goto(url("book/glossary/"));
  await waitForApp(source);
  await source.locator(".chapter-header [data-testid=read-status] button").click();
  await source.waitForSelector(".chapter-header [data-testid=read-status][data-status=read]");
  await source.goto(url("progress/"));
  await waitForApp(source);
  const [download] = await Promise.all([source.waitForEvent("download"), source.getByTestId("progress-export").click()]);
  const file = join(scratch, "export.json");
  await download.saveAs(file);
  await other.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("progress/"));
  await waitForApp(page);
  await page.getByTestId("progress-import").setInputFiles(file);
  await page.getByTestId("import-preview").waitFor();
  // While the preview is open: the reader switches to the dark theme, and another tab of the same
  // browser marks a chapter read.
  await page.getByTestId("theme-switch").selectOption("dark");
  const tab = await context.newPage();
  await tab.goto(url("book/why-an-ospo/"));
  await waitForApp(tab);
  await tab.locator(".chapter-header [data-testid=read-status] button").click();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.payload.chapters["why-an-ospo"]?.read === true, KEY);
  await page.getByRole("button", { name: "Replace" }).click();
  await page.getByTestId("import-message").filter({ hasText: "Imported" }).waitFor();
  await page.waitForFunction((key) => {
    const payload = JSON.parse(localStorage.getItem(key)).payload;
    return payload.chapters.glossary?.read === true && payload.chapters["why-an-ospo"]?.read === true && payload.prefs.theme === "dark";
  }, KEY);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a second, different corruption after 'Start fresh' keeps the first copy too", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await seedStorageOnce(context, KEY, "{first damage");
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("progress/"));
  await waitForApp(page);
  await page.getByTestId("storage-notice").waitFor();
  await page.getByRole("button", { name: "Start fresh" }).click();
  await page.getByTestId("theme-switch").selectOption("dark");
  await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('{"schema"'), KEY);
  // Damaged again, differently.
  await page.evaluate((key) => localStorage.setItem(key, "{second damage"), KEY);
  await page.reload();
  await waitForApp(page);
  await page.getByTestId("storage-notice").waitFor();
  await page.getByTestId("data-backups").waitFor();
  assert.equal(await page.getByTestId("data-backup").count(), 2);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("ospo-guide:default:backup:")).map((k) => localStorage.getItem(k)).sort());
  assert.deepEqual(kept, ["{first damage", "{second damage"]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("data-backup").first().getByRole("button").click()]);
  assert.match(await readFile(await download.path(), "utf8"), /damage$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("after a real panic, the download and reload still work without the stopped app", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url("book/why-an-ospo/"));
  await waitForApp(page);
  await page.locator(".chapter-header [data-testid=read-status] button").click();
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
  const panicked = await page.evaluate(async () => {
    const script = performance.getEntriesByType("resource").map((e) => e.name).find((n) => /ospo-guide-[0-9a-f]+\.js$/.test(n));
    const bindings = await import(script);
    try {
      bindings.ospoGuideSelfTestPanic();
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(panicked, "the instance stopped");
  await page.getByTestId("panic-screen").waitFor();
  const href = await page.getByTestId("panic-download").getAttribute("href");
  assert.match(href, /^blob:/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("panic-download").click()]);
  const saved = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.ok(saved[KEY]?.includes("why-an-ospo"), "the download holds the stored data");
  await Promise.all([page.waitForEvent("load"), page.getByTestId("panic-reload").click()]);
  await waitForApp(page);
  assert.equal(await page.getByTestId("panic-screen").count(), 0);
  await context.close();
});
