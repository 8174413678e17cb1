package io.logcentral.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP: a thread per connection reads a batch of frames, stores it, and reads on only once it is committed,
 * so a sender faster than the store is slowed by TCP itself. On stop, connections commit what they have read and
 * close; what is left in the socket's buffer then is lost, so the receive buffer is kept small.
 */
final class SyslogTcpServer {

    private static final Logger log = LoggerFactory.getLogger(SyslogTcpServer.class);
    /** How often a waiting connection looks at its idle time and at the stop flag. */
    private static final int TICK_MILLIS = 200;
    /** What the kernel may hold per connection, acknowledged to the sender but not read: lost in a crash. */
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final SyslogIntake intake;
    private final Set<Thread> connections = ConcurrentHashMap.newKeySet();
    private final ListenerLoop acceptor;
    private volatile boolean givenUp;

    SyslogTcpServer(InetSocketAddress address, SyslogIntake intake) throws IOException {
        this.intake = intake;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.setReceiveBufferSize(RECEIVE_BUFFER);
        server.bind(address, intake.properties().maxConnections());
        acceptor = new ListenerLoop("tcp-accept", this::acceptOne);
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        acceptor.start();
    }

    ListenerLoop acceptor() {
        return acceptor;
    }

    private void acceptOne() throws IOException {
        Socket socket = server.accept();
        if (connections.size() >= intake.properties().maxConnections()) {
            intake.metrics().refusedConnection();
            socket.close();
            return;
        }
        Thread thread = new Thread(() -> serve(socket), "syslog-tcp-" + socket.getRemoteSocketAddress());
        connections.add(thread);
        thread.start();
    }

    private void serve(Socket socket) {
        String sender = socket.getInetAddress().getHostAddress();
        intake.metrics().connections().incrementAndGet();
        try (socket) {
            socket.setSoTimeout(TICK_MILLIS);
            read(new SyslogFrames(socket.getInputStream(), intake.maxFrame()), sender);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // An Error (out of memory) ends this connection only; its sender reconnects.
            log.debug("Syslog connection from {} ended: {}", sender, e.toString());
        } finally {
            intake.metrics().connections().decrementAndGet();
            connections.remove(Thread.currentThread());
        }
    }

    /** Frames into batches: a batch ends when it is full or nothing more has arrived yet. */
    private void read(SyslogFrames frames, String sender) throws IOException, InterruptedException {
        List<String> batch = new ArrayList<>();
        long idleSince = System.nanoTime();
        while (!givenUp) {
            String frame;
            try {
                frame = frames.next();
            } catch (SocketTimeoutException nothingYet) {
                // Frames read before the rest of a frame stalled are not kept waiting for it.
                store(batch, sender);
                if (acceptor.stopping()
                        || System.nanoTime() - idleSince
                                > intake.properties().idleTimeout().toNanos()) {
                    return;
                }
                continue;
            } finally {
                intake.metrics().rejected(frames.takeOversized());
            }
            if (frame == null) {
                store(batch, sender);
                return;
            }
            idleSince = System.nanoTime();
            if (!frame.isBlank()) {
                batch.add(frame);
            }
            if (batch.size() >= intake.batchSize() || (!batch.isEmpty() && !frames.ready())) {
                store(batch, sender);
            }
        }
    }

    private void store(List<String> batch, String sender) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        intake.metrics().received(batch.size());
        intake.sink().storeWaiting(List.copyOf(batch), sender, () -> givenUp);
        batch.clear();
    }

    /** Stops taking connections, lets the open ones commit what they have read, and closes them. */
    void stop() {
        acceptor.stop();
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Closing the syslog TCP socket: {}", e.toString());
        }
        long deadline = System.nanoTime() + intake.properties().drainTimeout().toNanos();
        for (Thread thread : List.copyOf(connections)) {
            join(thread, deadline);
        }
        try {
            acceptor.join(remainingMillis(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        givenUp = true;
        connections.forEach(Thread::interrupt);
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static void join(Thread thread, long deadline) {
        try {
            thread.join(remainingMillis(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
