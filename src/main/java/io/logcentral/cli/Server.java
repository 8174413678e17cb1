package io.logcentral.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /logs} of one logcentral server. Overload ({@code 503}, {@code 429}) and a server that cannot be reached
 * are waited out, honouring {@code Retry-After}, for up to {@code patience}; every other answer goes back to the
 * command, which knows what its items were.
 */
final class Server {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String token;
    private final Duration patience;
    private final AtomicLong retries = new AtomicLong();

    Server(String url, String token, Duration patience) {
        this.base = base(url);
        this.token = token;
        this.patience = patience;
        // HTTP/1.1: the default HTTP/2 would first try an h2c upgrade on every new plain-HTTP connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** {@code http://host:8080}, {@code http://host:8080/} and seed 001's {@code http://host:8080/logs} alike. */
    static String base(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--url must be an http:// or https:// URL with a host, not '" + url + "'");
        }
        String withoutSlash = trimmed.replaceAll("/+$", "");
        return withoutSlash.endsWith("/logs") ? withoutSlash.substring(0, withoutSlash.length() - 5) : withoutSlash;
    }

    String logsUrl() {
        return base + "/logs";
    }

    long retries() {
        return retries.get();
    }

    /** An answer: its status, body and whether the server replayed it for an {@code Idempotency-Key} it knew. */
    record Answer(int status, byte[] body, boolean replayed) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Thrown when the server stayed overloaded or unreachable for longer than the patience given. */
    static final class UnavailableException extends IOException {
        UnavailableException(String message) {
            super(message);
        }
    }

    Answer postLogs(Map<String, String> query, String contentType, byte[] body, @Nullable String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(logsUrl() + queryString(query)))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Token " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration backoff = Duration.ofMillis(250);
        while (true) {
            String reason;
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status != 503 && status != 429) {
                    boolean replayed = response.headers()
                            .firstValue("Idempotent-Replayed")
                            .map("true"::equals)
                            .orElse(false);
                    return new Answer(status, response.body(), replayed);
                }
                reason = "the server answered " + status;
                wait = retryAfter(response).orElse(backoff);
            } catch (IOException e) {
                reason = "the server could not be reached at " + base + " (" + describe(e) + ")";
                wait = backoff;
            }
            if (System.nanoTime() + wait.toNanos() > deadline) {
                throw new UnavailableException(reason + " for longer than " + patience.toSeconds() + " s");
            }
            retries.incrementAndGet();
            Thread.sleep(wait.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + ", " + e.getCause();
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
