// veille's analyst page: filters → events table, map, timeline, network; article reader;
// stories; exports. Everything comes from the JSON API on the same server. Selecting an
// event in the table opens its article and marks its place on the map.
import { get, url, FILTERS } from "./api.js";
import { el, replace, PLOVER_TYPES } from "./dom.js";
import { renderEvents, pageLabel, selectRow } from "./table.js";
import { renderMap, bbox, highlightMarker } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { renderNetwork } from "./network.js";
import { renderArticle } from "./reader.js";
import { renderStories } from "./stories.js";

const PAGE = 50;
const EXPORTS = ["acled", "plover", "geojson", "parquet"];
const $ = (id) => document.getElementById(id);
// events: the table's page; selected: the id of the event selected in it, or null;
// reading: how many articles the reader was asked for (a slower, earlier answer is dropped)
const state = { filters: {}, offset: 0, storiesLoaded: false, events: [], selected: null, reading: 0 };

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
  for (const format of EXPORTS) {
    $(`export-${format}`).href = url("/api/export", state.filters, { format });
  }
}

async function loadEvents() {
  const page = await get("/api/events", state.filters, { limit: PAGE, offset: state.offset });
  state.events = page.events;
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
    showSelection();
    document.body.classList.remove("loading");
    document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
  }
}

async function openArticle(articleId, eventId) {
  const reader = $("reader");
  const asked = ++state.reading;
  reader.hidden = false;
  reader.dataset.article = reader.dataset.event = ""; // set again once the article shows
  replace($("reader-body"), el("p", {}, "Loading the article…"));
  try {
    const article = await get(`/api/articles/${encodeURIComponent(articleId)}`);
    if (asked !== state.reading) return;
    renderArticle($("reader-body"), article, eventId, (other) => {
      select(other);
      openArticle(articleId, other);
    });
    reader.dataset.article = articleId;
    reader.dataset.event = eventId || "";
  } catch (error) {
    if (asked === state.reading) replace($("reader-body"), el("p", { class: "error" }, error.message));
  }
}

/**
 * Shows the selected event in the table and on the map: its row and its place's marker stand
 * out (the previous ones no longer), and a line under the map says where it is. An event
 * not on the table's page (after new filters, or another event of the article) selects none.
 */
function showSelection() {
  const event = state.events.find((e) => e.id === state.selected) || null;
  if (!event) state.selected = null;
  selectRow(document.querySelector("#events tbody"), state.selected);
  const marker = highlightMarker($("map"), event && event.place);
  let note = "";
  if (event && marker) note = `Selected event's place: ${event.place.name} (the highlighted marker).`;
  else if (event && event.place && event.place.name) note = `The selected event's place, ${event.place.name}, has no marker on this map.`;
  else if (event) note = "The selected event names no place.";
  $("map-selection").textContent = note;
}

function select(eventId) {
  state.selected = eventId;
  showSelection();
}

function openEvent(event) {
  select(event.id);
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
