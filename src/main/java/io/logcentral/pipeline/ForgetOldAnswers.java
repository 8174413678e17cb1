package io.logcentral.pipeline;

import io.logcentral.storage.LogWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets idempotency answers older than a day: every few minutes whether ingest is idle or not, a step at a time, so
 * a day of answers to forget never holds a commit back for long.
 */
final class ForgetOldAnswers implements Maintenance {

    private static final Logger log = LoggerFactory.getLogger(ForgetOldAnswers.class);
    static final Duration ANSWERS_KEPT = Duration.ofHours(24);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final LogWriter writer;
    private final Clock clock;
    private Instant next = Instant.EPOCH;

    ForgetOldAnswers(LogWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public boolean step() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return false;
        }
        int deleted;
        try {
            deleted = writer.deleteAnswersBefore(now.minus(ANSWERS_KEPT));
        } catch (RuntimeException e) {
            log.warn("Could not forget old idempotency answers: {}", e.getMessage());
            next = now.plus(EVERY);
            return false;
        }
        boolean more = deleted == LogWriter.ANSWERS_DELETED_AT_ONCE;
        next = more ? now : now.plus(EVERY);
        log.debug("Forgot {} idempotency answers older than {}", deleted, ANSWERS_KEPT);
        return more;
    }
}
