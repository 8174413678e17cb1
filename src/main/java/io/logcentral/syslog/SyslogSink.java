package io.logcentral.syslog;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.StoredLogs;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a batch of frames through ingest's gate, as the listener's token: the same normalising, rate limit, queue
 * admission and group commit as {@code POST /logs}, and back only once committed.
 */
final class SyslogSink {

    private static final Logger log = LoggerFactory.getLogger(SyslogSink.class);
    private static final long MAX_WAIT_MILLIS = 5_000;

    private final IngestGate gate;
    private final TokenPrincipal principal;
    private final SyslogLogs logs;
    private final SyslogMetrics metrics;

    SyslogSink(IngestGate gate, TokenPrincipal principal, SyslogMetrics metrics) {
        this.gate = gate;
        this.principal = principal;
        this.logs = new SyslogLogs(principal);
        this.metrics = metrics;
    }

    /**
     * For TCP, whose sender waits on the connection: while the server is full or the token over its rate, waits as
     * long as {@code Retry-After} says and tries again, so the sender is slowed down rather than its logs dropped.
     *
     * @param givenUp asked before each retry: true when the listener is stopping for good
     * @return false when the batch was given up
     */
    boolean storeWaiting(List<String> frames, String sender, BooleanSupplier givenUp) throws InterruptedException {
        List<ObjectNode> batch = logs.of(frames, sender);
        while (true) {
            try {
                store(batch);
                return true;
            } catch (ErrorResponseException e) {
                if (!retryable(e) || givenUp.getAsBoolean()) {
                    metrics.dropped(batch.size());
                    log.warn(
                            "{} syslog frames from {} given up: {}",
                            batch.size(),
                            sender,
                            e.getBody().getDetail());
                    return false;
                }
                metrics.retried();
                Thread.sleep(waitMillis(e));
            }
        }
    }

    /** For UDP, whose sender never waits: a batch the server cannot take now is dropped and counted. */
    void storeOnce(List<ObjectNode> batch) {
        try {
            store(batch);
        } catch (ErrorResponseException e) {
            // Debug only: under a flood this would be a line per datagram batch; the count is in /metrics.
            metrics.dropped(batch.size());
            log.debug(
                    "{} syslog datagrams dropped: {}", batch.size(), e.getBody().getDetail());
        }
    }

    ObjectNode log(String frame, String sender) {
        return logs.log(frame, sender);
    }

    private void store(List<ObjectNode> batch) {
        StoredLogs outcome = gate.storeEach(batch, principal);
        metrics.stored(outcome.stored());
        if (!outcome.rejected().isEmpty()) {
            metrics.rejected(outcome.rejected().size());
            log.debug(
                    "{} syslog frames refused, the first: {}",
                    outcome.rejected().size(),
                    outcome.rejected().values().iterator().next());
        }
    }

    /** A full queue, a busy store and a rate limit pass; anything else would refuse the same batch again. */
    private static boolean retryable(ErrorResponseException e) {
        int status = e.getStatusCode().value();
        return status == 503 || status == 429;
    }

    private static long waitMillis(ErrorResponseException e) {
        String retryAfter = e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        try {
            return Math.min(MAX_WAIT_MILLIS, Math.max(100, Long.parseLong(retryAfter) * 1000));
        } catch (NumberFormatException notANumber) {
            return 1000;
        }
    }
}
