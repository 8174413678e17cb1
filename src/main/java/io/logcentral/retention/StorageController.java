package io.logcentral.retention;

import io.logcentral.storage.Expiry;
import io.logcentral.storage.StorageReport;
import io.logcentral.storage.StoreStatus;
import io.logcentral.storage.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/storage}: what fills the disk, so an operator sees what to cut. Bytes are estimates: the store's
 * size shared out by the number of logs, since SQLite does not say which pages hold which service.
 */
@RestController
class StorageController {

    static final int SAMPLED_MESSAGES = 2000;
    static final int TOP_TEMPLATES = 20;
    static final int DAYS = 30;
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private final StorageReport report;
    private final StoreStatus store;
    private final RetentionRules rules;
    private final DiskGuard guard;
    private final Clock clock;

    StorageController(StorageReport report, StoreStatus store, RetentionRules rules, DiskGuard guard, Clock clock) {
        this.report = report;
        this.store = store;
        this.rules = rules;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping("/admin/storage")
    Map<String, Object> storage() {
        try {
            return report.within(BUDGET, this::build);
        } catch (QueryTimeoutException e) {
            throw new StorageReportTooSlowException(BUDGET);
        }
    }

    private Map<String, Object> build() {
        List<StorageReport.Count> counts = report.counts();
        long logs = counts.stream().mapToLong(StorageReport.Count::logs).sum();
        long used = Math.max(0, store.sizeBytes() - report.reusableBytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size_bytes", store.sizeBytes());
        body.put("reusable_bytes", report.reusableBytes());
        body.put("logs", logs);
        body.put("oldest_log", format(report.oldest()));
        body.put("disk_guard", guard.details());
        body.put(
                "by_service_and_severity",
                counts.stream()
                        .map(count -> Map.of(
                                "service", count.service(),
                                "severity", count.severity().name(),
                                "logs", count.logs(),
                                "bytes", share(used, count.logs(), logs)))
                        .toList());
        LocalDate from = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(DAYS - 1);
        body.put(
                "per_day",
                report.perDay(from).stream()
                        .map(day -> Map.of(
                                "day",
                                day.day().toString(),
                                "logs",
                                day.logs(),
                                "bytes",
                                share(used, day.logs(), logs)))
                        .toList());
        body.put("top_templates", MessageTemplates.top(report.newestMessages(SAMPLED_MESSAGES), TOP_TEMPLATES));
        body.put("templates_sampled", SAMPLED_MESSAGES);
        body.put("retention_next", retentionNext());
        return body;
    }

    private List<Map<String, Object>> retentionNext() {
        List<RuleKey> effective = rules.effective();
        Instant now = clock.instant();
        List<Expiry> expiries = rules.expiries(now);
        List<StorageReport.Due> due = report.due(expiries);
        List<Map<String, Object>> next = new ArrayList<>();
        for (int i = 0; i < effective.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("service", effective.get(i).service());
            rule.put(
                    "severity",
                    effective.get(i).severity() == null
                            ? null
                            : effective.get(i).severity().name());
            rule.put("max_age", RetentionRequests.format(effective.get(i).maxAge()));
            rule.put("deletes_before", format(expiries.get(i).before()));
            rule.put("logs_due", due.get(i).logs());
            rule.put("oldest_due", format(due.get(i).oldest()));
            next.add(rule);
        }
        return next;
    }

    private static long share(long bytes, long part, long whole) {
        return whole == 0 ? 0 : (long) ((double) bytes * part / whole);
    }

    private static String format(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
