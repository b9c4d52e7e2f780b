// The widget as people see it inside a host page, at container widths from a 340 px sidebar to a
// wide column: the first question is in the first screen, no text touches the widget's edge, the
// header's links keep apart, a host's accent colours the primary button (and an unreadable one is
// refused), frame="none" drops the frame, and axe finds nothing inside the widget in either theme.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeViolations, launchBrowser, startServer, watchErrors } from "./harness.mjs";
import { serve } from "../../tools/serve.mjs";

let browser;
let guide;
let host;

before(async () => {
  browser = await launchBrowser();
  guide = await startServer({ root: "dist", headers: { "access-control-allow-origin": "*" } });
  const root = mkdtempSync(join(tmpdir(), "ospo-look-"));
  const page = (width, extra = "", attrs = "") => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title><link rel="icon" href="data:,">
<style>body { margin: 16px; font-family: serif; } aside { width: ${width}px; } ${extra}</style>
<script type="module" src="${guide.url}embed.js"></script></head>
<body><main><h1>Intranet</h1><aside><ospo-guide view="readiness" namespace="look" ${attrs}></ospo-guide></aside></main></body></html>`;
  for (const width of [340, 480, 960]) writeFileSync(join(root, `w${width}.html`), page(width));
  writeFileSync(join(root, "accent.html"), page(340, "ospo-guide { --ospo-accent: #8a1c7c; --ospo-font: Georgia, serif; --ospo-radius: 2px; }"));
  writeFileSync(join(root, "pale.html"), page(340, "ospo-guide { --ospo-accent: #f2f2f2; }"));
  writeFileSync(join(root, "dark.html"), page(480, "", 'theme="dark"'));
  writeFileSync(join(root, "frameless.html"), page(340, "", 'frame="none"'));
  const served = await serve({ root, host: "127.0.0.1" });
  host = { url: served.url, close: () => new Promise((done) => served.server.close(done)) };
});

after(async () => {
  await browser?.close();
  await guide?.close();
  await host?.close();
});

async function open(file, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(host.url + file);
  const widget = page.locator("ospo-guide");
  await widget.getByTestId("tree-question").waitFor();
  return { context, page, widget, errors };
}

for (const width of [340, 480, 960]) {
  test(`at ${width} px the first question is in the first screen and no text touches the edge`, async () => {
    const { context, page, widget, errors } = await open(`w${width}.html`);
    const frame = await widget.locator(".widget-root").boundingBox();
    assert.ok(Math.abs(frame.width - width) <= 1, `the widget is as wide as its container: ${frame.width}`);
    const legend = await widget.getByTestId("tree-question").locator("legend").boundingBox();
    assert.ok(legend.y + legend.height <= 800, `the first question's legend ends at ${legend.y + legend.height}px`);
    const boxes = await widget.locator(".widget-root :is(p, legend, label, h1, h2, a, summary, button)").evaluateAll((all) =>
      all.filter((el) => el.getClientRects().length > 0).map((el) => {
        const r = el.getBoundingClientRect();
        return { tag: el.tagName, text: el.textContent.trim().slice(0, 30), left: r.left, right: r.right };
      }),
    );
    for (const box of boxes) {
      assert.ok(box.left >= frame.x + 8 && box.right <= frame.x + frame.width - 8, `${box.tag} "${box.text}" touches the edge (${box.left}–${box.right} in ${frame.x}–${frame.x + frame.width})`);
    }
    // The header's items keep apart: on one line, at least 6 px between them.
    const items = await widget.locator(".widget-bar > *:not(.visually-hidden)").evaluateAll((all) => all.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })));
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1], items[i]];
      const sameLine = a.top < b.bottom && b.top < a.bottom;
      if (sameLine) assert.ok(b.left - a.right >= 6, `header items ${i - 1} and ${i} are ${b.left - a.right}px apart`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a host's accent, font and radius brand the widget; an unreadable accent is refused", async () => {
  const { context, widget } = await open("accent.html");
  await widget.getByTestId("tree-question").locator("input[type=radio]").first().check();
  const next = widget.locator("form.tree-form button[type=submit]");
  await widget.page().waitForFunction(() => {
    const button = document.querySelector("ospo-guide").shadowRoot.querySelector("form.tree-form button[type=submit]");
    return getComputedStyle(button).backgroundColor === "rgb(138, 28, 124)";
  });
  assert.equal(await next.evaluate((b) => getComputedStyle(b).color), "rgb(255, 255, 255)", "white text on the dark accent");
  assert.match(await widget.locator(".widget-root").evaluate((r) => getComputedStyle(r).fontFamily), /Georgia/);
  assert.equal(await widget.locator(".widget-root").evaluate((r) => getComputedStyle(r).borderTopLeftRadius), "2px");
  await context.close();

  const pale = await open("pale.html");
  await pale.widget.getByTestId("tree-question").locator("input[type=radio]").first().check();
  const background = await pale.widget.locator("form.tree-form button[type=submit]").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(background, "rgb(242, 242, 242)", "a pale accent on a white widget would be unreadable");
  await pale.context.close();
});

test("frame=none drops the frame and the padding", async () => {
  const { context, widget } = await open("frameless.html");
  const style = await widget.locator(".widget-root").evaluate((r) => [getComputedStyle(r).borderTopWidth, getComputedStyle(r).paddingLeft]);
  assert.deepEqual(style, ["0px", "0px"]);
  await context.close();
});

for (const file of ["w340.html", "dark.html"]) {
  test(`axe finds nothing inside the widget (${file})`, async () => {
    const { context, page, widget } = await open(file);
    await widget.getByTestId("intro-fold").locator("summary").click();
    assert.deepEqual(await axeViolations(page, "ospo-guide"), []);
    await context.close();
  });
}
