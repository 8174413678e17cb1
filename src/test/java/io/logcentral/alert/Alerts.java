package io.logcentral.alert;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small helpers over the admin API and ingest, so tests say what they set up rather than how. */
final class Alerts {

    private final Api api;
    private final String admin;

    Alerts(Api api) {
        this(api, TestTokens.ADMIN);
    }

    Alerts(Api api, String adminToken) {
        this.api = api;
        this.admin = adminToken;
    }

    Api.Reply createChannel(Map<String, Object> channel) {
        return api.post("/admin/channels", Api.write(channel))
                .json()
                .token(admin)
                .send();
    }

    Api.Reply createRule(Map<String, Object> rule) {
        return api.post("/admin/alerts", Api.write(rule)).json().token(admin).send();
    }

    void webhook(String name, String url) {
        Api.Reply reply = createChannel(Map.of("name", name, "type", "webhook", "url", url));
        if (reply.status() != 201) {
            throw new IllegalStateException("channel not created: " + reply);
        }
    }

    long rule(Map<String, Object> rule) {
        Api.Reply reply = createRule(rule);
        if (reply.status() != 201) {
            throw new IllegalStateException("rule not created: " + reply);
        }
        return reply.json().get("id").asLong();
    }

    /** Posts logs and waits until the rules have seen them, so moving the clock afterwards cannot reach back. */
    Api.Reply postChecked(AlertMetrics metrics, String service, String severity, String... messages)
            throws InterruptedException {
        Api.Reply reply = post(service, severity, messages);
        long last = reply.json().get("ids").get(messages.length - 1).asLong();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (metrics.checkedThrough() < last) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("log " + last + " was not checked within 5 s");
            }
            Thread.sleep(10);
        }
        return reply;
    }

    Api.Reply post(String service, String severity, String... messages) {
        List<Map<String, Object>> logs = java.util.Arrays.stream(messages)
                .map(m -> Api.log(service, severity, m))
                .toList();
        return api.post("/logs", Api.write(logs)).json().token(admin).send();
    }

    JsonNode notifications() {
        return api.get("/admin/notifications?limit=1000").token(admin).send().json();
    }

    static boolean about(Receiver.Received received, String service) {
        return received.body().has("service")
                && received.body().get("service").asString().equals(service);
    }

    static boolean mentions(Receiver.Received received, String text) {
        return received.body().toString().contains(text);
    }
}
