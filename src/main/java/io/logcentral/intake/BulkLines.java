package io.logcentral.intake;

import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.InvalidLogDataException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a bulk body's NDJSON as action and document pairs. A document that is not JSON, or an action logs cannot take
 * ({@code update}, {@code delete}), is an error of its item; an action line that is not one is an error of the whole
 * request, as in Elasticsearch. Blank lines (the trailing one included) are skipped; {@code _type} is ignored.
 */
final class BulkLines {

    private static final List<String> WRITES = List.of("index", "create");

    /** One action: its item, and its document or why it is refused. */
    record Pair(BulkItem item, ObjectNode document, String error) {}

    private final String[] lines;
    private int next;

    BulkLines(byte[] body) {
        this.lines = new String(body, StandardCharsets.UTF_8).split("\n");
    }

    /** The next pair, or null at the end of the body. */
    Pair next(String pathIndex, IngestGate gate) {
        String actionLine = nextLine();
        if (actionLine == null) {
            return null;
        }
        ObjectNode action = parse(actionLine, gate);
        if (action == null || action.size() != 1) {
            throw new UnreadableBodyException("line " + next + " must be an action such as {\"create\":{}}");
        }
        Map.Entry<String, JsonNode> only = action.properties().iterator().next();
        JsonNode meta = only.getValue();
        String index = meta.hasNonNull("_index") ? meta.get("_index").asString() : pathIndex;
        String id = meta.hasNonNull("_id") ? meta.get("_id").asString() : null;
        BulkItem item = new BulkItem(only.getKey(), index, id);
        if (only.getKey().equals("delete")) {
            return new Pair(item, null, "logs are append-only: delete is not supported");
        }
        String documentLine = nextLine();
        if (documentLine == null) {
            throw new UnreadableBodyException("the action on line " + next + " has no document line after it");
        }
        if (!WRITES.contains(only.getKey())) {
            return new Pair(item, null, "logs are append-only: use index or create, not " + only.getKey());
        }
        ObjectNode document = parse(documentLine, gate);
        return document == null
                ? new Pair(item, null, "the document on line " + next + " is not a JSON object")
                : new Pair(item, document, null);
    }

    private static ObjectNode parse(String line, IngestGate gate) {
        try {
            return gate.jsonObject(line.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidLogDataException e) {
            return null;
        }
    }

    private String nextLine() {
        while (next < lines.length) {
            String line = lines[next++];
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }
}
