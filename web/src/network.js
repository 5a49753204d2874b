// The actor network (/api/network): actors on a circle, one arrow per (source, target, type),
// as wide as its number of events and coloured by type.
import { svg, el, replace, colour } from "./dom.js";

const SIZE = 520;
const MAX_NODES = 40;

export function renderNetwork(container, edges, pick) {
  if (!edges.length) {
    replace(container, el("p", { class: "empty" }, "No event between two actors."));
    return;
  }
  const weight = new Map();
  const label = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
    label.set(e.source, e.source_name || e.source);
    label.set(e.target, e.target_name || e.target);
  }
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a)).slice(0, MAX_NODES);
  const centre = SIZE / 2;
  const radius = SIZE / 2 - 125; // room for the names around the circle
  const at = new Map(nodes.map((id, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle }];
  }));
  const top = Math.max(...edges.map((e) => e.events));
  const types = [...new Set(edges.map((e) => e.type))].sort();
  const shown = edges.filter((e) => at.has(e.source) && at.has(e.target));
  const bend = new Map(); // several types between the same pair: curve them apart
  const arrows = shown.map((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    const pair = `${e.source}>${e.target}`;
    const k = (bend.get(pair) || 0) + 1;
    bend.set(pair, k);
    // bend to the left of the arrow: a → b and b → a curve apart, each further type further
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const mx = (a.x + b.x) / 2 - ((b.y - a.y) / length) * 28 * k;
    const my = (a.y + b.y) / 2 + ((b.x - a.x) / length) * 28 * k;
    const d = e.source === e.target
      ? `M${a.x},${a.y} c 30,-40 50,10 0,8`
      : `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
    return svg(
      "path",
      {
        class: "edge", d, stroke: colour(e.type), "marker-end": `url(#arrow-${e.type})`,
        "stroke-width": (1 + 5 * (e.events / top)).toFixed(1), "data-type": e.type,
        onclick: () => pick(e),
      },
      svg("title", {}, `${label.get(e.source)} → ${label.get(e.target)}: ${e.type} (${e.events})`),
    );
  });
  replace(
    container,
    svg(
      "svg",
      { viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", "aria-label": "Who acts on whom" },
      svg("defs", {}, types.map((t) =>
        svg("marker", { id: `arrow-${t}`, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9,
          markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour(t) })))),
      arrows,
      nodes.map((id) => {
        const p = at.get(id);
        const right = Math.cos(p.angle) >= 0;
        return svg(
          "g",
          { class: "node", "data-actor": id, onclick: () => pick({ actor: id }) },
          svg("circle", { cx: p.x, cy: p.y, r: 4 + Math.min(8, Math.sqrt(weight.get(id))) }),
          svg("text", { x: p.x + (right ? 12 : -12), y: p.y + 4, "text-anchor": right ? "start" : "end" },
            label.get(id)),
        );
      }),
    ),
    el("p", { class: "legend" }, types.map((t) =>
      el("span", {}, el("i", { style: `background:${colour(t)}` }), t))),
  );
}
