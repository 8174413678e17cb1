package io.logcentral.alert;

import com.sun.net.httpserver.HttpServer;
import io.logcentral.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A real HTTP endpoint standing in for a webhook, Slack or Telegram: it keeps every POST it receives. */
public final class Receiver implements AutoCloseable {

    /** One request received. */
    public record Received(String path, JsonNode body, long atNanos) {}

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private Receiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), Api.json(body), System.nanoTime()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public static Receiver start() {
        return new Receiver(0);
    }

    static Receiver startOn(int port) {
        return new Receiver(port);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request that passes {@code wanted}, skipping others; null when none came within {@code wait}. */
    public Received next(Predicate<Received> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received one = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (one == null || wanted.test(one)) {
                return one;
            }
        }
    }

    /** Requests that arrive within {@code wait} and pass {@code wanted}. */
    public int count(Predicate<Received> wanted, Duration wait) throws InterruptedException {
        int count = 0;
        while (next(wanted, wait) != null) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
