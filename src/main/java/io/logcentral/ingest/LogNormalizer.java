package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one received JSON object into a log as PRODUCT.md's "A log" table says: aliases, canonical severity, times to
 * the microsecond, and every other field kept in the attributes. Problems name the field the client sent.
 */
final class LogNormalizer {

    private static final List<String> TIMESTAMP = List.of("timestamp", "@timestamp", "time", "ts", "event_at");
    private static final List<String> SERVICE = List.of("service", "app", "source");
    private static final List<String> SEVERITY = List.of("severity", "level");
    private static final List<String> MESSAGE = List.of("message", "msg");
    private static final List<String> ATTRIBUTES = List.of("attributes", "data");
    private static final int MAX_SERVICE_LENGTH = 256;
    private static final int MAX_FIELD_LENGTH = 1024;
    private static final int MAX_SHOWN = 64;

    /** The outcome for one item: a log to store, or what is wrong with it. */
    record Result(NewLog log, ItemError error) {}

    /**
     * Before the epoch is a parse accident, not a log. The future is bounded by configuration: a far-future log would
     * sit on top of every newest-first page and widen its block's time range so every search must visit it.
     */
    static final Instant EARLIEST = Instant.EPOCH;

    private final JsonMapper json;
    private final long maxMessageBytes;
    private final Duration maxFuture;

    LogNormalizer(JsonMapper json, long maxMessageBytes, Duration maxFuture) {
        this.json = json;
        this.maxMessageBytes = maxMessageBytes;
        this.maxFuture = maxFuture;
    }

    Result normalize(int index, ObjectNode item, TokenPrincipal principal, String defaultService, Instant now) {
        try {
            return new Result(toLog(item, principal, defaultService, now), null);
        } catch (FieldException e) {
            return new Result(null, new ItemError(index, e.field, e.getMessage()));
        }
    }

    private NewLog toLog(ObjectNode item, TokenPrincipal principal, String defaultService, Instant now) {
        Set<String> consumed = new HashSet<>();
        Optional<Map.Entry<String, JsonNode>> timestamp = first(item, TIMESTAMP, consumed);
        Optional<Map.Entry<String, JsonNode>> service = first(item, SERVICE, consumed);
        Optional<Map.Entry<String, JsonNode>> severity = first(item, SEVERITY, consumed);
        Optional<Map.Entry<String, JsonNode>> message = first(item, MESSAGE, consumed);
        return new NewLog(
                timestamp.map(field -> timestamp(field, now)).orElse(now),
                now,
                service(service, principal, defaultService),
                severity.map(LogNormalizer::severity).orElse(Severity.INFO),
                message(message),
                optional(item, "request_id", consumed),
                optional(item, "trace_id", consumed),
                optional(item, "span_id", consumed),
                optional(item, "host", consumed),
                attributes(item, consumed));
    }

    /** The first alias present with a value wins; the others stay behind and end up in the attributes. */
    private static Optional<Map.Entry<String, JsonNode>> first(
            ObjectNode item, List<String> aliases, Set<String> consumed) {
        for (String alias : aliases) {
            JsonNode value = item.get(alias);
            if (value != null && !value.isNull()) {
                consumed.add(alias);
                return Optional.of(Map.entry(alias, value));
            }
        }
        return Optional.empty();
    }

    private Instant timestamp(Map.Entry<String, JsonNode> field, Instant now) {
        JsonNode value = field.getValue();
        Optional<Instant> parsed;
        try {
            parsed = value.isNumber()
                    ? Timestamps.fromEpoch(value.decimalValue())
                    : value.isString() ? Timestamps.parse(value.stringValue()) : Optional.empty();
        } catch (ArithmeticException e) {
            // A number such as 1e-999999999 has a scale BigDecimal cannot round to whole microseconds.
            parsed = Optional.empty();
        }
        Instant timestamp = parsed.orElseThrow(() -> new FieldException(
                field.getKey(),
                "unreadable timestamp " + shown(value) + ": use ISO-8601 or epoch seconds, millis, micros or nanos"));
        if (timestamp.isAfter(now.plus(maxFuture))) {
            throw new FieldException(
                    field.getKey(),
                    "timestamp " + Timestamps.format(timestamp) + " is more than " + maxFuture.toHours()
                            + " h in the future (logcentral.ingest.max-future): check the sender's clock");
        }
        if (timestamp.isBefore(EARLIEST)) {
            throw new FieldException(
                    field.getKey(), "timestamp " + Timestamps.format(timestamp) + " is before 1970-01-01");
        }
        return timestamp;
    }

    private static Severity severity(Map.Entry<String, JsonNode> field) {
        JsonNode value = field.getValue();
        Optional<Severity> parsed;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            parsed = Severity.fromNumber(value.longValue());
        } else if (value.isString()) {
            parsed = Severity.parse(value.stringValue());
        } else {
            parsed = Optional.empty();
        }
        return parsed.orElseThrow(() -> new FieldException(field.getKey(), "unknown severity " + shown(value)));
    }

    /** The value as sent, cut short: an error echoes what was wrong, not a megabyte of it, and it is kept 24 h. */
    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static String service(
            Optional<Map.Entry<String, JsonNode>> field, TokenPrincipal principal, String defaultService) {
        String name = field.map(f -> text(f, MAX_SERVICE_LENGTH)).orElse(null);
        String key = field.map(Map.Entry::getKey).orElse("service");
        if (name == null) {
            name = defaultService != null ? defaultService : principal.service();
        }
        if (name == null || name.isBlank()) {
            throw new FieldException(key, "service is required");
        }
        if (!principal.mayUse(name)) {
            throw new FieldException(key, "service mismatch for token");
        }
        return name;
    }

    private String message(Optional<Map.Entry<String, JsonNode>> field) {
        String message = field.map(f -> text(f, Integer.MAX_VALUE)).orElse(null);
        String key = field.map(Map.Entry::getKey).orElse("message");
        if (message == null || message.isBlank()) {
            throw new FieldException(key, "message is required");
        }
        if (message.length() * 3L > maxMessageBytes
                && message.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
            throw new FieldException(key, "message is longer than " + maxMessageBytes + " bytes");
        }
        return message;
    }

    private static String optional(ObjectNode item, String name, Set<String> consumed) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        consumed.add(name);
        return text(Map.entry(name, value), MAX_FIELD_LENGTH);
    }

    /** Strings as they are; numbers and booleans as their JSON text; objects and arrays are a mistake. */
    private static String text(Map.Entry<String, JsonNode> field, int maxLength) {
        JsonNode value = field.getValue();
        if (!value.isValueNode()) {
            throw new FieldException(field.getKey(), field.getKey() + " must be a string");
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        if (text.length() > maxLength) {
            throw new FieldException(field.getKey(), field.getKey() + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /** The sent attributes object (or seed 004's {@code data}) merged with every field not used above. */
    private String attributes(ObjectNode item, Set<String> consumed) {
        ObjectNode sent = null;
        for (String alias : ATTRIBUTES) {
            JsonNode value = item.get(alias);
            if (value == null) {
                continue;
            }
            if (value.isNull()) {
                consumed.add(alias);
                continue;
            }
            if (value instanceof ObjectNode object) {
                sent = object;
                consumed.add(alias);
                break;
            }
            if (alias.equals("attributes")) {
                throw new FieldException(alias, "attributes must be a JSON object");
            }
        }
        if (consumed.size() == item.size()) {
            // Nothing to merge: the sent object is written as it is, not copied first.
            return sent == null ? "{}" : json.writeValueAsString(sent);
        }
        ObjectNode attributes = json.createObjectNode();
        if (sent != null) {
            attributes.setAll(sent);
        }
        item.properties().forEach(field -> {
            if (!consumed.contains(field.getKey())) {
                attributes.set(field.getKey(), field.getValue());
            }
        });
        return json.writeValueAsString(attributes);
    }

    /** A field of one item is wrong; the item is rejected, the rest of the request goes on. */
    private static final class FieldException extends RuntimeException {

        private final String field;

        FieldException(String field, String error) {
            super(error, null, false, false);
            this.field = field;
        }
    }
}
