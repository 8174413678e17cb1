package io.logcentral.query;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.StoredLog;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live tails of {@code GET /logs/stream}. One thread looks for new commits twice a second and sends each tail the
 * logs past the last id it sent that match its filters, in commit order, so a resumed tail has no gap and no
 * duplicate. Idle tails get a comment every 15 s so proxies keep them open.
 */
@Component
class LogTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogTail.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int CHUNK = 500;

    private static final class Tail {
        final LogQuery filters;
        final String token;
        volatile long lastId;
        volatile long lastSentNanos = System.nanoTime();

        Tail(LogQuery filters, String token, long lastId) {
            this.filters = filters;
            this.token = token;
            this.lastId = lastId;
        }
    }

    private final LogReader reader;
    private final JsonMapper json;
    private final int maxPerToken;
    private final Map<SseEmitter, Tail> tails = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "logcentral-tail");
        thread.setDaemon(true);
        return thread;
    });

    LogTail(LogReader reader, JsonMapper json, QueryProperties properties) {
        this.reader = reader;
        this.json = json;
        this.maxPerToken = properties.maxStreamsPerToken();
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param lastEventId the id of the last log the client got, to resume after it; null starts with what comes next
     */
    synchronized SseEmitter open(LogQuery filters, String token, Long lastEventId) {
        long open = tails.values().stream().filter(t -> t.token.equals(token)).count();
        if (open >= maxPerToken) {
            throw new TooManyStreamsException(maxPerToken);
        }
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> tails.remove(emitter));
        emitter.onTimeout(() -> tails.remove(emitter));
        emitter.onError(e -> tails.remove(emitter));
        tails.put(emitter, new Tail(filters, token, lastEventId != null ? lastEventId : reader.lastId()));
        try {
            // Sends the headers now: a client waits for them before it reads any event.
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            tails.remove(emitter);
        }
        return emitter;
    }

    private void poll() {
        if (tails.isEmpty()) {
            return;
        }
        try {
            long newest = reader.lastId();
            tails.forEach((emitter, tail) -> send(emitter, tail, newest));
        } catch (RuntimeException e) {
            log.warn("Live tail poll failed: {}", e.getMessage());
        }
    }

    private void send(SseEmitter emitter, Tail tail, long newest) {
        try {
            while (tail.lastId < newest) {
                List<StoredLog> logs = reader.findAfterId(tail.filters, tail.lastId, CHUNK);
                for (StoredLog found : logs) {
                    emitter.send(SseEmitter.event()
                            .name("log")
                            .id(String.valueOf(found.id()))
                            .data(json.writeValueAsString(LogView.of(found))));
                    tail.lastSentNanos = System.nanoTime();
                }
                long lastSent =
                        logs.isEmpty() ? tail.lastId : logs.get(logs.size() - 1).id();
                // A short chunk means every match up to newest was sent; ids past newest may have come along too.
                tail.lastId = logs.size() < CHUNK ? Math.max(newest, lastSent) : lastSent;
            }
            if (System.nanoTime() - tail.lastSentNanos > HEARTBEAT.toNanos()) {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                tail.lastSentNanos = System.nanoTime();
            }
        } catch (IOException | IllegalStateException gone) {
            tails.remove(emitter);
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every tail cleanly, so clients see the stream close rather than a reset. Runs before the web server's
     * graceful shutdown (the default phase stops first), which would otherwise wait for open tails until it gives up.
     */
    @Override
    public void stop() {
        running = false;
        tails.keySet().forEach(SseEmitter::complete);
        tails.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void shutDownPoller() {
        poller.shutdownNow();
    }
}
