// The admin view (#admin=tokens|alerts|storage): what a token with the admin scope manages, through the admin API.
// A token without that scope sees why, instead of a half-drawn page.
import { alertsPanel } from "./admin-alerts.js";
import { el } from "./admin-kit.js";
import { storagePanel } from "./admin-storage.js";
import { tokensPanel } from "./admin-tokens.js";
import { ApiError } from "./api.js";

const PANELS = { tokens: tokensPanel, alerts: alertsPanel, storage: storagePanel };
const TITLES = { tokens: "Tokens", alerts: "Alert rules and channels", storage: "Storage" };
export const LACKS_ADMIN = "This token lacks the admin scope. Sign in with a token that has admin to manage tokens,"
  + " alerts and storage.";

/** The admin tab the fragment names (an unknown one means tokens), or null outside the admin view. */
export function adminTab(hash = location.hash) {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("admin");
  if (value == null) return null;
  return Object.hasOwn(PANELS, value) ? value : "tokens";
}

export class AdminView {
  constructor(root, signOut) {
    this.root = root;
    this.body = root.querySelector("#admin-body");
    this.error = root.querySelector("#admin-error");
    this.signOut = signOut;
  }

  show(tab) {
    for (const link of this.root.querySelectorAll("[data-tab]")) {
      if (link.dataset.tab === tab) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    this.error.textContent = "";
    // A fresh section per visit: answers that come after the user left land in a detached node and show nothing.
    const section = el("section", { class: "admin-panel", "aria-label": TITLES[tab] }, el("h2", {}, TITLES[tab]));
    section.dataset.tab = tab;
    this.body.replaceChildren(section);
    PANELS[tab](section, {
      fail: (error) => this.fail(error, section),
      clear: () => (this.error.textContent = ""),
    });
  }

  fail(error, section) {
    if (!section.isConnected) return;
    if (error instanceof ApiError && error.status === 401) {
      this.signOut(error.message);
      return;
    }
    if (error instanceof ApiError && error.status === 403) {
      section.replaceChildren();
      this.error.textContent = LACKS_ADMIN;
      return;
    }
    this.error.textContent = error.message;
  }
}
