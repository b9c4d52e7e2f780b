// The reader's data: kept when unreadable, memory-only when blocked, export and import across
// browsers, bad imports refused, two tabs in sync, erase after confirmation, and asking the
// browser to keep it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, seedStorageOnce, startServer, waitForApp, walkTree, watchErrors } from "./harness.mjs";

const KEY = "ospo-guide:default:v3";
let browser;
let site;
let scratch;

before(async () => {
  browser = await launchBrowser();
  site = await startServer({ root: "dist" });
  scratch = await mkdtemp(join(tmpdir(), "ospo-data-"));
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const url = (path) => new URL(path, site.url).href;

async function markRead(page, slug) {
  await page.goto(url(`book/${slug}/`));
  await waitForApp(page);
  await page.locator(".chapter-header [data-testid=read-status] button").click();
  await page.waitForSelector(".chapter-header [data-testid=read-status][data-status=read]");
}

async function storedValue(page) {
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

/** Waits until the stored value exists and starts with `prefix`. */
async function waitForSaved(page, prefix = "") {
  await page.waitForFunction(([key, start]) => localStorage.getItem(key)?.startsWith(start) ?? false, [KEY, prefix]);
}

for (const [name, raw] of [
  ["unreadable JSON", "{this is not json"],
  ["a newer schema", JSON.stringify({ schema: 99, content: "x", payload: {} })],
  ["an invalid payload", JSON.stringify({ schema: 2, content: "x", payload: { chapters: { "<script>": {} } } })],
]) {
  test(`stored data with ${name} is kept, backed up and announced`, async () => {
    const context = await browser.newContext();
    await seedStorageOnce(context, KEY, raw);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url("book/why-an-ospo/"));
    await waitForApp(page);
    await page.getByTestId("storage-notice").waitFor();
    assert.match(await page.getByTestId("storage-notice").textContent(), /kept exactly as it was/);
    await page.locator(".chapter-header [data-testid=read-status] button").click();
    await page.waitForSelector(".chapter-header [data-testid=read-status][data-status=read]");
    await page.reload();
    await waitForApp(page);
    await page.getByTestId("storage-notice").waitFor();
    assert.equal(await storedValue(page), raw, "the kept data was overwritten");
    const backups = () =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ospo-guide:default:backup:")).map((k) => localStorage.getItem(k)));
    assert.deepEqual(await backups(), [raw], "one backup of the kept value");
    await page.getByRole("button", { name: "Start fresh" }).click();
    await waitForSaved(page, '{"schema":');
    assert.deepEqual(await backups(), [raw], "the backup stays");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("blocked storage: the guide works in memory and says so", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const page = await context.newPage();
  await page.goto(url("readiness/"));
  await waitForApp(page);
  await page.getByTestId("storage-notice").waitFor();
  assert.match(await page.getByTestId("storage-notice").textContent(), /does not let the guide save/);
  await page.getByTestId("tree-question").locator("input").first().check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForFunction(() => /Question 2 of/.test(document.querySelector(".tree-count")?.textContent ?? ""));
  await context.close();
});

test("export, then import in a fresh browser, restores everything", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await markRead(page, "why-an-ospo");
  await markRead(page, "glossary");
  await page.goto(url("structure/"));
  await waitForApp(page);
  await walkTree(page);
  await page.goto(url("progress/"));
  await waitForApp(page);
  await page.waitForFunction(() => /^2 of/.test(document.querySelector("[data-testid=progress-summary]")?.textContent ?? ""));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("progress-export").click()]);
  const file = join(scratch, "export.json");
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, "utf8"));
  assert.equal(exported.schema, 3);
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchErrors(other);
  await other.goto(url("progress/"));
  await waitForApp(other);
  await other.getByTestId("progress-import").setInputFiles(file);
  await other.getByTestId("import-preview").waitFor();
  assert.match(await other.getByTestId("import-preview").textContent(), /2 chapters become read/);
  await other.getByRole("button", { name: "Merge", exact: true }).click();
  await other.waitForFunction(() => /^2 of/.test(document.querySelector("[data-testid=progress-summary]")?.textContent ?? ""));
  assert.match(await other.getByTestId("progress-summary").textContent(), /1 results kept/);
  await other.goto(url("structure/"));
  await waitForApp(other);
  await other.getByTestId("tree-result").waitFor();
  assert.deepEqual(errors, []);
  await fresh.close();
});

test("a bad import changes nothing and says why", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await markRead(page, "why-an-ospo");
  await page.goto(url("progress/"));
  await waitForApp(page);
  await waitForSaved(page);
  const before = await storedValue(page);
  const cases = [
    ["wrong.json", JSON.stringify({ hello: "world" }), /not an export/],
    ["newer.json", JSON.stringify({ schema: 7, content: "x", payload: {} }), /newer version/],
    ["hostile.json", JSON.stringify({ schema: 2, content: "x", payload: { chapters: { "<img src=x onerror=alert(1)>": { read: true } } } }), /does not accept/],
    ["big.json", "x".repeat(1024 * 1024 + 10), /larger than 1 MB/],
  ];
  for (const [name, body, message] of cases) {
    const file = join(scratch, name);
    await writeFile(file, body);
    await page.getByTestId("progress-import").setInputFiles(file);
    await page.waitForFunction((n) => document.querySelector("[data-testid=import-message]")?.textContent.length > 0, name);
    assert.match(await page.getByTestId("import-message").textContent(), message, name);
    assert.equal(await page.getByTestId("import-preview").count(), 0);
    await page.getByTestId("progress-import").setInputFiles([]);
  }
  assert.equal(await storedValue(page), before, "the stored data changed");
  await context.close();
});

test("two tabs stay in sync without losing either's progress", async () => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(url("book/"));
  await waitForApp(first);
  await markRead(second, "what-is-an-ospo");
  await first.waitForFunction(() =>
    [...document.querySelectorAll(".chapter-item")].some((li) => /What an OSPO is/.test(li.textContent) && li.querySelector(".status.read")),
  );
  await markRead(first, "why-an-ospo");
  await second.goto(url("book/"));
  await waitForApp(second);
  await second.waitForFunction(() => document.querySelectorAll(".chapter-item .status.read").length === 2);
  await context.close();
});

test("'Your data' says whether this browser keeps the data, and asks it to on the reader's request", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("progress/"));
  await waitForApp(page);
  const status = page.locator("[data-testid=keep-status]");
  await status.waitFor();
  // What the page says is what the browser answers.
  const keptBefore = await page.evaluate(() => navigator.storage.persisted());
  assert.equal(await status.getAttribute("data-kept"), String(keptBefore));
  const ask = page.locator("[data-testid=keep-ask]");
  assert.equal(await ask.count(), keptBefore ? 0 : 1, "the button is offered only while the data may be cleared");
  if (!keptBefore) {
    assert.match(await status.textContent(), /may clear the guide's data on its own/);
    // By keyboard: the answer takes the focus when the button goes.
    await ask.focus();
    await page.keyboard.press("Enter");
    await ask.waitFor({ state: "detached" });
    const keptAfter = await page.evaluate(() => navigator.storage.persisted());
    assert.equal(await status.getAttribute("data-kept"), String(keptAfter));
    assert.match(await status.textContent(), keptAfter ? /keeps the guide's data until you clear it/ : /declined for now/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "keep-status");
  }
  assert.match(await status.textContent(), /An export is still the only copy outside this browser/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("erase asks for confirmation, then forgets everything", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await markRead(page, "why-an-ospo");
  await page.goto(url("progress/"));
  await waitForApp(page);
  await page.waitForFunction(() => /^1 of/.test(document.querySelector("[data-testid=progress-summary]")?.textContent ?? ""));
  await page.getByTestId("progress-erase").click();
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.match(await page.getByTestId("progress-summary").textContent(), /^1 of/);
  await page.getByTestId("progress-erase").click();
  await page.getByTestId("progress-erase-confirm").click();
  await page.waitForFunction(() => /^0 of/.test(document.querySelector("[data-testid=progress-summary]")?.textContent ?? ""));
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("progress-summary").textContent(), /^0 of/);
  await context.close();
});
