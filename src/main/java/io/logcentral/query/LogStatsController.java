package io.logcentral.query;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /logs/stats}: counts per time bucket and severity (and service) for the filters of {@code GET /logs};
 * {@code GET /logs/services}: the services seen. Both default to the last 24 h.
 */
@RestController
class LogStatsController {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final int MAX_BUCKETS = 10_000;
    /** Bucket and service pairs one {@code by=service} answer may hold, so a long range keeps fewer services. */
    private static final int MAX_SERVICE_CELLS = 100_000;

    private static final Map<String, Duration> INTERVALS = Map.of(
            "1m", Duration.ofMinutes(1),
            "5m", Duration.ofMinutes(5),
            "1h", Duration.ofHours(1),
            "1d", Duration.ofDays(1));

    private final LogReader reader;
    private final QueryBudget budget;
    private final QueryProperties limits;

    LogStatsController(LogReader reader, QueryBudget budget, QueryProperties limits) {
        this.reader = reader;
        this.budget = budget;
        this.limits = limits;
    }

    @GetMapping("/logs/stats")
    Map<String, Object> stats(
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal TokenPrincipal principal) {
        LogQuery filters = ranged(params, principal);
        Instant from = filters.timestampFrom();
        Instant to = filters.timestampTo();
        if (from.isAfter(to)) {
            throw new BadParameterException("timestamp_start", "the range starts after it ends");
        }
        String name = interval(params.getFirst("interval"), Duration.between(from, to));
        Duration width = INTERVALS.get(name);
        Instant origin =
                Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), width.toSeconds()) * width.toSeconds());
        long buckets = Duration.between(origin, to).dividedBy(width) + 1;
        if (buckets > MAX_BUCKETS) {
            throw new BadParameterException("interval", "more than " + MAX_BUCKETS + " buckets: use a wider interval");
        }
        boolean byService = "service".equalsIgnoreCase(params.getFirst("by"));
        List<StatsBucket> filled = buckets(origin, width, (int) buckets, byService);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", name);
        body.put("from", Timestamps.format(from));
        body.put("to", Timestamps.format(to));
        body.put("buckets", filled);
        if (byService) {
            int max = (int) Math.max(1, Math.min(limits.maxStatsServices(), MAX_SERVICE_CELLS / buckets));
            body.put("truncated", byService(filters, origin, width, max, filled));
            body.put("max_services", max);
        } else {
            addTotals(filters, origin, width, filled);
        }
        return body;
    }

    /**
     * Breaks the counts down by the {@code max} services with the most logs in the range; the rest count only in the
     * totals. When every service is shown, their counts add up to the totals, which saves reading the range once more
     * (a third of a 24 h answer). Whether there were more services than {@code max}.
     */
    private boolean byService(LogQuery filters, Instant origin, Duration width, int max, List<StatsBucket> filled) {
        List<LogReader.ServiceCount> top = budget.read(() -> reader.services(filters, max));
        boolean truncated = top.size() > max;
        List<String> names =
                top.stream().limit(max).map(LogReader.ServiceCount::service).toList();
        if (!names.isEmpty()) {
            budget.read(() -> reader.countByBucket(filters.withServices(names), origin, width, true))
                    .forEach(count -> {
                        StatsBucket bucket = filled.get((int) count.bucket());
                        bucket.addService(count);
                        if (!truncated) {
                            bucket.add(count);
                        }
                    });
        }
        if (truncated) {
            addTotals(filters, origin, width, filled);
        }
        return truncated;
    }

    private void addTotals(LogQuery filters, Instant origin, Duration width, List<StatsBucket> filled) {
        budget.read(() -> reader.countByBucket(filters, origin, width, false))
                .forEach(count -> filled.get((int) count.bucket()).add(count));
    }

    @GetMapping("/logs/services")
    Map<String, Object> services(
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal TokenPrincipal principal) {
        LogQuery filters = ranged(params, principal);
        int max = limits.maxServices();
        List<LogReader.ServiceCount> seenServices = budget.read(() -> reader.services(filters, max));
        List<Map<String, Object>> services = new ArrayList<>();
        for (LogReader.ServiceCount seen : seenServices.subList(0, Math.min(max, seenServices.size()))) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("name", seen.service());
            service.put("count", seen.count());
            service.put("last_seen", Timestamps.format(seen.lastSeen()));
            services.add(service);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", Timestamps.format(filters.timestampFrom()));
        body.put("to", Timestamps.format(filters.timestampTo()));
        body.put("services", services);
        body.put("truncated", seenServices.size() > max);
        body.put("max_services", max);
        return body;
    }

    /** The filters of the request over its time range; without one, the last 24 h. */
    private LogQuery ranged(MultiValueMap<String, String> params, TokenPrincipal principal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LogQuery filters = QueryParameters.read(params, principal, limits, now);
        Instant to = filters.timestampTo() != null ? filters.timestampTo() : now;
        Instant from = filters.timestampFrom() != null ? filters.timestampFrom() : to.minus(DEFAULT_RANGE);
        return filters.within(from, to);
    }

    /** The interval asked for, or one that gives at most a few hundred buckets over the range. */
    private static String interval(String asked, Duration range) {
        if (asked != null && !asked.isBlank()) {
            if (!INTERVALS.containsKey(asked)) {
                throw new BadParameterException("interval", "use 1m, 5m, 1h or 1d");
            }
            return asked;
        }
        if (range.compareTo(Duration.ofHours(5)) <= 0) {
            return "1m";
        }
        if (range.compareTo(Duration.ofHours(24)) <= 0) {
            return "5m";
        }
        return range.compareTo(Duration.ofDays(14)) <= 0 ? "1h" : "1d";
    }

    /** Every bucket of the range, empty. */
    private static List<StatsBucket> buckets(Instant origin, Duration width, int total, boolean byService) {
        List<StatsBucket> buckets = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            buckets.add(new StatsBucket(Timestamps.format(origin.plus(width.multipliedBy(i))), byService));
        }
        return buckets;
    }
}
