// veille's analyst page: filters → events table, map, timeline, network; article reader;
// stories; exports. Everything comes from the JSON API on the same server.
import { get, url, FILTERS } from "./api.js";
import { el, replace, PLOVER_TYPES } from "./dom.js";
import { renderEvents, pageLabel } from "./table.js";
import { renderMap, bbox } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { renderNetwork } from "./network.js";
import { renderArticle } from "./reader.js";
import { renderStories } from "./stories.js";

const PAGE = 50;
const $ = (id) => document.getElementById(id);
const state = { filters: {}, offset: 0, storiesLoaded: false };

function status(message, error = false) {
  $("status").textContent = message;
  $("status").className = error ? "error" : "";
}

function readForm() {
  const form = $("filters");
  const filters = {};
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input && input.value.trim()) filters[name] = input.value.trim();
  }
  return filters;
}

function writeForm(filters) {
  const form = $("filters");
  for (const name of FILTERS) {
    if (form.elements[name]) form.elements[name].value = filters[name] || "";
  }
}

function chips() {
  const { bbox: box } = state.filters;
  replace($("chips"), box
    ? el("span", { class: "chip" }, `Map area ${box} `,
        el("button", { type: "button", id: "clear-bbox", title: "Clear the map filter",
          onclick: () => apply({ ...state.filters, bbox: "" }) }, "×"))
    : null);
}

function exports() {
  for (const format of ["acled", "plover", "geojson"]) {
    $(`export-${format}`).href = url("/api/export", state.filters, { format });
  }
}

async function loadEvents() {
  const page = await get("/api/events", state.filters, { limit: PAGE, offset: state.offset });
  renderEvents(document.querySelector("#events tbody"), page, openEvent);
  $("page").textContent = pageLabel(page);
  $("prev").disabled = state.offset === 0;
  $("next").disabled = page.next_offset === null;
}

async function loadViews() {
  const [stats, places, network] = await Promise.all([
    get("/api/stats", state.filters, { top: 20 }),
    get("/api/places", state.filters, { limit: 500 }),
    get("/api/network", state.filters, { limit: 200 }),
  ]);
  $("total").textContent = `(${stats.total.toLocaleString("en")} in all)`;
  renderTimeline($("timeline"), stats.by_day, (from, to) => apply({ ...state.filters, from, to }));
  renderMap($("map"), places.places, (picked) => apply({ ...state.filters, bbox: bbox(picked) }));
  renderNetwork($("network"), network.edges, (edge) =>
    apply(edge.actor ? { ...state.filters, actor: edge.actor } : { ...state.filters, actor: edge.source, type: edge.type }));
}

/** Applies filters everywhere: the address, the form, the table, the views and the exports. */
async function apply(filters, { offset = 0, push = true } = {}) {
  state.filters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  state.offset = offset;
  writeForm(state.filters);
  chips();
  exports();
  if (push) history.replaceState(null, "", url(location.pathname, state.filters));
  status("Loading…");
  document.body.classList.add("loading");
  try {
    await Promise.all([loadEvents(), loadViews()]);
    status("");
  } catch (error) {
    status(error.message, true);
  } finally {
    document.body.classList.remove("loading");
    document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
  }
}

async function openArticle(articleId, eventId) {
  const reader = $("reader");
  reader.hidden = false;
  replace($("reader-body"), el("p", {}, "Loading the article…"));
  try {
    const article = await get(`/api/articles/${encodeURIComponent(articleId)}`);
    renderArticle($("reader-body"), article, eventId, (other) => openArticle(articleId, other));
    reader.dataset.article = articleId;
    reader.dataset.event = eventId || "";
  } catch (error) {
    replace($("reader-body"), el("p", { class: "error" }, error.message));
  }
}

function openEvent(event) {
  return openArticle(event.article_id, event.id);
}

async function showView(name) {
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === name);
  $("view-events").hidden = name !== "events";
  $("view-stories").hidden = name !== "stories";
  $("filters").hidden = name !== "events"; // stories are listed whole, unfiltered
  $("chips").hidden = name !== "events";
  if (name === "stories" && !state.storiesLoaded) {
    try {
      renderStories($("stories"), await get("/api/stories", {}, { limit: 50 }), openArticle);
      state.storiesLoaded = true;
    } catch (error) {
      replace($("stories"), el("p", { class: "error" }, error.message));
    }
  }
}

function start() {
  replace($("plover-types"), PLOVER_TYPES.map((t) => el("option", { value: t })));
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); apply(readForm()); });
  $("reset").addEventListener("click", () => apply({}));
  $("prev").addEventListener("click", () => apply(state.filters, { offset: Math.max(0, state.offset - PAGE) }));
  $("next").addEventListener("click", () => apply(state.filters, { offset: state.offset + PAGE }));
  $("reader-close").addEventListener("click", () => { $("reader").hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") $("reader").hidden = true; });
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
  const initial = Object.fromEntries(new URLSearchParams(location.search));
  apply(Object.fromEntries(FILTERS.filter((n) => initial[n]).map((n) => [n, initial[n]])), { push: false });
}

start();
