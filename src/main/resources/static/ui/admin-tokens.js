// Tokens: the list (static ones read-only), revoke for managed ones, and a form whose answer shows the secret once.
import { button, el, input, labelled, onSubmit, row, table } from "./admin-kit.js";
import { getJson, send } from "./api.js";

const SCOPES = ["ingest", "read", "admin"];

export function tokensPanel(section, ctx) {
  const list = el("div", { class: "admin-list" });
  const secret = el("div", { id: "new-token", class: "secret", role: "status" });
  secret.hidden = true;
  section.append(list, secret, form());
  refresh();

  async function refresh() {
    try {
      const tokens = await getJson("/admin/tokens");
      list.replaceChildren(table("tokens-table", "Tokens", ["Name", "Scopes", "Service", "Managed", "Expires", ""],
        tokens.map(tokenRow), "No tokens."));
    } catch (error) {
      ctx.fail(error);
    }
  }

  function tokenRow(t) {
    const revoke = t.managed
      ? button("Revoke", () => revokeToken(t.name), { "aria-label": "Revoke token " + t.name })
      : null;
    return row([t.name, t.scopes.join(", "), t.service, t.managed ? "yes" : "no (configuration)",
      t.expires_at ?? "never", revoke], { "data-token": t.name });
  }

  async function revokeToken(name) {
    if (!confirm(`Revoke the token ${name}? Clients that use it get 401 from now on.`)) return;
    try {
      await send("DELETE", "/admin/tokens/" + encodeURIComponent(name));
      ctx.clear();
      await refresh();
    } catch (error) {
      ctx.fail(error);
    }
  }

  function form() {
    const name = input("name", { id: "token-name", required: true, title: "Lower-case letters, digits and -" });
    const scopes = SCOPES.map((scope) => input("scopes", { type: "checkbox", value: scope, defaultChecked: scope === "ingest" }));
    const service = input("service", { id: "token-service" });
    const create = el("form", { id: "token-form", class: "admin-form" },
      el("h3", {}, "Create a token"),
      labelled("Name", name),
      el("fieldset", {}, el("legend", {}, "Scopes"), ...scopes.map((box) => labelled(box.value, box, "check"))),
      labelled("Bound to service (optional)", service),
      el("button", { type: "submit" }, "Create token"));
    return onSubmit(create, async () => {
      const body = { name: name.value.trim(), scopes: scopes.filter((b) => b.checked).map((b) => b.value) };
      if (service.value.trim()) body.service = service.value.trim();
      const created = await send("POST", "/admin/tokens", body);
      ctx.clear();
      showSecret(created);
      await refresh();
    }, ctx.fail);
  }

  /** The secret exists in the page only here, until "Done": the server never shows it again. */
  function showSecret(created) {
    const code = el("code", { id: "new-token-secret" }, created.token);
    const copyButton = button("Copy token", async () => {
      try {
        await navigator.clipboard.writeText(created.token);
        copyButton.textContent = "Copied";
      } catch {
        copyButton.textContent = "Select the token and copy it";
      }
    });
    const done = button("Done", () => {
      secret.replaceChildren();
      secret.hidden = true;
    }, { "aria-label": "Done: hide the new token" });
    secret.replaceChildren(
      el("p", {}, el("strong", {}, `Token ${created.name} created. `),
        "Copy it now: it will not be shown again."),
      el("div", { class: "actions" }, code, copyButton, done));
    secret.hidden = false;
  }
}
