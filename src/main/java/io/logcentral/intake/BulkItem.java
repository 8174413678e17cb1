package io.logcentral.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One action of a bulk request and its outcome, in the shape Elasticsearch answers it.
 *
 * @param action {@code index} or {@code create} as the client sent it (others are refused per item)
 * @param index the target index: the action's {@code _index}, else the path's
 * @param id the action's {@code _id}, or null
 */
record BulkItem(String action, String index, String id) {

    Map<String, Object> created() {
        Map<String, Object> result = base(201);
        result.put("result", "created");
        return Map.of(action, result);
    }

    /** A refused document, with Elasticsearch's error type for a document it cannot map. */
    Map<String, Object> failed(String reason) {
        Map<String, Object> result = base(400);
        result.put("error", Map.of("type", "document_parsing_exception", "reason", reason));
        return Map.of(action, result);
    }

    private Map<String, Object> base(int status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("_index", index);
        if (id != null) {
            result.put("_id", id);
        }
        result.put("status", status);
        return result;
    }
}
