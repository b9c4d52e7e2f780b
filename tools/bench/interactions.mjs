// Why: two budgets are about the running app, not the load: a client-side chapter switch (click
// "Next" to the new chapter's heading and text painted; the text is fetched during the switch, as
// nothing hovered the link first) and a search query (the query itself, recorded by the app as the
// User Timing measure "ospo-guide:search", and the input event to the results changed). All are
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
      // The new heading, and the new chapter's text in place of the loading note.
      const changed = () => {
        const h1 = document.querySelector("h1");
        return h1 && h1.textContent !== before && !document.querySelector("article.chapter .loading") &&
          document.querySelector("article.chapter h2");
      };
      let t0;
      // The frame after the h1 text changes is the one that paints it.
      const finish = () => { observer.disconnect(); clearTimeout(timer); requestAnimationFrame(() => done(performance.now() - t0)); };
      const observer = new MutationObserver(() => changed() && finish());
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => { observer.disconnect(); fail(new Error("the chapter did not change within 10 s")); }, 10_000);
      t0 = performance.now();
      link.click();
      if (changed()) finish();
    })));
  }
  await page.close();
  return times;
}

/**
 * Opens search, waits until the index is ready (the ms from navigation start are returned as
 * `ready`), then types each query into the search field (value + 'input' event) `repeat` times.
 * For each query: `query`, the app's own measure of the search call, and `paint`, ms until the
 * results changed, each as the median of its repeats (`queryRuns`, `paintRuns`: every run), so
 * that one preempted run on a busy machine does not stand for the query.
 */
export async function searchQueries(browser, url, queries, cpu = 1, repeat = 5) {
  const page = await openApp(browser, url, cpu);
  const type = (value) => page.evaluate((value) => {
    const input = document.querySelector("[data-testid=search-input]");
    const results = document.querySelector(".search-results");
    return new Promise((done, fail) => {
      if (input.value === value) return done({ paint: 0, query: 0 });
      const observer = new MutationObserver(() => {
        const t1 = performance.now();
        observer.disconnect(); clearTimeout(timer);
        const measures = performance.getEntriesByName("ospo-guide:search");
        const last = measures[measures.length - 1];
        done({ paint: t1 - t0, query: last && last.startTime >= t0 ? last.duration : 0 });
      });
      observer.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`results did not change for "${value}"`)); }, 10_000);
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }, value);
  // Ready: a query shows results rather than "Preparing the search…".
  await type("ospo");
  await page.waitForSelector("[data-testid=search-result]", { timeout: 30_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName("ospo-guide:search")[0]?.startTime ?? NaN);
  const runs = queries.map(() => []);
  for (let round = 0; round < repeat; round++) {
    for (const [i, query] of queries.entries()) {
      // Clear first (untimed) so every timed query starts from an empty result list.
      await type("");
      runs[i].push(await type(query));
    }
  }
  await page.close();
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    ready,
    query: runs.map((r) => middle(r.map((t) => t.query))),
    paint: runs.map((r) => middle(r.map((t) => t.paint))),
    queryRuns: runs.flat().map((t) => t.query),
    paintRuns: runs.flat().map((t) => t.paint),
    repeat,
  };
}

export async function withBrowser(run) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}
