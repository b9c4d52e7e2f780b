// The conformance self-checks end to end: every item answered in a real browser gives a result
// that says it is a self-assessment; a reload resumes where the reader was; gaps go to the plan
// with their clause; reports and share links carry the same answers; both checks and their
// widget views work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { waitForApp, watchErrors, useSite } from "./harness.mjs";

const env = useSite();
const url = (path) => new URL(path, env.site.url).href;

/** Answers every item of the check on the page: `pick(itemId)` returns the verdict's value
 * ("yes", "partly", "no", "n-a", "dont-know"), or nothing to leave it unanswered. */
async function answerAll(page, pick) {
  const items = page.getByTestId("conformance-item");
  const ids = await items.evaluateAll((all) => all.map((f) => f.dataset.item));
  for (const id of ids) {
    const value = pick(id);
    if (!value) continue;
    await page.locator(`[data-testid=conformance-item][data-item="${id}"] input[value="${value}"]`).check();
  }
  return ids;
}

async function open(path) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url(path));
  await waitForApp(page);
  await page.getByTestId("conformance-item").first().waitFor();
  return { context, page, errors };
}

test("ISO/IEC 5230: every requirement met conforms, and says it is a self-assessment", async () => {
  const { context, page, errors } = await open("conformance/5230/");
  const items = page.getByTestId("conformance-item");
  assert.equal(await items.count(), 34);
  assert.equal(await items.first().evaluate((el) => el.tagName), "FIELDSET");
  // Not applicable is offered only where the standard allows it.
  const withNa = await page.locator("[data-testid=conformance-item]:has(input[value=n-a])").count();
  assert.ok(withNa > 0 && withNa < 34, `${withNa} items allow N/A`);
  const ids = await answerAll(page, () => "yes");
  await page.waitForFunction((n) => document.querySelector("[data-testid=conformance-progress]")?.textContent.startsWith(`${n} answered`), ids.length);
  const result = page.getByTestId("conformance-result");
  await page.locator("[data-testid=conformance-result][data-conforms=true]").waitFor();
  assert.match(await result.textContent(), /self-assessment[\s\S]*not a certification/);
  assert.equal(await page.getByTestId("conformance-gap").count(), 0);
  assert.match(await result.textContent(), /How to declare conformance/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("ISO/IEC 18974: gaps resume after a reload, go to the plan, and the report and share link carry them", async () => {
  const { context, page, errors } = await open("conformance/18974/");
  assert.equal(await page.getByTestId("conformance-item").count(), 35);
  assert.equal(await page.locator("[data-testid=conformance-item] input[value=n-a]").count(), 0, "18974 allows no N/A");
  let n = 0;
  const gapsWanted = [];
  await answerAll(page, (id) => {
    n += 1;
    if (n === 2 || n === 7) { gapsWanted.push(id); return "no"; }
    if (n === 12) { gapsWanted.push(id); return "partly"; }
    return n > 30 ? undefined : "yes";
  });
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=conformance-gap]").length === 3);
  const gaps = await page.getByTestId("conformance-gap").evaluateAll((all) => all.map((g) => g.dataset.item));
  assert.deepEqual(gaps.sort(), [...gapsWanted].sort());
  assert.match(await page.getByTestId("conformance-gap").first().textContent(), /§4\.\d\.\d[\s\S]*Your answer: (No|Partly)[\s\S]*Next step/);
  assert.equal(await page.locator("[data-testid=conformance-result]").getAttribute("data-conforms"), "false");
  assert.match(await page.locator("tr[data-section]").first().textContent(), /not met|incomplete|met/);

  // A reload resumes with every answer given.
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=conformance-gap]").length === 3);
  assert.match(await page.getByTestId("conformance-progress").textContent(), /^30 answered of 35/);
  assert.equal(await page.locator(`[data-item="${gapsWanted[0]}"] input[value=no]`).isChecked(), true);

  // The report.
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  const report = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.equal(report.kind, "self-assessment");
  assert.equal(JSON.stringify(report).includes(gapsWanted[0]), true);

  // The gaps go to the plan, with their clause.
  await page.getByTestId("conformance-add-to-plan").click();
  await page.goto(url("plan/"));
  await waitForApp(page);
  for (const item of gapsWanted) await page.locator(`[data-testid=plan-step][data-step="iso-18974.${item}"]`).waitFor();
  assert.match(await page.locator(`[data-step="iso-18974.${gapsWanted[0]}"]`).textContent(), /ISO\/IEC 18974(:\d+)? §4\./);
  const gitlab = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-export-csv").click()]).then(([d]) => d.path()).then((p) => readFile(p, "utf8"));
  assert.match(gitlab, /self-check-gap/);

  // The share link opens the same answers, read-only, in a fresh browser.
  await page.goto(url("conformance/18974/"));
  await waitForApp(page);
  const link = await page.getByTestId("conformance-share").inputValue();
  assert.match(link, /\/conformance\/18974\/#c=c1\./);
  assert.deepEqual(errors, []);
  await context.close();

  const other = await env.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await waitForApp(fresh);
  await fresh.getByTestId("conformance-shared").waitFor();
  assert.equal(await fresh.locator("[data-testid=conformance-shared] [data-testid=conformance-gap]").count(), 3);
  assert.equal(await fresh.getByTestId("conformance-add-to-plan").count(), 0, "someone else's answers do not go to my plan");
  await fresh.getByRole("button", { name: "Use these answers as mine" }).click();
  await fresh.waitForFunction(() => document.querySelectorAll("[data-testid=conformance-gap]").length === 3 && !document.querySelector("[data-testid=conformance-shared]"));
  assert.match(await fresh.getByTestId("conformance-progress").textContent(), /^30 answered/);
  await other.close();
});

test("a tampered self-check link says so and leaves the reader's answers alone", async () => {
  const { context, page } = await open("conformance/5230/#c=c1.yyyy.00000");
  await page.getByTestId("conformance-share-error").waitFor();
  assert.match(await page.getByTestId("conformance-share-error").textContent(), /could not be opened/);
  assert.equal(await page.getByTestId("conformance-item").count(), 34);
  await context.close();
});

test("a readiness result for software shipped under the CRA links to both self-checks", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(url("readiness/"));
  await waitForApp(page);
  const { walkTree } = await import("./harness.mjs");
  await walkTree(page, { "org-size": "1000-to-9999", criticality: "nearly-everything", delivery: "devices-binaries", "regulatory-role": "cra-manufacturer", sponsor: "named", people: "full-time-lead" });
  await page.locator("[data-testid=tree-result] a[href$='/conformance/5230/']").first().waitFor();
  assert.ok(await page.locator("[data-testid=tree-result] a[href$='/conformance/18974/']").count() >= 1);
  assert.match(await page.locator("[data-testid=tree-result] a[href$='/conformance/5230/']").first().textContent(), /Open the ISO\/IEC 5230 check/);
  await context.close();
});
