package io.logcentral.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Queued requests in one lane per token, served in turn: the writer takes one request from each token that waits before
 * it takes a second from any, so a token flooding the queue does not stand in front of a token that sends now and then.
 * Not thread-safe: {@link WriteQueue} holds its lock.
 */
final class TokenLanes {

    /** Lanes in the order they are served next; a lane served moves to the end. */
    private final Map<String, Deque<Pending>> lanes = new LinkedHashMap<>();

    void add(Pending pending) {
        lanes.computeIfAbsent(pending.token(), token -> new ArrayDeque<>()).add(pending);
    }

    boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** The request the next {@link #poll()} returns, or null. */
    Pending peek() {
        Iterator<Deque<Pending>> first = lanes.values().iterator();
        return first.hasNext() ? first.next().peek() : null;
    }

    /** The next request in turn, or null; its token's lane goes to the back. */
    Pending poll() {
        Iterator<Map.Entry<String, Deque<Pending>>> first = lanes.entrySet().iterator();
        if (!first.hasNext()) {
            return null;
        }
        Map.Entry<String, Deque<Pending>> lane = first.next();
        Pending next = lane.getValue().poll();
        first.remove();
        if (!lane.getValue().isEmpty()) {
            lanes.put(lane.getKey(), lane.getValue());
        }
        return next;
    }

    /**
     * Takes out every request queued at or before {@code deadlineNanos}. Each lane is in the order its requests came,
     * so only lane heads are looked at.
     */
    void removeQueuedUntil(long deadlineNanos, List<Pending> removed) {
        Iterator<Deque<Pending>> each = lanes.values().iterator();
        while (each.hasNext()) {
            Deque<Pending> lane = each.next();
            while (!lane.isEmpty() && lane.getFirst().queuedNanos() - deadlineNanos <= 0) {
                removed.add(lane.poll());
            }
            if (lane.isEmpty()) {
                each.remove();
            }
        }
    }

    /** When the longest-waiting request was queued, on {@link System#nanoTime()}. */
    OptionalLong oldestQueuedNanos() {
        OptionalLong oldest = OptionalLong.empty();
        for (Deque<Pending> lane : lanes.values()) {
            long queued = lane.getFirst().queuedNanos();
            if (oldest.isEmpty() || queued - oldest.getAsLong() < 0) {
                oldest = OptionalLong.of(queued);
            }
        }
        return oldest;
    }
}
