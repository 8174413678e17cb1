package io.logcentral.ops;

import io.logcentral.alert.AlertMetrics;
import io.logcentral.ingest.IngestMetrics;
import io.logcentral.pipeline.PipelineMetrics;
import io.logcentral.pipeline.WritePipeline;
import io.logcentral.retention.DiskGuard;
import io.logcentral.retention.RetentionRun;
import io.logcentral.storage.StoreStatus;
import io.logcentral.syslog.SyslogMetrics;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /metrics}: counters since start as plain JSON; Prometheus reads the same at /actuator/prometheus. */
@RestController
class MetricsController {

    private final IngestMetrics ingest;
    private final PipelineMetrics pipeline;
    private final StoreStatus store;
    private final AlertMetrics alerts;
    private final RetentionRun retention;
    private final DiskGuard guard;
    private final SyslogMetrics syslog;

    MetricsController(
            IngestMetrics ingest,
            WritePipeline pipeline,
            StoreStatus store,
            AlertMetrics alerts,
            RetentionRun retention,
            DiskGuard guard,
            SyslogMetrics syslog) {
        this.syslog = syslog;
        this.retention = retention;
        this.guard = guard;
        this.ingest = ingest;
        this.pipeline = pipeline.metrics();
        this.store = store;
        this.alerts = alerts;
    }

    @GetMapping("/metrics")
    Map<String, Object> metrics() {
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        long processed = ingest.logsProcessed();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logs_processed", processed);
        body.putAll(alerts.snapshot());
        body.put("logs_rejected", ingest.logsRejected());
        body.put("requests_rejected", ingest.requestsRejected());
        body.put("logs_by_severity", ingest.logsBySeverity());
        body.putAll(pipeline.snapshot());
        body.put("logs_per_second", uptimeSeconds == 0 ? 0.0 : (double) processed / uptimeSeconds);
        body.put("store_size_bytes", store.sizeBytes());
        body.putAll(retention.snapshot());
        guard.details().forEach((name, value) -> body.put("disk_guard_" + name, value));
        body.putAll(syslog.snapshot());
        body.put("uptime_seconds", uptimeSeconds);
        return body;
    }
}
