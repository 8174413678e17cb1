package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.LogStore;
import io.logcentral.storage.NewLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Normalises the items of one request, stores the good ones together and reports the bad ones by index. */
@Service
class IngestService {

    private final LogNormalizer normalizer;
    private final LogStore store;
    private final IngestMetrics metrics;
    private final Clock clock;

    IngestService(
            @Qualifier("ingestJson") JsonMapper ingestJson,
            IngestProperties properties,
            LogStore store,
            IngestMetrics metrics) {
        this.normalizer =
                new LogNormalizer(ingestJson, properties.maxMessageSize().toBytes());
        this.store = store;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    IngestResponse ingest(List<RawItem> items, TokenPrincipal principal, String defaultService) {
        if (items.isEmpty()) {
            metrics.rejectedRequest();
            throw InvalidLogDataException.unreadable("no logs in the request");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<NewLog> logs = new ArrayList<>(items.size());
        List<ItemError> errors = new ArrayList<>();
        for (RawItem item : items) {
            if (item.error() != null) {
                errors.add(item.error());
                continue;
            }
            LogNormalizer.Result result =
                    normalizer.normalize(item.index(), item.log(), principal, defaultService, now);
            if (result.error() != null) {
                errors.add(result.error());
            } else {
                logs.add(result.log());
            }
        }
        metrics.rejectedLogs(errors.size());
        if (logs.isEmpty()) {
            metrics.rejectedRequest();
            throw new InvalidLogDataException(
                    "no log was stored: every item was rejected", errors.get(0).field(), errors);
        }
        List<Long> ids = store.append(logs);
        logs.forEach(log -> metrics.stored(log.severity()));
        return IngestResponse.of(ids, errors);
    }
}
