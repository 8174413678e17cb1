package io.logcentral.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may send.
 *
 * @param maxBodySize a request body after decoding; larger is 413
 * @param maxBatch logs in one request; more is 413 for the whole request
 * @param maxMessageSize one message in UTF-8; larger is an item error
 * @param maxDepth JSON nesting; deeper is 400
 * @param maxFuture how far past the server's clock a log's timestamp may be; further is an item error
 * @param bodyReadGrace how long a body may take before its pace is checked
 * @param bodyMinRate bytes per second a body must average after the grace; slower is 408 (0 turns the check off)
 */
@ConfigurationProperties("logcentral.ingest")
record IngestProperties(
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("10000") int maxBatch,
        @DefaultValue("32KB") DataSize maxMessageSize,
        @DefaultValue("64") int maxDepth,
        @DefaultValue("1d") Duration maxFuture,
        @DefaultValue("10s") Duration bodyReadGrace,
        @DefaultValue("1KB") DataSize bodyMinRate) {}
