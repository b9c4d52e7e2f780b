// Why: two budgets are about the running app, not the load: a client-side chapter switch (click
// "Next" to the new h1 painted) and a search query (input event to the results changed). Both are
// timed inside the page with performance.now, in Debian's Chromium driven by playwright-core.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./throttled-load.mjs";

const READY = "html[data-ready='true']";

/** Opens a page at `url`, optionally with CPU slowdown `cpu`, and waits for hydration. */
async function openApp(browser, url, cpu) {
  const page = await browser.newPage();
  if (cpu > 1) await (await page.context().newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  await page.waitForSelector(READY, { timeout: 30_000 });
  return page;
}

/** `count` clicks on the chapter's "Next" link from `url`; the time of each, in ms. */
export async function chapterSwitches(browser, url, count, cpu = 1) {
  const page = await openApp(browser, url, cpu);
  const times = [];
  for (let i = 0; i < count; i++) {
    await page.waitForTimeout(300); // let the previous switch settle (scroll, reading tracker)
    times.push(await page.evaluate(() => new Promise((done, fail) => {
      const before = document.querySelector("h1")?.textContent;
      const link = document.querySelector(".chapter-nav a.next");
      if (!link) return fail(new Error(`no .chapter-nav a.next on ${location.pathname}`));
      const changed = () => { const h1 = document.querySelector("h1"); return h1 && h1.textContent !== before; };
      let t0;
      // The frame after the h1 text changes is the one that paints it.
      const finish = () => { observer.disconnect(); clearTimeout(timer); requestAnimationFrame(() => done(performance.now() - t0)); };
      const observer = new MutationObserver(() => changed() && finish());
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => { observer.disconnect(); fail(new Error("h1 did not change within 10 s")); }, 10_000);
      t0 = performance.now();
      link.click();
      if (changed()) finish();
    })));
  }
  await page.close();
  return times;
}

/** Types each query into the search field (value + 'input' event); ms until the results change. */
export async function searchQueries(browser, url, queries, cpu = 1) {
  const page = await openApp(browser, url, cpu);
  const times = [];
  for (const query of queries) {
    times.push(await page.evaluate((query) => {
      const input = document.querySelector("[data-testid=search-input]");
      const results = document.querySelector(".search-results");
      const type = (value) => new Promise((done, fail) => {
        if (input.value === value) return done(0);
        const observer = new MutationObserver(() => {
          const t1 = performance.now();
          observer.disconnect(); clearTimeout(timer); done(t1 - t0);
        });
        observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`results did not change for "${value}"`)); }, 10_000);
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      // Clear first (untimed) so every timed query starts from an empty result list.
      return type("").then(() => new Promise((r) => setTimeout(r, 50))).then(() => type(query));
    }, query));
  }
  await page.close();
  return times;
}

export async function withBrowser(run) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}
