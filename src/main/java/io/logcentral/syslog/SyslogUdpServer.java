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
    private final SyslogIntake intake;
    private final BlockingQueue<ObjectNode> queue;
    private final ListenerLoop receiver;
    private final ListenerLoop storer;
    // One byte over the limit tells a datagram that was too long from one that just fits.
    private final DatagramPacket packet;
    private final List<ObjectNode> batch = new ArrayList<>();

    SyslogUdpServer(InetSocketAddress address, SyslogIntake intake) throws IOException {
        this.intake = intake;
        this.queue = new ArrayBlockingQueue<>(intake.properties().udpQueue());
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.bind(address);
        socket.setSoTimeout(TICK_MILLIS);
        packet = new DatagramPacket(new byte[intake.maxFrame() + 1], intake.maxFrame() + 1);
        receiver = new ListenerLoop("udp-receive", this::receiveOne);
        storer = new ListenerLoop("udp-store", this::storeQueued);
    }

    void start() {
        receiver.start();
        storer.start();
    }

    ListenerLoop receiver() {
        return receiver;
    }

    ListenerLoop storer() {
        return storer;
    }

    private void receiveOne() throws IOException {
        packet.setLength(packet.getData().length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException tick) {
            return; // time to look at the stop flag
        }
        intake.metrics().received(1);
        if (packet.getLength() > intake.maxFrame()) {
            intake.metrics().rejected(1);
            return;
        }
        String frame = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).stripTrailing();
        if (!frame.isBlank()
                && !queue.offer(intake.sink().log(frame, packet.getAddress().getHostAddress()))) {
            intake.metrics().dropped(1);
        }
    }

    /** Stores what is queued as one batch; what a failure leaves unstored is counted as dropped. */
    private void storeQueued() throws InterruptedException {
        ObjectNode first = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            if (receiver.stopping() && !receiver.isAlive()) {
                storer.stop();
            }
            return;
        }
        batch.add(first);
        queue.drainTo(batch, intake.batchSize() - 1);
        try {
            intake.sink().storeOnce(List.copyOf(batch));
        } catch (RuntimeException | Error e) {
            intake.metrics().dropped(batch.size());
            throw e;
        } finally {
            batch.clear();
        }
    }

    /** Stops receiving, then stores what was queued before it returns. */
    void stop() {
        receiver.stop();
        long deadline = System.nanoTime() + intake.properties().drainTimeout().toNanos();
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
