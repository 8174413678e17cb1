package io.logcentral.intake;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP's JSON encoding is protobuf's JSON mapping except that trace and span ids are hex, not base64: the ids are
 * rewritten in the tree, then protobuf reads the rest (enums by name or number, 64-bit integers as strings or numbers,
 * either field-name spelling).
 */
final class OtlpJson {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpJson() {}

    static ExportLogsServiceRequest read(ObjectNode body) {
        for (JsonNode resourceLogs : either(body, "resourceLogs", "resource_logs")) {
            for (JsonNode scopeLogs : either(resourceLogs, "scopeLogs", "scope_logs")) {
                for (JsonNode record : either(scopeLogs, "logRecords", "log_records")) {
                    if (record instanceof ObjectNode object) {
                        hexToBase64(object, "traceId", "trace_id", "spanId", "span_id");
                    }
                }
            }
        }
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        try {
            PARSER.merge(body.toString(), request);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new UnreadableBodyException("not an OTLP ExportLogsServiceRequest in JSON: " + e.getMessage());
        }
        return request.build();
    }

    static String write(ExportLogsServiceResponse response) {
        try {
            return PRINTER.print(response);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an OTLP response always prints", e);
        }
    }

    private static Iterable<JsonNode> either(JsonNode node, String camel, String snake) {
        JsonNode value = node.has(camel) ? node.get(camel) : node.get(snake);
        return value != null && value.isArray() ? value : List.of();
    }

    private static void hexToBase64(ObjectNode record, String... fields) {
        for (String field : fields) {
            JsonNode value = record.get(field);
            if (value == null || !value.isString()) {
                continue;
            }
            try {
                byte[] id = HexFormat.of().parseHex(value.stringValue());
                record.put(field, Base64.getEncoder().encodeToString(id));
            } catch (IllegalArgumentException e) {
                throw new UnreadableBodyException(field + " must be hex, as OTLP/JSON sends it");
            }
        }
    }
}
