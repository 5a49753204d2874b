// The article reader: the cleaned text with the event's sentence in a <mark>, quotations
// marked with their speakers, the names of the article's actors and places marked, and the
// outlet with its affiliation. The text is untrusted: it is only ever cut into text nodes,
// and the marks are elements made here.
import { el, replace, safeUrl, colour } from "./dom.js";

/** UTF-16 positions of the record's offsets (Python counts code points, JavaScript units). */
export function unitOffsets(text) {
  const units = [0];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    units.push(at);
  }
  return (offset) => units[Math.max(0, Math.min(offset, units.length - 1))];
}

const spanned = (x) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.end > x.start;

/**
 * The article's actor and place names as mentions, [{kind, id, name, start, end}], from the
 * API's `spans` (where a name or an alias appears in the text: a string search, not the
 * pipeline's own mentions, which the store does not keep).
 */
export function mentionsOf(article) {
  const out = [];
  for (const a of article.actors || []) {
    for (const [start, end] of a.spans || []) out.push({ kind: "actor", id: a.id, name: a.name || a.id, start, end });
  }
  for (const p of article.places || []) {
    for (const [start, end] of p.spans || []) out.push({ kind: "place", id: p.name, name: p.name, start, end });
  }
  return out;
}

/** Consecutive items with the same key, as [key, items] runs. */
function runs(items, keyOf) {
  const out = [];
  for (const item of items) {
    const key = keyOf(item);
    if (out.length && out[out.length - 1][0] === key) out[out.length - 1][1].push(item);
    else out.push([key, [item]]);
  }
  return out;
}

function mentionElement(found, words) {
  const actors = found.filter((m) => m.kind === "actor");
  const places = found.filter((m) => m.kind === "place");
  const unique = (list) => [...new Set(list)];
  return el(
    "span",
    {
      class: ["mention", actors.length ? "actor" : "", places.length ? "place" : ""].filter(Boolean).join(" "),
      "data-actor": actors.length ? unique(actors.map((m) => m.id)).join(" ") : null,
      "data-place": places.length ? unique(places.map((m) => m.id)).join("|") : null,
      title: [
        ...unique(actors.map((m) => `Actor: ${m.name}`)),
        ...unique(places.map((m) => `Place: ${m.name}`)),
      ].join("; "),
    },
    words,
  );
}

/**
 * The text as nodes: [start, end) of the sentence inside one <mark class="sentence">, each
 * quotation as <span class="quote"> (the first piece with data-speaker), and each mention of
 * an actor or a place as <span class="mention actor|place"> inside them. Every range is cut
 * at the boundaries of the ranges around it, so the elements always nest.
 */
export function highlighted(text, sentence, quotes, mentions = []) {
  const unit = unitOffsets(text);
  const cuts = new Set([0, text.length]);
  const inUnits = (x) => ({ ...x, a: unit(x.start), b: unit(x.end) });
  const said = quotes.filter(spanned).map(inUnits);
  const named = mentions.filter(spanned).map(inUnits);
  const s = sentence && spanned(sentence) ? inUnits(sentence) : null;
  for (const x of [...said, ...named, ...(s ? [s] : [])]) cuts.add(x.a).add(x.b);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const found = named.filter((m) => m.a <= a && b <= m.b);
    pieces.push({
      a, b,
      sentence: Boolean(s && s.a <= a && b <= s.b),
      quote: said.find((q) => q.a <= a && b <= q.b) || null,
      mentions: found,
      mentionKey: found.map((m) => `${m.kind}:${m.id}:${m.a}`).sort().join(" "),
    });
  }
  const started = new Set();
  const quoteNodes = (group) => runs(group, (p) => p.quote).flatMap(([quote, inside]) => {
    const nodes = runs(inside, (p) => p.mentionKey).map(([key, same]) => {
      const words = document.createTextNode(text.slice(same[0].a, same[same.length - 1].b));
      return key ? mentionElement(same[0].mentions, words) : words;
    });
    if (!quote) return nodes;
    const span = el("span", { class: quote.direct ? "quote direct" : "quote" }, nodes);
    if (!started.has(quote)) {
      started.add(quote);
      span.classList.add("quote-start");
      span.setAttribute("data-speaker", quote.speakerName || "unknown speaker");
    }
    span.title = `${quote.direct ? "Quoted" : "Reported"}: ${quote.speakerName || "unknown speaker"}`;
    return span;
  });
  return runs(pieces, (p) => p.sentence).flatMap(([inSentence, group]) =>
    inSentence ? [el("mark", { class: "sentence", id: "highlight" }, quoteNodes(group))] : quoteNodes(group));
}

let markNames = true; // the reader's "Mark the names" box, kept from one article to the next

function legend(textBox) {
  return el("p", { class: "mention-legend" },
    el("label", {},
      el("input", { type: "checkbox", id: "mark-names", checked: markNames,
        onchange: (e) => { markNames = e.target.checked; textBox.classList.toggle("plain", !markNames); } }),
      " Mark the names of ", el("span", { class: "mention actor" }, "actors"),
      " and ", el("span", { class: "mention place" }, "places")),
    el("small", {}, " (wherever a name or an alias appears, found by a string search)"));
}

function field(name, value) {
  return value ? [el("dt", {}, name), el("dd", {}, value)] : [];
}

/** Shows the article in the reader panel, the given event's sentence highlighted, names marked. */
export function renderArticle(body, article, eventId, reopen) {
  const actors = new Map((article.actors || []).map((a) => [a.id, a]));
  const who = (id) => (id === "outlet" ? (article.outlet ? `the outlet (${article.outlet})` : "the outlet") : actors.get(id)?.name || id);
  const events = article.events || [];
  const event = events.find((e) => e.id === eventId) || null;
  const quotes = (article.quotes || []).map((q) => ({ ...q, speakerName: q.speaker ? who(q.speaker) : null }));
  const info = article.outlet_info || {};
  const link = safeUrl(article.url);
  const outlet = article.outlet
    ? `${article.outlet}${info.affiliation ? ` — ${info.affiliation}` : ""}${info.country ? ` (${info.country})` : ""}`
    : null;
  const mentions = mentionsOf(article);
  const textBox = el("div", { id: "article-text", class: markNames ? "text" : "text plain" },
    highlighted(article.text || "", event, quotes, mentions));
  replace(
    body,
    el("h2", { id: "reader-title" }, article.title || article.doc || article.id),
    el("dl", { class: "meta" },
      field("Outlet", outlet),
      field("Published", article.published),
      field("Language", article.language),
      field("Document", article.doc),
      link ? [el("dt", {}, "Address"), el("dd", {}, el("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, link))] : [],
    ),
    event
      ? el("p", { class: "event-line" },
          el("span", { class: "type", style: `background:${colour(event.type)}` }, event.type),
          ` ${(event.source || []).map(who).join(" + ") || "?"}`,
          event.target && event.target.length ? ` → ${event.target.map(who).join(" + ")}` : "",
          event.according_to ? `; according to ${who(event.according_to)}` : "",
          event.modality && event.modality !== "asserted" ? `; ${event.modality}` : "",
          event.fatalities !== null && event.fatalities !== undefined ? `; ${event.fatalities} dead` : "")
      : null,
    mentions.length ? legend(textBox) : null,
    textBox,
    quotes.length
      ? el("div", { class: "quotes" }, el("h3", {}, "Quotations"),
          el("ul", {}, quotes.map((q) => el("li", {},
            el("b", {}, q.speakerName || "unknown speaker"),
            q.direct ? " : « " : " (reported): ",
            (article.text || "").slice(...[q.start, q.end].map(unitOffsets(article.text || ""))),
            q.direct ? " »" : ""))))
      : null,
    events.length
      ? el("div", { class: "article-events" }, el("h3", {}, `Events in this article (${events.length})`),
          el("ul", {}, events.map((e) => el("li", {},
            el("a", { href: "#", class: e.id === eventId ? "current" : null,
              onclick: (ev) => { ev.preventDefault(); reopen(e.id); } },
              `${e.type}: ${e.sentence || ""}`)))))
      : null,
    (article.boilerplate || []).length
      ? el("details", {}, el("summary", {}, "Removed boilerplate"),
          el("ul", {}, article.boilerplate.map((b) => el("li", {}, b))))
      : null,
  );
  const mark = body.querySelector("mark.sentence");
  if (mark) mark.scrollIntoView({ block: "center" });
}
