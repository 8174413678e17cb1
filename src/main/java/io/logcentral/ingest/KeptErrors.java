package io.logcentral.ingest;

import java.util.List;
import java.util.stream.LongStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The item errors kept with an idempotent answer, bounded: a request of 10,000 bad items would otherwise keep
 * megabytes of error text per key for 24 h. The first {@value #MAX_KEPT} are kept, with the count of them all, so a
 * replay still says how many items were rejected.
 */
@Component
class KeptErrors {

    static final int MAX_KEPT = 100;

    private record Kept(int rejected, List<ItemError> errors) {}

    private final JsonMapper json;

    KeptErrors(@Qualifier("ingestJson") JsonMapper json) {
        this.json = json;
    }

    String toJson(List<ItemError> errors) {
        return json.writeValueAsString(new Kept(errors.size(), errors.subList(0, Math.min(errors.size(), MAX_KEPT))));
    }

    /** The answer rebuilt; kept errors written before they were bounded are a bare array. */
    IngestResponse response(long firstId, int logCount, String errorsJson) {
        List<Long> ids = LongStream.range(firstId, firstId + logCount).boxed().toList();
        JsonNode tree = json.readTree(errorsJson);
        if (tree.isArray()) {
            return IngestResponse.of(ids, json.treeToValue(tree, ItemError[].class));
        }
        Kept kept = json.treeToValue(tree, Kept.class);
        return IngestResponse.of(ids, kept.rejected(), kept.errors());
    }
}
