package io.logcentral.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The endpoints of seeds 002 ({@code /log}) and 003 ({@code /create_user}, {@code /send_logs}), in their shapes. */
@LogServerTest
class SeedEndpointsApiTest {

    @LocalServerPort
    int port;

    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        user = "bot-" + UUID.randomUUID();
    }

    /** What seed 003's client sends as X-User-Token: md5(user + password), 32 lowercase hex digits. */
    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }

    private JsonNode newest(String service) {
        return api.get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    @Test
    void actionLogReturnsSuccessWithItsIdAndBuildsTheMessage() {
        String service = "svc-" + UUID.randomUUID();
        Api.Reply reply = api.post(
                        "/log",
                        "{\"service\":\"" + service + "\",\"user_id\":\"1\",\"action\":\"create_user\","
                                + "\"result\":\"failure\",\"cause\":\"db down\",\"timestamp\":\"2024-06-15T12:34:56.789Z\"}")
                .token(TestTokens.WRITER)
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("success");
        long id = reply.json().get("log_id").asLong();
        JsonNode log = newest(service).get(0);
        assertThat(log.get("id").asLong()).isEqualTo(id);
        assertThat(log.get("message").asString()).isEqualTo("create_user: failure (db down)");
        assertThat(log.get("severity").asString()).isEqualTo("ERROR");
        assertThat(log.get("timestamp").asString()).isEqualTo("2024-06-15T12:34:56.789000Z");
        assertThat(log.get("attributes"))
                .isEqualTo(Api.json("{\"user_id\":\"1\",\"action\":\"create_user\",\"result\":\"failure\","
                        + "\"cause\":\"db down\"}"));
    }

    @Test
    void actionLogWithoutTokenNeedsAnonymousIngest() {
        assertThat(api.post("/log", "{\"service\":\"s\",\"action\":\"a\",\"result\":\"success\"}")
                        .json()
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void sendLogsWithTheUsersTokenStoresLogsUnderTheUser() throws Exception {
        Api.Reply created = api.post("/create_user", "{\"user\":\"" + user + "\",\"password\":\"pw\",\"tel_id\":\"7\"}")
                .header("X-Api-Key", TestTokens.ADMIN)
                .json()
                .send();
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("code").asInt()).isEqualTo(200);

        Api.Reply sent = api.post(
                        "//send_logs",
                        "{\"data\":{\"user\":\"" + user + "\",\"pid\":1,\"p_name\":\"worker\","
                                + "\"post_time\":\"2020-05-05T12:22:22+00:00\",\"logs\":["
                                + "{\"level\":40,\"msg\":\"log message\",\"event_at\":\"2020-05-05T12:22:22+00:00\","
                                + "\"p_description\":\"desc\"},"
                                + "{\"level\":\"warning\",\"msg\":\"other\",\"event_at\":\"2020-05-06T12:22:22+00:00\"}]}}")
                .header("X-User-Token", md5(user + "pw"))
                .json()
                .send();

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json()).isEqualTo(Api.json("{\"code\":200,\"message\":\"Logs added successfully\"}"));
        JsonNode logs = newest(user);
        assertThat(logs).hasSize(2);
        JsonNode other = logs.get(0);
        assertThat(other.get("severity").asString()).isEqualTo("WARNING");
        JsonNode first = logs.get(1);
        assertThat(first.get("severity").asString()).isEqualTo("ERROR");
        assertThat(first.get("timestamp").asString()).isEqualTo("2020-05-05T12:22:22.000000Z");
        assertThat(first.get("attributes"))
                .isEqualTo(Api.json("{\"pid\":1,\"p_name\":\"worker\",\"post_time\":\"2020-05-05T12:22:22+00:00\","
                        + "\"p_description\":\"desc\"}"));
    }

    @Test
    void sendLogsWithAWrongTokenOrUserIsForbidden() throws Exception {
        api.post("/create_user", "{\"user\":\"" + user + "\",\"password\":\"pw\"}")
                .header("X-Api-Key", TestTokens.ADMIN)
                .json()
                .send();
        String body = "{\"data\":{\"user\":\"" + user + "\",\"logs\":[{\"level\":20,\"msg\":\"m\"}]}}";

        for (String token : new String[] {md5(user + "wrong"), "", md5("other" + "pw")}) {
            Api.Reply reply = api.post("/send_logs", body)
                    .header("X-User-Token", token)
                    .json()
                    .send();
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json()).isEqualTo(Api.json("{\"code\":403,\"message\":\"Forbidden\"}"));
        }
    }

    @Test
    void sendLogsWhenBodyIsWrongIsBadRequest() {
        Api.Reply reply = api.post("/send_logs", "{\"data\":{\"logs\":\"nope\"}}")
                .header("X-User-Token", "x")
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(Api.json("{\"code\":400,\"message\":\"BadRequest\"}"));
    }

    @Test
    void createUserNeedsAnAdminTokenAsApiKey() {
        String body = "{\"user\":\"" + user + "\",\"password\":\"pw\"}";

        for (String key : new String[] {TestTokens.WRITER, "unknown-key"}) {
            Api.Reply reply = api.post("/create_user", body)
                    .header("X-Api-Key", key)
                    .json()
                    .send();
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("message").asString()).isEqualTo("Forbidden");
        }
        assertThat(api.post("/create_user", "{\"password\":\"pw\"}")
                        .header("X-Api-Key", TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(400);
    }
}
