package io.logcentral.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a client can break in a request is answered with a 4xx problem document, never a 500. */
@LogServerTest
@ExtendWith(OutputCaptureExtension.class)
class EdgeErrorsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logs", "/logs/stats", "/logs/services"})
    void queryParameterThatIsNotUtf8Returns400(String path) {
        Api.Reply reply =
                api.get(path + "?service=%FF%FE").token(TestTokens.READER).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains("UTF-8");
    }

    @Test
    void parameterNameWithALineBreakReturns400AndIsNotWrittenToTheLog(CapturedOutput output) {
        Api.Reply reply = api.get("/logs?attr.forged%0AERROR%20fake=1")
                .token(TestTokens.READER)
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(output.getAll()).doesNotContain("\nERROR fake");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logs/%FF", "/logs/%2e%2e/admin", "/logs;jsessionid=1"})
    void pathTheServerRefusesBeforeRoutingReturns400ProblemDocument(String path) {
        Api.Reply reply = api.get(path).token(TestTokens.READER).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Tomcat");
    }

    @Test
    void malformedChunkedBodyReturns400() throws IOException {
        String request = "POST /logs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token " + TestTokens.WRITER
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\n{\"ser\r\nZZ-not-a-chunk-size\r\n\r\n";

        String answer = exchange(request);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json");
    }

    /** Sends raw bytes and reads the answer until the server closes, with a read timeout. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
