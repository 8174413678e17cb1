package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.OwnServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real server over HTTPS, with a self-signed certificate made by keytool for this run. */
@OwnServerTest
class TlsTest {

    private static final String PASSWORD = "test-keystore-password";
    private static final Path KEYSTORE = Path.of("target", "tls-test", UUID.randomUUID() + ".p12");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        generateKeystore();
        registry.add("server.ssl.bundle", () -> "web");
        registry.add("spring.ssl.bundle.jks.web.keystore.location", () -> "file:" + KEYSTORE.toAbsolutePath());
        registry.add("spring.ssl.bundle.jks.web.keystore.password", () -> PASSWORD);
        registry.add("spring.ssl.bundle.jks.web.keystore.type", () -> "PKCS12");
    }

    @Test
    void serverAnswersOverHttpsWithHstsAndTakesLogs() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting())
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stored = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/logs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Token " + TestTokens.ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"tls\",\"message\":\"over TLS\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(health.headers().firstValue("Server")).isEmpty();
        assertThat(stored.statusCode()).isEqualTo(201);
    }

    @Test
    void clientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private static void generateKeystore() throws IOException, InterruptedException {
        Files.createDirectories(KEYSTORE.getParent());
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "logcentral",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        KEYSTORE.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    /** Trusts the one certificate of the keystore this run made, and nothing else. */
    private static SSLContext trusting() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("logcentral", keys.getCertificate("logcentral"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
