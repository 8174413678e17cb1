package io.logcentral.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Reads logs: pages, tails, counts. Each read sees one consistent state of the store. */
public interface LogReader {

    /** One cell of a histogram: how many logs of a severity (and service, when asked) fell in a bucket. */
    record BucketCount(long bucket, Severity severity, String service, long count) {}

    /** A service seen, how often, and when last. */
    record ServiceCount(String service, long count, Instant lastSeen) {

        /**
         * One entry a service, names compared without case as the stores do, most logs first, {@code max} + 1 at most:
         * the counts of a range that a store read in parts (whole minutes, ragged ends) put together.
         */
        public static List<ServiceCount> merged(List<ServiceCount> counts, int max) {
            Map<String, ServiceCount> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (ServiceCount count : counts) {
                merged.merge(
                        count.service(),
                        count,
                        (a, b) -> new ServiceCount(
                                a.service(),
                                a.count() + b.count(),
                                a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
            }
            List<ServiceCount> all = new ArrayList<>(merged.values());
            all.sort(Comparator.comparingLong(ServiceCount::count)
                    .reversed()
                    .thenComparing(ServiceCount::service, String.CASE_INSENSITIVE_ORDER));
            return all.size() > max + 1 ? List.copyOf(all.subList(0, max + 1)) : all;
        }
    }

    /**
     * Runs the reads of {@code reads} within a time budget: a statement still running when it is spent is
     * interrupted, its connection freed, and a {@link org.springframework.dao.QueryTimeoutException} thrown.
     */
    <T> T within(Duration budget, Supplier<T> reads);

    List<StoredLog> find(LogQuery query);

    /** Up to {@code limit} logs matching {@code query} committed after the log {@code id}, in commit order. */
    List<StoredLog> findAfterId(LogQuery query, long id, int limit);

    /** The id of the newest committed log, 0 when there is none. */
    long lastId();

    Optional<StoredLog> findById(long id);

    /**
     * Counts the logs {@code query} matches per bucket of {@code width} from {@code origin}, which are whole minutes.
     */
    List<BucketCount> countByBucket(LogQuery query, Instant origin, Duration width, boolean byService);

    /**
     * The services {@code query} matches, most logs first: at most {@code max} of them, and one more when there are
     * more, so the caller can say the list is cut.
     */
    List<ServiceCount> services(LogQuery query, int max);
}
