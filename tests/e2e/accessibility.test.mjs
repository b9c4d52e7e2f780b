// axe-core finds no WCAG 2.2 A or AA violation on any route, in the light and the dark theme,
// nor on a tree's result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { builtRoutes, waitForApp, walkTree, useSite } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const env = useSite();

async function violations(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const scheme of ["light", "dark"]) {
  test(`every route is free of WCAG A/AA violations (${scheme})`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const found = [];
    for (const route of builtRoutes("dist")) {
      await page.goto(new URL(route.slice(1), env.site.url).href);
      await waitForApp(page);
      for (const v of await violations(page)) found.push(`${route} ${v}`);
    }
    assert.deepEqual(found, []);
    await context.close();
  });
}

test("a tree's result and the reader's data page with content are accessible", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL("structure/#a=", env.site.url).href);
  await waitForApp(page);
  await walkTree(page);
  await page.locator(".tree-breadcrumb summary").click();
  assert.deepEqual(await violations(page), []);
  await page.goto(new URL("progress/", env.site.url).href);
  await waitForApp(page);
  await page.waitForFunction(() => /1 results kept/.test(document.querySelector("[data-testid=progress-summary]")?.textContent ?? ""));
  assert.deepEqual(await violations(page), []);
  await context.close();
});
