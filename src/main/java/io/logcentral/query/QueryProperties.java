package io.logcentral.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultPageSize logs in a page when {@code limit} is not given
 * @param maxPageSize the most logs in a page; a larger {@code limit} is clamped to it
 * @param maxStreamsPerToken live tails one token may hold open at once; one more is 429
 * @param timeout the time one read of the store may run (a page, a chunk of an export, stats); past it, 422
 * @param maxOffset the largest {@code offset}; deeper pages are read with the cursor of the {@code Link} header
 * @param maxServices the most services {@code GET /logs/services} lists, most logs first
 * @param maxStatsServices the most services {@code GET /logs/stats?by=service} breaks its counts down by
 * @param tailReplay the most logs (by id) a tail resumed with {@code Last-Event-ID} replays; older ones are skipped
 * @param tailBuffer events a live tail may hold unsent; a tail whose buffer stays full for 5 s is closed
 */
@ConfigurationProperties("logcentral.query")
record QueryProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue("5") int maxStreamsPerToken,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("10000") long maxOffset,
        @DefaultValue("1000") int maxServices,
        @DefaultValue("100") int maxStatsServices,
        @DefaultValue("10000") int tailReplay,
        @DefaultValue("1MB") DataSize tailBuffer) {}
