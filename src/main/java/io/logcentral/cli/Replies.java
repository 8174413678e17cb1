package io.logcentral.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a {@code POST /logs} answer says, read leniently: a proxy in between may answer with HTML. */
final class Replies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Replies() {}

    /** One refused item: its index in the request, the field named (may be empty) and why. */
    record ItemError(int index, String field, String error) {
        String describe() {
            return field.isEmpty() ? error : field + ": " + error;
        }
    }

    /** The body of an ingest answer: counts and item errors. {@code itemErrors} empty when it has none. */
    record Ingested(long accepted, long rejected, List<ItemError> itemErrors, String error) {}

    static Ingested read(byte[] body) {
        JsonNode json = tree(body);
        List<ItemError> errors = new ArrayList<>();
        for (JsonNode item : json.path("errors")) {
            if (item.has("index")) {
                errors.add(new ItemError(
                        item.path("index").asInt(),
                        item.path("field").asString(""),
                        item.path("error").asString("refused")));
            }
        }
        String error = json.path("error").asString(json.path("detail").asString(""));
        if (error.isEmpty() && !json.isObject()) {
            error = new String(body, StandardCharsets.UTF_8).strip();
        }
        return new Ingested(
                json.path("accepted").asLong(0), json.path("rejected").asLong(0), errors, error);
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }
}
