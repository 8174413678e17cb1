package io.logcentral.intake;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GELF message as a log: {@code short_message} (else {@code full_message}) is the message, {@code level} the syslog
 * severity (0–7), {@code timestamp} epoch seconds; {@code _service}, {@code _app} or {@code facility} the service; every
 * {@code _field} an attribute without its underscore, beside {@code full_message}, {@code facility} and the rest.
 */
final class GelfLogs {

    private static final List<String> SERVICE = List.of("_service", "_app", "facility");

    private GelfLogs() {}

    static ObjectNode toLog(ObjectNode gelf) {
        ObjectNode log = gelf.objectNode();
        ObjectNode attributes = log.putObject("attributes");
        for (Map.Entry<String, JsonNode> field : gelf.properties()) {
            String name = field.getKey();
            switch (name) {
                case "short_message" -> log.set("message", field.getValue());
                case "host" -> log.set("host", field.getValue());
                case "level" -> log.set("severity", field.getValue());
                case "timestamp" -> log.set("timestamp", field.getValue());
                case "version", "_id" -> {
                    // GELF's own version, and a field the spec reserves: neither says anything about the log.
                }
                default -> attributes.set(name.startsWith("_") ? name.substring(1) : name, field.getValue());
            }
        }
        if (!log.has("message") && gelf.has("full_message")) {
            log.set("message", gelf.get("full_message"));
        }
        for (String name : SERVICE) {
            JsonNode service = gelf.get(name);
            if (service != null && service.isString() && !service.stringValue().isBlank()) {
                log.set("service", service);
                break;
            }
        }
        return log;
    }
}
