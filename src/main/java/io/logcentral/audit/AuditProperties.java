package io.logcentral.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit trail is kept.
 *
 * @param maxAge an admin action older than this is deleted
 * @param cleanupInterval how often the cleanup looks for such actions
 */
@ConfigurationProperties("logcentral.audit")
record AuditProperties(
        @DefaultValue("90d") Duration maxAge,
        @DefaultValue("1h") Duration cleanupInterval) {}
