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
  static observedAttributes = ["view", "namespace", "theme"];
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
  }
}

if (!customElements.get("ospo-guide")) customElements.define("ospo-guide", OspoGuideElement);
