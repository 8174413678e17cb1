package io.logcentral.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * NDJSON, plain text lines, or the form fields Python's {@code HTTPHandler} posts.
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

    List<RawItem> read(byte[] body, String contentType) {
        MediaType type = mediaType(contentType);
        if (LINE_JSON.stream().anyMatch(t -> t.equalsTypeAndSubtype(type))) {
            return lines(body, this::jsonLine);
        }
        if (MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type)) {
            return lines(
                    body,
                    (index, line) -> line.startsWith("{")
                            ? jsonLine(index, line)
                            : RawItem.of(index, TextLine.parse(line, json)));
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type) && !looksLikeJson(body)) {
            return List.of(RawItem.of(0, PythonLogRecord.parse(body, json)));
        }
        if (type == null
                || type.isWildcardType()
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json")) {
            return document(body);
        }
        throw new UnsupportedBodyException(
                "Content-Type",
                "unsupported Content-Type '" + contentType
                        + "': send application/json, application/x-ndjson or text/plain");
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

    private List<RawItem> document(byte[] body) {
        List<RawItem> items = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    checkBatch(items.size() + 1);
                    items.add(item(items.size(), json.readTree(parser)));
                }
            } else if (first == JsonToken.START_OBJECT) {
                unwrap(json.readTree(parser), items);
            } else if (first != null) {
                throw InvalidLogDataException.unreadable("body must be a JSON object or array");
            }
            if (parser.nextToken() != null) {
                throw InvalidLogDataException.unreadable("unexpected content after the JSON value");
            }
        } catch (JacksonException e) {
            throw InvalidLogDataException.unreadable("malformed JSON: " + e.getOriginalMessage());
        }
        return items;
    }

    /** {@code {"logs":[...]}} is a wrapper only when {@code logs} is an array and there is no message. */
    private void unwrap(JsonNode object, List<RawItem> items) {
        JsonNode logs = object.get("logs");
        if (logs != null && logs.isArray() && !object.has("message") && !object.has("msg")) {
            checkBatch(logs.size());
            logs.forEach(log -> items.add(item(items.size(), log)));
        } else {
            items.add(item(0, object));
        }
    }

    private static RawItem item(int index, JsonNode node) {
        return node instanceof ObjectNode object
                ? RawItem.of(index, object)
                : RawItem.unreadable(index, "log", "log must be a JSON object");
    }

    private RawItem jsonLine(int index, String line) {
        try {
            return item(index, json.readTree(line));
        } catch (JacksonException e) {
            return RawItem.unreadable(index, "json", "malformed JSON line: " + e.getOriginalMessage());
        }
    }

    private interface LineReader {
        RawItem read(int index, String line);
    }

    private List<RawItem> lines(byte[] body, LineReader reader) {
        List<RawItem> items = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                checkBatch(items.size() + 1);
                items.add(reader.read(items.size(), trimmed));
            }
        }
        return items;
    }

    private void checkBatch(int count) {
        if (count > maxBatch) {
            throw new PayloadTooLargeException(
                    "logcentral.ingest.max-batch", "more than " + maxBatch + " logs in one request: split the batch");
        }
    }
}
