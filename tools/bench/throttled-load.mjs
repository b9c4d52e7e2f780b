// Why: a fallback for when Lighthouse cannot run. It measures a cold load the way Lighthouse's mobile
// preset would see it, with playwright-core and CDP throttling (150 ms RTT, 1.6 Mbps down, 750 kbps
// up, 4x CPU slowdown, a Moto G Power sized screen): Largest Contentful Paint from a
// PerformanceObserver, transfer as the sum of encoded bytes over CDP Network events. No scores.
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

/** One cold load of `url` in a fresh browser; resolves to { lcpMs, transferBytes }. */
export async function throttledLoad(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    let transferBytes = 0;
    cdp.on("Network.loadingFinished", (event) => (transferBytes += event.encodedDataLength));
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.waitForTimeout(3000); // let late requests (wasm) and the last LCP candidate land
    const lcpMs = await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null))
        .observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => done(null), 2000);
    }));
    return { lcpMs, transferBytes };
  } finally {
    await browser.close();
  }
}
