package io.logcentral.intake;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.StoredLogs;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch's bulk API at {@code POST /_bulk} and {@code POST /{index}/_bulk}, so any shipper's Elasticsearch
 * output can send here: NDJSON action and document pairs, answered per item as Elasticsearch does. The
 * {@code X-Elastic-Product} header the clients insist on is set by {@link ElasticProductHeader}.
 */
@RestController
class BulkController {

    /** The index of a {@code POST /_bulk} action that names none. */
    static final String DEFAULT_INDEX = "logs";

    private final IngestGate gate;

    BulkController(IngestGate gate) {
        this.gate = gate;
    }

    @PostMapping("/_bulk")
    ResponseEntity<Map<String, Object>> bulk(
            HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        return indexBulk(DEFAULT_INDEX, request, principal);
    }

    @PostMapping("/{index}/_bulk")
    ResponseEntity<Map<String, Object>> indexBulk(
            @PathVariable String index, HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        long start = System.nanoTime();
        List<Map<String, Object>> items = new ArrayList<>();
        boolean errors = gate.withBody(request, body -> store(new BulkLines(body), index, principal, items));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("took", (System.nanoTime() - start) / 1_000_000);
        answer.put("errors", errors);
        answer.put("items", items);
        // Set, not negotiated: the clients accept application/vnd.elasticsearch+json, which no converter names.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /**
     * Logs are searchable once their bulk is answered, so a refresh has nothing to do; the shippers that ask for one
     * after their last bulk (the Elasticsearch client's bulk helper) get the answer they wait for.
     */
    @RequestMapping(
            path = "/{index}/_refresh",
            method = {RequestMethod.GET, RequestMethod.POST})
    Map<String, Object> refresh() {
        return Map.of("_shards", Map.of("total", 1, "successful", 1, "failed", 0));
    }

    /** Fills {@code items} with each action's answer, in order; returns whether any failed. */
    private boolean store(BulkLines lines, String index, TokenPrincipal principal, List<Map<String, Object>> items) {
        List<BulkLines.Pair> pairs = new ArrayList<>();
        List<ObjectNode> logs = new ArrayList<>();
        for (BulkLines.Pair pair = lines.next(index, gate); pair != null; pair = lines.next(index, gate)) {
            pairs.add(pair);
            if (pair.error() == null) {
                logs.add(BulkDocuments.toLog(pair.document(), pair.item().index(), principal.isBound()));
            }
        }
        StoredLogs stored = gate.storeEach(logs, principal);
        boolean errors = false;
        int log = 0;
        for (BulkLines.Pair pair : pairs) {
            String error =
                    pair.error() != null ? pair.error() : stored.rejected().get(log++);
            errors |= error != null;
            items.add(error == null ? pair.item().created() : pair.item().failed(error));
        }
        return errors;
    }
}
