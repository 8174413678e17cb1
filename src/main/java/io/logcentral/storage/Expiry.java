package io.logcentral.storage;

import java.time.Instant;

/**
 * One retention rule as the store applies it: logs it matches with a timestamp before {@code before} go.
 *
 * @param service the service it is for, any when null
 * @param severity the severity it is for, any when null
 * @param before the cut-off on the log's own timestamp
 */
public record Expiry(String service, Severity severity, Instant before) {

    /** Whether every log this one matches is also matched by {@code other}, which wins when it is more specific. */
    public boolean overlaps(Expiry other) {
        return (service == null || other.service == null || service.equalsIgnoreCase(other.service))
                && (severity == null || other.severity == null || severity == other.severity);
    }
}
