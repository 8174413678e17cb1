package io.logcentral.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.logcentral.storage.StoredLog;
import io.logcentral.storage.Timestamps;

/**
 * A log as {@code GET /logs} writes it. {@code level} repeats {@code severity} and {@code data} repeats
 * {@code attributes}, so clients written for either shape keep working; attributes go out as the JSON text stored.
 */
record LogView(
        long id,
        String timestamp,
        @JsonProperty("received_at") String receivedAt,
        String service,
        String severity,
        String level,
        String message,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("span_id") String spanId,
        String host,
        @JsonRawValue String attributes,
        @JsonRawValue String data) {

    static LogView of(StoredLog log) {
        String severity = log.severity().name();
        return new LogView(
                log.id(),
                Timestamps.format(log.timestamp()),
                Timestamps.format(log.receivedAt()),
                log.service(),
                severity,
                severity,
                log.message(),
                log.requestId(),
                log.traceId(),
                log.spanId(),
                log.host(),
                log.attributesJson(),
                log.attributesJson());
    }
}
