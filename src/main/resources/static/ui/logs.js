// The result list: one row per log, newest first; a row expands to every field and attribute.
import { FIELD_FILTERS } from "./view.js";

const DATE = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "2-digit", day: "2-digit" });
const CLOCK = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hour12: false,
});

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key in node && !key.includes("-")) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** A shell command that fetches this API path, with the token left as $TOKEN so it never lands in a clipboard. */
export function curlFor(path) {
  const url = new URL(path, location.href).href.replace(/'/g, "'\\''");
  return `curl -H "Authorization: Token $TOKEN" '${url}'`;
}

export async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Select and copy the command";
  }
  setTimeout(() => (button.textContent = "Copy as curl"), 2000);
}

export class LogList {
  /** `filter(kind, key, value)` narrows the view: kind is "service", "severity", "field" or "attr". */
  constructor(list, filter) {
    this.list = list;
    this.filter = filter;
  }

  clear() {
    this.list.replaceChildren();
  }

  append(logs) {
    this.list.append(...logs.map((log) => this.row(log)));
  }

  prepend(logs) {
    this.list.prepend(...logs.map((log) => this.row(log)));
  }

  get size() {
    return this.list.childElementCount;
  }

  row(log) {
    const details = el("div", { class: "log-details", id: "log-" + log.id, hidden: true });
    const head = el(
      "button",
      { class: "log-head", type: "button", "aria-expanded": "false", "aria-controls": details.id },
      el("span", { class: "log-time" }, time(log.timestamp)),
      el("span", { class: "log-sev" }, log.severity),
      el("span", { class: "log-service" }, log.service),
      el("span", { class: "log-message" }, log.message),
    );
    head.addEventListener("click", () => this.toggle(head, details, log));
    return el("li", { class: "log sev-" + log.severity, "data-id": String(log.id) }, head, details);
  }

  toggle(head, details, log) {
    const open = head.getAttribute("aria-expanded") !== "true";
    head.setAttribute("aria-expanded", String(open));
    if (open && !details.childElementCount) {
      details.append(...this.details(log));
    }
    details.hidden = !open;
  }

  details(log) {
    const curl = curlFor("/logs/" + log.id);
    const copyButton = el("button", { type: "button", class: "copy-curl" }, "Copy as curl");
    copyButton.addEventListener("click", () => copy(curl, copyButton));
    const { level, data, ...shown } = log;
    return [
      el("div", { class: "actions" }, copyButton, el("code", { class: "curl" }, curl)),
      el("table", { class: "fields" }, el("tbody", {}, ...this.fieldRows(log))),
      el("pre", { class: "json", "aria-label": "The log as JSON" }, JSON.stringify(shown, null, 2)),
    ];
  }

  fieldRows(log) {
    const rows = [
      this.fieldRow("service", log.service, () => this.filter("service", "service", log.service)),
      this.fieldRow("severity", log.severity, () => this.filter("severity", "severity", log.severity)),
    ];
    for (const key of FIELD_FILTERS) {
      if (log[key] != null) {
        rows.push(this.fieldRow(key, log[key], () => this.filter("field", key, log[key]), key !== "host"));
      }
    }
    for (const [key, value] of flatten(log.attributes || {})) {
      const filterable = typeof value === "string" || typeof value === "number";
      rows.push(this.fieldRow("attr." + key, value, filterable ? () => this.filter("attr", key, String(value)) : null));
    }
    return rows;
  }

  fieldRow(name, value, onFilter, asLink = false) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const shown = asLink
      ? el("a", { href: "#" + new URLSearchParams({ [name]: text, since: "all" }), title: "All logs with this " + name }, text)
      : text;
    const button = onFilter
      ? el("button", { type: "button", class: "filter-by", "aria-label": `Filter by ${name} = ${text}`, onclick: onFilter }, "Filter by this")
      : null;
    return el("tr", { "data-field": name }, el("th", { scope: "row" }, name), el("td", {}, shown), el("td", {}, button));
  }
}

/** Local date and time to the millisecond; a phone shows the time only. */
function time(timestamp) {
  const at = new Date(timestamp);
  return el("time", { dateTime: timestamp }, el("span", { class: "log-date" }, DATE.format(at) + " "), CLOCK.format(at));
}

/** Nested attribute objects as dotted keys, the form attr.<key> filters take. */
function flatten(object, prefix = "") {
  const out = [];
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      out.push(...flatten(value, prefix + key + "."));
    } else {
      out.push([prefix + key, value]);
    }
  }
  return out;
}
