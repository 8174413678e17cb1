package io.logcentral.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;

/** A stored alert rule; {@link RuleDefinition} is what it says, this is where it is kept. */
@Entity
@Table(name = "alert_rules")
class AlertRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String minSeverity;

    @Convert(converter = JsonColumns.StringList.class)
    private List<String> severities;

    @Convert(converter = JsonColumns.StringList.class)
    private List<String> services;

    private String q;

    @Convert(converter = JsonColumns.StringMap.class)
    private Map<String, String> attributes;

    private Integer threshold;

    @Column(name = "time_window")
    private String window;

    @Convert(converter = JsonColumns.StringList.class)
    private List<String> channels;

    @Convert(converter = JsonColumns.StringMap.class)
    private Map<String, String> cooldown;

    private boolean enabled;

    private long createdAt;

    private long updatedAt;

    protected AlertRule() {}

    AlertRule(RuleDefinition definition, long now) {
        this.createdAt = now;
        define(definition, now);
    }

    void define(RuleDefinition d, long now) {
        name = d.name();
        minSeverity = d.minSeverity();
        severities = d.severities();
        services = d.services();
        q = d.q();
        attributes = d.attributes();
        threshold = d.threshold();
        window = d.window();
        channels = d.channels();
        cooldown = d.cooldown();
        enabled = d.enabled();
        updatedAt = now;
    }

    RuleDefinition definition() {
        return new RuleDefinition(
                name, minSeverity, severities, services, q, attributes, threshold, window, channels, cooldown, enabled);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }
}
