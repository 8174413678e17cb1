package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "logcentral.data-dir=target/test-data/${random.uuid}",
            "logcentral.tokens.reader.token=" + TestTokens.READER,
            "logcentral.tokens.reader.scopes=read",
            "logcentral.anonymous.scopes=ingest",
            "logcentral.anonymous.service=legacy",
        })
class AnonymousAccessTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void ingestWithoutTokenWhenAnonymousIngestOnStoresUnderTheBoundService() {
        Api.Reply reply =
                api.post("/logs", "{\"message\":\"from an old client\"}").json().send();

        assertThat(reply.status()).isEqualTo(201);
        long id = reply.json().get("ids").get(0).asLong();
        Api.Reply stored = api.get("/logs/" + id).token(TestTokens.READER).send();
        assertThat(stored.json().get("service").asString()).isEqualTo("legacy");
    }

    @Test
    void ingestWithoutTokenForAnotherServiceIsAnItemError() {
        Api.Reply reply = api.post("/logs", "{\"service\":\"payments\",\"message\":\"m\"}")
                .json()
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("error").asString()).isEqualTo("service mismatch for token");
    }

    @Test
    void unknownTokenIsRefusedEvenWhenAnonymousIngestIsOn() {
        assertThat(api.post("/logs", "{\"message\":\"m\"}")
                        .token("typo")
                        .json()
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void readWithoutTokenStillNeedsOne() {
        Api.Reply reply = api.get("/logs").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isNotNull();
    }
}
