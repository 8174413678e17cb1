package io.logcentral;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the server under test: what curl would do, without a mock in between. */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path, String body) {
        return new Call("POST", path).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Call request(String method, String path) {
        return new Call(method, path);
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Token " + token);
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call json() {
            return header("Content-Type", "application/json");
        }

        public Call body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Reply send() {
            // No test waits forever on a server that stopped answering.
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(TIMEOUT)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
            }
            try {
                return new Reply(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response, with its body read as JSON on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return Api.json(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }

    public static Map<String, Object> log(String service, String severity, String message) {
        return Map.of("service", service, "severity", severity, "message", message);
    }
}
