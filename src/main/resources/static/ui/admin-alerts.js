// Alert rules and channels: lists, a form for each, delete, "Send test" on a rule, and the last 20 notifications.
import { button, el, input, labelled, list, onSubmit, row, select, table } from "./admin-kit.js";
import { getJson, send } from "./api.js";
import { SEVERITIES } from "./view.js";

const CHANNEL_TYPES = ["webhook", "slack"];
const HISTORY = 20;

export function alertsPanel(section, ctx) {
  const channels = el("div", { class: "admin-list" });
  const rules = el("div", { class: "admin-list" });
  const history = el("div", { class: "admin-list" });
  const status = el("p", { id: "alerts-status", class: "muted", role: "status" });
  section.append(status, channels, channelForm(), rules, ruleForm(), history);
  refresh();

  async function refresh() {
    try {
      const [c, r, n] = await Promise.all([
        getJson("/admin/channels"), getJson("/admin/alerts"), getJson("/admin/notifications?limit=" + HISTORY)]);
      channels.replaceChildren(table("channels-table", "Channels", ["Name", "Type", ""], c.map(channelRow),
        "No channels: rules have nowhere to send."));
      rules.replaceChildren(table("rules-table", "Alert rules",
        ["Name", "Severity", "Services", "Search", "Channels", "Enabled", ""], r.map(ruleRow), "No rules."));
      history.replaceChildren(table("notifications-table", `Notifications (last ${HISTORY})`,
        ["Created", "Rule", "Channel", "Status", "Attempts", "More", "Error"], n.map(notificationRow),
        "Nothing sent yet."));
    } catch (error) {
      ctx.fail(error);
    }
  }

  async function act(method, path, done) {
    try {
      const answer = await send(method, path);
      ctx.clear();
      status.textContent = done(answer);
      await refresh();
    } catch (error) {
      ctx.fail(error);
    }
  }

  function channelRow(c) {
    const remove = button("Delete", () => confirm(`Delete the channel ${c.name}?`)
      && act("DELETE", "/admin/channels/" + encodeURIComponent(c.name), () => `Channel ${c.name} deleted.`),
      { "aria-label": "Delete channel " + c.name });
    return row([c.name, c.type, remove], { "data-channel": c.name });
  }

  function ruleRow(r) {
    const path = "/admin/alerts/" + r.id;
    const test = button("Send test", () => act("POST", path + "/test",
      (a) => `Test of ${r.name}: ${a.notifications.length} notification(s) queued.`),
      { "aria-label": "Send a test of rule " + r.name });
    const remove = button("Delete", () => confirm(`Delete the rule ${r.name}?`)
      && act("DELETE", path, () => `Rule ${r.name} deleted.`), { "aria-label": "Delete rule " + r.name });
    const severity = r.min_severity ? r.min_severity + " and above" : (r.severities || []).join(", ") || "any";
    const services = (r.services || []).join(", ") || "all";
    const targets = (r.channels || []).join(", ") || "every channel";
    return row([r.name, severity, services, r.q, targets, r.enabled ? "yes" : "no",
      el("span", { class: "actions" }, test, remove)], { "data-rule": r.name });
  }

  function notificationRow(n) {
    return row([n.created_at, n.rule, n.channel, n.status, n.attempts, n.suppressed || "", n.error]);
  }

  function channelForm() {
    const name = input("name", { id: "channel-name", required: true });
    const type = select("type", CHANNEL_TYPES, "webhook");
    type.id = "channel-type";
    const url = input("url", { id: "channel-url", type: "url", required: true, placeholder: "https://…" });
    const form = el("form", { id: "channel-form", class: "admin-form" },
      el("h3", {}, "Add a channel"),
      labelled("Name", name), labelled("Type", type), labelled("URL", url),
      el("button", { type: "submit" }, "Add channel"));
    return onSubmit(form, async () => {
      await send("POST", "/admin/channels", { name: name.value.trim(), type: type.value, url: url.value.trim() });
      ctx.clear();
      status.textContent = `Channel ${name.value.trim()} added.`;
      await refresh();
    }, ctx.fail);
  }

  function ruleForm() {
    const name = input("name", { id: "rule-name", required: true });
    const severity = select("min_severity", SEVERITIES, "ERROR");
    severity.id = "rule-severity";
    const services = input("services", { id: "rule-services", placeholder: "empty: every service" });
    const q = input("q", { id: "rule-q", placeholder: "as in the search box" });
    const targets = input("channels", { id: "rule-channels", placeholder: "empty: every channel" });
    const form = el("form", { id: "rule-form", class: "admin-form" },
      el("h3", {}, "Add a rule"),
      labelled("Name", name), labelled("Minimum severity", severity),
      labelled("Services (comma list)", services), labelled("Search", q),
      labelled("Channels (comma list)", targets),
      el("button", { type: "submit" }, "Add rule"));
    return onSubmit(form, async () => {
      const body = { name: name.value.trim(), min_severity: severity.value };
      if (list(services.value).length) body.services = list(services.value);
      if (q.value.trim()) body.q = q.value.trim();
      if (list(targets.value).length) body.channels = list(targets.value);
      await send("POST", "/admin/alerts", body);
      ctx.clear();
      status.textContent = `Rule ${body.name} added.`;
      await refresh();
    }, ctx.fail);
  }
}
