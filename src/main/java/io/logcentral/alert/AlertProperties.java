package io.logcentral.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rules are checked and notifications delivered.
 *
 * @param baseUrl the server's address as people reach it, for links to logs; empty means this host and port
 * @param backlog committed logs waiting to be checked against the rules; beyond it logs go unchecked and are counted
 * @param maxAttempts tries of one notification before it is marked failed
 * @param firstRetry the wait after the first failed try; each next wait doubles
 * @param maxRetry the longest wait between two tries
 * @param connectTimeout how long a channel may take to accept a connection
 * @param sendTimeout how long a channel may take to answer once connected
 * @param telegramApiUrl the Bot API's base, for channels that name none (a proxy, or a test server)
 * @param rules rules kept in configuration, by name; each start writes them over the stored rule of that name
 */
@ConfigurationProperties("logcentral.alerts")
record AlertProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("100000") int backlog,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("https://api.telegram.org") String telegramApiUrl,
        @DefaultValue Map<String, ConfiguredRule> rules) {

    /** A rule as configuration spells it ({@code min-severity}, lists as comma lists); read like the API's JSON. */
    record ConfiguredRule(
            String minSeverity,
            List<String> severities,
            List<String> services,
            String q,
            Map<String, String> attributes,
            Integer threshold,
            String window,
            List<String> channels,
            Map<String, String> cooldown,
            Boolean enabled) {}
}
