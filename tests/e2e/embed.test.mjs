// The widget in a foreign page: a host on another origin with a strict Content Security Policy
// and hostile global CSS. The widget renders a tree, a reader answers, the host's styles, URL and
// history are unchanged, there is no CSP violation or console error, namespaces keep data apart,
// and removing a widget leaves no listener behind. Also the iframe alternative.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, startServer, watchErrors } from "./harness.mjs";

let browser;
let guide;
let host;
let guideOrigin;

const HOSTILE_CSS = `
* { margin: 0; padding: 0; font-family: serif !important; color: #c00 !important; box-sizing: content-box; }
html { font-size: 10px; }
body { background: rgb(255, 238, 221); }
button { all: unset; }
input[type=radio] { display: none; }
p { font-size: 30px; line-height: 1; }
`;

before(async () => {
  browser = await launchBrowser();
  guide = await startServer({ root: "dist", headers: { "access-control-allow-origin": "*" } });
  guideOrigin = new URL(guide.url).origin;
  const root = mkdtempSync(join(tmpdir(), "ospo-host-"));
  writeFileSync(join(root, "hostile.css"), HOSTILE_CSS);
  const page = (body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<link rel="stylesheet" href="/hostile.css">
<script type="module" src="${guide.url}embed.js"></script>
</head><body><h1>Intranet home</h1><p id="host-text">Host text</p>${body}</body></html>`;
  writeFileSync(join(root, "index.html"), page(`
<ospo-guide id="acme" view="readiness" namespace="acme"></ospo-guide>
<ospo-guide id="beta" view="readiness" namespace="beta" theme="dark"></ospo-guide>`));
  writeFileSync(join(root, "empty.html"), page(""));
  writeFileSync(join(root, "app.html"), page(`<div id="app"><p id="host-app">The host's own application</p></div>
<ospo-guide id="acme" view="readiness" namespace="acme"></ospo-guide>`));
  writeFileSync(join(root, "tools.html"), page(`
<ospo-guide id="check" view="conformance-5230" namespace="tools"></ospo-guide>
<ospo-guide id="plan" view="plan" namespace="tools"></ospo-guide>`));
  writeFileSync(join(root, "chapter.html"), page(`<ospo-guide id="chapter" view="chapter:why-an-ospo" namespace="acme"></ospo-guide>`));
  writeFileSync(join(root, "frame.html"), `<!DOCTYPE html><html><head><title>Frame host</title></head><body>
<iframe id="guide" title="OSPO Guide" src="${guide.url}embed/?view=structure" style="width:100%;border:0"></iframe></body></html>`);
  const csp = [
    "default-src 'none'",
    `script-src ${guideOrigin} 'wasm-unsafe-eval'`,
    `style-src 'self' ${guideOrigin}`,
    `connect-src ${guideOrigin}`,
    `img-src ${guideOrigin}`,
    `frame-src ${guideOrigin}`,
  ].join("; ");
  // Another origin: "localhost" instead of "127.0.0.1".
  const { serve } = await import("../../tools/serve.mjs");
  const served = await serve({ root, host: "127.0.0.1", headers: { "content-security-policy": csp } });
  host = {
    url: served.url.replace("127.0.0.1", "localhost"),
    close: () => new Promise((done) => served.server.close(done)),
  };
});

after(async () => {
  await browser?.close();
  await guide?.close();
  await host?.close();
});

async function openHost(path = "") {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(host.url + path);
  return { context, page, errors };
}

test("a host page's own #app is left alone by the widget's app", async () => {
  const { context, page, errors } = await openHost("app.html");
  const widget = page.locator("#acme");
  await widget.getByTestId("tree-question").waitFor();
  await widget.getByTestId("tree-question").locator("input[type=radio]").first().check();
  await widget.getByRole("button", { name: "Next" }).click();
  await widget.locator(".tree-count", { hasText: "Question 2 of" }).waitFor();
  assert.equal(await page.evaluate(() => document.getElementById("app").innerHTML), '<p id="host-app">The host\'s own application</p>');
  assert.equal(await page.locator("body > .shell, #app .shell").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

async function hostSnapshot(page) {
  return page.evaluate(() => ({
    url: location.href,
    history: history.length,
    title: document.title,
    htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    headChildren: document.head.children.length,
    bodyBackground: getComputedStyle(document.body).backgroundColor,
    textSize: getComputedStyle(document.getElementById("host-text")).fontSize,
    sheets: document.styleSheets.length,
  }));
}

test("a widget renders a tree in a strict-CSP host with hostile CSS, and changes nothing outside", async () => {
  const { context, page, errors } = await openHost();
  const before = await hostSnapshot(page);
  const widget = page.locator("#acme");
  const question = widget.getByTestId("tree-question");
  await question.waitFor();
  assert.equal(await widget.evaluate((el) => el.shadowRoot?.mode), "open");
  assert.equal(await widget.getByRole("region", { name: "OSPO Guide" }).count(), 1);
  const radio = question.locator("input[type=radio]").first();
  assert.equal(await radio.isVisible(), true, "the host's input[type=radio] rule reached the widget");
  const next = widget.getByRole("button", { name: "Next" });
  assert.notEqual(await next.evaluate((b) => getComputedStyle(b).paddingTop), "0px", "the host's button reset reached the widget");
  const legendSize = parseFloat(await question.locator("legend").evaluate((l) => getComputedStyle(l).fontSize));
  assert.ok(legendSize >= 18, `the host's 10px root font shrank the widget: ${legendSize}px`);
  await radio.check();
  await next.click();
  await widget.locator(".tree-count", { hasText: "Question 2 of" }).waitFor();
  // Navigate inside the widget: in memory only.
  await widget.getByRole("link", { name: "Book", exact: true }).click();
  await widget.getByRole("heading", { name: "Contents" }).waitFor();
  const afterwards = await hostSnapshot(page);
  assert.deepEqual(afterwards, before);
  assert.equal(await page.evaluate(() => document.querySelectorAll("link[rel=manifest]").length), 0);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a chapter widget fetches the chapter's text from the guide under the host's policy", async () => {
  const { context, page, errors } = await openHost("chapter.html");
  const widget = page.locator("#chapter");
  await widget.getByRole("heading", { level: 1, name: /Why an OSPO/ }).waitFor();
  await widget.locator("article.chapter h2").first().waitFor();
  assert.ok((await widget.locator("article.chapter p").count()) > 20, "the chapter's text is shown");
  // Its links show the full guide's address.
  const href = await widget.locator(".chapter-nav a.next").getAttribute("href");
  assert.ok(href.startsWith(guide.url), href);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two widgets with different namespaces keep separate data, and follow their theme", async () => {
  const { context, page } = await openHost();
  const acme = page.locator("#acme");
  const beta = page.locator("#beta");
  await acme.getByTestId("tree-question").waitFor();
  await beta.getByTestId("tree-question").waitFor();
  await acme.getByTestId("tree-question").locator("input").first().check();
  await acme.getByRole("button", { name: "Next" }).click();
  await acme.locator(".tree-count", { hasText: "Question 2 of" }).waitFor();
  await page.waitForFunction(() => (localStorage.getItem("ospo-guide:acme:v3") ?? "").includes("readiness"));
  assert.match(await beta.locator(".tree-count").textContent(), /Question 1 of/);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem("ospo-guide:beta:v3") ?? ""), /"readiness"/);
  const [light, dark] = await Promise.all(
    [acme, beta].map((w) => w.locator(".widget-root").evaluate((el) => getComputedStyle(el).backgroundColor)),
  );
  assert.notEqual(light, dark, "theme=dark had no effect");
  // Changing an attribute updates the widget.
  await page.evaluate(() => document.getElementById("beta").setAttribute("view", "chapter:why-an-ospo"));
  await beta.getByRole("heading", { level: 1 }).filter({ hasText: "Why an OSPO" }).waitFor();
  await context.close();
});

test("removing a widget unmounts it and leaves no listener behind", async () => {
  const { context, page } = await openHost("empty.html");
  const cdp = await context.newCDPSession(page);
  const listeners = async () => {
    let total = 0;
    for (const target of ["window", "document"]) {
      const { result } = await cdp.send("Runtime.evaluate", { expression: target });
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
      total += listeners.length;
    }
    return total;
  };
  await page.waitForFunction(() => customElements.get("ospo-guide"));
  const baseline = await listeners();
  await page.evaluate(() => {
    const el = document.createElement("ospo-guide");
    el.id = "added";
    el.setAttribute("view", "book");
    document.body.append(el);
  });
  await page.locator("#added").getByRole("heading", { name: "Contents" }).waitFor();
  assert.ok((await listeners()) > baseline, "the widget adds listeners while mounted");
  await page.evaluate(() => document.getElementById("added").remove());
  await page.waitForFunction(() => !document.getElementById("added"));
  // Unmounting finishes within a few frames: look again after each frame, up to a second's worth.
  let now = await listeners();
  for (let frame = 0; frame < 60 && now !== baseline; frame++) {
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => painted())));
    now = await listeners();
  }
  assert.equal(now, baseline);
  await context.close();
});

test("the iframe alternative shows a view without the site's chrome and reports its height", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__heights = [];
    window.addEventListener("message", (e) => {
      if (e.data?.type === "ospo-guide:height") window.__heights.push(e.data.height);
    });
  });
  await page.goto(host.url + "frame.html");
  const frame = page.frameLocator("#guide");
  await frame.getByTestId("tree-question").waitFor();
  assert.equal(await frame.locator(".site-header").count(), 0);
  await page.waitForFunction(() => window.__heights.some((h) => h > 200));
  await context.close();
});

test("the self-check and the plan work as widgets, and a gap added in one reaches the other", async () => {
  const { context, page, errors } = await openHost("tools.html");
  const check = page.locator("#check");
  const plan = page.locator("#plan");
  await check.getByTestId("conformance-item").first().waitFor();
  assert.equal(await check.getByTestId("conformance-item").count(), 34);
  await plan.getByTestId("plan-empty").waitFor();
  const first = check.getByTestId("conformance-item").first();
  const item = await first.getAttribute("data-item");
  await first.locator("input[value=no]").check();
  await check.getByTestId("conformance-gap").first().waitFor();
  await check.getByTestId("conformance-add-to-plan").click();
  await plan.locator(`[data-testid=plan-step][data-step="iso-5230.${item}"]`).waitFor();
  await page.waitForFunction(() => (localStorage.getItem("ospo-guide:tools:v3") ?? "").includes("iso-5230"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
