package io.logcentral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines the commands cannot run: exit code 2 and a message that says what to change, before any request. */
class CliArgumentsTest {

    // Nothing listens here: a command that got past its arguments would fail differently (exit 1).
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path temp;

    @Test
    void importWithoutFilesExitsWith2() {
        CliRun run = CliRun.of("import", "--url", NOWHERE, "--token", "t");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("logcentral import: import needs at least one FILE")
                .contains("usage:");
    }

    @Test
    void importOfAMissingFileExitsWith2NamingIt() {
        CliRun run = CliRun.of("import", "--url", NOWHERE, "--token", "t", "no-such.log");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no readable file 'no-such.log'");
    }

    @Test
    void unknownOptionExitsWith2NamingIt() {
        CliRun run = CliRun.of("send", "--token", "t", "--modus", "batch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --modus for send");
    }

    @Test
    void sendWithAnUnknownModeExitsWith2ListingTheModes() {
        CliRun run = CliRun.of("send", "--token", "t", "--mode=burst");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mode must be one of single, batch, not 'burst'");
    }

    @Test
    void importWithAnUnknownFormatExitsWith2ListingTheFormats() throws Exception {
        Path file = Files.writeString(temp.resolve("a.log"), "x\n");

        CliRun run = CliRun.of("import", "--url", NOWHERE, "--token", "t", "--format", "csv", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be one of auto, syslog, logfmt, access, json, plain, not 'csv'");
    }

    @Test
    void numbersOutOfRangeOrNotNumbersExitWith2() {
        assertThat(CliRun.of("send", "--token", "t", "--batch-size", "five").err())
                .contains("--batch-size must be a whole number, not 'five'");
        assertThat(CliRun.of("send", "--token", "t", "--batch-size", "0").err())
                .contains("--batch-size must be between 1 and 10000, not 0");
        CliRun interval = CliRun.of("send", "--token", "t", "--interval", "-1");
        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.err()).contains("--interval must be 0 or more seconds, not '-1'");
    }

    @Test
    void aMissingTokenExitsWith2NamingTheOptionAndTheVariable() {
        CliRun run = CliRun.of("send", "--url", NOWHERE, "--count", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("send needs --token (or the environment variable LOGCENTRAL_TOKEN)");
    }

    @Test
    void anOptionWithoutItsValueExitsWith2() {
        CliRun run = CliRun.of("send", "--token");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--token needs a value");
    }

    @Test
    void aUrlThatIsNotHttpExitsWith2() {
        CliRun run = CliRun.of("send", "--token", "t", "--url", "localhost:8080");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--url must be an http:// or https:// URL with a host");
    }

    @Test
    void anUnreadableStateFileExitsWith2SayingWhatToDo() throws Exception {
        Path file = Files.writeString(temp.resolve("a.log"), "x\n");
        Path state = Files.writeString(temp.resolve("state.json"), "{not json");

        CliRun run =
                CliRun.of("import", "--url", NOWHERE, "--token", "t", "--state", state.toString(), file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is unreadable").contains("delete it or name another with --state");
    }

    @Test
    void theTokenMayComeFromTheEnvironment() {
        CliRun run =
                CliRun.withEnv(Map.of("LOGCENTRAL_TOKEN", "t", "LOGCENTRAL_URL", NOWHERE), "send", "--mode", "burst");

        assertThat(run.err()).doesNotContain("needs --token").contains("--mode must be one of");
    }

    @Test
    void helpPrintsEveryCommandAndExits0() {
        CliRun run = CliRun.of("help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("logcentral.jar send").contains("logcentral.jar import");
        assertThat(CliRun.of("import", "--help").out()).contains("--batch-lines");
    }

    @Test
    void serverUrlMayBeTheBaseOrSeed001sLogsUrl() {
        assertThat(Server.base("http://host:8080")).isEqualTo("http://host:8080");
        assertThat(Server.base("http://host:8080/")).isEqualTo("http://host:8080");
        assertThat(Server.base("http://host:8080/logs")).isEqualTo("http://host:8080");
        assertThat(Server.base("https://host/proxy/logs/")).isEqualTo("https://host/proxy");
    }
}
