// The timeline: events per day (/api/stats by_day) as bars; clicking a bar narrows to that day.
import { svg, replace } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 160;
const DAY = 86400000;
const MAX_BARS = 120; // past this many days, each bar covers several

function days(from, to) {
  const out = [];
  for (let t = Date.parse(from); t <= Date.parse(to) && out.length < 5000; t += DAY) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Draws by_day ([{day, events}]) into container; pick(first, last day) on a click. */
export function renderTimeline(container, byDay, pick) {
  const counted = new Map(byDay.filter((d) => d.day).map((d) => [d.day, d.events]));
  if (!counted.size) {
    replace(container, svg("svg", { viewBox: `0 0 ${WIDTH} 40` },
      svg("text", { x: 10, y: 24, class: "empty" }, "No dated event.")));
    return;
  }
  const known = [...counted.keys()].sort();
  const every = days(known[0], known[known.length - 1]);
  const width = Math.ceil(every.length / MAX_BARS); // days per bar
  const all = [];
  for (let i = 0; i < every.length; i += width) {
    const span = every.slice(i, i + width);
    all.push({ first: span[0], last: span[span.length - 1],
      n: span.reduce((sum, day) => sum + (counted.get(day) || 0), 0) });
  }
  const top = Math.max(...all.map((b) => b.n));
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
      svg("text", { class: "tick", x: left, y: HEIGHT - 6 }, every[0]),
      svg("text", { class: "tick", x: WIDTH - 4, y: HEIGHT - 6, "text-anchor": "end" }, every[every.length - 1]),
      width > 1
        ? svg("text", { class: "tick", x: (left + WIDTH) / 2, y: HEIGHT - 6, "text-anchor": "middle" },
            `one bar per ${width} days`)
        : null,
      all.map(({ first, last, n }, i) => {
        if (!n) return null;
        const when = first === last ? first : `${first} – ${last}`;
        return svg(
          "rect",
          {
            class: "bar", "data-day": first, x: (left + i * step).toFixed(2), y: y(n).toFixed(2),
            width: bar.toFixed(2), height: (bottom - y(n)).toFixed(2), onclick: () => pick(first, last),
          },
          svg("title", {}, `${when}: ${n} event${n > 1 ? "s" : ""}`),
        );
      }),
    ),
  );
}
