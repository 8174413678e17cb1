package io.logcentral.alert;

import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A rule made ready to check logs quickly: parsed once when rules change, used for every committed log. */
record CompiledRule(
        long id,
        String name,
        Set<Severity> severities,
        Set<String> services,
        MessageMatcher q,
        Map<String, String> attributes,
        Integer threshold,
        Duration window,
        List<String> channels,
        Map<Severity, Duration> cooldowns) {

    /** Seed 004's quiet times after a notification; severities it does not name wait as long as INFO. */
    static final Map<Severity, Duration> DEFAULT_COOLDOWNS = Map.of(
            Severity.CRITICAL, Duration.ofSeconds(60),
            Severity.WARNING, Duration.ofSeconds(180),
            Severity.INFO, Duration.ofSeconds(300));

    static final Duration OTHER_COOLDOWN = Duration.ofSeconds(300);

    static CompiledRule of(long id, RuleDefinition d) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        if (!d.severities().isEmpty()) {
            d.severities().forEach(s -> severities.add(Severity.valueOf(s)));
        } else {
            Severity min = d.minSeverity() == null ? Severity.TRACE : Severity.valueOf(d.minSeverity());
            severities.addAll(EnumSet.range(min, Severity.CRITICAL));
        }
        Map<Severity, Duration> cooldowns = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            cooldowns.put(severity, DEFAULT_COOLDOWNS.getOrDefault(severity, OTHER_COOLDOWN));
        }
        d.cooldown()
                .forEach((s, length) -> cooldowns.put(
                        Severity.valueOf(s), Durations.parse(length).orElseThrow()));
        return new CompiledRule(
                id,
                d.name(),
                severities,
                d.services().stream().map(CompiledRule::folded).collect(Collectors.toUnmodifiableSet()),
                d.q() == null ? null : MessageMatcher.of(d.q()),
                d.attributes(),
                d.threshold(),
                d.window() == null ? null : Durations.parse(d.window()).orElseThrow(),
                d.channels(),
                cooldowns);
    }

    /** Whether the log is one this rule looks for; {@code attributes} parses the log's attributes when asked. */
    boolean matches(NewLog log, Function<NewLog, JsonNode> attributes) {
        if (!severities.contains(log.severity())) {
            return false;
        }
        if (!services.isEmpty() && !services.contains(folded(log.service()))) {
            return false;
        }
        if (q != null && !q.matches(log.message())) {
            return false;
        }
        if (this.attributes.isEmpty()) {
            return true;
        }
        JsonNode sent = attributes.apply(log);
        return this.attributes.entrySet().stream().allMatch(wanted -> {
            JsonNode value = sent.get(wanted.getKey());
            return value != null
                    && value.isValueNode()
                    && !value.isNull()
                    && value.asString().equals(wanted.getValue());
        });
    }

    Duration cooldown(Severity severity) {
        return cooldowns.get(severity);
    }

    static String folded(String service) {
        return service == null ? "" : service.toLowerCase(Locale.ROOT);
    }
}
