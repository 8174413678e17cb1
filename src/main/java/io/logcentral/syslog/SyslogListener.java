package io.logcentral.syslog;

import io.logcentral.auth.ConfiguredTokens;
import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The syslog listener's life: checks its token when the application starts (a wrong one stops the start with a clear
 * message), opens TCP and UDP on one port after the write pipeline has started, and on shutdown drains before the
 * pipeline stops.
 */
@Component
public class SyslogListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyslogListener.class);

    private final SyslogProperties properties;
    /** What the servers take frames into; null when the listener is off. */
    private final @Nullable SyslogIntake intake;

    private final SyslogMetrics metrics;
    private @Nullable SyslogTcpServer tcp;
    private @Nullable SyslogUdpServer udp;
    private volatile boolean running;

    SyslogListener(
            SyslogProperties properties,
            ConfiguredTokens tokens,
            IngestGate gate,
            SyslogMetrics metrics,
            @Value("${logcentral.ingest.max-message-size:32KB}") DataSize maxMessageSize,
            @Value("${logcentral.ingest.max-batch:10000}") int maxBatch) {
        this.properties = properties;
        this.metrics = metrics;
        // A frame holds a header beside its message; the normaliser still holds the message to its own limit.
        int maxFrame = (int) Math.min(Integer.MAX_VALUE - 64, maxMessageSize.toBytes() + 1024);
        int batchSize = Math.max(1, Math.min(properties.batchSize(), maxBatch));
        this.intake = properties.enabled()
                ? new SyslogIntake(
                        properties,
                        new SyslogSink(gate, principal(properties, tokens), metrics),
                        metrics,
                        maxFrame,
                        batchSize)
                : null;
    }

    private static TokenPrincipal principal(SyslogProperties properties, ConfiguredTokens tokens) {
        String name = properties.token();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("logcentral.syslog.port is set, so logcentral.syslog.token must name the"
                    + " configured token (logcentral.tokens.<name>) the listener's logs are stored as");
        }
        TokenPrincipal principal = tokens.principal(name)
                .orElseThrow(() -> new IllegalStateException("logcentral.syslog.token=" + name
                        + " names no configured token: add logcentral.tokens." + name + ".token"));
        if (!principal.scopes().contains(Scope.INGEST)) {
            throw new IllegalStateException("logcentral.syslog.token=" + name
                    + " has no ingest scope: add ingest to logcentral.tokens." + name + ".scopes");
        }
        return principal;
    }

    @Override
    public void start() {
        if (intake == null) {
            return;
        }
        try {
            InetSocketAddress address = new InetSocketAddress(properties.address(), properties.port());
            tcp = new SyslogTcpServer(address, intake);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for syslog on TCP port " + properties.port(), e);
        }
        try {
            // Port 0 took a free TCP port: UDP takes the same number, so one port is all a sender needs to know.
            udp = new SyslogUdpServer(new InetSocketAddress(properties.address(), tcp.port()), intake);
        } catch (IOException e) {
            tcp.stop();
            throw new UncheckedIOException("Cannot listen for syslog on UDP port " + tcp.port(), e);
        }
        tcp.start();
        udp.start();
        running = true;
        log.info("Listening for syslog on TCP and UDP port {}", tcp.port());
    }

    @Override
    public void stop() {
        running = false;
        if (tcp != null) {
            tcp.stop();
        }
        if (udp != null) {
            udp.stop();
        }
        log.info("Syslog listener drained and stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the write pipeline starts and before it stops (its phase is lower), so every frame read gets stored. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** The port listened on, a free one when configured as 0; -1 when the listener is off. */
    public int port() {
        return tcp == null ? -1 : tcp.port();
    }

    /** For {@code GET /health} details. */
    public Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", properties.enabled());
        details.put("port", port());
        details.put("connections", metrics.connections().get());
        if (tcp != null && udp != null) {
            // Shown so a listener thread that stopped turning is seen; ingest over HTTP goes on, so not a 503.
            details.put(
                    "threads",
                    Map.of(
                            "tcp_accept", tcp.acceptor().health(),
                            "udp_receive", udp.receiver().health(),
                            "udp_store", udp.storer().health()));
        }
        return details;
    }
}
