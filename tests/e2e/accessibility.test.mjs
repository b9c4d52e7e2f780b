// axe-core finds no WCAG 2.2 A or AA violation on any route, in the light and the dark theme,
// nor on a tree's result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations as violations, builtRoutes, waitForApp, walkTree, useSite } from "./harness.mjs";

const env = useSite();

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
