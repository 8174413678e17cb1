package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs a real client program nobody here wrote (a Java SDK with its own classpath, an npm package) as a child process,
 * so its library versions never meet the server's on the test classpath.
 */
final class ClientProcess {

    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();

    private ClientProcess() {}

    /** Runs the command in {@code dir} and returns its output; fails the test if it does not exit 0 in time. */
    static String run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("client", ".log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(exited).as("client finished in time: %s", text).isTrue();
        assertThat(process.exitValue()).as("client exit code: %s", text).isZero();
        return text;
    }

    /** The classpath of an example's own pom, resolved by Maven into the local repository. */
    static String mavenClasspath(Path exampleDir) throws IOException, InterruptedException {
        Path file = Files.createTempFile("classpath", ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of("mvnw").toAbsolutePath().toString(),
                "-q",
                "-f",
                exampleDir.resolve("pom.xml").toString(),
                "dependency:build-classpath",
                "-Dmdep.outputFile=" + file));
        run(exampleDir, 300, command.toArray(String[]::new));
        String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
        Files.deleteIfExists(file);
        return classpath;
    }

    /** Installs an npm example's packages once; npm reaches its registry only when node_modules is missing. */
    static void npmInstall(Path exampleDir) throws IOException, InterruptedException {
        if (!Files.isDirectory(exampleDir.resolve("node_modules"))) {
            run(exampleDir, 300, "npm", "install", "--no-audit", "--no-fund");
        }
    }

    /** The logs a client sent for {@code service}, read back as an operator would, newest first. */
    static JsonNode storedLogs(int port, String service) {
        return new Api(port)
                .get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    /**
     * Waits for {@code count} logs of {@code service}, for clients that do not wait for the commit (syslog over UDP,
     * or TCP, which has no answer), and returns them newest first.
     */
    static JsonNode awaitLogs(int port, String service, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode logs = storedLogs(port, service);
        while (logs.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            logs = storedLogs(port, service);
        }
        assertThat(logs).as("logs of %s", service).hasSize(count);
        return logs;
    }

    /**
     * Runs a Java example (a single-file program beside its own pom, its directory on the classpath for its logging
     * configuration) as a client of the server on {@code port}: its arguments are the server's URL, the writer token
     * and {@code service}. Returns its output.
     */
    static String runJavaExample(String example, String program, int port, String service, String... jvmOptions)
            throws IOException, InterruptedException {
        Path dir = EXAMPLES.resolve(example);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-cp",
                mavenClasspath(dir) + File.pathSeparator + dir,
                program,
                "http://127.0.0.1:" + port,
                TestTokens.WRITER,
                service));
        return run(dir, 120, command.toArray(String[]::new));
    }

    /** Runs a Python example's {@code send.py} against the server on {@code port} (host, port, writer token, service). */
    static String runPythonExample(String example, int port, String service) throws IOException, InterruptedException {
        return run(
                EXAMPLES.resolve(example),
                60,
                "/usr/bin/python3",
                "send.py",
                "127.0.0.1",
                String.valueOf(port),
                TestTokens.WRITER,
                service);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
