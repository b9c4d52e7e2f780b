// Why: turns the benchmark's measurements into the Markdown report (printed and kept in
// RESULTS.md): each figure beside its budget from issue 9 and beside mdBook's, as a ratio.

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => Math.max(...xs);
const KB = (bytes) => bytes == null ? "n/a" : `${(bytes / 1000).toFixed(1)} KB`;
const seconds = (ms) => ms == null ? "n/a" : `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const score = (s) => (s === null ? "n/a" : s.toFixed(2));
const millis0 = (v) => (v === null || v === undefined ? "n/a" : `${Math.round(v)} ms`);
const ratio = (a, b) => (a === null || b === null || !b ? "n/a" : `${(a / b).toFixed(2)}×`);
const spread = (xs, fmt) => {
  const s = xs.filter((x) => typeof x === "number");
  const [lo, hi] = [fmt(Math.min(...s)), fmt(Math.max(...s))];
  return lo !== hi ? ` (${lo}–${hi})` : "";
};

// name, field in a run, format, budget text, test on the guide's runs (and mdBook's median):
// the budgets of issue 17 (transfer at most mdBook's, LCP at most 0.4x mdBook's, every run's
// performance score at least 0.98 and total blocking time at most 100 ms).
const worst = (xs, pick) => xs.filter((x) => typeof x === "number").reduce((a, b) => pick(a, b));
const LOAD_FIGURES = [
  ["Largest Contentful Paint", "lcpMs", seconds, "≤ 0.4× mdBook", (g, m) => median(g) <= 0.4 * m],
  ["Total transfer", "transferBytes", KB, "≤ 1.0× mdBook", (g, m) => median(g) <= m],
  ["Performance score (worst run)", "performance", score, "≥ 0.98", (g) => worst(g, Math.min) >= 0.98],
  ["Total blocking time (worst run)", "tbtMs", millis0, "≤ 100 ms", (g) => worst(g, Math.max) <= 100],
  ["Accessibility score", "accessibility", score, "1.00", (g) => median(g) >= 1],
  ["Best-practices score", "bestPractices", score, "1.00", (g) => median(g) >= 1],
  ["SEO score", "seo", score, "1.00", (g) => median(g) >= 1],
];

export function report(r) {
  const checks = []; // [figure, ok]
  const verdict = (name, ok) => (checks.push([name, ok]), ok === null ? "n/a" : ok ? "yes" : "**NO**");
  const out = [];
  const line = (s = "") => out.push(s);

  line("# OSPO Guide performance benchmark");
  line();
  line(`Date: ${r.date.toISOString().replace("T", " ").slice(0, 16)} UTC  `);
  line(`Command: \`${r.command}\`  `);
  if (r.versions) line(`Tools: ${r.versions}  `);
  const settings = r.loads.get(r.pages[0].url)[0]?.settings;
  if (r.method === "lighthouse") {
    const t = settings.throttling;
    line(`Cold loads: Lighthouse ${r.loads.get(r.pages[0].url)[0].lighthouse}, default ${settings.formFactor} settings ` +
      `(${settings.throttlingMethod} throttling: ${t.rttMs} ms RTT, ${(t.throughputKbps / 1024).toFixed(1)} Mbps, ` +
      `${t.cpuSlowdownMultiplier}x CPU slowdown), a fresh browser per run, median of ${r.runs} runs (range in brackets).  `);
  } else {
    const why = r.lighthouseProblem.includes("BENCH_FALLBACK") ? "**Lighthouse was not used**" : "**Lighthouse could not run here**";
    line(`${why} (${r.lighthouseProblem.split("\n")[0]}). Cold loads were measured instead ` +
      `with playwright-core and CDP throttling (150 ms RTT, 1.6 Mbps down, 4x CPU slowdown): LCP from a ` +
      `PerformanceObserver, transfer from CDP Network events; no category scores. Median of ${r.runs} runs.  `);
  }
  line(`Machine: ${r.machine}.  `);
  line("Both sites are served gzip-compressed by tools/serve.mjs on 127.0.0.1; mdBook with its default theme and settings. " +
    "KB = 1000 bytes.");
  line();

  line("## Cold load of a chapter page");
  line();
  line("| Chapter | Figure | Budget | Guide | mdBook | Guide / mdBook | Guide within budget |");
  line("| --- | --- | --- | --- | --- | --- | --- |");
  const costs = new Map();
  const lcpRuns = [];
  for (const slug of [...new Set(r.pages.map((p) => p.slug))]) {
    const runsOf = (site) => r.loads.get(r.pages.find((p) => p.slug === slug && p.site === site).url);
    const [g, m] = [runsOf("guide"), runsOf("mdbook")];
    const appliedOf = (site) => r.applied.get(r.pages.find((p) => p.slug === slug && p.site === site).url) ?? [];
    for (const run of g) {
      for (const { audit, value } of run.costs ?? []) {
        const key = `${slug}: ${audit}`;
        costs.set(key, [...(costs.get(key) ?? []), value]);
      }
    }
    const [ga, ma] = [appliedOf("guide"), appliedOf("mdbook")];
    for (const [name, field, fmt, budget, test] of LOAD_FIGURES) {
      const [gv, mv] = [median(g.map((x) => x[field])), median(m.map((x) => x[field]))];
      if (gv === null && mv === null) continue;
      line(`| ${slug} | ${name} | ${budget} | ${gv === null ? "n/a" : fmt(gv) + spread(g.map((x) => x[field]), fmt)} | ` +
        `${mv === null ? "n/a" : fmt(mv) + spread(m.map((x) => x[field]), fmt)} | ${ratio(gv, mv)} | ` +
        `${verdict(`${slug} ${name}`, gv === null ? null : test(g.map((x) => x[field]), mv))} |`);
    }
    for (const [name, field, fmt] of [["LCP, throttling applied by CDP (reference)", "lcpMs", seconds], ["Transfer, CDP (reference)", "transferBytes", KB]]) {
      const [gv, mv] = [median(ga.map((x) => x[field])), median(ma.map((x) => x[field]))];
      if (gv === null) continue;
      line(`| ${slug} | ${name} | | ${fmt(gv) + spread(ga.map((x) => x[field]), fmt)} | ${fmt(mv) + spread(ma.map((x) => x[field]), fmt)} | ${ratio(gv, mv)} | |`);
    }
    const elements = [...new Set(g.map((x) => x.lcpElement).filter(Boolean))];
    const observed = (x) => (x.observedLcpMs == null ? "" : ` [${seconds(x.observedLcpMs)}]`);
    lcpRuns.push(`${slug}: guide ${g.map((x) => seconds(x.lcpMs) + observed(x)).join(", ")}` +
      (elements.length ? ` (LCP element: \`${elements.join("`, `")}\`)` : "") +
      `; mdBook ${m.map((x) => seconds(x.lcpMs)).join(", ")}`);
  }
  line();
  line(`LCP of each run${r.method === "lighthouse" ? " [LCP in Lighthouse's unthrottled trace]" : ""}: ${lcpRuns.join(". ")}.`);
  line();
  if (costs.size) {
    line("Weighted Lighthouse audits that cost the guide points (runs out of " + r.runs + "):");
    line();
    for (const [c, values] of costs) line(`- ${c} in ${values.length}/${r.runs} runs: ${values.join(", ")}`);
    line();
  }

  line("## Whole-guide precache (guide: what its service worker downloads at install, enough for every page offline; mdBook: every file of its build)");
  line();
  line("| Site | Files | Raw | Served (gzip where the server compresses) | Budget | Within budget |");
  line("| --- | --- | --- | --- | --- | --- |");
  const { guide: gs, mdbook: ms } = r.sizes;
  line(`| Guide | ${gs.files} | ${KB(gs.rawBytes)} | ${KB(gs.servedBytes)} | ≤ 450 KB | ${verdict("precache", gs.servedBytes <= 450_000)} |`);
  line(`| mdBook | ${ms.files} | ${KB(ms.rawBytes)} | ${KB(ms.servedBytes)} | | |`);
  line(`| Guide / mdBook | ${ratio(gs.files, ms.files)} | ${ratio(gs.rawBytes, ms.rawBytes)} | ${ratio(gs.servedBytes, ms.servedBytes)} | | |`);
  line();
  line(`Largest guide files as served: ${gs.largest.map((f) => `${f.path} ${KB(f.served)}`).join(", ")}.`);
  line();
  const w = r.sizes.widget;
  line("## A host page embedding the readiness widget (what it downloads from the guide, gzip)");
  line();
  line("| Files | Served | Budget | Within budget |");
  line("| --- | --- | --- | --- |");
  line(`| ${w.files.map((f) => `${f.path} ${KB(f.served)}`).join(", ")} | ${KB(w.servedBytes)} | ≤ 250 KB | ${verdict("widget", w.servedBytes <= 250_000)} |`);
  line();

  line("## In the running app (guide only; headless Chromium on this machine)");
  line();
  line("| Figure | Budget | Median | Worst | Within budget |");
  line("| --- | --- | --- | --- | --- |");
  const { switches, switchesSlow, search, searchSlow } = r.interactions;
  line(`| Chapter switch, click "Next" to the new chapter's heading and text painted, text fetched during the switch (${r.switches} switches) | ≤ 50 ms | ${millis(median(switches))} | ` +
    `${millis(max(switches))} | ${verdict("chapter switch", max(switches) <= 50)} |`);
  line(`| Same, 4x CPU slowdown (for reference) | | ${millis(median(switchesSlow))} | ${millis(max(switchesSlow))} | |`);
  line(`| Search, one query in the app (User Timing "ospo-guide:search"; per query the median of ${search.repeat} runs, ${r.queries.length} queries) | ≤ 5 ms | ${millis(median(search.query))} | ` +
    `${millis(max(search.query))} | ${verdict("search", max(search.query) <= 5)} |`);
  line(`| Same, 4x CPU slowdown (for reference) | | ${millis(median(searchSlow.query))} | ${millis(max(searchSlow.query))} | |`);
  line(`| Search, input event to results changed in the page (reference: includes rendering up to 20 results) | | ${millis(median(search.paint))} | ${millis(max(search.paint))} | |`);
  line(`| Same, 4x CPU slowdown (for reference) | | ${millis(median(searchSlow.paint))} | ${millis(max(searchSlow.paint))} | |`);
  line();
  line(`Budgets are judged on the worst case without slowdown. The search index is built when the search page opens ` +
    `(fetching every chapter's text): ready ${millis(search.ready)} after navigation start (${millis(searchSlow.ready)} with 4x slowdown). ` +
    `Per-query medians: ${search.query.map((t) => t.toFixed(2)).join(", ")} ms; the slowest single run of all ${search.queryRuns.length}: ` +
    `${millis(max(search.queryRuns))}. Input to results (medians): ${search.paint.map((t) => t.toFixed(1)).join(", ")} ms. ` +
    `Switch times: ${switches.map((t) => t.toFixed(1)).join(", ")} ms.`);
  line();

  const judged = checks.filter(([, ok]) => ok !== null);
  const missed = judged.filter(([, ok]) => !ok).map(([name]) => name);
  line("## Summary");
  line();
  line(`${judged.length - missed.length} of ${judged.length} budgeted figures within budget.` +
    (missed.length ? ` Over budget: ${missed.join("; ")}.` : ""));
  line();
  return out.join("\n") + "\n";
}
