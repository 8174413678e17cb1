package io.logcentral.ingest;

import io.logcentral.textformat.MalformedLineException;
import io.logcentral.textformat.TextFormat;
import io.logcentral.textformat.TextLines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits a request body into its items, by content type: JSON (one object, an array, or {@code {"logs":[...]}}),
 * NDJSON, text lines (each in the format its shape fits, or the one {@code ?format=} names), or the form fields
 * Python's {@code HTTPHandler} posts.
 */
final class RequestItems {

    private static final List<MediaType> LINE_JSON = List.of(
            MediaType.parseMediaType("application/x-ndjson"),
            MediaType.parseMediaType("application/jsonl"),
            MediaType.parseMediaType("application/x-jsonlines"));

    private final JsonMapper json;
    private final int maxBatch;

    RequestItems(JsonMapper json, int maxBatch) {
        this.json = json;
        this.maxBatch = maxBatch;
    }

    /**
     * How text lines are read.
     *
     * @param format the format every line is in, or null to find each line's own
     * @param appNameIsService false for a token bound to a service: a syslog app name is then an attribute
     */
    record Text(TextFormat format, boolean appNameIsService) {}

    /**
     * Hands each item to {@code sink} as soon as it is read, so a large batch never exists as one JSON tree. A format
     * given in {@code text} reads the body as text lines whatever its content type says.
     */
    void read(byte[] body, String contentType, Text text, Consumer<RawItem> sink) {
        MediaType type = mediaType(contentType);
        if (text.format() != null || MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
            lines(body, (index, line) -> textLine(index, line, text), sink);
        } else if (LINE_JSON.stream().anyMatch(t -> t.equalsTypeAndSubtype(type))) {
            lines(body, this::jsonLine, sink);
        } else if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type) && !looksLikeJson(body)) {
            sink.accept(RawItem.of(0, PythonLogRecord.parse(body, json)));
        } else if (type == null
                || type.isWildcardType()
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json")) {
            document(body, sink);
        } else {
            throw new UnsupportedBodyException(
                    "Content-Type",
                    "unsupported Content-Type '" + contentType
                            + "': send application/json, application/x-ndjson or text/plain");
        }
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedBodyException("Content-Type", "unreadable Content-Type '" + contentType + "'");
        }
    }

    /** curl sends form encoding unless told otherwise, so a JSON body under that type is still JSON. */
    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private void document(byte[] body, Consumer<RawItem> sink) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                int count = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    checkBatch(count + 1);
                    sink.accept(item(count++, json.readTree(parser)));
                }
            } else if (first == JsonToken.START_OBJECT) {
                unwrap(json.readTree(parser), sink);
            } else if (first != null) {
                throw InvalidLogDataException.unreadable("body must be a JSON object or array");
            }
            if (parser.nextToken() != null) {
                throw InvalidLogDataException.unreadable("unexpected content after the JSON value");
            }
        } catch (JacksonException | NumberFormatException e) {
            throw InvalidLogDataException.unreadable("malformed JSON: " + reason(e));
        }
    }

    /**
     * The body as one JSON document, for the endpoints that read a document of their own shape.
     *
     * @throws InvalidLogDataException when it is empty, malformed, nested too deep or followed by more content
     */
    JsonNode tree(byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == null) {
                throw InvalidLogDataException.unreadable("the body is empty");
            }
            JsonNode tree = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw InvalidLogDataException.unreadable("unexpected content after the JSON value");
            }
            return tree;
        } catch (JacksonException | NumberFormatException e) {
            throw InvalidLogDataException.unreadable("malformed JSON: " + reason(e));
        }
    }

    /** Jackson reports a number beyond BigDecimal's range as a bare NumberFormatException. */
    private static String reason(RuntimeException e) {
        return e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
    }

    /** {@code {"logs":[...]}} is a wrapper only when {@code logs} is an array and there is no message. */
    private void unwrap(JsonNode object, Consumer<RawItem> sink) {
        JsonNode logs = object.get("logs");
        if (logs != null && logs.isArray() && !object.has("message") && !object.has("msg")) {
            checkBatch(logs.size());
            for (int i = 0; i < logs.size(); i++) {
                sink.accept(item(i, logs.get(i)));
            }
        } else {
            sink.accept(item(0, object));
        }
    }

    private static RawItem item(int index, JsonNode node) {
        return node instanceof ObjectNode object
                ? RawItem.of(index, object)
                : RawItem.unreadable(index, "log", "log must be a JSON object");
    }

    private RawItem textLine(int index, String line, Text text) {
        TextFormat format = text.format();
        if (format == TextFormat.JSON || (format == null && line.startsWith("{"))) {
            return jsonLine(index, line);
        }
        try {
            return RawItem.of(
                    index,
                    format == null
                            ? TextLines.detect(line, text.appNameIsService())
                            : TextLines.parse(format, line, text.appNameIsService()));
        } catch (MalformedLineException e) {
            return RawItem.unreadable(index, e.field(), e.getMessage());
        }
    }

    private RawItem jsonLine(int index, String line) {
        try {
            return item(index, json.readTree(line));
        } catch (JacksonException | NumberFormatException e) {
            return RawItem.unreadable(index, "json", "malformed JSON line: " + reason(e));
        }
    }

    private interface LineReader {
        RawItem read(int index, String line);
    }

    private void lines(byte[] body, LineReader reader, Consumer<RawItem> sink) {
        int count = 0;
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                checkBatch(count + 1);
                sink.accept(reader.read(count++, trimmed));
            }
        }
    }

    private void checkBatch(int count) {
        if (count > maxBatch) {
            throw PayloadTooLargeException.batch(maxBatch);
        }
    }
}
