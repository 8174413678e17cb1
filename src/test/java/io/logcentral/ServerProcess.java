package io.logcentral;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real jar, run as a child process on its own port and data directory, as an operator would run it. */
public final class ServerProcess implements AutoCloseable {

    public static final String TOKEN = "process-test-token-0123456789abcdef";
    private static final Path JAR = Path.of("target", "logcentral.jar");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerProcess start(Path dataDir, String... properties) throws IOException, InterruptedException {
        return withHeap(dataDir, "512m", properties);
    }

    /** @param heap the largest heap, as {@code -Xmx} takes it */
    public static ServerProcess withHeap(Path dataDir, String heap, String... properties)
            throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                JAR.toString(),
                "--server.port=" + port,
                "--logcentral.data-dir=" + dataDir,
                "--logcentral.tokens.test.token=" + TOKEN,
                "--logcentral.tokens.test.scopes=ingest,read"));
        boolean ownDatabase = List.of(properties).stream().anyMatch(p -> p.startsWith("spring.datasource.url="));
        if (TestDatabases.postgres() && !ownDatabase) {
            command.add("--spring.datasource.url=" + TestDatabases.forDirectory(dataDir));
            command.add("--spring.datasource.username=postgres");
        }
        for (String property : properties) {
            command.add("--" + property);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-server.log")
                        .toFile())
                .start();
        ServerProcess server = new ServerProcess(process, port);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    /** {@code kill -9}: no shutdown hook, no draining. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** {@code kill -TERM}: the graceful shutdown an orchestrator asks for. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not stop within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                if (api().get("/health").send().status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while it starts
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server was not healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
