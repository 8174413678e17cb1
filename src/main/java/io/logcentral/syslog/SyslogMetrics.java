package io.logcentral.syslog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** What the syslog listener received, stored, refused and dropped since start, as Micrometer meters. */
@Component
public class SyslogMetrics {

    private final Counter received;
    private final Counter stored;
    private final Counter rejected;
    private final Counter dropped;
    private final Counter retries;
    private final Counter refusedConnections;
    private final AtomicInteger connections = new AtomicInteger();

    SyslogMetrics(MeterRegistry registry) {
        received = counter(registry, "logcentral.syslog.received", "Syslog frames received");
        stored = counter(registry, "logcentral.syslog.stored", "Syslog frames stored");
        rejected = counter(
                registry, "logcentral.syslog.rejected", "Frames refused for what they hold (too long, invalid)");
        dropped =
                counter(registry, "logcentral.syslog.dropped", "UDP frames dropped: queue full, overload, rate limit");
        retries = counter(registry, "logcentral.syslog.retries", "TCP batches that waited for room and were retried");
        refusedConnections = counter(
                registry, "logcentral.syslog.connections.refused", "TCP connections closed at once: too many open");
        registry.gauge("logcentral.syslog.connections", connections);
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    void received(int count) {
        received.increment(count);
    }

    void stored(int count) {
        stored.increment(count);
    }

    void rejected(int count) {
        rejected.increment(count);
    }

    void dropped(int count) {
        dropped.increment(count);
    }

    void retried() {
        retries.increment();
    }

    void refusedConnection() {
        refusedConnections.increment();
    }

    AtomicInteger connections() {
        return connections;
    }

    /** For {@code GET /metrics}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("syslog_received", (long) received.count());
        values.put("syslog_stored", (long) stored.count());
        values.put("syslog_rejected", (long) rejected.count());
        values.put("syslog_dropped", (long) dropped.count());
        values.put("syslog_retries", (long) retries.count());
        values.put("syslog_connections", connections.get());
        values.put("syslog_connections_refused", (long) refusedConnections.count());
        return values;
    }
}
