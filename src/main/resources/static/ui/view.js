// The view (what is searched and shown) lives in the URL's fragment, so a copied link restores it. The fragment
// never reaches a server, and the token is never part of it.
export const SEVERITIES = ["TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
export const PRESETS = ["15m", "1h", "24h", "7d", "all"];
const DEFAULT_SINCE = "1h";

export function emptyView() {
  return { q: "", since: DEFAULT_SINCE, start: "", end: "", services: [], severities: [], fields: {}, attrs: {}, live: false };
}

/** Exact-match filters on fields of a log other than service and severity. */
export const FIELD_FILTERS = ["request_id", "trace_id", "host"];

export function readView(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const view = emptyView();
  view.q = p.get("q") || "";
  view.start = p.get("timestamp_start") || "";
  view.end = p.get("timestamp_end") || "";
  view.since = view.start || view.end ? "" : PRESETS.includes(p.get("since")) ? p.get("since") : DEFAULT_SINCE;
  view.services = list(p.get("service"));
  view.severities = list(p.get("severity")).map((s) => s.toUpperCase()).filter((s) => SEVERITIES.includes(s));
  for (const [key, value] of p) {
    if (key.startsWith("attr.") && key.length > 5 && value) {
      view.attrs[key.slice(5)] = value;
    } else if (FIELD_FILTERS.includes(key) && value) {
      view.fields[key] = value;
    }
  }
  view.live = p.get("live") === "1";
  return view;
}

export function writeView(view) {
  const p = filterParams(view, { time: "range" });
  if (view.since === "all") {
    p.set("since", "all");
  }
  if (view.live) {
    p.set("live", "1");
  }
  const hash = "#" + p.toString();
  if (location.hash !== hash) {
    history.pushState(null, "", hash === "#" ? location.pathname : hash);
  }
}

/**
 * The API's query parameters for this view. `omit` leaves out a facet (so its own counts show every choice), `time`
 * says how to send the time range: "range" (the API's since/timestamp_*), or "none" (live tail: what comes next).
 */
export function filterParams(view, { omit = "", time = "none" } = {}) {
  const p = new URLSearchParams();
  if (view.q) p.set("q", view.q);
  if (time === "range" && (view.start || view.end)) {
    if (view.start) p.set("timestamp_start", view.start);
    if (view.end) p.set("timestamp_end", view.end);
  } else if (time === "range" && view.since !== "all") {
    p.set("since", view.since);
  }
  if (omit !== "service" && view.services.length) p.set("service", view.services.join(","));
  if (omit !== "severity" && view.severities.length) p.set("severity", view.severities.join(","));
  for (const [key, value] of Object.entries(view.fields)) p.set(key, value);
  for (const [key, value] of Object.entries(view.attrs)) p.set("attr." + key, value);
  return p;
}

function list(value) {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
