// Building the page from untrusted data: every string becomes a text node (never HTML).
const SVG = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "style") {
      node.style.cssText = String(value); // through the CSSOM, which the page's CSP allows
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: attributes set one by one, children appended as nodes or text. */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

/** Empties a node and puts the children in. */
export function replace(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

/** A link only for http(s) addresses (an article's url is untrusted too). */
export function safeUrl(url) {
  if (!url || typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Colours of PLOVER event types (the rest grey). */
export const TYPE_COLOURS = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", MOBILIZE: "#d35400", THREATEN: "#8e44ad",
  SANCTION: "#9b59b6", PROTEST: "#f1c40f", ACCUSE: "#e84393", REJECT: "#b33771",
  REQUEST: "#2980b9", RETREAT: "#7f8c8d", AID: "#27ae60", COOPERATE: "#16a085",
  CONCEDE: "#1abc9c", SUPPORT: "#2ecc71", CONSULT: "#3498db", AGREE: "#0984e3",
};
export const PLOVER_TYPES = Object.keys(TYPE_COLOURS);

export function colour(type) {
  return TYPE_COLOURS[type] || "#95a5a6";
}
