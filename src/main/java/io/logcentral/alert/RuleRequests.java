package io.logcentral.alert;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the JSON of a rule, naming the first field that is wrong; the names are the contract's. */
final class RuleRequests {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "min_severity",
            "severities",
            "services",
            "q",
            "attributes",
            "threshold",
            "window",
            "channels",
            "cooldown",
            "enabled");
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    private static final String DEFAULT_WINDOW = "5m";

    private RuleRequests() {}

    static RuleDefinition parse(JsonNode body) {
        JsonFields fields = new JsonFields(body, FIELDS);
        String name = fields.requiredText("name");
        String minSeverity = fields.optionalText("min_severity")
                .map(s -> severity("min_severity", s))
                .orElse(null);
        List<String> severities = new ArrayList<>();
        for (String s : fields.textList("severities")) {
            severities.add(severity("severities", s));
        }
        if (minSeverity != null && !severities.isEmpty()) {
            throw new InvalidAlertException("severities", "give min_severity or severities, not both");
        }
        Integer threshold = fields.optionalInt("threshold", 0).orElse(null);
        String window = fields.optionalText("window").orElse(null);
        if (window != null && threshold == null) {
            throw new InvalidAlertException("window", "a window needs a threshold");
        }
        if (threshold != null) {
            window = window == null ? DEFAULT_WINDOW : window;
            Duration length = duration("window", window);
            if (length.isZero() || length.compareTo(LONGEST_WINDOW) > 0) {
                throw new InvalidAlertException("window", "must be more than 0 and at most 1d");
            }
        }
        return new RuleDefinition(
                name,
                minSeverity,
                List.copyOf(severities),
                fields.textList("services"),
                fields.optionalText("q").filter(q -> !q.isBlank()).orElse(null),
                fields.scalarMap("attributes"),
                threshold,
                window,
                fields.textList("channels"),
                cooldown(fields.scalarMap("cooldown")),
                fields.optionalBoolean("enabled").orElse(true));
    }

    private static Map<String, String> cooldown(Map<String, String> given) {
        Map<String, String> cooldown = new LinkedHashMap<>();
        given.forEach((severity, length) -> {
            String field = "cooldown." + severity;
            duration(field, length);
            cooldown.put(severity(field, severity), length.trim());
        });
        return cooldown;
    }

    private static String severity(String field, String text) {
        return Severity.parse(text)
                .orElseThrow(() -> new InvalidAlertException(field, "unknown severity " + text))
                .name();
    }

    private static Duration duration(String field, String text) {
        return Durations.parse(text)
                .orElseThrow(() -> new InvalidAlertException(field, "a duration such as 60s, 5m or 1h"));
    }
}
