// The article reader: the cleaned text with the event's sentence in a <mark>, quotations
// marked with their speakers, and the outlet with its affiliation. The text is untrusted:
// it is only ever cut into text nodes, and the marks are elements made here.
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

/**
 * The text as nodes: [start, end) of the sentence inside one <mark class="sentence">, each
 * quotation's pieces as <span class="quote"> (the first with data-speaker).
 */
export function highlighted(text, sentence, quotes) {
  const unit = unitOffsets(text);
  const cuts = new Set([0, text.length]);
  const spans = quotes
    .filter((q) => Number.isInteger(q.start) && Number.isInteger(q.end) && q.end > q.start)
    .map((q) => ({ ...q, a: unit(q.start), b: unit(q.end) }));
  for (const q of spans) cuts.add(q.a).add(q.b);
  let s = null;
  if (sentence && Number.isInteger(sentence.start) && sentence.end > sentence.start) {
    s = { a: unit(sentence.start), b: unit(sentence.end) };
    cuts.add(s.a).add(s.b);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const started = new Set();
  const piece = (a, b) => {
    const words = document.createTextNode(text.slice(a, b));
    const quote = spans.find((q) => q.a <= a && b <= q.b);
    if (!quote) return words;
    const span = el("span", { class: quote.direct ? "quote direct" : "quote" });
    if (!started.has(quote)) {
      started.add(quote);
      span.classList.add("quote-start");
      span.setAttribute("data-speaker", quote.speakerName || "unknown speaker");
    }
    span.title = `${quote.direct ? "Quoted" : "Reported"}: ${quote.speakerName || "unknown speaker"}`;
    span.append(words);
    return span;
  };
  const out = [];
  let mark = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const node = piece(a, b);
    if (s && s.a <= a && b <= s.b) {
      if (!mark) {
        mark = el("mark", { class: "sentence", id: "highlight" });
        out.push(mark);
      }
      mark.append(node);
    } else {
      out.push(node);
    }
  }
  return out;
}

function field(name, value) {
  return value ? [el("dt", {}, name), el("dd", {}, value)] : [];
}

/** Shows the article in the reader panel, the given event's sentence highlighted. */
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
    el("div", { id: "article-text", class: "text" }, highlighted(article.text || "", event, quotes)),
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
