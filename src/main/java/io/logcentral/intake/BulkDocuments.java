package io.logcentral.intake;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Elasticsearch document as a log. ECS objects ({@code service.name}, {@code log.level}, {@code host.name},
 * {@code trace.id}, {@code span.id}, nested or dotted) fill the log's fields; a numeric {@code level} is pino's scale
 * (10 trace ... 60 fatal), the one Node shippers write; the index is kept as attribute {@code index} and is the
 * service of a document that names none (unless the token is bound to a service).
 */
final class BulkDocuments {

    private static final String[] PINO_LEVELS = {"TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};

    private BulkDocuments() {}

    /** The fields the normaliser reads as text: an object under one of these names goes to the attributes. */
    private static final List<String> TEXT_FIELDS =
            List.of("service", "app", "source", "severity", "level", "host", "request_id", "trace_id", "span_id");

    static ObjectNode toLog(ObjectNode document, String index, boolean bound) {
        ObjectNode log = document.deepCopy();
        ObjectNode attributes = log.get("attributes") instanceof ObjectNode sent ? sent : log.objectNode();
        log.set("attributes", attributes);
        lift(log, attributes, "service", "name", "service");
        lift(log, attributes, "log", "level", "severity");
        lift(log, attributes, "host", "name", "host");
        lift(log, attributes, "trace", "id", "trace_id");
        lift(log, attributes, "span", "id", "span_id");
        for (String field : TEXT_FIELDS) {
            if (log.get(field) instanceof ContainerNode<?>) {
                attributes.set(field, log.remove(field));
            }
        }
        JsonNode level = log.get("level");
        if (level != null && level.isIntegralNumber() && level.asInt() % 10 == 0) {
            int step = level.asInt() / 10;
            if (step >= 1 && step <= PINO_LEVELS.length) {
                log.put("level", PINO_LEVELS[step - 1]);
            }
        }
        if (!bound && !log.hasNonNull("service") && !log.hasNonNull("app") && !log.hasNonNull("source")) {
            log.put("service", index);
        }
        attributes.put("index", index);
        return log;
    }

    /**
     * Moves {@code outer.inner} (an ECS object or a dotted key) to {@code target} unless the log has it already; the
     * rest of the ECS object is kept in the attributes.
     */
    private static void lift(ObjectNode log, ObjectNode attributes, String outer, String inner, String target) {
        JsonNode value = log.remove(outer + "." + inner);
        if (value == null && log.get(outer) instanceof ObjectNode nested && nested.get(inner) != null) {
            log.remove(outer);
            value = nested.remove(inner);
            if (!nested.isEmpty()) {
                attributes.set(outer, nested);
            }
        }
        if (value != null && value.isValueNode() && !value.isNull() && !log.hasNonNull(target)) {
            log.set(target, value);
        }
    }
}
