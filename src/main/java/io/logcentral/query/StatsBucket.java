package io.logcentral.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.logcentral.storage.LogReader.BucketCount;
import io.logcentral.storage.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One bucket of {@code GET /logs/stats}: filled count by count, every severity present from zero. */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class StatsBucket {

    private final String start;
    private long total;
    private final Map<String, Long> counts = zeroes();
    private final Map<String, Map<String, Long>> services;

    StatsBucket(String start, boolean byService) {
        this.start = start;
        this.services = byService ? new TreeMap<>() : null;
    }

    void add(BucketCount count) {
        total += count.count();
        counts.merge(count.severity().name(), count.count(), Long::sum);
    }

    /** A count of one service, in its own counts only: {@link #add} counts it in the totals. */
    void addService(BucketCount count) {
        services.computeIfAbsent(count.service(), s -> zeroes())
                .merge(count.severity().name(), count.count(), Long::sum);
    }

    public String getStart() {
        return start;
    }

    public long getTotal() {
        return total;
    }

    public Map<String, Long> getCounts() {
        return counts;
    }

    public Map<String, Map<String, Long>> getServices() {
        return services;
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            counts.put(severity.name(), 0L);
        }
        return counts;
    }
}
