package io.logcentral.retention;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;

/** Reads and writes the JSON of {@code /admin/retention}: {@code {"rules":[{"service","severity","max_age"}]}}. */
final class RetentionRequests {

    static final int MAX_RULES = 100;
    private static final Set<String> RULE_FIELDS = Set.of("service", "severity", "max_age");

    private RetentionRequests() {}

    static List<RuleKey> parse(JsonNode body) {
        JsonNode rules = body.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new InvalidRetentionException("rules", "a list of rules is required");
        }
        if (rules.size() > MAX_RULES) {
            throw new InvalidRetentionException("rules", "at most " + MAX_RULES + " rules");
        }
        List<RuleKey> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleKey rule = rule(rules.get(i), "rules[" + i + "]");
            if (parsed.stream().anyMatch(rule::sameTarget)) {
                throw new InvalidRetentionException(
                        "rules[" + i + "]", "a second rule for the same service and severity");
            }
            parsed.add(rule);
        }
        return parsed;
    }

    private static RuleKey rule(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidRetentionException(field, "must be an object");
        }
        for (String name : node.propertyNames()) {
            if (!RULE_FIELDS.contains(name)) {
                throw new InvalidRetentionException(field + "." + name, "unknown field");
            }
        }
        String service = text(node, field + ".service");
        String severityText = text(node, field + ".severity");
        Severity severity = severityText == null
                ? null
                : Severity.parse(severityText)
                        .orElseThrow(() -> new InvalidRetentionException(field + ".severity", "unknown severity"));
        RuleKey rule = RuleKey.of(service, severity, maxAge(node, field + ".max_age"), RetentionRules.API);
        if (rule.rank() == 0) {
            throw new InvalidRetentionException(field, "a rule needs a service, a severity or both");
        }
        return rule;
    }

    private static Duration maxAge(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            throw new InvalidRetentionException(field, "is required, such as 1d or 12h");
        }
        try {
            Duration age = DurationStyle.SIMPLE.parse(text.strip());
            if (age.isNegative() || age.isZero()) {
                throw new InvalidRetentionException(field, "must be more than 0");
            }
            return age;
        } catch (IllegalArgumentException e) {
            throw new InvalidRetentionException(field, "a duration such as 1d, 12h or 30m");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new InvalidRetentionException(field, "must be a non-empty string");
        }
        return value.stringValue();
    }

    /** {@code 90d}, {@code 12h}, {@code 30m} or {@code 45s}: the largest unit that says it exactly. */
    static String format(Duration age) {
        long seconds = age.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
