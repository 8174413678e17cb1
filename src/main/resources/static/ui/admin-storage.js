// Storage: what fills the disk (/admin/storage) and the retention rules in force (/admin/retention).
import { bytes, el, number, row, table } from "./admin-kit.js";
import { getJson } from "./api.js";

const TOP = 10;

export async function storagePanel(section, ctx) {
  try {
    const [storage, retention] = await Promise.all([getJson("/admin/storage"), getJson("/admin/retention")]);
    section.append(summary(storage), topServices(storage), templates(storage), rules(retention, storage));
  } catch (error) {
    ctx.fail(error);
  }
}

function summary(s) {
  const guard = s.disk_guard || {};
  const items = [
    ["Size", bytes(s.size_bytes), "storage-size"],
    ["Reusable inside the store", bytes(s.reusable_bytes), "storage-reusable"],
    ["Logs", number(s.logs), "storage-logs"],
    ["Oldest log", s.oldest_log ?? "none", "storage-oldest"],
    ["Disk guard", guard.refusing_writes ? "refusing writes" : guard.acting ? "freeing space" : "idle", "storage-guard"],
  ];
  return el("dl", { id: "storage-summary", class: "summary-list" },
    ...items.flatMap(([term, value, id]) => [el("dt", {}, term), el("dd", { id }, value)]));
}

function topServices(s) {
  const byService = new Map();
  for (const c of s.by_service_and_severity) {
    const total = byService.get(c.service) || { logs: 0, bytes: 0 };
    total.logs += c.logs;
    total.bytes += c.bytes;
    byService.set(c.service, total);
  }
  const top = [...byService].sort((a, b) => b[1].logs - a[1].logs).slice(0, TOP);
  return table("services-table", `Top services (at most ${TOP})`, ["Service", "Logs", "Size (estimate)"],
    top.map(([service, t]) => row([service, number(t.logs), bytes(t.bytes)])), "No logs.");
}

function templates(s) {
  return table("templates-table", `Top message templates (newest ${number(s.templates_sampled)} logs)`,
    ["Template", "Logs"], s.top_templates.map((t) => row([el("code", {}, t.template), number(t.count)])), "No logs.");
}

function rules(retention, storage) {
  const next = storage.retention_next || [];
  const due = (r) => next.find((n) => n.service === r.service && n.severity === r.severity);
  return el("div", {},
    table("retention-table", "Retention rules in force", ["Service", "Severity", "Max age", "Source", "Logs due now"],
      retention.rules.map((r) => row([r.service ?? "every service", r.severity ?? "every severity", r.max_age,
        r.source, due(r) ? number(due(r).logs_due) : ""])), "No rules."),
    el("p", { class: "muted" }, "Most specific first: " + retention.precedence + "."));
}
