package io.logcentral.retention;

import io.logcentral.storage.Severity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** A retention rule set through the API. */
@Entity
@Table(name = "retention_rules")
class RetentionRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String service;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private long maxAgeSeconds;

    protected RetentionRule() {}

    RetentionRule(RuleKey key) {
        this.service = key.service();
        this.severity = key.severity();
        this.maxAgeSeconds = key.maxAge().toSeconds();
    }

    RuleKey key() {
        return RuleKey.of(service, severity, Duration.ofSeconds(maxAgeSeconds), RetentionRules.API);
    }
}
