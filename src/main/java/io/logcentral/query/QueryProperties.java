package io.logcentral.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPageSize logs in a page when {@code limit} is not given
 * @param maxPageSize the most logs in a page; a larger {@code limit} is clamped to it
 */
@ConfigurationProperties("logcentral.query")
record QueryProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize) {}
