package io.logcentral.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Syslog over UDP, a frame per datagram: one thread empties the socket into a bounded queue, another stores what is
 * queued in batches. UDP has no way to slow a sender, so what the queue or the server cannot take is dropped and
 * counted ({@code syslog_dropped} in {@code /metrics}).
 */
final class SyslogUdpServer {

    private static final Logger log = LoggerFactory.getLogger(SyslogUdpServer.class);
    private static final int TICK_MILLIS = 200;

    private final DatagramSocket socket;
    private final SyslogProperties properties;
    private final SyslogSink sink;
    private final SyslogMetrics metrics;
    private final int maxFrame;
    private final int batchSize;
    private final BlockingQueue<ObjectNode> queue;
    private final Thread receiver;
    private final Thread storer;
    private volatile boolean stopping;

    SyslogUdpServer(
            InetSocketAddress address,
            SyslogProperties properties,
            SyslogSink sink,
            SyslogMetrics metrics,
            int maxFrame,
            int batchSize)
            throws IOException {
        this.properties = properties;
        this.sink = sink;
        this.metrics = metrics;
        this.maxFrame = maxFrame;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(properties.udpQueue());
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(address);
        socket.setSoTimeout(TICK_MILLIS);
        receiver = new Thread(this::receive, "syslog-udp-receive");
        storer = new Thread(this::store, "syslog-udp-store");
    }

    void start() {
        receiver.start();
        storer.start();
    }

    private void receive() {
        // One byte over the limit tells a datagram that was too long from one that just fits.
        byte[] buffer = new byte[maxFrame + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!stopping) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                metrics.received(1);
                if (packet.getLength() > maxFrame) {
                    metrics.rejected(1);
                    continue;
                }
                String frame = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8).stripTrailing();
                if (!frame.isBlank()
                        && !queue.offer(sink.log(frame, packet.getAddress().getHostAddress()))) {
                    metrics.dropped(1);
                }
            } catch (SocketTimeoutException tick) {
                // Time to look at the stop flag.
            } catch (IOException | RuntimeException e) {
                if (!stopping) {
                    log.warn("Receiving a syslog datagram failed: {}", e.toString());
                }
            }
        }
    }

    private void store() {
        List<ObjectNode> batch = new ArrayList<>();
        while (!(stopping && queue.isEmpty() && !receiver.isAlive())) {
            try {
                ObjectNode first = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                sink.storeOnce(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                metrics.dropped(batch.size());
                log.warn("Storing {} syslog datagrams failed: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops receiving, then stores what was queued before it returns. */
    void stop() {
        stopping = true;
        long deadline = System.nanoTime() + properties.drainTimeout().toNanos();
        try {
            receiver.join(TICK_MILLIS * 5L);
            storer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storer.interrupt();
        socket.close();
    }
}
