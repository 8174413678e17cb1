package io.logcentral.alert;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows on {@link SendLanes}; failed tries come back after a doubling wait until {@code maxAttempts}, and a
 * sweep every {@link #SWEEP_SECONDS} picks up pending rows nothing in memory waits for. No transaction is open while
 * a channel is being talked to.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final long SWEEP_SECONDS = 30;
    private static final int SWEEP_ROWS = 1000;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final NotificationRepository notifications;
    private final ChannelRepository channels;
    private final TransactionTemplate transactions;
    private final Deliveries deliveries;
    private final AlertProperties properties;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final SendLanes lanes = new SendLanes();

    OutboxSender(
            NotificationRepository notifications,
            ChannelRepository channels,
            TransactionTemplate transactions,
            Deliveries deliveries,
            AlertProperties properties,
            AlertMetrics metrics,
            Clock clock) {
        this.notifications = notifications;
        this.channels = channels;
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What was pending when the server last stopped is sent now; then the sweep runs every {@link #SWEEP_SECONDS}. */
    @EventListener(ApplicationReadyEvent.class)
    void resendPending() {
        List<Notification> pending =
                transactions.execute(status -> notifications.findByStatus(Notification.Status.pending));
        metrics.pendingAtStart(pending.size());
        if (!pending.isEmpty()) {
            log.info("Resending {} pending notifications", pending.size());
        }
        // A restart is a fresh chance: what waited for its next try goes now.
        pending.forEach(n -> dispatch(n.id(), n.channel(), clock.millis()));
        lanes.every(SWEEP_SECONDS, this::sweep);
    }

    void dispatch(long id, String channel, long dueMillis) {
        lanes.submit(id, channel, dueMillis - clock.millis(), () -> attempt(id, channel));
    }

    /** The first try of a row just committed, with what it says still in hand: no read of the store before it. */
    void sendNow(long id, Channel channel, AlertMessage message) {
        lanes.submit(id, channel.name(), 0, () -> deliver(id, new Attempt(channel, message)));
    }

    @PreDestroy
    void stop() {
        lanes.stop();
    }

    /** Pending rows that are due and that no lane holds (a full lane left them in the store). */
    private void sweep() {
        try {
            List<Notification> due = transactions.execute(
                    status -> notifications.findDue(Notification.Status.pending, clock.millis(), SWEEP_ROWS));
            due.forEach(n -> dispatch(n.id(), n.channel(), n.nextAttemptAt()));
        } catch (Throwable e) {
            // Whatever escaped would end the sweep for good.
            log.warn("Looking for pending notifications failed: {}", e.toString());
        }
    }

    private void attempt(long id, String channel) {
        try {
            Attempt attempt = transactions.execute(status -> load(id));
            if (attempt != null) {
                deliver(id, attempt);
            }
        } catch (RuntimeException e) {
            retryLater(id, channel, e);
        }
    }

    private void deliver(long id, Attempt attempt) {
        try {
            String error = null;
            try {
                deliveries.send(attempt.channel(), attempt.message());
            } catch (ChannelFailure e) {
                error = e.getMessage();
            }
            record(id, error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            retryLater(id, attempt.channel().name(), e);
        }
    }

    /** The store refused the bookkeeping (busy, full): the row is still pending, so it is tried again later. */
    private void retryLater(long id, String channel, RuntimeException e) {
        log.warn("Notification {} could not be recorded, trying again: {}", id, e.toString());
        dispatch(id, channel, clock.millis() + properties.firstRetry().toMillis());
    }

    /**
     * How long a try may hold a row before another replica's sweep takes it: both channel timeouts twice over, and
     * some. The replica that stores a row makes its first try without reading it back, so the row starts taken.
     */
    long leaseMillis() {
        return properties
                .connectTimeout()
                .plus(properties.sendTimeout())
                .multipliedBy(2)
                .plus(LEASE_MARGIN)
                .toMillis();
    }

    private Attempt load(long id) {
        Notification notification = notifications.findById(id).orElse(null);
        if (notification == null || notification.status() != Notification.Status.pending) {
            return null;
        }
        long now = clock.millis();
        if (notifications.take(id, notification.nextAttemptAt(), now + leaseMillis(), Notification.Status.pending)
                == 0) {
            // Another replica's sweep took it first.
            return null;
        }
        Channel channel = channels.findById(notification.channel()).orElse(null);
        if (channel == null) {
            notification.failed("channel " + notification.channel() + " no longer exists", null);
            metrics.failed();
            return null;
        }
        return new Attempt(channel, JsonColumns.JSON.readValue(notification.payload(), AlertMessage.class));
    }

    private void record(long id, String error) {
        Notification done = transactions.execute(status -> {
            Notification notification = notifications.findById(id).orElseThrow();
            if (error == null) {
                notification.sent(clock.millis());
                return notification;
            }
            boolean last = notification.attempts() + 1 >= properties.maxAttempts();
            notification.failed(
                    error,
                    last
                            ? null
                            : clock.millis() + backoff(notification.attempts()).toMillis());
            return notification;
        });
        switch (done.status()) {
            case sent -> metrics.sent();
            case failed -> {
                metrics.failed();
                log.warn("Notification {} to {} failed for good: {}", id, done.channel(), error);
            }
            case pending -> {
                log.debug("Notification {} to {} failed, retrying: {}", id, done.channel(), error);
                dispatch(id, done.channel(), done.nextAttemptAt());
            }
        }
    }

    /** 1 s, 2 s, 4 s ... up to {@code maxRetry}. */
    private Duration backoff(int failedBefore) {
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(failedBefore, 20));
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private record Attempt(Channel channel, AlertMessage message) {}
}
