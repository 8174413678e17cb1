package io.logcentral.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to find. A null bound or list means no filter; an empty {@code services} or {@code severities} set matches
 * nothing.
 *
 * @param after keyset position: only logs strictly past it in the query's order
 * @param attributes attribute paths (dot separated) to the text their value must equal
 */
public record LogQuery(
        Instant timestampFrom,
        Instant timestampTo,
        Instant receivedFrom,
        Instant receivedTo,
        List<String> services,
        Set<Severity> severities,
        String text,
        String requestId,
        String traceId,
        Map<String, String> attributes,
        Position after,
        boolean ascending,
        int limit,
        long offset) {

    /** The same filters, for another chunk of an export: past {@code position}, {@code limit} logs. */
    public LogQuery next(Position position, int limit, long offset) {
        return copy(timestampFrom, timestampTo, position, limit, offset);
    }

    /** The same filters over the event time range {@code from}..{@code to}, for counting. */
    public LogQuery within(Instant from, Instant to) {
        return copy(from, to, null, limit, 0);
    }

    /** The same query over these services only. */
    public LogQuery withServices(List<String> only) {
        return new LogQuery(
                timestampFrom,
                timestampTo,
                receivedFrom,
                receivedTo,
                only,
                severities,
                text,
                requestId,
                traceId,
                attributes,
                after,
                ascending,
                limit,
                offset);
    }

    private LogQuery copy(Instant from, Instant to, Position position, int limit, long offset) {
        return new LogQuery(
                from,
                to,
                receivedFrom,
                receivedTo,
                services,
                severities,
                text,
                requestId,
                traceId,
                attributes,
                position,
                ascending,
                limit,
                offset);
    }

    /** A place in the (timestamp, id) order. */
    public record Position(Instant timestamp, long id) {}
}
