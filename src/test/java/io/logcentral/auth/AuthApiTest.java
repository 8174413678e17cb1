package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class AuthApiTest {

    private static final String LOG = "{\"service\":\"auth-test\",\"message\":\"hello\"}";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "Authorization, Token " + TestTokens.WRITER,
        "Authorization, token " + TestTokens.WRITER,
        "Authorization, Bearer " + TestTokens.WRITER,
        "X-Api-Key, " + TestTokens.WRITER,
    })
    void ingestAcceptsEveryTokenHeaderForm(String header, String value) {
        assertThat(api.post("/logs", LOG).json().header(header, value).send().status())
                .isEqualTo(201);
    }

    @Test
    void ingestAcceptsBasicWithTheTokenAsPassword() {
        Api.Reply reply = api.post("/logs", LOG)
                .json()
                .header("Authorization", basic("anyone", TestTokens.WRITER))
                .send();

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void requestWhenTokenMissingReturns401WithChallenge() {
        Api.Reply reply = api.post("/logs", LOG).json().send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers("WWW-Authenticate")).contains("Token realm=\"logcentral\"");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains("missing token");
    }

    @Test
    void requestWhenTokenUnknownReturns401() {
        for (String header : new String[] {"Token nope", "Bearer nope", "Basic %%%", "Weird scheme", "Token"}) {
            Api.Reply reply = api.get("/logs").header("Authorization", header).send();
            assertThat(reply.status()).as(header).isEqualTo(401);
        }
        assertThat(api.get("/logs")
                        .header("Authorization", basic("u", "wrong"))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/health").token("nope").send().status()).isEqualTo(401);
    }

    @Test
    void tokenInQueryStringIsIgnored() {
        assertThat(api.get("/logs?token=" + TestTokens.READER).send().status()).isEqualTo(401);
    }

    @Test
    void ingestWhenTokenLacksIngestScopeReturns403() {
        Api.Reply reply = api.post("/logs", LOG).token(TestTokens.READER).json().send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asString()).isEqualTo("token lacks the ingest scope");
    }

    @Test
    void readWhenTokenLacksReadScopeReturns403() {
        assertThat(api.get("/logs").token(TestTokens.WRITER).send().status()).isEqualTo(403);
        assertThat(api.get("/logs/1").token(TestTokens.WRITER).send().status()).isEqualTo(403);
        assertThat(api.get("/metrics").token(TestTokens.WRITER).send().status()).isEqualTo(403);
    }

    @Test
    void adminPathsNeedTheAdminScope() {
        assertThat(api.get("/admin/tokens").token(TestTokens.READER).send().status())
                .isEqualTo(403);
        assertThat(api.get("/admin/tokens").send().status()).isEqualTo(401);
    }

    @Test
    void unknownPathWithoutTokenReturns401AndWithTokenReturns404() {
        assertThat(api.get("/nothing/here").send().status()).isEqualTo(401);
        Api.Reply reply = api.get("/nothing/here").token(TestTokens.READER).send();
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().has("error")).isTrue();
    }

    @Test
    void wrongMethodReturns405() {
        Api.Reply reply = api.request("DELETE", "/logs").token(TestTokens.ADMIN).send();

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().has("error")).isTrue();
    }
}
