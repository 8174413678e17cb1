package io.logcentral.ingest;

import io.logcentral.auth.RateLimits;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.pipeline.KeptAnswer;
import io.logcentral.pipeline.WritePipeline;
import io.logcentral.storage.NewLog;
import io.logcentral.textformat.TextFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalises the items of one request as they are read, hands the good ones to the write pipeline together, and
 * reports the bad ones by index. Answers only once the logs are committed.
 */
@Service
class IngestService {

    private final RequestItems items;
    private final LogNormalizer normalizer;
    private final WritePipeline pipeline;
    private final IngestMetrics metrics;
    private final IdempotencyKeys idempotency;
    private final KeptErrors keptErrors;
    private final RateLimits rateLimits;
    private final int maxBatch;
    private final Clock clock = Clock.systemUTC();

    IngestService(
            @Qualifier("ingestJson") JsonMapper ingestJson,
            IngestProperties properties,
            WritePipeline pipeline,
            IngestMetrics metrics,
            IdempotencyKeys idempotency,
            KeptErrors keptErrors,
            RateLimits rateLimits) {
        this.items = new RequestItems(ingestJson, properties.maxBatch());
        this.normalizer =
                new LogNormalizer(ingestJson, properties.maxMessageSize().toBytes(), properties.maxFuture());
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.idempotency = idempotency;
        this.keptErrors = keptErrors;
        this.rateLimits = rateLimits;
        this.maxBatch = properties.maxBatch();
    }

    /**
     * @param defaultService the service of items that name none, or null
     * @param format the format of every text line, or null to find each line's own
     * @param idempotencyKey the client's key for this request, or null
     */
    IngestAnswer ingest(
            byte[] body,
            String contentType,
            TextFormat format,
            TokenPrincipal principal,
            String defaultService,
            String idempotencyKey) {
        RequestItems.Text text = new RequestItems.Text(format, !principal.isBound());
        Consumer<Consumer<RawItem>> source = sink -> items.read(body, contentType, text, sink);
        if (idempotencyKey == null) {
            return store(source, principal, defaultService, null);
        }
        // The format decides what the bytes mean, so a retry under another format is another body.
        String bodyHash =
                Digests.body(format == null ? contentType : contentType + "; format=" + format.parameter(), body);
        return idempotency.once(
                principal,
                idempotencyKey,
                bodyHash,
                keyHash -> store(source, principal, defaultService, new KeyAndBody(keyHash, bodyHash)));
    }

    /** For the endpoints of the systems we replace, which build their logs themselves. */
    IngestAnswer ingest(List<ObjectNode> logs, TokenPrincipal principal) {
        if (logs.size() > maxBatch) {
            throw PayloadTooLargeException.batch(maxBatch);
        }
        return store(
                sink -> {
                    for (int i = 0; i < logs.size(); i++) {
                        sink.accept(RawItem.of(i, logs.get(i)));
                    }
                },
                principal,
                null,
                null);
    }

    /** Identifies an idempotent request: its token and key, and the body first sent under them. */
    private record KeyAndBody(String keyHash, String bodyHash) {}

    private IngestAnswer store(
            Consumer<Consumer<RawItem>> source, TokenPrincipal principal, String defaultService, KeyAndBody key) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<NewLog> logs = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        source.accept(item -> {
            LogNormalizer.Result result = item.error() != null
                    ? new LogNormalizer.Result(null, item.error())
                    : normalizer.normalize(item.index(), item.log(), principal, defaultService, now);
            if (result.error() != null) {
                errors.add(result.error());
            } else {
                logs.add(result.log());
            }
        });
        metrics.rejectedLogs(errors.size());
        if (logs.isEmpty()) {
            metrics.rejectedRequest();
            if (errors.isEmpty()) {
                throw InvalidLogDataException.unreadable("no logs in the request");
            }
            throw new InvalidLogDataException(
                    "no log was stored: every item was rejected", errors.get(0).field(), errors);
        }
        rateLimits.takeLogs(principal, logs.size());
        int status = principal.successStatus();
        KeptAnswer kept =
                key == null ? null : new KeptAnswer(key.keyHash(), key.bodyHash(), status, keptErrors.toJson(errors));
        long first = pipeline.write(principal.name(), logs, kept);
        logs.forEach(log -> metrics.stored(log.severity()));
        List<Long> ids = LongStream.range(first, first + logs.size()).boxed().toList();
        return new IngestAnswer(status, IngestResponse.of(ids, errors), false);
    }
}
