package io.logcentral.ingest;

import io.logcentral.storage.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Counts of what ingest stored and refused since start, kept as Micrometer meters so Prometheus sees them too. */
@Component
public class IngestMetrics {

    private final Map<Severity, Counter> stored = new EnumMap<>(Severity.class);
    private final Counter rejectedLogs;
    private final Counter rejectedRequests;
    private final Timer requests;

    IngestMetrics(MeterRegistry registry) {
        for (Severity severity : Severity.values()) {
            stored.put(
                    severity,
                    Counter.builder("logcentral.ingest.logs")
                            .description("Logs stored")
                            .tag("severity", severity.name())
                            .register(registry));
        }
        rejectedLogs = Counter.builder("logcentral.ingest.rejected.logs")
                .description("Items refused for what they contain")
                .register(registry);
        rejectedRequests = Counter.builder("logcentral.ingest.rejected.requests")
                .description("Requests of which nothing was stored")
                .register(registry);
        requests = Timer.builder("logcentral.ingest.requests")
                .description("POST /logs from the controller to the answer, whatever the answer")
                .register(registry);
    }

    void requestTook(long nanos) {
        requests.record(nanos, TimeUnit.NANOSECONDS);
    }

    void stored(Severity severity) {
        stored.get(severity).increment();
    }

    void rejectedLogs(int count) {
        rejectedLogs.increment(count);
    }

    void rejectedRequest() {
        rejectedRequests.increment();
    }

    public long logsProcessed() {
        return stored.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    public long logsRejected() {
        return (long) rejectedLogs.count();
    }

    public long requestsRejected() {
        return (long) rejectedRequests.count();
    }

    public Map<String, Long> logsBySeverity() {
        Map<String, Long> counts = new LinkedHashMap<>();
        stored.forEach((severity, counter) -> counts.put(severity.name(), (long) counter.count()));
        return counts;
    }
}
