package io.logcentral.storage;

import java.time.Instant;

/** A log as the store holds it; {@code attributesJson} is the JSON object text kept as sent. */
public record StoredLog(
        long id,
        Instant timestamp,
        Instant receivedAt,
        String service,
        Severity severity,
        String message,
        String requestId,
        String traceId,
        String spanId,
        String host,
        String attributesJson) {}
