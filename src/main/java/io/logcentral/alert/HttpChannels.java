package io.logcentral.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Webhook, Slack and Telegram: a JSON POST each, with a deadline so a dead endpoint costs its own lane only. */
@Component
class HttpChannels {

    private final HttpClient.Builder builder;
    private final AlertProperties properties;
    private volatile HttpClient client;

    HttpChannels(AlertProperties properties) {
        this.properties = properties;
        // Built at the first send: building loads the TLS stack and starts a selector thread, about 4 % of a cold
        // start, for alerts that may never be sent. The builder still refuses a bad timeout at start.
        this.builder = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    void webhook(Map<String, String> settings, AlertMessage message) throws ChannelFailure, InterruptedException {
        post(settings.get("url"), JsonColumns.JSON.writeValueAsString(message));
    }

    void slack(Map<String, String> settings, AlertMessage message) throws ChannelFailure, InterruptedException {
        post(settings.get("url"), JsonColumns.JSON.writeValueAsString(Map.of("text", message.text())));
    }

    void telegram(Map<String, String> settings, AlertMessage message) throws ChannelFailure, InterruptedException {
        String base = settings.getOrDefault("api_url", properties.telegramApiUrl());
        String url = (base.endsWith("/") ? base : base + "/") + "bot" + settings.get("token") + "/sendMessage";
        String body = JsonColumns.JSON.writeValueAsString(
                Map.of("chat_id", settings.get("chat_id"), "text", message.text(), "disable_web_page_preview", true));
        post(url, body);
    }

    private void post(String url, String json) throws ChannelFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.sendTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "logcentral-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<Void> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ChannelFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChannelFailure("answered HTTP " + response.statusCode());
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = builder.build();
                }
                built = client;
            }
        }
        return built;
    }
}
