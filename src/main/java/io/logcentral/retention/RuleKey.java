package io.logcentral.retention;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One retention rule, from configuration or the API. Precedence, most specific first: service and severity, then
 * service alone, then severity alone, then the default age. A rule of the API replaces a configured one for the same
 * service and severity.
 *
 * @param service lower case, or null for any service
 * @param severity or null for any severity
 */
record RuleKey(String service, Severity severity, Duration maxAge, String source) {

    static RuleKey of(String service, Severity severity, Duration maxAge, String source) {
        String name =
                service == null || service.isBlank() ? null : service.strip().toLowerCase(Locale.ROOT);
        return new RuleKey(name, severity, maxAge, source);
    }

    /** 3 for service and severity, 2 for service, 1 for severity, 0 for the default. */
    int rank() {
        return (service == null ? 0 : 2) + (severity == null ? 0 : 1);
    }

    boolean sameTarget(RuleKey other) {
        return Objects.equals(service, other.service) && severity == other.severity;
    }
}
