package io.logcentral.storage;

import java.time.Instant;

/** A normalised log ready to be stored; {@code attributesJson} is a JSON object as text. */
public record NewLog(
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
