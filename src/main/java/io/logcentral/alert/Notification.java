package io.logcentral.alert;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message for one channel in the outbox, from its commit before the first try until it is sent or given up. */
@Entity
@Table(name = "notifications")
class Notification {

    enum Status {
        pending,
        sent,
        failed
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ruleName;

    private String channel;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    private int suppressed;

    private Long logId;

    private String payload;

    private long createdAt;

    private long nextAttemptAt;

    private Long sentAt;

    private String lastError;

    protected Notification() {}

    /** @param firstTryBy when another replica may take the first try, should the one storing it not have made it */
    Notification(AlertMessage message, String channel, String payload, long now, long firstTryBy) {
        this.ruleName = message.rule();
        this.channel = channel;
        this.status = Status.pending;
        this.suppressed = message.more();
        this.logId = message.logId();
        this.payload = payload;
        this.createdAt = now;
        this.nextAttemptAt = firstTryBy;
    }

    void sent(long now) {
        attempts++;
        status = Status.sent;
        sentAt = now;
        lastError = null;
    }

    /** A failed try: another one at {@code retryAt}, or none when it is null. */
    void failed(String error, Long retryAt) {
        attempts++;
        lastError = error;
        if (retryAt == null) {
            status = Status.failed;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    Long id() {
        return id;
    }

    String ruleName() {
        return ruleName;
    }

    String channel() {
        return channel;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    int suppressed() {
        return suppressed;
    }

    Long logId() {
        return logId;
    }

    String payload() {
        return payload;
    }

    long createdAt() {
        return createdAt;
    }

    long nextAttemptAt() {
        return nextAttemptAt;
    }

    Long sentAt() {
        return sentAt;
    }

    String lastError() {
        return lastError;
    }
}
