package io.logcentral.retention;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long logs are kept, by their own timestamp.
 *
 * @param maxAge how long a log no rule speaks for is kept
 * @param maxSize the most the logs may take on disk (pages of deleted logs not counted); none when null
 * @param rules per service, per severity or both; the most specific rule that matches a log decides its age
 * @param checkEvery how long retention rests after a pass that found nothing more to delete
 * @param stepLogs the most logs one deletion transaction takes, so a commit of new logs never waits long
 */
@ConfigurationProperties("logcentral.retention")
record RetentionProperties(
        @DefaultValue("30d") Duration maxAge,
        DataSize maxSize,
        @DefaultValue List<Rule> rules,
        @DefaultValue("1m") Duration checkEvery,
        @DefaultValue("2000") int stepLogs) {

    /**
     * @param service the service it is for (any when empty)
     * @param severity the severity it is for (any when empty)
     * @param maxAge how long the logs it matches are kept
     */
    record Rule(String service, Severity severity, Duration maxAge) {}
}
