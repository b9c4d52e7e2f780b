// Both decision trees end to end, as a reader meets them: a walk answered from a persona's
// profile reaches the advice a practitioner would give, with how firm it is, what applies, a
// 90-day plan and the frameworks it touches; back, the breadcrumb and a reload keep the walk; the
// structure tree offers the answers the readiness check already holds; reports and share links
// carry the same result; old results still read; share links opened in a fresh browser (valid
// and tampered).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { answerQuestion, questionId, seedStorageOnce, waitForApp, walkTree, watchErrors, useSite } from "./harness.mjs";

const env = useSite();

/** A 5,000-person retail bank with a named sponsor, a full-time lead and its own budget (the
 * practitioner audit's P3; crates/guide-core/tests/fixtures/personas.toml holds it with the
 * advice expected and why). */
const BANK = {
  "org-type": "company-other", "org-size": "1000-to-9999", units: "few-units", "previous-ospo": "never",
  pushing: "customers-regulators", criticality: "nearly-everything", delivery: "apps-libraries",
  "regulatory-role": "sector-rules", triggers: "questions", "maintained-projects": "1-to-5",
  usage: "inventory", policies: "usage-policy", knowledge: "within-a-week", "tools-processes": "automated-with-board",
  suppliers: "partly", "upstream-stance": "case-by-case", contributors: "few", culture: "pockets", ai: "uses",
  sponsor: "named", people: "full-time-lead", budget: "own-line", goals: "agreed",
  driver: "security", "legal-team": "in-house", "security-team": "yes", "standards-owner": "cto-office",
  "devrel-team": "no", "digital-agency": "no", "research-home": "nowhere", "mission-home": "it", "asset-owner": "it",
};

async function freshPage(path) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, env.site.url).href);
  await waitForApp(page);
  return { context, page, errors };
}

const legend = (page) => page.getByTestId("tree-question").locator("legend").textContent();

test("readiness: the bank's walk ends in a formal office with its plan, firmness, duties and frameworks", async () => {
  const { context, page, errors } = await freshPage("readiness/");
  const question = page.getByTestId("tree-question");
  assert.equal(await question.evaluate((el) => el.tagName), "FIELDSET");
  assert.equal(await page.getByTestId("tree-back").isDisabled(), true);
  await answerQuestion(page, BANK);
  await answerQuestion(page, BANK);
  const third = await legend(page);
  await page.getByTestId("tree-back").click();
  await page.waitForFunction((t) => document.querySelector("[data-testid=tree-question] legend")?.textContent !== t, third);
  assert.equal(await question.locator(`input[value="${BANK["org-size"]}"]`).isChecked(), true, "back keeps the answer");
  await walkTree(page, BANK);

  const result = page.getByTestId("tree-result");
  assert.equal(await result.getAttribute("data-result"), "formal-core");
  assert.match(await result.locator("h2").first().textContent(), /formal/i);
  // The plan: steps in windows, each with an owner and a sign that it is done; the bank's
  // inventory is already in place, so its step is ticked, not dropped.
  const steps = page.getByTestId("plan-step");
  assert.ok((await steps.count()) >= 6, "a plan of several steps");
  assert.match(await page.getByTestId("result-plan").textContent(), /Days 1–30[\s\S]*Days 31–60/);
  for (const text of await steps.allTextContents()) assert.match(text, /Owner: .+Done when: .+/);
  assert.ok((await page.locator("[data-testid=plan-step][data-done=true]").count()) >= 1, "a step already done is ticked");
  // What applies to this organization: sector rules, for a regulated bank.
  assert.equal(await page.locator("[data-testid=result-note][data-note=sector-rules]").count(), 1);
  // How firm it is: either the answers one step away, or a plain statement that none would do.
  const firmness = page.getByTestId("result-firmness");
  const changes = await page.getByTestId("result-change").count();
  assert.equal(await firmness.getAttribute("data-borderline"), String(changes > 0));
  if (changes === 0) assert.match(await firmness.textContent(), /No single answer/);
  // Where it sits in the standards: ISO/IEC 5230 clauses, by their reference.
  assert.match(await page.getByTestId("result-frameworks").textContent(), /ISO\/IEC 5230[\s\S]*§3\.\d/);
  // Hidden dimensions are not charted, and this tree shows no total.
  assert.equal(await result.locator("table.score-table tr.total").count(), 0);
  assert.match(await page.getByTestId("tree-share").inputValue(), /^http:\/\/127\.0\.0\.1:\d+\/readiness\/#a=r1\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test("readiness: answers survive a reload and resume at the same question", async () => {
  const { context, page } = await freshPage("readiness/");
  for (let i = 0; i < 3; i += 1) await answerQuestion(page, BANK);
  const fourth = await legend(page);
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

test("readiness: not knowing how much depends on open source means discover first, and says what it hides", async () => {
  const { context, page } = await freshPage("readiness/");
  await walkTree(page, { ...BANK, criticality: "dont-know" });
  assert.equal(await page.getByTestId("tree-result").getAttribute("data-result"), "discover-first");
  const unknown = page.getByTestId("result-unknown");
  assert.ok((await unknown.count()) >= 1, "the don't-know answer is listed");
  assert.match(await unknown.first().textContent(), /runs on open source[\s\S]*other answers give/i);
  await context.close();
});

test("structure: carries over the readiness answers, agrees with them, and its report and share link match", async () => {
  const { context, page, errors } = await freshPage("readiness/");
  await walkTree(page, BANK);
  const readiness = await page.getByTestId("tree-result").getAttribute("data-result");
  await page.goto(new URL("structure/", env.site.url).href);
  await waitForApp(page);
  const carry = page.getByTestId("carry-over");
  await carry.waitFor();
  assert.match(await carry.textContent(), /^[\s\S]*\d+ of the next questions[\s\S]*readiness/i);
  await page.getByTestId("carry-over-use").click();
  await page.waitForFunction(() => !document.querySelector("[data-testid=carry-over]"));
  assert.equal(await questionId(page), "driver", "only the structure's own questions are left");
  await walkTree(page, BANK);
  const result = await page.getByTestId("tree-result").getAttribute("data-result");
  assert.ok(["report-security", "report-cto"].includes(result), result);
  const start = { "formal-core": "start-core", "lean-core": "start-lean" }[readiness];
  assert.equal(await page.locator(`[data-testid=result-note][data-note=${start}]`).count(), 1, "the start form matches readiness");
  assert.equal(await page.locator("[data-testid=result-note][data-note^=shape-]").count(), 1, "one target shape");
  // A bank of 1,000 to 9,999 people is one step from the size where the book gives a federated office.
  const alternatives = await page.getByTestId("result-alternative").allTextContents();
  assert.ok(alternatives.some((t) => /“10,000 or more”[\s\S]*Target: a federated office/.test(t)), alternatives.join("\n"));

  const link = await page.getByTestId("tree-share").inputValue();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  const report = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(report.advice.result, result);
  assert.equal(report.link, link);
  assert.ok(report.advice.plan.flatMap(([, items]) => items).length >= 3, "the plan is in the report");
  assert.ok(report.advice.applies.some((note) => note.id === start));
  assert.ok(report.advice.alternatives.some((a) => a.title.startsWith("Target: a federated office")), "the firmness is in the report");
  assert.deepEqual(errors, []);
  await context.close();

  const other = await env.browser.newContext();
  const fresh = await other.newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(link);
  await waitForApp(fresh);
  await fresh.waitForSelector("[data-testid=tree-result]");
  assert.equal(await fresh.getByTestId("tree-result").getAttribute("data-result"), result);
  assert.deepEqual(freshErrors, []);
  await other.close();
});

test("results and answers kept by an earlier version of the trees still read", async () => {
  // The stored form of the previous release (the core's frozen v2 fixture), holding results and
  // answers of the trees as they were before this version.
  const stored = JSON.parse(await readFile(new URL("../../crates/guide-core/tests/fixtures/progress/v2.json", import.meta.url), "utf8"));
  const at = Date.UTC(2026, 10, 20);
  const answer = (question, option) => ({ question, option, question_hash: 1, at });
  stored.payload.trees.structure = { answers: [answer("org-type", "public"), answer("public-scope", "whole-government")], at };
  stored.payload.results = [
    { tree: "structure", result: "digital-ministry-central-office", answers: [], scores: {}, total: 0, at },
    { tree: "readiness", result: "relaunch", answers: [], scores: {}, total: 0, at: at + 1 },
  ];
  const context = await env.browser.newContext();
  await seedStorageOnce(context, "ospo-guide:default:v2", JSON.stringify(stored));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("structure/", env.site.url).href);
  await waitForApp(page);
  const history = page.getByTestId("result-history");
  await history.waitFor();
  assert.match(await history.textContent(), /central office in a digital ministry[\s\S]*earlier version/);
  assert.match(await page.locator(".tree-count").textContent(), /Question 1 of/, "answers to questions that changed are asked again");
  await page.goto(new URL("readiness/", env.site.url).href);
  await waitForApp(page);
  await page.getByTestId("result-history").waitFor();
  assert.match(await page.getByTestId("result-history").textContent(), /Re-launch \(an earlier version/);
  assert.deepEqual(errors, []);
  await context.close();
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

test("a chapter embeds its tree inline, and it answers on the prerendered page", async () => {
  const context = await env.browser.newContext();
  // Marks the prerendered text's nodes before the app starts: adopted, they are the same nodes after.
  await context.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      for (const p of document.querySelectorAll("article.chapter > p")) p.__prerendered = true;
    });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requested = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(new URL("book/assessing-readiness/", env.site.url).href);
  await waitForApp(page);
  const embed = page.locator(".tree-embed");
  const embedded = embed.getByTestId("tree-question");
  await embedded.waitFor();
  assert.ok((await embedded.locator("input[type=radio]").count()) >= 2);
  // The tree between the text's stretches is hydrated: answering moves it on.
  assert.match(await embed.locator(".tree-count").textContent(), /Question 1 of/);
  await answerQuestion(embed);
  assert.match(await embed.locator(".tree-count").textContent(), /Question 2 of/);
  // The text around it is the page's own, not rendered again, and was not fetched.
  const kept = await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll("article.chapter > p")];
    return { all: paragraphs.length, kept: paragraphs.filter((p) => p.__prerendered).length };
  });
  assert.ok(kept.all > 5, `only ${kept.all} paragraphs`);
  assert.equal(kept.kept, kept.all, "the text was rendered again");
  assert.deepEqual(requested.filter((path) => path.includes("/data/")), []);
  assert.deepEqual(errors, []);
  await context.close();
});
