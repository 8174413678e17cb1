package io.logcentral.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPageSize logs in a page when {@code limit} is not given
 * @param maxPageSize the most logs in a page; a larger {@code limit} is clamped to it
 * @param maxStreamsPerToken live tails one token may hold open at once; one more is 429
 */
@ConfigurationProperties("logcentral.query")
record QueryProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue("5") int maxStreamsPerToken) {}
