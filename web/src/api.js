// The JSON API under /api/ (same origin), and the filters as its query string.
export const FILTERS = [
  "from", "to", "type", "mode", "actor", "country", "outlet", "affiliation",
  "claimant", "modality", "language", "q", "bbox",
];

/** The non-empty filters as URLSearchParams, plus extra parameters. */
export function params(filters, extra = {}) {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = (filters[name] || "").trim();
    if (value) query.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined) query.set(name, String(value));
  }
  return query;
}

export function url(path, filters = {}, extra = {}) {
  const query = params(filters, extra).toString();
  return query ? `${path}?${query}` : path;
}

/** GET a JSON answer; an API error becomes an Error with the API's message. */
export async function get(path, filters, extra) {
  const response = await fetch(url(path, filters, extra), { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${path}: ${response.status} ${response.statusText}`);
  }
  if (!response.ok) throw new Error(body && body.error ? body.error : `${path}: ${response.status}`);
  return body;
}
