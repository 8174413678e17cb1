package io.logcentral.intake;

import io.logcentral.ingest.IngestGate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loki entries as logs: the first of the {@code service_name}, {@code service}, {@code app}, {@code job} labels is
 * the service; {@code level} or {@code detected_level} (label or metadata) the severity; the other labels and the
 * structured metadata are attributes.
 */
final class LokiLogs {

    private static final List<String> SERVICE = List.of("service_name", "service", "app", "job");
    private static final List<String> LEVEL = List.of("level", "detected_level");

    private LokiLogs() {}

    static ObjectNode toLog(LokiEntry entry, IngestGate gate) {
        ObjectNode log = gate.newLog();
        ObjectNode attributes = log.putObject("attributes");
        entry.labels().forEach(attributes::put);
        entry.metadata().forEach(attributes::put);
        String service = first(entry.labels(), SERVICE);
        if (service != null) {
            log.put("service", service);
            attributes.remove(SERVICE.stream()
                    .filter(entry.labels()::containsKey)
                    .findFirst()
                    .orElseThrow());
        }
        String level = first(entry.metadata(), LEVEL);
        level = level != null ? level : first(entry.labels(), LEVEL);
        if (level != null) {
            log.put("severity", level);
        }
        log.put("timestamp", Instant.ofEpochSecond(0, entry.nanos()).toString());
        log.put("message", entry.line());
        return log;
    }

    private static String first(Map<String, String> values, List<String> names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
