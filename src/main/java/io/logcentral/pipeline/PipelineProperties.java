package io.logcentral.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The queue and the group-committing writer between ingest and the store.
 *
 * @param maxInflightBytes request bodies being read or parsed at once; past it a request is refused before it is read
 * @param maxQueueLogs logs accepted but not yet committed
 * @param maxQueueBytes their estimated size
 * @param maxQueueSharePerToken the part of the queue one token may hold, of what its severity may fill
 * @param maxBatchLogs the most logs one commit takes
 * @param linger how long a commit waits for more logs once it has some; 0 commits what is there at once
 * @param writeTimeout how long a request waits for its commit before it is answered 503
 * @param discard benchmark only: acknowledge at once without queueing or storing, to measure the HTTP side alone
 */
@ConfigurationProperties("logcentral.pipeline")
record PipelineProperties(
        @DefaultValue("64MB") DataSize maxInflightBytes,
        @DefaultValue("100000") int maxQueueLogs,
        @DefaultValue("64MB") DataSize maxQueueBytes,
        @DefaultValue("0.5") double maxQueueSharePerToken,
        @DefaultValue("5000") int maxBatchLogs,
        @DefaultValue("0ms") Duration linger,
        @DefaultValue("30s") Duration writeTimeout,
        @DefaultValue("false") boolean discard) {}
