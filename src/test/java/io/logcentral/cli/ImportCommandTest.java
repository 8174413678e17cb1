package io.logcentral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code import}: files shipped line by line to a real server, read back through {@code GET /logs}. */
@LogServerTest
class ImportCommandTest {

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    String service;
    Path state;

    @BeforeEach
    void setUp() {
        service = "import-" + UUID.randomUUID();
        state = temp.resolve("state.json");
    }

    @Test
    void plainTextLinesAreStoredWithTheirTimeLevelAndMessage() throws IOException {
        Path file = Files.writeString(temp.resolve("app.log"), """
                2024-11-08 14:23:30,123 ERROR payment failed for order o-1
                2024-11-08T14:23:31Z [WARNING] disk almost full

                disk check done
                """);

        CliRun run = importFiles("--service", service, file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: 3 lines stored, 0 refused");
        JsonNode logs = stored("&order=asc");
        assertThat(logs).hasSize(3);
        assertThat(logs.get(0).get("severity").asString()).isEqualTo("ERROR");
        assertThat(logs.get(0).get("timestamp").asString()).isEqualTo("2024-11-08T14:23:30.123000Z");
        assertThat(logs.get(0).get("message").asString()).isEqualTo("payment failed for order o-1");
        assertThat(logs.get(1).get("severity").asString()).isEqualTo("WARNING");
        assertThat(logs.get(1).get("message").asString()).isEqualTo("disk almost full");
        assertThat(logs.get(2).get("severity").asString()).isEqualTo("INFO");
        assertThat(logs.get(2).get("message").asString()).isEqualTo("disk check done");
    }

    @Test
    void jsonLinesKeepTheirOwnServiceAndAttributes() throws IOException {
        Path file = Files.writeString(
                temp.resolve("events.jsonl"),
                jsonLine("2024-11-08T14:23:30Z", "error", "card declined", "o-7") + "\n"
                        + jsonLine("2024-11-08T14:23:31Z", "info", "order placed", "o-8") + "\n");

        CliRun run = importFiles("--format", "json", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode logs = stored("&order=asc");
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).get("severity").asString()).isEqualTo("ERROR");
        assertThat(logs.get(0).get("message").asString()).isEqualTo("card declined");
        assertThat(logs.get(0).get("attributes").get("order").asString()).isEqualTo("o-7");
        assertThat(logs.get(1).get("timestamp").asString()).isEqualTo("2024-11-08T14:23:31.000000Z");
    }

    @Test
    void gzipFilesAreReadByTheirMagicBytesWhateverTheirName() throws IOException {
        Path file = temp.resolve("app.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 1; i <= 2500; i++) {
                out.write(("2024-11-08T14:23:30Z INFO zipped line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        CliRun run = importFiles("--service", service, "--batch-lines", "1000", "--progress", "lines", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: 2,500 lines stored");
        assertThat(run.err()).contains("import: 100.0%");
        JsonNode newest = stored("&limit=1");
        assertThat(newest.get(0).get("message").asString()).startsWith("zipped line ");
        assertThat(count()).isEqualTo(2500);
    }

    @Test
    void refusedLinesAreReportedByLineNumberAndTheOthersStored() throws IOException {
        Path file = Files.writeString(
                temp.resolve("mixed.jsonl"),
                jsonLine("2024-11-08T14:23:30Z", "error", "kept one", "o-1") + "\n\n"
                        + jsonLine("2024-11-08T14:23:31Z", "loud", "refused", "o-2") + "\n"
                        + jsonLine("2024-11-08T14:23:32Z", "info", "kept two", "o-3") + "\n");

        CliRun run = importFiles(file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3: level: unknown severity \"loud\"");
        assertThat(run.out()).contains("done: 2 lines stored, 1 refused");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aRerunSendsOnlyTheLinesAddedSinceAndAChangedFileStartsOver() throws IOException {
        Path file = Files.writeString(temp.resolve("growing.log"), "ERROR first\nINFO second\n");
        assertThat(importFiles("--service", service, file.toString()).exitCode())
                .isZero();

        CliRun nothingNew = importFiles("--service", service, file.toString());
        assertThat(nothingNew.out()).contains("done: 0 lines stored");
        Files.writeString(file, "WARNING third\n", StandardOpenOption.APPEND);
        CliRun grown = importFiles("--service", service, file.toString());

        assertThat(grown.err()).contains("going on from line 3");
        assertThat(grown.out()).contains("done: 1 lines stored");
        assertThat(count()).isEqualTo(3);

        Files.writeString(file, "DEBUG rotated\n");
        CliRun changed = importFiles("--service", service, file.toString());
        assertThat(changed.err()).contains("changed since the last import");
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void aRefusedTokenStopsTheImportWithExit1() throws IOException {
        Path file = Files.writeString(temp.resolve("a.log"), "INFO x\n");

        CliRun run = CliRun.of(
                "import",
                "--url",
                "http://127.0.0.1:" + port,
                "--token",
                TestTokens.READER,
                "--state",
                state.toString(),
                file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("import stopped:").contains("the server answered 403");
    }

    private CliRun importFiles(String... options) {
        List<String> args = new ArrayList<>(List.of(
                "import",
                "--url",
                "http://127.0.0.1:" + port,
                "--token",
                TestTokens.WRITER,
                "--state",
                state.toString(),
                "--progress",
                "none"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private String jsonLine(String time, String level, String message, String order) {
        return Api.write(java.util.Map.of(
                "timestamp", time, "service", service, "level", level, "msg", message, "order", order));
    }

    private JsonNode stored(String query) {
        return new Api(port)
                .get("/logs?service=" + service + query)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    private long count() {
        return new Api(port)
                .get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .header("Accept", "application/x-ndjson")
                .send()
                .body()
                .lines()
                .count();
    }
}
