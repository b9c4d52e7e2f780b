// Why: the budgets for a cold load (LCP, transfer, the four category scores) are stated under
// Lighthouse's default mobile settings, so they are measured with the Lighthouse CLI itself, run
// against Debian's Chromium (never a downloaded browser), one fresh browser per run.
import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, "node_modules", "lighthouse", "cli", "index.js");
export const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const RUN_TIMEOUT_MS = 240_000;
let runCount = 0;

/** One Lighthouse run of `url` with the default (mobile) config; resolves to the figures. */
export async function lighthouseOnce(url) {
  const out = join(tmpdir(), `bench-lh-${process.pid}-${runCount++}.json`);
  const args = [
    CLI, url, "--output=json", `--output-path=${out}`, "--quiet", `--chrome-flags=${CHROME_FLAGS}`,
    "--only-categories=performance,accessibility,best-practices,seo", "--max-wait-for-load=60000",
  ];
  await new Promise((done, fail) =>
    execFile(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      timeout: RUN_TIMEOUT_MS, killSignal: "SIGINT", maxBuffer: 16 << 20,
    }, (error, _stdout, stderr) => (error ? fail(new Error(`lighthouse ${url}: ${error.message}\n${stderr.slice(-2000)}`)) : done())),
  );
  const report = JSON.parse(await readFile(out, "utf8"));
  await rm(out, { force: true });
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const score = (id) => report.categories[id]?.score ?? null;
  return {
    lighthouse: report.lighthouseVersion,
    settings: report.configSettings,
    lcpMs: report.audits["largest-contentful-paint"].numericValue,
    observedLcpMs: report.audits.metrics.details?.items?.[0]?.observedLargestContentfulPaint ?? null,
    lcpElement: report.audits["largest-contentful-paint-element"].details?.items?.[0]?.items?.[0]?.node?.selector ?? null,
    transferBytes: report.audits["total-byte-weight"].numericValue,
    tbtMs: report.audits["total-blocking-time"].numericValue,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    // The weighted audits that cost points, so a report can say why a score is below 1.
    costs: Object.values(report.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && typeof report.audits[ref.id].score === "number" && report.audits[ref.id].score < 1)
        .map((ref) => {
          const audit = report.audits[ref.id];
          return { audit: `${category.id}: ${ref.id}`, value: `${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ""}` };
        }),
    ),
    warnings: report.runWarnings ?? [],
  };
}
