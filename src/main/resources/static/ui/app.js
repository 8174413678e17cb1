// The page: sign in, then one view (search, histogram, facets, results, live tail) kept in the URL's fragment.
import { AdminView, adminTab } from "./admin.js";
import { ApiError, get, getJson, nextLink, token } from "./api.js";
import { Histogram } from "./chart.js";
import { Facets } from "./facets.js";
import { copy, curlFor, LogList } from "./logs.js";
import { LiveTail } from "./tail.js";
import { filterParams, readView, writeView } from "./view.js";

const $ = (id) => document.getElementById(id);
const PAGE = 100;
const NUMBER = new Intl.NumberFormat();

let view = readView();
let appliedHash = null;
let loads = null; // aborts the answers of a view the user already left
let next = null;
let loadingMore = false;
let inRange = null;
const pending = [];

const admin = new AdminView($("admin-view"), signOut);
const logs = new LogList($("logs"), filterBy);
const facets = new Facets(change);
const chart = new Histogram($("chart"), (start, end) =>
  change((v) => Object.assign(v, { since: "", start: iso(start), end: iso(end) })));
const tail = new LiveTail(arrived, (error) => {
  change((v) => (v.live = false));
  showError(error);
}, (state) => ($("live").dataset.state = state));

function iso(seconds) {
  return new Date(Math.round(seconds * 1000)).toISOString();
}

function change(update) {
  const copyOfView = structuredClone(view);
  update(copyOfView);
  view = copyOfView;
  writeView(view);
  show();
}

function filterBy(kind, key, value) {
  change((v) => {
    if (kind === "service") v.services = [value];
    else if (kind === "severity") v.severities = [value];
    else if (kind === "field") v.fields[key] = value;
    else v.attrs[key] = value;
  });
}

/** Range parameters for counts: "all" has no start, and counts need one, so it counts the default retention. */
function countParams(omit) {
  const p = filterParams(view, { omit, time: "range" });
  if (view.since === "all" && !view.start && !view.end) p.set("since", "30d");
  return p;
}

function current(link, on) {
  if (on) link.setAttribute("aria-current", "page");
  else link.removeAttribute("aria-current");
}

/** Shows what the fragment names: the admin view (#admin=...) or the logs. */
function route() {
  const tab = adminTab();
  current($("nav-admin"), tab != null);
  current($("nav-logs"), tab == null);
  $("admin-view").hidden = tab == null;
  $("app-view").hidden = $("search").hidden = tab != null;
  if (tab == null) {
    show();
    return;
  }
  appliedHash = location.hash;
  tail.stop();
  loads?.abort();
  admin.show(tab);
}

function show() {
  appliedHash = location.hash;
  $("nav-logs").href = location.hash || "#";
  $("q").value = view.q;
  facets.showTime(view);
  facets.showActive(view);
  $("live").setAttribute("aria-pressed", String(view.live));
  showError(null);
  loads?.abort();
  loads = new AbortController();
  const signal = loads.signal;
  pending.length = 0;
  showPending();
  next = null;
  inRange = null;
  if (view.live) tail.start(filterParams(view)); else tail.stop();

  const params = filterParams(view, { time: "range" });
  params.set("limit", String(PAGE));
  $("logs").setAttribute("aria-busy", "true");
  get("/logs?" + params, { signal }).then(async (response) => {
    const page = await response.json();
    logs.clear();
    logs.append(page);
    next = nextLink(response);
    $("logs").setAttribute("aria-busy", "false");
    summary();
    performance.mark("logcentral:logs"); // time to the first results, for measurements
    // The observer only reports changes: on a screen taller than the page, ask for the next one now.
    if ($("more").getBoundingClientRect().top < innerHeight + 400) loadMore();
  }).catch(failed);
  getJson("/logs/stats?" + countParams("severity"), { signal }).then((stats) => {
    chart.render(stats, view.severities);
    facets.showSeverities(view, stats);
    performance.mark("logcentral:chart");
    inRange = stats.buckets.reduce((sum, b) => sum + view.severities.reduce((s, sev) => s + (b.counts[sev] || 0), 0)
      + (view.severities.length ? 0 : b.total), 0);
    summary();
  }).catch(failed);
  getJson("/logs/services?" + countParams("service"), { signal })
    .then((services) => facets.showServices(view, services)).catch(failed);
}

function summary() {
  const shown = `${NUMBER.format(logs.size)} shown`;
  $("summary").textContent = inRange == null ? shown : `${NUMBER.format(inRange)} logs in range, ${shown}`;
}

function failed(error) {
  if (error.name === "AbortError") return;
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    signOut(error.message);
    return;
  }
  showError(error);
}

function showError(error) {
  $("error").textContent = error ? error.message : "";
}

async function loadMore() {
  if (!next || loadingMore) return;
  loadingMore = true;
  const signal = loads.signal;
  try {
    const response = await get(next, { signal });
    logs.append(await response.json());
    next = nextLink(response);
    summary();
  } catch (error) {
    failed(error);
  } finally {
    loadingMore = false;
  }
}

// Live tail: new logs go on top while the list is at the top; scrolled away, they wait (with a counter) so nothing
// moves under the reader's eyes.
function atTop() {
  return window.scrollY < 8;
}

function arrived(batch) {
  pending.push(...batch);
  if (atTop()) flush();
  else showPending();
}

function flush() {
  const known = new Set([...$("logs").children].slice(0, 500).map((row) => row.dataset.id));
  logs.prepend(pending.filter((log) => !known.has(String(log.id))).reverse());
  pending.length = 0;
  showPending();
  summary();
}

function showPending() {
  $("new-logs").hidden = pending.length === 0;
  $("new-logs").textContent = `${NUMBER.format(pending.length)} new ${pending.length === 1 ? "log" : "logs"}: show`;
}

function signOut(message = "") {
  tail.stop();
  loads?.abort();
  token.clear();
  logs.clear();
  $("app-view").hidden = $("search").hidden = $("signout").hidden = $("views").hidden = true;
  $("admin-view").hidden = true;
  $("signin-view").hidden = false;
  $("signin-error").textContent = message;
  $("token").value = "";
  $("token").focus();
}

function signedIn() {
  $("signin-view").hidden = true;
  $("signout").hidden = $("views").hidden = false;
  route();
}

async function signIn(event) {
  event.preventDefault();
  token.set($("token").value.trim());
  try {
    await getJson("/logs/services?since=15m");
    signedIn();
  } catch (error) {
    signOut(error instanceof ApiError ? error.message : "The server could not be reached.");
  }
}

function theme() {
  const dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === "dark"
    : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.dataset.theme = dark ? "light" : "dark";
  localStorage.setItem("logcentral.theme", document.documentElement.dataset.theme);
  chart.restyle();
}

function keys(event) {
  const typing = event.target.matches("input, textarea, select");
  if (event.key === "/" && !typing && !$("search").hidden) {
    event.preventDefault();
    $("q").focus();
    $("q").select();
  } else if (event.key === "Escape" && event.target === $("q")) {
    $("q").value = "";
    if (view.q) change((v) => (v.q = ""));
  }
}

const savedTheme = localStorage.getItem("logcentral.theme");
if (savedTheme) document.documentElement.dataset.theme = savedTheme;
$("signin").addEventListener("submit", signIn);
$("signout").addEventListener("click", () => signOut());
$("theme").addEventListener("click", theme);
$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  change((v) => (v.q = $("q").value.trim()));
});
$("filters-toggle").addEventListener("click", (event) => {
  const open = $("facets").classList.toggle("open");
  event.target.setAttribute("aria-expanded", String(open));
});
$("live").addEventListener("click", () => change((v) => (v.live = !v.live)));
$("new-logs").addEventListener("click", () => {
  window.scrollTo(0, 0);
  flush();
});
$("copy-search").addEventListener("click", (event) =>
  copy(curlFor("/logs?" + filterParams(view, { time: "range" })), event.target));
document.addEventListener("keydown", keys);
window.addEventListener("scroll", () => pending.length && atTop() && flush(), { passive: true });
function followUrl() {
  if (location.hash !== appliedHash && token.get()) {
    view = readView();
    route();
  }
}
window.addEventListener("popstate", followUrl);
window.addEventListener("hashchange", followUrl);
new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: "400px" })
  .observe($("more"));
if (token.get()) signedIn(); else signOut();
