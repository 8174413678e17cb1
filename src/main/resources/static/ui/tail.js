// Live tail over /logs/stream. EventSource cannot send an Authorization header, so the stream is read with fetch()
// and parsed here; after a drop it reconnects with Last-Event-ID, so no log is missed or shown twice.
import { ApiError, authHeaders, problem } from "./api.js";

const RETRY_MS = 2000;

export class LiveTail {
  /**
   * onLogs(logs) for each batch of events; onError(error) for an answer that retrying will not fix; onState(state)
   * when the tail is "connecting", "on" (the server streams), or "off".
   */
  constructor(onLogs, onError, onState) {
    this.onLogs = onLogs;
    this.onError = onError;
    this.onState = onState;
    this.controller = null;
    this.lastId = null;
  }

  get running() {
    return this.controller !== null;
  }

  start(params) {
    this.stop();
    this.lastId = null;
    this.controller = new AbortController();
    this.run(params, this.controller);
  }

  stop() {
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
    }
    this.onState("off");
  }

  async run(params, controller) {
    while (!controller.signal.aborted) {
      this.onState("connecting");
      try {
        await this.read(params, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status !== 503 && error.status !== 429) {
          this.controller = null;
          this.onState("off");
          this.onError(error);
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  async read(params, signal) {
    const headers = { Accept: "text/event-stream", ...authHeaders() };
    if (this.lastId) headers["Last-Event-ID"] = this.lastId;
    const response = await fetch("/logs/stream?" + params, { headers, signal, cache: "no-store" });
    if (!response.ok) {
      throw new ApiError(response.status, await problem(response));
    }
    this.onState("on");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, "\n");
      const events = buffer.split("\n\n");
      buffer = events.pop();
      const logs = events.map((event) => this.parse(event)).filter(Boolean);
      if (logs.length) this.onLogs(logs);
    }
  }

  parse(event) {
    let type = "message";
    let id = null;
    const data = [];
    for (const line of event.split("\n")) {
      const colon = line.indexOf(":");
      if (colon === 0) continue; // a comment: the server's keep-alive
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") type = value;
      else if (field === "id") id = value;
      else if (field === "data") data.push(value);
    }
    if (id) this.lastId = id;
    return type === "log" && data.length ? JSON.parse(data.join("\n")) : null;
  }
}
