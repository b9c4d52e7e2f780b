// Starts the guide, after the page has been painted: the text a reader came for is on screen
// before the app is fetched. Pages with nothing prerendered to paint (the offline shell, the
// iframe page) and hidden pages (a tab opened in the background) start at once; a browser that
// reports no paint starts after two seconds at the latest. Trunk writes the script tag that loads
// this file, with the app's hashed file names in its data attributes (Trunk.toml, pattern_script).
const tag = document.querySelector("script[data-ospo-guide-js]");
const prerendered = document.getElementById("app")?.childElementCount > 0;
if (prerendered && document.visibilityState === "visible" && typeof PerformanceObserver === "function") {
  await new Promise((painted) => {
    setTimeout(painted, 2000);
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        painted();
      }
    }).observe({ type: "paint", buffered: true });
  });
}
const bindings = await import(tag.dataset.ospoGuideJs);
await bindings.default({ module_or_path: tag.dataset.ospoGuideWasm });
