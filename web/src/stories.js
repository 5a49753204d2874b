// Stories (/api/stories): each canonical event with its versions side by side, and what differs.
import { el, replace, colour } from "./dom.js";

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function numbers(version) {
  const out = [];
  if (version.fatalities !== null && version.fatalities !== undefined) out.push(`${version.fatalities} dead`);
  for (const [n, unit] of version.quantities || []) out.push(`${n} ${unit}`);
  return out.join("; ");
}

function version(v, conflicts, open) {
  const differs = new Set(conflicts.map((c) => c.field));
  return el(
    "div",
    { class: "version" },
    el("div", { class: "outlet" }, v.outlet || "unknown outlet", " ",
      v.affiliation ? el("span", { class: `affiliation ${v.affiliation}` }, v.affiliation) : null),
    el("dl", {},
      el("dt", {}, "According to"), el("dd", {}, v.claimant || "—"),
      el("dt", {}, "Modality"), el("dd", { class: differs.has("modality") ? "differs" : null }, v.modality || "—"),
      el("dt", {}, "Numbers"),
      el("dd", { class: differs.has("fatalities") || differs.has("quantity") ? "differs" : null }, numbers(v) || "—"),
      el("dt", {}, "Date"), el("dd", {}, v.date || "—"),
      el("dt", {}, "Language"), el("dd", {}, v.language || "—")),
    el("blockquote", {}, v.sentence || ""),
    v.article ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); open(v.article, v.event); } }, "Read the article") : null,
  );
}

function canonical(event, open) {
  const conflicts = event.conflicts || [];
  const who = (event.source || []).join(" + ") || "?";
  const whom = (event.target || []).length ? ` → ${event.target.join(" + ")}` : "";
  return el(
    "article",
    { class: event.conflict ? "canonical conflict" : "canonical" },
    el("h4", {},
      el("span", { class: "type", style: `background:${colour(event.type)}` }, event.type || "?"),
      ` ${event.date || event.day || "?"} ${who}${whom}`,
      event.place && event.place.name ? ` at ${event.place.name}` : "",
      ` (${plural(event.reports || (event.versions || []).length, "report")})`),
    conflicts.length
      ? el("p", { class: "conflicts" }, "Differs: ",
          conflicts.map((c) => `${c.field}${c.unit ? ` (${c.unit})` : ""}: ${(c.values || []).join(" / ")}`).join("; "))
      : null,
    el("div", { class: "versions" }, (event.versions || []).map((v) => version(v, conflicts, open))),
  );
}

export function renderStories(container, answer, open) {
  if (!answer.stories.length) {
    replace(container, el("p", { class: "empty" }, answer.note || "No story yet: run `veille stories` or `veille run` to build them."));
    return;
  }
  replace(
    container,
    answer.stories.map((story) =>
      el("section", { class: "story", "data-story": story.id },
        el("h3", {}, `${story.first_day || "?"}${story.last_day && story.last_day !== story.first_day ? ` → ${story.last_day}` : ""}`,
          ` — ${plural(story.events.length, "event")}`),
        story.events.map((e) => canonical(e, open)))),
  );
}
