// The map: countries from world-atlas (Natural Earth 110m, bundled), an equirectangular
// projection, and the places of the matching events clustered on a pixel grid; the marker of
// the event selected in the table stands out.
import { geoEquirectangular, geoPath, geoGraticule10 } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { svg, replace } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 620;
const CELL = 36; // pixels: places closer than this share a marker
const countries = feature(world, world.objects.countries);
// The Levant and its neighbours when there is nothing to show.
const DEFAULT_VIEW = { type: "MultiPoint", coordinates: [[25, 27], [55, 42]] };

function projection(places) {
  const points = places.map((p) => [p.lon, p.lat]);
  let view = DEFAULT_VIEW;
  if (points.length) {
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const pad = 4; // degrees around the markers, and at least a region's width
    const [w, e] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
    const [s, n] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
    const cx = (w + e) / 2;
    const cy = (s + n) / 2;
    const half = Math.max((e - w) / 2, ((n - s) / 2) * (WIDTH / HEIGHT), 12);
    view = { type: "MultiPoint", coordinates: [
      [Math.max(cx - half, -180), Math.max(cy - half * HEIGHT / WIDTH, -85)],
      [Math.min(cx + half, 180), Math.min(cy + half * HEIGHT / WIDTH, 85)],
    ] };
  }
  return geoEquirectangular().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], view);
}

// Each marker's places, for finding the marker of a selected event's place.
const placesOf = new WeakMap();

/** Places grouped by grid cell in projected pixels: [{x, y, places, events}]. */
export function cluster(places, project) {
  const cells = new Map();
  for (const place of places) {
    const xy = project([place.lon, place.lat]);
    if (!xy) continue;
    const key = `${Math.floor(xy[0] / CELL)},${Math.floor(xy[1] / CELL)}`;
    const cell = cells.get(key) || { x: 0, y: 0, places: [], events: 0 };
    cell.places.push(place);
    cell.events += place.events;
    cell.x += xy[0] * place.events;
    cell.y += xy[1] * place.events;
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => ({ ...c, x: c.x / c.events, y: c.y / c.events }));
}

/** The bounding box (min_lon,min_lat,max_lon,max_lat) around a cluster's places, padded. */
export function bbox(places, pad = 0.05) {
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad]
    .map((v) => Math.round(v * 1e4) / 1e4)
    .join(",");
}

/** Draws the map into container; clicking a marker calls pick(places of the marker). */
export function renderMap(container, places, pick) {
  const located = places.filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined);
  const project = projection(located);
  const path = geoPath(project);
  const markers = cluster(located, project);
  const biggest = Math.max(1, ...markers.map((m) => m.events));
  replace(
    container,
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Map of the events' places" },
      svg("rect", { class: "sea", width: WIDTH, height: HEIGHT }),
      svg("path", { class: "graticule", d: path(geoGraticule10()) }),
      countries.features.map((country) =>
        svg("path", { class: "country", d: path(country) }, svg("title", {}, country.properties.name)),
      ),
      markers.map((m) => {
        const label = m.places.map((p) => `${p.name} (${p.events})`).join(", ");
        const marker = svg(
          "g",
          {
            class: "marker", transform: `translate(${m.x.toFixed(1)},${m.y.toFixed(1)})`,
            "data-places": m.places.map((p) => p.name).join("|"), tabindex: 0,
            onclick: () => pick(m.places),
            onkeydown: (e) => { if (e.key === "Enter") pick(m.places); },
          },
          svg("title", {}, label),
          svg("circle", { r: (7 + 10 * Math.sqrt(m.events / biggest)).toFixed(1) }),
          svg("text", { "text-anchor": "middle", dy: "0.35em" }, String(m.events)),
        );
        placesOf.set(marker, m.places);
        return marker;
      }),
    ),
  );
  return markers;
}

/**
 * Marks as selected the marker holding the place (the same name and country, as /api/places
 * groups them) and unmarks the one selected before; returns that marker, or null when the
 * place has none on this map (no place, no point, or not among the places drawn).
 */
export function highlightMarker(container, place) {
  for (const old of container.querySelectorAll(".marker.selected")) {
    old.classList.remove("selected");
    old.removeAttribute("aria-current");
  }
  if (!place || !place.name) return null;
  const same = (p) => p.name === place.name && (p.country || null) === (place.country || null);
  const marker = [...container.querySelectorAll(".marker")].find((m) => (placesOf.get(m) || []).some(same));
  if (!marker) return null;
  marker.classList.add("selected");
  marker.setAttribute("aria-current", "true");
  return marker;
}
