// The filter panel: time presets and custom range, severity chips and service facet with counts, active filters.
import { el } from "./logs.js";
import { SEVERITIES } from "./view.js";

const $ = (id) => document.getElementById(id);
const NUMBER = new Intl.NumberFormat();

/** datetime-local wants local time without a zone; the view keeps ISO UTC. */
function toLocalInput(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
}

export class Facets {
  /** `change(update)` applies update(view) to a copy of the view and shows the result. */
  constructor(change) {
    this.change = change;
    $("presets").addEventListener("click", (event) => {
      const since = event.target.closest("button")?.dataset.since;
      if (since) change((view) => Object.assign(view, { since, start: "", end: "" }));
    });
    $("custom-range").addEventListener("submit", (event) => {
      event.preventDefault();
      const start = $("range-start").value;
      const end = $("range-end").value;
      change((view) => Object.assign(view, {
        since: start || end ? "" : view.since,
        start: start ? new Date(start).toISOString() : "",
        end: end ? new Date(end).toISOString() : "",
      }));
    });
  }

  showTime(view) {
    for (const button of $("presets").querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(button.dataset.since === view.since));
    }
    $("range-start").value = toLocalInput(view.start);
    $("range-end").value = toLocalInput(view.end);
  }

  /** Chips with the count of each severity in the range (the severity filter itself left out of the counts). */
  showSeverities(view, stats) {
    const totals = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    for (const bucket of stats?.buckets || []) {
      for (const s of SEVERITIES) totals[s] += bucket.counts?.[s] || 0;
    }
    $("severities").replaceChildren(...SEVERITIES.map((sev) => el(
      "button",
      {
        type: "button", class: "chip sev-" + sev, "data-severity": sev,
        "aria-pressed": String(view.severities.includes(sev)),
        "aria-label": `${sev}: ${totals[sev]} logs`,
        onclick: () => this.change((v) => (v.severities = toggle(v.severities, sev))),
      },
      sev, el("span", { class: "count" }, stats ? NUMBER.format(totals[sev]) : ""),
    )));
  }

  showServices(view, answer) {
    const seen = answer?.services || [];
    const names = new Set(seen.map((s) => s.name.toLowerCase()));
    const all = [...seen, ...view.services.filter((s) => !names.has(s.toLowerCase())).map((name) => ({ name, count: 0 }))];
    const chosen = new Set(view.services.map((s) => s.toLowerCase()));
    $("services").replaceChildren(...all.map((service) => el("li", {}, el(
      "label", { "data-service": service.name },
      el("input", {
        type: "checkbox", checked: chosen.has(service.name.toLowerCase()),
        onchange: () => this.change((v) => (v.services = toggle(v.services, service.name))),
      }),
      el("span", { class: "name" }, service.name),
      el("span", { class: "count" }, NUMBER.format(service.count)),
    ))));
  }

  /** The filters that have no control of their own (text, ids, attributes), each with a button to remove it. */
  showActive(view) {
    const items = [];
    const add = (label, remove) => items.push(el("li", {},
      el("code", {}, label),
      el("button", { type: "button", "aria-label": "Remove filter " + label, onclick: () => this.change(remove) }, "×")));
    if (view.q) add("q: " + view.q, (v) => (v.q = ""));
    for (const key of Object.keys(view.fields)) add(`${key} = ${view.fields[key]}`, (v) => delete v.fields[key]);
    for (const key of Object.keys(view.attrs)) add(`attr.${key} = ${view.attrs[key]}`, (v) => delete v.attrs[key]);
    $("active-filters").replaceChildren(...items);
    $("active-filters-section").hidden = items.length === 0;
  }
}

function toggle(list, value) {
  const lower = value.toLowerCase();
  return list.some((v) => v.toLowerCase() === lower) ? list.filter((v) => v.toLowerCase() !== lower) : [...list, value];
}
