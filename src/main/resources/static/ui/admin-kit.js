// Small DOM pieces the admin panels share. Everything is built with createElement and textContent: the CSP allows no
// inline script or style, and server data never becomes markup.
import { el } from "./logs.js";

export { el };

const NUMBER = new Intl.NumberFormat();

export function number(n) {
  return NUMBER.format(n);
}

export function bytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit ? value.toFixed(1) : String(value)) + " " + units[unit];
}

/** A table with a caption (its accessible name), column headers and rows made by `row`; `empty` when no rows. */
export function table(id, caption, headers, rows, empty) {
  const body = rows.length ? rows : [el("tr", {}, el("td", { colSpan: headers.length, class: "muted" }, empty))];
  return el("table", { id, class: "admin-table" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...body));
}

export function row(cells, props = {}) {
  return el("tr", props, ...cells.map((cell) => el("td", {}, cell ?? "")));
}

/** A control with its visible label around it, which is also its accessible name. */
export function labelled(text, control, kind = "field") {
  return el("label", { class: kind }, el("span", {}, text), control);
}

export function input(name, props = {}) {
  return el("input", { name, autocomplete: "off", spellcheck: false, ...props });
}

export function select(name, options, chosen) {
  return el("select", { name }, ...options.map((o) => el("option", { value: o, defaultSelected: o === chosen }, o)));
}

export function button(text, onclick, props = {}) {
  return el("button", { type: "button", onclick, ...props }, text);
}

/** A comma list typed by a person, as the API's JSON list. */
export function list(text) {
  return text.split(",").map((s) => s.trim()).filter(Boolean);
}

/** Runs a form's action on submit; the answer's error goes to `fail`, the form is reset when it worked. */
export function onSubmit(form, action, fail) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await action();
      form.reset();
    } catch (error) {
      fail(error);
    }
  });
  return form;
}
