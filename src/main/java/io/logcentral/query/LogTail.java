package io.logcentral.query;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.StoredLog;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live tails of {@code GET /logs/stream}. One thread looks for new commits twice a second and puts in each tail's
 * buffer the logs past the last id it buffered that match its filters, in commit order, so a resumed tail has no gap
 * and no duplicate. A tail whose buffer is full is skipped until it drains (it falls behind, it loses nothing), and
 * closed once it has sent nothing for {@link #STALL}. Idle tails get a comment every 15 s so proxies keep them open.
 */
@Component
class LogTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogTail.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration STALL = Duration.ofSeconds(5);
    private static final int CHUNK = 500;

    private final LogReader reader;
    private final QueryBudget budget;
    private final JsonMapper json;
    private final QueryProperties limits;
    private final TailStatus status;
    private final Map<SseEmitter, TailStream> tails = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(daemon("logcentral-tail"));
    private final ExecutorService senders = Executors.newCachedThreadPool(daemon("logcentral-tail-send"));
    private volatile boolean running;

    LogTail(LogReader reader, QueryBudget budget, JsonMapper json, QueryProperties limits, TailStatus status) {
        this.reader = reader;
        this.budget = budget;
        this.json = json;
        this.limits = limits;
        this.status = status;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param lastEventId the id of the last log the client got, to resume after it; null starts with what comes next.
     *     A resume replays at most the last {@code logcentral.query.tail-replay} logs, and says so when it skips.
     */
    synchronized SseEmitter open(LogQuery filters, String token, Long lastEventId) {
        long open = tails.values().stream().filter(t -> t.token.equals(token)).count();
        if (open >= limits.maxStreamsPerToken()) {
            throw new TooManyStreamsException(limits.maxStreamsPerToken());
        }
        long newest = reader.lastId();
        long start = lastEventId == null ? newest : Math.max(lastEventId, newest - limits.tailReplay());
        TailStream tail =
                new TailStream(filters, token, start, limits.tailBuffer().toBytes(), senders);
        SseEmitter emitter = tail.emitter;
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> forget(emitter));
        emitter.onError(e -> forget(emitter));
        // Sends the headers now: a client waits for them before it reads any event.
        tail.offer(SseEmitter.event().comment("connected"), 16);
        if (lastEventId != null && start > lastEventId) {
            String skipped = "{\"last_event_id\":" + lastEventId + ",\"resumed_after\":" + start + ",\"tail_replay\":"
                    + limits.tailReplay() + "}";
            tail.offer(SseEmitter.event().name("skipped").data(skipped), skipped.length());
        }
        // Only now may the poller add logs, after what the client must read first.
        tails.put(emitter, tail);
        return emitter;
    }

    /** One round; whatever it throws, the next round runs, so one bad round cannot silence every tail for good. */
    private void poll() {
        try {
            if (!tails.isEmpty()) {
                long newest = reader.lastId();
                tails.values().forEach(tail -> feed(tail, newest));
            }
            status.polled();
        } catch (Throwable e) {
            status.failed();
            log.warn("Live tail poll failed", e);
        }
    }

    private void feed(TailStream tail, long newest) {
        if (tail.isClosed()) {
            forget(tail.emitter);
        } else if (tail.stalled(STALL)) {
            log.debug("Closing a live tail of {}: its client has not read for {}", tail.token, STALL);
            status.droppedOne();
            forget(tail.emitter);
            tail.close();
        } else {
            try {
                buffer(tail, newest);
            } catch (RuntimeException e) {
                log.debug("Closing a live tail of {}: {}", tail.token, e.getMessage());
                forget(tail.emitter);
                tail.close();
            }
        }
    }

    /** Buffers the tail's logs up to {@code newest} while it has room; the rest waits for a later round. */
    private void buffer(TailStream tail, long newest) {
        while (tail.lastId < newest && tail.hasRoom()) {
            List<StoredLog> logs = budget.read(() -> reader.findAfterId(tail.filters, tail.lastId, CHUNK));
            for (StoredLog found : logs) {
                String data = json.writeValueAsString(LogView.of(found));
                SseEmitter.SseEventBuilder event = SseEmitter.event()
                        .name("log")
                        .id(String.valueOf(found.id()))
                        .data(data);
                if (!tail.offer(event, data.length())) {
                    return;
                }
                tail.lastId = found.id();
            }
            if (logs.size() < CHUNK) {
                // Every match up to newest is buffered; ids past newest may have come along too.
                tail.lastId = Math.max(tail.lastId, newest);
            }
        }
        if (tail.isEmpty() && tail.idleFor(HEARTBEAT)) {
            tail.offer(SseEmitter.event().comment("heartbeat"), 16);
        }
    }

    private void forget(SseEmitter emitter) {
        TailStream tail = tails.remove(emitter);
        if (tail != null) {
            tail.closedByClient();
        }
    }

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
        tails.values().forEach(TailStream::close);
        tails.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void shutDown() {
        poller.shutdownNow();
        senders.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
