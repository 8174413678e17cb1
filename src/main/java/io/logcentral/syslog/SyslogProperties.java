package io.logcentral.syslog;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The syslog listener.
 *
 * @param port the TCP and UDP port; -1 (the default) turns the listener off, 0 takes a free port (tests)
 * @param address the address to listen on; all of them by default
 * @param token the name of a static token ({@code logcentral.tokens.<name>}) whose scopes, service and rate limit the
 *     listener's logs have; it must have the ingest scope
 * @param maxConnections TCP connections at once; more are closed as they come
 * @param idleTimeout a TCP connection that sends nothing this long is closed
 * @param batchSize frames a connection reads before it waits for their commit
 * @param udpQueue datagrams waiting for their commit; more are dropped and counted
 * @param drainTimeout on shutdown, how long connections may go on committing what they have read
 */
@ConfigurationProperties("logcentral.syslog")
record SyslogProperties(
        @DefaultValue("-1") int port,
        @DefaultValue("0.0.0.0") String address,
        @Nullable String token,
        @DefaultValue("100") int maxConnections,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("2000") int udpQueue,
        @DefaultValue("10s") Duration drainTimeout) {

    boolean enabled() {
        return port >= 0;
    }
}
