// The events table: one page of /api/events for the current filters.
import { el, replace, colour } from "./dom.js";

export function names(actors) {
  return (actors || []).map((a) => a.name || a.id).join(" + ");
}

function dyad(event) {
  const source = names(event.source) || "?";
  const target = names(event.target);
  return target ? `${source} → ${target}` : source;
}

function outlet(event) {
  if (!event.outlet) return "";
  return event.outlet_affiliation ? `${event.outlet} (${event.outlet_affiliation})` : event.outlet;
}

function shorten(text, size = 140) {
  return text && text.length > size ? `${text.slice(0, size - 1)}…` : text || "";
}

/** Marks the row of the event with this id as selected (none for null), unmarking the others. */
export function selectRow(tbody, eventId) {
  for (const row of tbody.querySelectorAll("tr[data-event]")) {
    const chosen = row.dataset.event === eventId;
    row.classList.toggle("selected", chosen);
    if (chosen) row.setAttribute("aria-current", "true");
    else row.removeAttribute("aria-current");
  }
}

/** Fills the table body with the page's events; clicking a row (or Enter on it) calls open(event). */
export function renderEvents(tbody, page, open) {
  if (!page.events.length) {
    replace(tbody, el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No event matches these filters.")));
    return;
  }
  replace(
    tbody,
    page.events.map((event) =>
      el(
        "tr",
        {
          "data-event": event.id, "data-type": event.type, tabindex: 0,
          title: "Open the article and show the place on the map",
          onclick: () => open(event),
          onkeydown: (e) => { if (e.key === "Enter") open(event); },
        },
        el("td", { class: "date" }, event.date || event.published || ""),
        el("td", {}, el("span", { class: "type", style: `background:${colour(event.type)}` }, event.type),
          event.mode ? ` ${event.mode}` : ""),
        el("td", {}, dyad(event)),
        el("td", {}, event.place ? event.place.name : ""),
        el("td", {}, event.according_to === "outlet" ? "the outlet" : event.according_to_name || event.according_to || ""),
        el("td", {}, outlet(event)),
        el("td", { class: `modality ${event.modality || ""}` }, event.modality || ""),
        el("td", { class: "sentence" }, shorten(event.sentence)),
      ),
    ),
  );
}

export function pageLabel(page) {
  if (!page.events.length) return "0 events";
  const first = page.offset + 1;
  const last = page.offset + page.events.length;
  let of = "";
  if (page.total !== null && page.total !== undefined) {
    of = ` of ${page.total_exact ? "" : "more than "}${page.total.toLocaleString("en")}`;
  }
  return `${first}–${last}${of}`;
}
