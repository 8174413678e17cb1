package io.logcentral.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.RawHttp;
import io.logcentral.TestTokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The older systems' endpoints read their bodies through ingest's guards, as {@code POST /logs} does. */
@LogServerTest
class SeedEndpointsGuardsApiTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private static final String BAD_REQUEST = "{\"code\":400,\"message\":\"BadRequest\"}";

    @LocalServerPort
    int port;

    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        user = "bot-" + UUID.randomUUID();
    }

    private String createUser() throws Exception {
        Api.Reply created = api.post("/create_user", "{\"user\":\"" + user + "\",\"password\":\"pw\"}")
                .header("X-Api-Key", TestTokens.ADMIN)
                .json()
                .send();
        assertThat(created.status()).isEqualTo(200);
        byte[] digest = MessageDigest.getInstance("MD5").digest((user + "pw").getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    private Api.Reply sendLogs(String logs, String token) {
        return api.post("/send_logs", "{\"data\":{\"user\":\"" + user + "\",\"logs\":[" + logs + "]}}")
                .header("X-User-Token", token)
                .json()
                .send();
    }

    @Test
    void sendLogsWhenBodyDeclaresMoreThanTheLimitIs413BeforeItIsSent() throws Exception {
        try (RawHttp http = RawHttp.open(port, PROMPTLY)) {
            http.postHead("/send_logs", 100L * 1024 * 1024);

            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void actionLogWhenBodyDeclaresMoreThanTheLimitIs413BeforeItIsSent() throws Exception {
        try (RawHttp http = RawHttp.open(port, PROMPTLY)) {
            http.postHead("/log", 100L * 1024 * 1024, "Authorization: Token " + TestTokens.WRITER);

            assertThat(http.statusLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void sendLogsWhenBodyIsUnreadableAnswersInSeed003sShape() {
        for (String body : new String[] {"{not json", "", "[1,2]", "{\"data\":{}} trailing"}) {
            Api.Reply reply = api.post("/send_logs", body)
                    .header("X-User-Token", "x")
                    .json()
                    .send();

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json()).as(body).isEqualTo(Api.json(BAD_REQUEST));
        }
    }

    @Test
    void sendLogsWhenNestedDeeperThanTheLimitIsBadRequest() throws Exception {
        String token = createUser();
        String deep = "[".repeat(100) + "]".repeat(100);

        Api.Reply reply = sendLogs("{\"level\":20,\"msg\":\"m\",\"p_description\":" + deep + "}", token);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(Api.json(BAD_REQUEST));
    }

    @Test
    void sendLogsWithMoreLogsThanTheBatchLimitIs413() throws Exception {
        String token = createUser();
        String logs = String.join(",", java.util.Collections.nCopies(10_001, "{\"level\":20,\"msg\":\"m\"}"));

        Api.Reply reply = sendLogs(logs, token);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("field").asString()).isEqualTo("logcentral.ingest.max-batch");
        assertThat(api.get("/logs?service=" + user)
                        .token(TestTokens.ADMIN)
                        .send()
                        .json())
                .isEmpty();
    }

    @Test
    void createUserWithAnEmptyPasswordIsBadRequest() {
        Api.Reply reply = api.post("/create_user", "{\"user\":\"" + user + "\",\"password\":\"\"}")
                .header("X-Api-Key", TestTokens.ADMIN)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(Api.json(BAD_REQUEST));
    }

    @Test
    void createUserWithAnUnreadableBodyIsBadRequest() {
        Api.Reply reply = api.post("/create_user", "{\"user\":")
                .header("X-Api-Key", TestTokens.ADMIN)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(Api.json(BAD_REQUEST));
    }
}
