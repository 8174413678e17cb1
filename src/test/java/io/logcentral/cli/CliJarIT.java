package io.logcentral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The commands as users run them, {@code java -jar logcentral.jar send|import}, as processes of their own against a
 * real server: an import that dies mid-way and is run again stores every line exactly once.
 */
@LogServerTest
class CliJarIT {

    private static final int LINES = 5_000;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    String service;

    @BeforeEach
    void setUp() {
        service = "cli-" + UUID.randomUUID();
    }

    @Test
    void anImportHaltedRightAfterAStoredBatchResumesAndStoresEveryLineOnce() throws Exception {
        List<String> importing = importing(numberedLines(temp.resolve("app.log")));

        Result halted = run(List.of("-Dlogcentral.import.halt-after-batches=3"), importing);

        assertThat(halted.exitCode()).as(halted.output()).isEqualTo(137);
        assertThat(messages()).hasSizeLessThan(LINES);
        Result resumed = run(List.of(), importing);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).containsPattern("done: [0-9,]+ lines stored, 0 refused, [1-9][0-9,]* already");
        List<String> messages = messages();
        assertThat(messages).hasSize(LINES);
        assertThat(Set.copyOf(messages)).hasSize(LINES);
    }

    @Test
    void anImportKilledMidwayResumesAndStoresEveryLineOnce() throws Exception {
        List<String> importing = importing(numberedLines(temp.resolve("app.log")));
        Process importer = start(temp.resolve("killed.log"), List.of(), importing);
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.exists(state()) && importer.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        importer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Result resumed = run(List.of(), importing);

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        List<String> messages = messages();
        assertThat(messages).hasSize(LINES);
        assertThat(Set.copyOf(messages)).hasSize(LINES);
    }

    @Test
    void sendRunsFromTheJarWithoutStartingAServer() throws Exception {
        Result result = run(
                List.of(),
                List.of(
                        "send",
                        "--url",
                        "http://127.0.0.1:" + port + "/logs",
                        "--token",
                        TestTokens.WRITER,
                        "--mode",
                        "batch",
                        "--count",
                        "2",
                        "--interval",
                        "0",
                        "--service",
                        service));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("done: 10 logs accepted").doesNotContain("Spring");
        assertThat(messages()).hasSize(10);
    }

    private record Result(int exitCode, String output) {}

    private static Path numberedLines(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            text.append("2024-11-08T14:23:30Z INFO line ").append(i).append('\n');
        }
        return Files.writeString(file, text);
    }

    private Path state() {
        return temp.resolve("state.json");
    }

    private List<String> importing(Path file) {
        return List.of(
                "import",
                "--url",
                "http://127.0.0.1:" + port,
                "--token",
                TestTokens.WRITER,
                "--service",
                service,
                "--batch-lines",
                "100",
                "--state",
                state().toString(),
                "--progress",
                "none",
                file.toString());
    }

    private Result run(List<String> jvm, List<String> args) throws Exception {
        Path output = temp.resolve("run-" + System.nanoTime() + ".log");
        Process process = start(output, jvm, args);
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("the command finished")
                .isTrue();
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** {@code java [jvm options] -jar target/logcentral.jar args...}, its output (both streams) to {@code output}. */
    private static Process start(Path output, List<String> jvm, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvm);
        command.add("-jar");
        command.add(Path.of("target", "logcentral.jar").toString());
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private List<String> messages() {
        return new Api(port)
                .get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .header("Accept", "application/x-ndjson")
                .send()
                .body()
                .lines()
                .map(line -> Api.json(line).get("message").asString())
                .toList();
    }
}
