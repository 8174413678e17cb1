package io.logcentral.intake;

import io.logcentral.ingest.IngestGate;
import io.logcentral.storage.Severity;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP log records as logs: resource {@code service.name} is the service; resource, scope and record attributes are
 * flattened into one object (the record's win); a structured body is the message as JSON text.
 */
final class OtlpLogs {

    /** OTel's severity numbers come in four steps per level: 1–4 trace ... 21–24 fatal. */
    private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};

    private static final String SERVICE_NAME = "service.name";
    private static final HexFormat HEX = HexFormat.of();

    private final IngestGate gate;

    OtlpLogs(IngestGate gate) {
        this.gate = gate;
    }

    List<ObjectNode> toLogs(ExportLogsServiceRequest request) {
        List<ObjectNode> logs = new ArrayList<>();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            ObjectNode resource = gate.newLog();
            putAll(resource, resourceLogs.getResource().getAttributesList());
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                ObjectNode scoped = scoped(resource, scopeLogs.getScope());
                for (LogRecord record : scopeLogs.getLogRecordsList()) {
                    logs.add(toLog(record, scoped.deepCopy()));
                }
            }
        }
        return logs;
    }

    private ObjectNode scoped(ObjectNode resource, InstrumentationScope scope) {
        ObjectNode scoped = resource.deepCopy();
        if (!scope.getName().isEmpty()) {
            scoped.put("otel.scope.name", scope.getName());
        }
        if (!scope.getVersion().isEmpty()) {
            scoped.put("otel.scope.version", scope.getVersion());
        }
        putAll(scoped, scope.getAttributesList());
        return scoped;
    }

    private ObjectNode toLog(LogRecord record, ObjectNode attributes) {
        putAll(attributes, record.getAttributesList());
        ObjectNode log = gate.newLog();
        JsonNode service = attributes.remove(SERVICE_NAME);
        if (service != null) {
            log.set("service", service);
        }
        severity(record, log, attributes);
        long nanos = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
        if (nanos != 0) {
            log.put("timestamp", Instant.ofEpochSecond(0, nanos).toString());
        }
        message(record, log);
        if (!record.getTraceId().isEmpty()) {
            log.put("trace_id", HEX.formatHex(record.getTraceId().toByteArray()));
        }
        if (!record.getSpanId().isEmpty()) {
            log.put("span_id", HEX.formatHex(record.getSpanId().toByteArray()));
        }
        log.set("attributes", attributes);
        return log;
    }

    /** The number when the sender set one; else the text when we know it; an unknown text is kept, not refused. */
    private static void severity(LogRecord record, ObjectNode log, ObjectNode attributes) {
        int number = record.getSeverityNumberValue();
        String text = record.getSeverityText();
        if (number >= 1 && number <= 24) {
            log.put("severity", LEVELS[(number - 1) / 4]);
        } else if (!text.isEmpty() && Severity.parse(text).isPresent()) {
            log.put("severity", text);
        }
        if (!text.isEmpty()) {
            attributes.put("severity_text", text);
        }
    }

    /** A string body as it is; any other body as its JSON text; no body falls back on the event name. */
    private void message(LogRecord record, ObjectNode log) {
        if (record.hasBody() && record.getBody().getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET) {
            AnyValue body = record.getBody();
            log.put(
                    "message",
                    body.hasStringValue() ? body.getStringValue() : value(body).toString());
        } else if (!record.getEventName().isEmpty()) {
            log.put("message", record.getEventName());
        }
    }

    private void putAll(ObjectNode target, List<KeyValue> attributes) {
        for (KeyValue attribute : attributes) {
            target.set(attribute.getKey(), value(attribute.getValue()));
        }
    }

    private JsonNode value(AnyValue value) {
        ObjectNode factory = gate.newLog();
        return switch (value.getValueCase()) {
            case STRING_VALUE -> factory.stringNode(value.getStringValue());
            case BOOL_VALUE -> factory.booleanNode(value.getBoolValue());
            case INT_VALUE -> factory.numberNode(value.getIntValue());
            case DOUBLE_VALUE -> factory.numberNode(value.getDoubleValue());
            case BYTES_VALUE ->
                factory.stringNode(
                        Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                ArrayNode array = factory.arrayNode();
                value.getArrayValue().getValuesList().forEach(item -> array.add(value(item)));
                yield array;
            }
            case KVLIST_VALUE -> {
                putAll(factory, value.getKvlistValue().getValuesList());
                yield factory;
            }
            default -> factory.nullNode();
        };
    }
}
