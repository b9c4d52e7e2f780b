// The OSPO Guide as a widget: <script type="module" src="…/embed.js"></script> and
// <ospo-guide view="readiness" namespace="acme" theme="auto"></ospo-guide>.
//
// Everything loads from the folder this file was served from (also from another origin), into an
// open shadow root with the widget's own stylesheet. Navigation stays inside the widget, data is
// kept under its namespace, and no service worker is registered. Asset names are written in at
// build time by tools/widget.mjs.
const ASSETS = self.__OSPO_ASSETS__;
const base = new URL(".", import.meta.url).href;
let loading;

function loadGuide() {
  loading ??= import(base + ASSETS.js).then(async (guide) => {
    await guide.default({ module_or_path: base + ASSETS.wasm });
    return guide;
  });
  return loading;
}

class OspoGuideElement extends HTMLElement {
  static observedAttributes = ["view", "namespace", "theme", "frame"];
  #container = null;
  #widget = null;
  #generation = 0;

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = base + ASSETS.css;
      this.#container = document.createElement("div");
      this.#container.className = "ospo-loading";
      root.append(style, this.#container);
    }
    this.#mount();
  }

  attributeChangedCallback() {
    if (this.isConnected && this.#container) this.#mount();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#widget?.destroy();
    this.#widget = null;
  }

  async #mount() {
    const generation = ++this.#generation;
    const guide = await loadGuide();
    // Attributes may have changed, or the element may be gone, while the guide was loading.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#widget?.destroy();
    this.#widget = guide.mount_widget(
      this.#container,
      this,
      this.getAttribute("view") ?? "home",
      this.getAttribute("namespace") ?? "widget",
      this.getAttribute("theme") ?? "auto",
      base,
    );
    this.#container.classList.remove("ospo-loading");
    // The widget renders on the next frame; its background decides whether the accent is kept.
    requestAnimationFrame(() => {
      if (generation === this.#generation) this.#brand();
    });
  }

  // The host's accent (--ospo-accent on this element), kept only where it stays readable: at
  // least 3:1 against the widget's background (WCAG 1.4.11), with black or white text on it,
  // whichever contrasts more (always at least 4.5:1). Otherwise the guide keeps its own accent.
  #brand() {
    const root = this.#container;
    root.style.removeProperty("--ospo-accent-checked");
    root.style.removeProperty("--ospo-accent-fg");
    const wanted = getComputedStyle(this).getPropertyValue("--ospo-accent").trim();
    const surface = root.querySelector(".widget-root");
    if (!wanted || !surface) return;
    const probe = document.createElement("span");
    probe.style.color = wanted;
    root.append(probe);
    const accent = rgb(getComputedStyle(probe).color);
    probe.remove();
    const background = rgb(getComputedStyle(surface).backgroundColor);
    if (!accent || !background || contrast(accent, background) < 3) return;
    const fg = contrast(accent, [255, 255, 255]) >= contrast(accent, [0, 0, 0]) ? "#ffffff" : "#000000";
    root.style.setProperty("--ospo-accent-checked", wanted);
    root.style.setProperty("--ospo-accent-fg", fg);
  }
}

/** [r, g, b] of a computed colour ("rgb(…)" or "rgba(…)"), or null. */
function rgb(text) {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(text ?? "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The WCAG contrast ratio of two colours. */
function contrast(a, b) {
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

if (!customElements.get("ospo-guide")) customElements.define("ospo-guide", OspoGuideElement);
