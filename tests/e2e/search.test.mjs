// Search: results while typing, deep links, result links to sections, no-result suggestions,
// hostile queries, and Escape to leave.
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitForApp, watchErrors, useSite } from "./harness.mjs";

const env = useSite();

test("typing shows ranked results that link to chapter sections", async () => {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("search/", env.site.url).href);
  await waitForApp(page);
  await page.getByTestId("search-input").pressSequentially("software bill of materials");
  await page.waitForSelector("[data-testid=search-result]");
  const first = page.getByTestId("search-result").first();
  const href = await first.locator("a").getAttribute("href");
  assert.match(href, /^\/book\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
  assert.ok((await first.locator("mark").count()) > 0, "the match is highlighted");
  assert.match(page.url(), /[?&]q=software(\+|%20)bill/);
  await first.locator("a").click();
  await page.waitForURL(/\/book\/[a-z0-9-]+\//);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a deep link /search/?q= shows the results on load", async () => {
  const page = await env.browser.newPage();
  await page.goto(new URL("search/?q=sponsorhip", env.site.url).href);
  await waitForApp(page);
  await page.waitForSelector("[data-testid=search-result]");
  assert.equal(await page.getByTestId("search-input").inputValue(), "sponsorhip");
  assert.ok((await page.getByTestId("search-result").count()) > 0, "a misspelling still finds results");
  await page.close();
});

test("no results says so and suggests chapters; hostile queries are inert", async () => {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL("search/", env.site.url).href);
  await waitForApp(page);
  await page.getByTestId("search-input").fill("zzzqqqxxx");
  await page.waitForSelector(".no-results");
  assert.match(await page.locator(".no-results").textContent(), /No section .* “zzzqqqxxx”/);
  assert.ok((await page.locator(".search-results li a").count()) > 0, "suggested chapters");
  await page.getByTestId("search-input").fill("<img src=x onerror=alert(1)><script>alert(2)</script>");
  await page.waitForFunction(() => !document.querySelector(".no-results")?.textContent.includes("zzzqqqxxx"));
  assert.equal(await page.locator(".search-results img, .search-results script").count(), 0);
  await page.getByTestId("search-input").fill("x".repeat(5000));
  await page.waitForFunction(() => document.querySelector("[data-testid=search-input]").value.length <= 200);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Escape leaves search", async () => {
  const page = await env.browser.newPage();
  await page.goto(new URL("search/", env.site.url).href);
  await waitForApp(page);
  await page.getByTestId("search-input").focus();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "OSPO Guide");
  await page.close();
});
