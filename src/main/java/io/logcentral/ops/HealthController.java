package io.logcentral.ops;

import io.logcentral.alert.AlertMetrics;
import io.logcentral.audit.AuditCleanup;
import io.logcentral.auth.ManagedTokenCache;
import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.pipeline.WritePipeline;
import io.logcentral.pipeline.WriterHealth;
import io.logcentral.query.TailStatus;
import io.logcentral.retention.DiskGuard;
import io.logcentral.storage.StoreStatus;
import io.logcentral.storage.Timestamps;
import io.logcentral.syslog.SyslogListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: open and minimal for load balancers; details only for a token with the read scope. Down (503)
 * when the store does not answer or the writer is stuck, so a balancer stops sending logs to a server that cannot
 * store them.
 */
@RestController
class HealthController {

    private final StoreStatus store;
    private final WriterHealth writer;
    private final TailStatus tails;
    private final DiskGuard guard;
    private final AlertMetrics alerts;
    private final ManagedTokenCache tokenCache;
    private final AuditCleanup auditCleanup;
    private final SyslogListener syslog;
    private final String version;

    HealthController(
            StoreStatus store,
            WritePipeline pipeline,
            TailStatus tails,
            DiskGuard guard,
            AlertMetrics alerts,
            ManagedTokenCache tokenCache,
            AuditCleanup auditCleanup,
            SyslogListener syslog,
            ObjectProvider<BuildProperties> build) {
        this.syslog = syslog;
        this.store = store;
        this.guard = guard;
        this.alerts = alerts;
        this.tokenCache = tokenCache;
        this.auditCleanup = auditCleanup;
        this.writer = pipeline.health();
        this.tails = tails;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health(@AuthenticationPrincipal TokenPrincipal principal) {
        boolean storeUp = store.isUp();
        WriterHealth.Status writing = writer.status();
        boolean up = storeUp && !writing.stuck();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (principal != null && principal.scopes().contains(Scope.READ)) {
            body.put("version", version);
            Map<String, Object> storeDetails = new LinkedHashMap<>();
            storeDetails.put("kind", store.kind());
            storeDetails.put("up", storeUp);
            storeDetails.put("size_bytes", store.sizeBytes());
            storeDetails.putAll(store.maintenance());
            body.put("store", storeDetails);
            body.put("writer", writerDetails(writing));
            body.put("live_tail", tailDetails());
            // The guard freeing space is the server working as meant: shown, never a reason for 503.
            body.put("disk_guard", guard.details());
            // Background work beside ingest: shown so a stuck or failing thread is seen, not a reason for 503.
            body.put("alerts", alerts.health());
            body.put(
                    "token_cache",
                    Map.of(
                            "last_poll",
                            Timestamps.format(tokenCache.lastPoll()),
                            "failed_polls",
                            tokenCache.pollFailures()));
            body.put("audit_cleanup", Map.of("failures", auditCleanup.failures()));
            body.put("syslog", syslog.health());
        }
        if (up) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
    }

    /** A poller that stopped leaves every tail silent, but ingest and queries go on: shown, not a reason for 503. */
    private Map<String, Object> tailDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("last_poll", Timestamps.format(tails.lastPoll()));
        details.put("failed_polls", tails.failures());
        details.put("dropped_tails", tails.dropped());
        return details;
    }

    private static Map<String, Object> writerDetails(WriterHealth.Status writing) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alive", writing.alive());
        details.put("stuck", writing.stuck());
        details.put("last_commit", writing.lastCommit() == null ? null : Timestamps.format(writing.lastCommit()));
        details.put("oldest_queued_ms", writing.oldestQueuedMillis());
        details.put("current_batch_ms", writing.currentBatchMillis());
        details.put("failed_batches_in_a_row", writing.failuresInARow());
        details.put("failed_loop_iterations", writing.iterationsFailed());
        details.put("failed_deadline_sweeps", writing.deadlineSweepsFailed());
        return details;
    }
}
