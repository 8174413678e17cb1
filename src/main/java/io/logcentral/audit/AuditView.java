package io.logcentral.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.logcentral.storage.Timestamps;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An admin action as {@code GET /admin/audit} shows it. */
record AuditView(
        long id,
        String at,
        String token,
        String action,
        String method,
        String path,
        @Nullable String target,
        int status,
        @JsonProperty("remote_address") @Nullable String remoteAddress) {

    static AuditView of(AuditEvent event) {
        return new AuditView(
                event.id(),
                Timestamps.format(Instant.ofEpochMilli(event.at())),
                event.tokenName(),
                event.method() + " " + event.path(),
                event.method(),
                event.path(),
                event.target(),
                event.status(),
                event.remoteAddress());
    }
}
