// Shared set-up for the end-to-end tests: the built guide served by the plain static server and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { listFiles } from "../../tools/dist.mjs";
import { serve } from "../../tools/serve.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** Serves `dist` (or another folder) under `prefix`; returns { url, close }. */
export async function startServer({ root = "dist", prefix = "/", headers } = {}) {
  const { server, url } = await serve({ root, prefix, headers });
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/** Every prerendered route of the site, as root-relative paths ("/", "/book/", …); the iframe
 * page for embedding (`embed/`) is not a site route. */
export function builtRoutes(root = "dist") {
  return listFiles(root)
    .filter((file) => file === "index.html" || file.endsWith("/index.html"))
    .map((file) => `/${file.slice(0, -"index.html".length)}`)
    .filter((route) => route !== "/embed/")
    .sort();
}

/** Collects console errors and failed requests of a page, for "no error" assertions. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

/** Records Content Security Policy violations of every page of a context in `window.__violations`. */
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** WCAG 2.2 A and AA violations axe-core finds on the page (open shadow roots included), as short
 * lines. `within` limits the check to one element (a CSS selector). */
export async function axeViolations(page, within = null) {
  await page.evaluate(AXE);
  const results = await page.evaluate(
    ([tags, within]) => axe.run(within ? { include: [[within]] } : document, { runOnly: { type: "tag", values: tags } }),
    [AXE_TAGS, within],
  );
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Waits until the app has hydrated and is interactive. */
/**
 * Puts `value` under `key` in local storage before the first page of `context` loads, once: later
 * loads (a reload) find what the app made of it.
 */
export async function seedStorageOnce(context, key, value) {
  await context.addInitScript(([key, value]) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem(key, value);
  }, [key, value]);
}

export async function waitForApp(page) {
  await page.waitForSelector("html[data-ready='true']", { timeout: 15000 });
}

/**
 * Starts Chromium and a server for the build before a test file's tests, and stops both after.
 * Returns a handle whose `browser` and `site` are set once the tests run.
 */
export function useSite(options = { root: "dist" }) {
  const handle = { browser: null, site: null };
  before(async () => {
    handle.browser = await launchBrowser();
    handle.site = await startServer(options);
  });
  after(async () => {
    await handle.browser?.close();
    await handle.site?.close();
  });
  return handle;
}

/** The id of the question shown in `scope`, from its radios' name (`<tree>-<question>`). */
export async function questionId(scope) {
  const name = await scope.getByTestId("tree-question").first().locator("input[type=radio]").first().getAttribute("name");
  return name.slice(name.indexOf("-") + 1);
}

/** Answers the question shown in `scope` (a page or a widget) and waits for the next question or
 * the result. `choose` is a profile ({ question id: option id }; a question it does not answer
 * gets its first option) or a function that picks a radio from the question's radios. */
export async function answerQuestion(scope, choose = {}) {
  const count = await scope.locator(".tree-count").first().textContent();
  const radios = scope.getByTestId("tree-question").first().locator("input[type=radio]");
  if (typeof choose === "function") {
    await choose(radios).check();
  } else {
    const option = choose[await questionId(scope)];
    await (option ? scope.getByTestId("tree-question").first().locator(`input[value="${option}"]`) : radios.first()).check();
  }
  await scope.locator("form.tree-form button[type=submit]").first().click();
  await Promise.race([
    scope.getByTestId("tree-result").first().waitFor(),
    scope.locator(".tree-count").filter({ hasNotText: count }).first().waitFor(),
  ]);
}

/** Answers from `profile` until the tree in `scope` shows its result. */
export async function walkTree(scope, profile = {}) {
  while (!(await scope.getByTestId("tree-result").count())) await answerQuestion(scope, profile);
}
