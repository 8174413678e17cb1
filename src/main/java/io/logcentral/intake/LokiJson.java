package io.logcentral.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loki's JSON push: {@code {"streams":[{"stream":{labels},"values":[["<ns>","line",{metadata}?]]}]}}. A malformed
 * stream or entry refuses the whole request, as Loki does, naming where it is.
 */
final class LokiJson {

    private LokiJson() {}

    static List<LokiEntry> read(ObjectNode body) {
        JsonNode streams = body.get("streams");
        if (streams == null || !streams.isArray()) {
            throw new UnreadableBodyException("a Loki push needs \"streams\": [...]");
        }
        List<LokiEntry> entries = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            JsonNode stream = streams.get(s);
            Map<String, String> labels = strings(stream.get("stream"), "streams[" + s + "].stream");
            JsonNode values = stream.get("values");
            if (values == null || !values.isArray()) {
                throw new UnreadableBodyException("streams[" + s + "].values must be an array");
            }
            for (int v = 0; v < values.size(); v++) {
                entries.add(entry(labels, values.get(v), "streams[" + s + "].values[" + v + "]"));
            }
        }
        return entries;
    }

    private static LokiEntry entry(Map<String, String> labels, JsonNode value, String where) {
        if (!value.isArray() || value.size() < 2 || !value.get(1).isString()) {
            throw new UnreadableBodyException(where + " must be [\"<unix ns>\", \"line\", {metadata}?]");
        }
        long nanos;
        try {
            nanos = Long.parseLong(value.get(0).asString());
        } catch (NumberFormatException e) {
            throw new UnreadableBodyException(where + "[0] must be nanoseconds since the epoch as a string");
        }
        Map<String, String> metadata = value.size() > 2 ? strings(value.get(2), where + "[2]") : Map.of();
        return new LokiEntry(labels, nanos, value.get(1).stringValue(), metadata);
    }

    private static Map<String, String> strings(JsonNode object, String where) {
        if (object == null || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw new UnreadableBodyException(where + " must be an object of strings");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        object.properties()
                .forEach(field -> strings.put(field.getKey(), field.getValue().asString()));
        return strings;
    }
}
