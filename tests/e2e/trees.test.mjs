// Both decision trees end to end: answering, back, the breadcrumb, resuming after a reload, the
// result region, and share links opened in a fresh browser (valid and tampered).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { waitForApp, watchErrors, useSite } from "./harness.mjs";

const env = useSite();

const READINESS_FORMAL_CORE = [
  "1000-to-9999", "never", "inventory", "several-products", "some", "usage-policy", "case-by-case",
  "6-to-100", "1-to-5", "most-engineers", "common", "some-scanning", "named", "full-time-lead",
  "sector-rules", "agreed-by-few",
];

/** Answers the current question with the option whose id is `option`, then moves on. */
async function answer(page, option) {
  const question = page.getByTestId("tree-question");
  const before = await question.locator("legend").textContent();
  await question.locator(`input[value="${option}"]`).check();
  await page.getByRole("button", { name: /^(Next|See result)$/ }).click();
  await page.waitForFunction(
    (text) =>
      document.querySelector("[data-testid=tree-result]") ||
      document.querySelector("[data-testid=tree-question] legend")?.textContent !== text,
    before,
  );
}

async function freshPage(path) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, env.site.url).href);
  await waitForApp(page);
  return { context, page, errors };
}

test("readiness: a full walk reaches its result, with back and a breadcrumb", async () => {
  const { context, page, errors } = await freshPage("readiness/");
  const question = page.getByTestId("tree-question");
  assert.equal(await question.evaluate((el) => el.tagName), "FIELDSET");
  assert.ok((await question.locator("input[type=radio]").count()) >= 2);
  assert.equal(await page.getByTestId("tree-back").isDisabled(), true);
  await answer(page, READINESS_FORMAL_CORE[0]);
  await answer(page, READINESS_FORMAL_CORE[1]);
  const third = await question.locator("legend").textContent();
  await page.getByTestId("tree-back").click();
  await page.waitForFunction((t) => document.querySelector("[data-testid=tree-question] legend")?.textContent !== t, third);
  assert.equal(await question.locator(`input[value="${READINESS_FORMAL_CORE[1]}"]`).isChecked(), true, "back keeps the answer");
  for (const option of READINESS_FORMAL_CORE.slice(1)) await answer(page, option);
  const result = page.getByTestId("tree-result");
  assert.equal(await result.getAttribute("data-result"), "formal-core");
  assert.ok((await result.locator("svg rect").count()) > 0, "a dimension chart");
  assert.ok((await result.locator("table.score-table tbody tr").count()) >= 6, "the chart as a table");
  const share = await page.getByTestId("tree-share").inputValue();
  assert.match(share, /^http:\/\/127\.0\.0\.1:\d+\/readiness\/#a=r1\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test("readiness: answers survive a reload and resume at the same question", async () => {
  const { context, page } = await freshPage("readiness/");
  for (const option of READINESS_FORMAL_CORE.slice(0, 3)) await answer(page, option);
  const fourth = await page.getByTestId("tree-question").locator("legend").textContent();
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction((t) => document.querySelector("[data-testid=tree-question] legend")?.textContent === t, fourth);
  assert.match(await page.locator(".tree-count").textContent(), /Question 4 of about/);
  await page.locator(".tree-breadcrumb summary").click();
  assert.equal(await page.locator(".tree-breadcrumb li").count(), 3);
  await page.locator(".tree-breadcrumb li button").first().click();
  await page.waitForFunction(() => /Question 1 of/.test(document.querySelector(".tree-count")?.textContent ?? ""));
  await context.close();
});

test("readiness: 'don't know' on usage means discover first", async () => {
  const { context, page } = await freshPage("readiness/");
  await answer(page, "1000-to-9999");
  await answer(page, "never");
  await answer(page, "dont-know");
  while (!(await page.getByTestId("tree-result").count())) {
    await answer(page, await page.getByTestId("tree-question").locator("input").first().getAttribute("value"));
  }
  assert.equal(await page.getByTestId("tree-result").getAttribute("data-result"), "discover-first");
  await context.close();
});

test("structure: a share link reproduces the result in a fresh browser", async () => {
  const { context, page } = await freshPage("structure/");
  await answer(page, "public");
  await answer(page, "whole-government");
  const result = await page.getByTestId("tree-result").getAttribute("data-result");
  assert.equal(result, "digital-ministry-central-office");
  const link = await page.getByTestId("tree-share").inputValue();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  const report = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(report.result, result);
  assert.equal(report.link, link);
  await context.close();

  const other = await env.browser.newContext();
  const fresh = await other.newPage();
  const errors = watchErrors(fresh);
  await fresh.goto(link);
  await waitForApp(fresh);
  await fresh.waitForSelector("[data-testid=tree-result]");
  assert.equal(await fresh.getByTestId("tree-result").getAttribute("data-result"), result);
  assert.deepEqual(errors, []);
  await other.close();
});

test("a tampered share link says so and shows the start of the tree", async () => {
  for (const code of ["r1.0.0.zzzz", "garbage%%", "r9.1.2.3", "r1." + "9.".repeat(400)]) {
    const { context, page, errors } = await freshPage(`structure/#a=${code}`);
    await page.waitForSelector("[data-testid=share-error]");
    assert.match(await page.getByTestId("share-error").textContent(), /could not be opened/);
    assert.match(await page.locator(".tree-count").textContent(), /Question 1 of/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a chapter embeds its tree inline", async () => {
  const { context, page } = await freshPage("book/assessing-readiness/");
  const embedded = page.locator(".tree-embed [data-testid=tree-question]");
  await embedded.waitFor();
  assert.ok((await embedded.locator("input[type=radio]").count()) >= 2);
  await context.close();
});
