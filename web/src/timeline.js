// The timeline: events per day (/api/stats by_day) as bars; clicking a bar narrows to that day.
import { svg, replace } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 160;
const DAY = 86400000;

function days(from, to) {
  const out = [];
  for (let t = Date.parse(from); t <= Date.parse(to) && out.length < 5000; t += DAY) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Draws by_day ([{day, events}]) into container; pick(day) on a click. */
export function renderTimeline(container, byDay, pick) {
  const counted = new Map(byDay.filter((d) => d.day).map((d) => [d.day, d.events]));
  if (!counted.size) {
    replace(container, svg("svg", { viewBox: `0 0 ${WIDTH} 40` },
      svg("text", { x: 10, y: 24, class: "empty" }, "No dated event.")));
    return;
  }
  const known = [...counted.keys()].sort();
  const all = days(known[0], known[known.length - 1]);
  const top = Math.max(...counted.values());
  const left = 34;
  const bottom = HEIGHT - 22;
  const step = (WIDTH - left - 6) / all.length;
  const bar = Math.max(1, step - (step > 4 ? 1 : 0));
  const y = (n) => bottom - (n / top) * (bottom - 8);
  replace(
    container,
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Events per day" },
      svg("line", { class: "axis", x1: left, x2: WIDTH - 4, y1: bottom, y2: bottom }),
      svg("text", { class: "tick", x: left - 4, y: y(top) + 4, "text-anchor": "end" }, String(top)),
      svg("text", { class: "tick", x: left - 4, y: bottom, "text-anchor": "end" }, "0"),
      svg("text", { class: "tick", x: left, y: HEIGHT - 6 }, all[0]),
      svg("text", { class: "tick", x: WIDTH - 4, y: HEIGHT - 6, "text-anchor": "end" }, all[all.length - 1]),
      all.map((day, i) => {
        const n = counted.get(day) || 0;
        if (!n) return null;
        return svg(
          "rect",
          {
            class: "bar", "data-day": day, x: (left + i * step).toFixed(2), y: y(n).toFixed(2),
            width: bar.toFixed(2), height: (bottom - y(n)).toFixed(2), onclick: () => pick(day),
          },
          svg("title", {}, `${day}: ${n} event${n > 1 ? "s" : ""}`),
        );
      }),
    ),
  );
}
