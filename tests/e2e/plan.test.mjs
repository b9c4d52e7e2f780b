// The plan page: a result's 90 days become steps to tick, own and date; the work survives a
// reload and reaches another tab; the plan leaves as Markdown, as CSV for GitLab and Jira, and as
// new-issue links for a project the reader names (a bad address is refused with a reason).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { waitForApp, walkTree, watchErrors, useSite } from "./harness.mjs";

const env = useSite();
const url = (path) => new URL(path, env.site.url).href;

const BANK = { "org-size": "1000-to-9999", criticality: "nearly-everything", "regulatory-role": "sector-rules", sponsor: "named", people: "full-time-lead", budget: "own-line", goals: "agreed" };

/** Reads CSV as RFC 4180 describes it (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  return rows;
}

async function planAfterReadiness() {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url("readiness/"));
  await waitForApp(page);
  await walkTree(page, BANK);
  await page.goto(url("plan/"));
  await waitForApp(page);
  await page.getByTestId("plan-step").first().waitFor();
  return { context, page, errors };
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFile(await file.path(), "utf8");
}

test("with no result yet, the plan says where it comes from", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(url("plan/"));
  await waitForApp(page);
  await page.getByTestId("plan-empty").waitFor();
  assert.equal(await page.getByTestId("plan-step").count(), 0);
  await context.close();
});

test("a ticked step with its owner and due date survives a reload and reaches another tab", async () => {
  const { context, page, errors } = await planAfterReadiness();
  const steps = page.getByTestId("plan-step");
  const total = await steps.count();
  assert.ok(total >= 5, `${total} steps`);
  const first = steps.first();
  const key = await first.getAttribute("data-step");
  assert.equal(await first.getAttribute("data-done"), "false");
  await first.locator("input[type=checkbox]").first().check();
  await page.locator(`[data-step="${key}"][data-done=true]`).waitFor();
  await first.locator("input[type=text]").fill("Dana (CTO office)");
  await first.locator("input[type=text]").press("Tab");
  await first.locator("input[type=date]").fill("2026-12-15");
  await first.locator("input[type=date]").press("Tab");
  await page.waitForFunction(() => /"due":"2026-12-15"/.test(localStorage.getItem("ospo-guide:default:v3") ?? ""));

  const other = await context.newPage();
  await other.goto(url("plan/"));
  await waitForApp(other);
  await other.locator(`[data-step="${key}"][data-done=true]`).waitFor();
  assert.equal(await other.locator(`[data-step="${key}"] input[type=text]`).inputValue(), "Dana (CTO office)");

  // A change in this tab reaches the other one without a reload.
  const second = steps.nth(1);
  const secondKey = await second.getAttribute("data-step");
  await second.locator("input[type=checkbox]").first().check();
  await other.locator(`[data-step="${secondKey}"][data-done=true]`).waitFor();

  await page.reload();
  await waitForApp(page);
  await page.locator(`[data-step="${key}"][data-done=true]`).waitFor();
  assert.equal(await page.locator(`[data-step="${key}"] input[type=date]`).inputValue(), "2026-12-15");
  assert.match(await page.getByTestId("plan-summary").textContent(), /^2 steps done of \d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the plan leaves as Markdown, GitLab and Jira CSV, and new-issue links", async () => {
  const { context, page } = await planAfterReadiness();
  const steps = await page.getByTestId("plan-step").count();
  const first = page.getByTestId("plan-step").first();
  await first.locator("input[type=checkbox]").first().check();
  await page.locator("[data-testid=plan-step][data-done=true]").first().waitFor();
  const open = await page.locator("[data-testid=plan-step][data-done=false]").count();

  const md = await download(page, () => page.getByTestId("plan-export-md").click());
  assert.equal(md.match(/^### /gm).length, steps, "one section per step");
  assert.match(md, /\(done\)/);

  const gitlab = parseCsv(await download(page, () => page.getByTestId("plan-export-csv").click()));
  assert.deepEqual(gitlab[0], ["title", "description", "due_date"]);
  assert.equal(gitlab.length - 1, open, "one row per step not done");
  assert.ok(gitlab.slice(1).every((row) => row.length === 3 && /\/label ~"ospo-plan"/.test(row[1])));

  await page.getByTestId("plan-csv-tracker").selectOption("jira");
  const jira = parseCsv(await download(page, () => page.getByTestId("plan-export-csv").click()));
  assert.deepEqual(jira[0].slice(0, 3), ["Summary", "Description", "Due Date"]);
  assert.ok(jira[0].slice(3).every((h) => h === "Labels"));
  assert.ok(jira.slice(1).every((row) => row.length === jira[0].length && row[3] === "ospo-plan"));

  const address = page.getByTestId("plan-forge-address");
  await address.fill("http://github.com/acme/ospo");
  await address.press("Enter");
  await page.getByTestId("plan-forge-problem").waitFor();
  assert.match(await page.getByTestId("plan-forge-problem").textContent(), /https/);
  assert.equal(await page.locator("a[href*='/issues/new']").count(), 0);
  await address.fill("https://github.com/acme/ospo");
  await address.press("Enter");
  await page.locator("a[href^='https://github.com/acme/ospo/issues/new?title=']").first().waitFor();
  assert.equal(await page.locator("a[href^='https://github.com/acme/ospo/issues/new?title=']").count(), steps);
  assert.equal(await page.getByTestId("plan-forge-problem").count(), 0);
  const href = await page.locator("a[href*='/issues/new']").first().getAttribute("href");
  const params = new URL(href).searchParams;
  assert.ok(params.get("title").length > 10);
  assert.match(params.get("labels"), /^ospo-plan,days-0-30/);
  await context.close();
});
