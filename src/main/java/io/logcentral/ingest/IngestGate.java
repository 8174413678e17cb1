package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.pipeline.BodyBudget;
import io.logcentral.pipeline.WritePipeline;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one guarded way in for a request body, for {@code POST /logs} and the older systems' endpoints alike: the size
 * limit before parsing, the in-flight budget charged as bytes arrive, a minimum pace, the JSON depth limit, the batch
 * limit, and admission by severity in the write queue.
 */
@Component
public class IngestGate {

    private final IngestService ingest;
    private final IngestProperties limits;
    private final BodyBudget budget;
    private final JsonMapper json;
    private final RequestItems items;

    IngestGate(
            IngestService ingest,
            IngestProperties limits,
            WritePipeline pipeline,
            @Qualifier("ingestJson") JsonMapper json) {
        this.ingest = ingest;
        this.limits = limits;
        this.budget = pipeline.bodyBudget();
        this.json = json;
        this.items = new RequestItems(json, limits.maxBatch());
    }

    /**
     * Hands the body to {@code use} while its bytes are still charged to the budget, so parsing it is covered too.
     *
     * @throws PayloadTooLargeException (413) when the body is over the size limit
     */
    public <T> T withBody(HttpServletRequest request, Function<byte[], T> use) {
        try (BodyBudget.Reservation reservation = budget.open()) {
            return use.apply(BoundedBody.read(request, limits, reservation));
        }
    }

    /**
     * Reads the body as one JSON object and hands it to {@code use}.
     *
     * @throws InvalidLogDataException (400) when the body is empty, not a JSON object, or nested too deep
     * @throws PayloadTooLargeException (413) when the body is over the size limit
     */
    public <T> T withJsonObject(HttpServletRequest request, Function<ObjectNode, T> use) {
        return withBody(request, body -> {
            if (items.tree(body) instanceof ObjectNode object) {
                return use.apply(object);
            }
            throw InvalidLogDataException.unreadable("body must be a JSON object");
        });
    }

    /**
     * Like {@link #withBody} but hands over the bytes as sent, whatever {@code Content-Encoding} says, for a protocol
     * that finds its compression in the bytes themselves (GELF); decompressing them is the endpoint's, under
     * {@link #checkDecodedSize}.
     */
    public <T> T withUndecodedBody(HttpServletRequest request, Function<byte[], T> use) {
        try (BodyBudget.Reservation reservation = budget.open()) {
            return use.apply(BoundedBody.readUndecoded(request, limits, reservation));
        }
    }

    /**
     * Reads bytes an endpoint decoded itself (a decompressed body, one line of NDJSON) as one JSON object, under the
     * same depth limit as a body.
     *
     * @throws InvalidLogDataException (400) when they are not a JSON object, or nested too deep
     */
    public ObjectNode jsonObject(byte[] bytes) {
        if (items.tree(bytes) instanceof ObjectNode object) {
            return object;
        }
        throw InvalidLogDataException.unreadable("body must be a JSON object");
    }

    /**
     * Holds what an endpoint decompresses itself to the body size limit, as it grows.
     *
     * @throws PayloadTooLargeException (413) when {@code decodedBytes} is over the limit
     */
    public void checkDecodedSize(long decodedBytes) {
        long limit = limits.maxBodySize().toBytes();
        if (decodedBytes > limit) {
            throw BoundedBody.tooLarge(limit);
        }
    }

    /** An empty object to build a log in, from the mapper that stores it. */
    public ObjectNode newLog() {
        return json.createObjectNode();
    }

    /**
     * Normalises and stores logs an endpoint built itself, as {@code POST /logs} stores the items of its body.
     *
     * @return the ids of the stored logs, in order; items that fail validation are left out
     * @throws InvalidLogDataException (400) when no log could be stored
     * @throws PayloadTooLargeException (413) when there are more logs than one request may carry
     */
    public List<Long> store(List<ObjectNode> logs, TokenPrincipal principal) {
        return ingest.ingest(logs, principal).body().ids();
    }

    /**
     * Like {@link #store} for protocols that answer per item: a request whose every log is rejected is an answer too,
     * not an exception.
     *
     * @throws PayloadTooLargeException (413) when there are more logs than one request may carry
     */
    public StoredLogs storeEach(List<ObjectNode> logs, TokenPrincipal principal) {
        if (logs.isEmpty()) {
            return new StoredLogs(0, Map.of());
        }
        List<ItemError> errors;
        int stored;
        try {
            IngestResponse answer = ingest.ingest(logs, principal).body();
            errors = answer.errors();
            stored = answer.accepted();
        } catch (InvalidLogDataException e) {
            errors = e.itemErrors();
            stored = 0;
        }
        Map<Integer, String> rejected = new TreeMap<>();
        errors.forEach(error -> rejected.put(error.index(), error.field() + ": " + error.error()));
        return new StoredLogs(stored, rejected);
    }
}
