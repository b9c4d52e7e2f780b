// The workshop: three colleagues answer in their own browsers and export; the lead brings the
// files together, sees who agrees and where the group splits, agrees the group's answers and gets
// a group result with its plan. A garbage file changes nothing; the workshop survives a reload and
// reopens from its saved file; a stored workshop that cannot be read is never saved over until the
// lead starts a new one; twenty files import in one go (the time is printed for the record).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations, seedStorageOnce, waitForApp, walkTree, watchErrors, useSite } from "./harness.mjs";

const env = useSite();
const url = (path) => new URL(path, env.site.url).href;

const BASE = { "org-size": "1000-to-9999", criticality: "nearly-everything", "regulatory-role": "sector-rules", people: "full-time-lead", budget: "own-line", goals: "agreed" };
const PEOPLE = {
  ana: { ...BASE, sponsor: "named" },
  ben: { ...BASE, sponsor: "named", culture: "common" },
  cy: { ...BASE, sponsor: "none", culture: "norm" },
};

/** One colleague: takes the readiness check in a browser of their own and exports their data. */
async function exportOf(name, profile, folder) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url("readiness/"));
  await waitForApp(page);
  await walkTree(page, profile);
  await page.goto(url("progress/"));
  await waitForApp(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("progress-export").click()]);
  const file = join(folder, `${name}.json`);
  await download.saveAs(file);
  await context.close();
  return file;
}

let files;
async function colleagues() {
  if (!files) {
    const folder = await mkdtemp(join(tmpdir(), "ospo-workshop-"));
    files = { folder, list: [] };
    for (const [name, profile] of Object.entries(PEOPLE)) files.list.push(await exportOf(name, profile, folder));
  }
  return files;
}

test("three colleagues' exports give a workshop with the split questions first and a group result", async () => {
  const { folder, list } = await colleagues();
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("workshop/"));
  await waitForApp(page);
  await page.getByTestId("workshop-import").setInputFiles(list);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=workshop-person]").length === 3);
  const names = await page.getByTestId("workshop-person").locator("input[type=text]").evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.deepEqual(names.sort(), ["ana", "ben", "cy"]);

  // The questions that split the group come first; the sponsor question is one of them.
  const rows = page.getByTestId("workshop-question");
  assert.equal(await rows.first().getAttribute("data-agreement"), "split");
  const split = await page.locator("[data-testid=workshop-question][data-agreement=split]").evaluateAll((r) => r.map((x) => x.dataset.question));
  assert.ok(split.includes("sponsor") && split.includes("culture"), split.join());
  const agreements = await rows.evaluateAll((r) => r.map((x) => x.dataset.agreement));
  assert.deepEqual(agreements, [...agreements].sort((a, b) => ["split", "all", "unanswered"].indexOf(a) - ["split", "all", "unanswered"].indexOf(b)), "split, then agreed, then unanswered");
  const sponsor = await page.locator("[data-question=sponsor] .spread").textContent();
  assert.match(sponsor, /1 No one — cy/);
  assert.match(sponsor, /2 A named executive has taken it on — ana, ben/);
  await page.getByTestId("workshop-scores").waitFor();
  assert.match(await page.getByTestId("workshop-scores").textContent(), /Median/);

  // Renaming a person changes the name shown beside their answers.
  const ana = page.getByTestId("workshop-person").locator("input[type=text]").first();
  await ana.fill("Ana (legal)");
  await ana.press("Enter");
  await page.waitForFunction(() => /Ana \(legal\)/.test(document.querySelector("[data-question=sponsor]")?.textContent ?? ""));

  // The group decides: the majority where there is one; culture, where all three differ, by hand.
  await page.getByTestId("workshop-pending").waitFor();
  await page.getByRole("button", { name: /majority/ }).click();
  await page.waitForFunction(() => /Can a team reuse/.test(document.querySelector("[data-testid=workshop-pending]")?.textContent ?? ""));
  await page.locator("[data-question=culture] select").selectOption("common");
  await page.getByTestId("workshop-result").waitFor();
  const result = page.getByTestId("workshop-result").getByTestId("tree-result");
  assert.equal(await result.getAttribute("data-result"), "formal-core");
  const steps = await page.getByTestId("workshop-result").getByTestId("plan-step").count();
  console.log(`# workshop: 3 people; ${await page.getByTestId("workshop-split-count").textContent()} group result ${await result.locator("h2").first().textContent()} with ${steps} plan steps`);
  assert.ok((await page.getByTestId("workshop-result").getByTestId("plan-step").count()) >= 5, "the group result has its plan");
  await page.locator("[data-question=sponsor] select").selectOption("none");
  await page.waitForFunction(() => document.querySelector("[data-testid=workshop-result] [data-testid=tree-result]")?.dataset.result !== "formal-core");

  // Survives a reload, and reopens from its saved file in another browser.
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=workshop-person]").length === 3);
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByTestId("workshop-save").click()]);
  const file = join(folder, "saved-workshop.json");
  await saved.saveAs(file);

  // The plan can follow the group's result instead of the lead's own.
  await page.goto(url("plan/"));
  await waitForApp(page);
  await page.getByTestId("plan-source").waitFor();
  await page.getByTestId("plan-source-group").check();
  await page.getByTestId("plan-step").first().waitFor();
  assert.match(await page.getByTestId("plan-summary").textContent(), /workshop group/);
  assert.deepEqual(errors, []);
  await context.close();

  const fresh = await env.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url("workshop/"));
  await waitForApp(other);
  await other.getByTestId("workshop-import").setInputFiles(file);
  await other.waitForFunction(() => document.querySelectorAll("[data-testid=workshop-person]").length === 3);
  assert.equal(await other.locator("[data-question=sponsor] select").inputValue(), "none", "the group's choices came back");
  await fresh.close();
});

test("a garbage, foreign or oversized file is refused by name and changes nothing", async () => {
  const { folder, list } = await colleagues();
  const garbage = join(folder, "holiday-photo.json");
  await writeFile(garbage, "\u0000\u0001 not json at all");
  const foreign = join(folder, "package.json");
  await writeFile(foreign, JSON.stringify({ name: "left-pad", version: "1.0.0" }));
  const big = join(folder, "huge.json");
  await writeFile(big, "{" + " ".repeat(1024 * 1024 + 10) + "}");
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("workshop/"));
  await waitForApp(page);
  await page.getByTestId("workshop-import").setInputFiles(list[0]);
  await page.getByTestId("workshop-person").first().waitFor();
  const before = await page.locator("article").innerText();
  await page.getByTestId("workshop-import").setInputFiles([garbage, foreign, big]);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=workshop-refused]").length === 3);
  const refused = await page.getByTestId("workshop-refused").allTextContents();
  assert.ok(refused.some((t) => /^holiday-photo\.json: .*not a file the guide wrote/.test(t)), refused.join("\n"));
  assert.ok(refused.some((t) => /^package\.json: /.test(t)));
  assert.ok(refused.some((t) => /^huge\.json: .*larger than 1 MB/.test(t)));
  assert.equal(await page.getByTestId("workshop-person").count(), 1);
  const after = await page.locator("article").innerText();
  assert.equal(after.replace(/Bring in answers[\s\S]*?People/, ""), before.replace(/Bring in answers[\s\S]*?People/, ""), "nothing else changed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a stored workshop that cannot be read is kept, offered for download, and written over only by a new workshop", async () => {
  const { list } = await colleagues();
  const KEY = "ospo-guide:default:workshop";
  const damaged = '{"kind":"ospo-guide-workshop","version":1,"people":[{"name":"Ana"'; // cut short
  const context = await env.browser.newContext({ acceptDownloads: true });
  await seedStorageOnce(context, KEY, damaged);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("workshop/"));
  await waitForApp(page);
  const notice = page.getByTestId("workshop-unreadable");
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read/);
  // Work goes on in memory; nothing is saved over the kept value, also across a reload.
  await page.getByTestId("workshop-import").setInputFiles(list[0]);
  await page.getByTestId("workshop-person").first().waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), damaged);
  await page.reload();
  await waitForApp(page);
  await notice.waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), damaged);
  // The download is the kept value, byte for byte.
  const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Download it" }).click()]);
  assert.equal(await readFile(await download.path(), "utf8"), damaged);
  // Only the lead's explicit choice writes over it.
  await notice.getByRole("button", { name: "Start a new workshop over it" }).click();
  await notice.waitFor({ state: "detached" });
  await page.getByTestId("workshop-import").setInputFiles(list[1]);
  await page.getByTestId("workshop-person").first().waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"people"') && JSON.parse(localStorage.getItem(key)).people.length === 1, KEY);
  assert.deepEqual(errors, []);
  await context.close();
});

test("colleagues' self-check answers are compared item by item, the items that split them first", async () => {
  const folder = await mkdtemp(join(tmpdir(), "ospo-workshop-checks-"));
  /** A colleague answers two items of the ISO/IEC 5230 check in their own browser and exports. */
  async function checkExport(name, verdicts) {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url("conformance/5230/"));
    await waitForApp(page);
    const ids = await page.getByTestId("conformance-item").evaluateAll((all) => all.map((f) => f.dataset.item));
    for (const [n, value] of verdicts.entries()) {
      await page.locator(`[data-testid=conformance-item][data-item="${ids[n]}"] input[value="${value}"]`).check();
    }
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes("iso-5230")));
    await page.goto(url("progress/"));
    await waitForApp(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("progress-export").click()]);
    const file = join(folder, `${name}.json`);
    await download.saveAs(file);
    await context.close();
    return { file, ids };
  }
  const ana = await checkExport("ana", ["yes", "yes"]);
  const ben = await checkExport("ben", ["yes", "no"]);
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("workshop/"));
  await waitForApp(page);
  await page.getByTestId("workshop-import").setInputFiles([ana.file, ben.file]);
  const check = page.locator("[data-testid=workshop-check][data-check=iso-5230]");
  await check.waitFor();
  const rows = check.getByTestId("workshop-item");
  assert.equal(await rows.count(), 2, "only the items someone answered");
  assert.equal(await rows.first().getAttribute("data-item"), ana.ids[1], "the split item first");
  assert.equal(await rows.first().getAttribute("data-agreement"), "split");
  assert.match(await rows.first().innerText(), /Yes — ana[\s\S]*No — ben/);
  assert.equal(await rows.nth(1).getAttribute("data-agreement"), "all");
  assert.equal(await check.getByTestId("workshop-item-split-count").innerText(), "Items that split the group: 1 of 34.");
  assert.deepEqual(await axeViolations(page, "[data-testid=workshop-check]"), []);
  // Kept with the workshop: a reload shows them again.
  await page.reload();
  await waitForApp(page);
  await check.waitFor();
  assert.equal(await check.getByTestId("workshop-item").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("twenty files import in one go", async () => {
  const { folder, list } = await colleagues();
  const twenty = [];
  for (let i = 0; i < 20; i += 1) {
    const copy = join(folder, `colleague-${String(i + 1).padStart(2, "0")}.json`);
    await writeFile(copy, await readFile(list[i % list.length]));
    twenty.push(copy);
  }
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(url("workshop/"));
  await waitForApp(page);
  const started = Date.now();
  await page.getByTestId("workshop-import").setInputFiles(twenty);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=workshop-person]").length === 20);
  console.log(`# workshop: 20 files imported and shown in ${Date.now() - started} ms`);
  assert.ok((await page.locator("[data-testid=workshop-question][data-agreement=split]").count()) >= 2);
  await context.close();
});
