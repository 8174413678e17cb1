package io.logcentral.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The fields of a JSON object sent to the admin API, each read with its type checked and named when wrong. */
final class JsonFields {

    private final JsonNode body;

    JsonFields(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            throw new InvalidAlertException("body", "must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw new InvalidAlertException(name, "unknown field");
            }
        }
        this.body = body;
    }

    String requiredText(String field) {
        return optionalText(field)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> new InvalidAlertException(field, "is required"));
    }

    Optional<String> optionalText(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new InvalidAlertException(field, "must be a string");
        }
        return Optional.of(node.stringValue());
    }

    Optional<Integer> optionalInt(String field, int min) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min) {
            throw new InvalidAlertException(field, "must be a whole number of at least " + min);
        }
        return Optional.of(node.asInt());
    }

    Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new InvalidAlertException(field, "must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    List<String> textList(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidAlertException(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isString() || item.stringValue().isBlank()) {
                throw new InvalidAlertException(field, "must be an array of strings");
            }
            values.add(item.stringValue().trim());
        }
        return List.copyOf(values);
    }

    /** An object of strings, numbers or booleans, kept as text. */
    Map<String, String> scalarMap(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidAlertException(field, "must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidAlertException(field + "." + entry.getKey(), "must be a string, number or boolean");
            }
            values.put(entry.getKey(), value.asString());
        }
        return values;
    }

    private JsonNode present(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
