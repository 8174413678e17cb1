// The HTTP API with the token the user entered. The token lives in this tab's sessionStorage only: never in a URL,
// a cookie or localStorage, so it is gone when the tab closes and no other origin can read it.
const KEY = "logcentral.token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export function authHeaders() {
  return { Authorization: "Token " + token.get() };
}

/** GET a path of this origin; resolves to the Response when it is 2xx, else rejects with an ApiError. */
export async function get(path, { signal, headers = {} } = {}) {
  const response = await fetch(path, {
    headers: { Accept: "application/json", ...authHeaders(), ...headers },
    signal,
    cache: "no-store",
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  return response;
}

/** Sends a JSON body (or none) with another method; resolves to the answer's JSON, or null when it has none. */
export async function send(method, path, body) {
  const headers = { Accept: "application/json", ...authHeaders() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export async function getJson(path, options) {
  return (await get(path, options)).json();
}

/** The sentence an error answer carries (problem+json "error" or "detail"), or a description of the status. */
export async function problem(response) {
  const fallback = {
    401: "The token is not known to this server.",
    403: "This token may not read logs: it lacks the read scope. Sign in with a token that has read.",
    429: "Too many requests for this token; try again in a moment.",
    503: "The server is busy or its store is unavailable; try again in a moment.",
  }[response.status];
  if (response.status === 403 || response.status === 401) {
    return fallback;
  }
  try {
    const body = await response.json();
    return body.error || body.detail || fallback || "The server answered " + response.status + ".";
  } catch {
    return fallback || "The server answered " + response.status + ".";
  }
}

/** The path and query of the rel="next" Link: the header is absolute, but the page only talks to its own origin. */
export function nextLink(response) {
  const header = response.headers.get("Link");
  const match = header && header.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  if (!match) {
    return null;
  }
  const url = new URL(match[1], location.href);
  return url.pathname + url.search;
}
