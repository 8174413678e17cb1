package io.logcentral.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A rule as the admin API shows it: the fields it was given, plus its id and times. */
record RuleView(
        long id,
        String name,
        @JsonProperty("min_severity") String minSeverity,
        List<String> severities,
        List<String> services,
        String q,
        Map<String, String> attributes,
        Integer threshold,
        String window,
        List<String> channels,
        Map<String, String> cooldown,
        boolean enabled,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static RuleView of(AlertRule rule) {
        RuleDefinition d = rule.definition();
        return new RuleView(
                rule.id(),
                d.name(),
                d.minSeverity(),
                d.severities(),
                d.services(),
                d.q(),
                d.attributes(),
                d.threshold(),
                d.window(),
                d.channels(),
                d.cooldown(),
                d.enabled(),
                Timestamps.format(Instant.ofEpochMilli(rule.createdAt())),
                Timestamps.format(Instant.ofEpochMilli(rule.updatedAt())));
    }
}
