package io.logcentral.alert;

import java.time.Duration;
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
        @DefaultValue("https://api.telegram.org") String telegramApiUrl) {}
