package io.logcentral.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestDatabases;
import io.logcentral.TestTokens;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@LogServerTest
class HealthTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("logReaderPool")
    DataSource readers;

    @Test
    void healthAnswersAtOnceWhileQueriesHoldEveryReader() throws Exception {
        Api api = new Api(port);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(readers.getConnection());
            }
            long start = System.nanoTime();
            Api.Reply health = api.get("/health").send();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(health.status()).isEqualTo(200);
            assertThat(millis).isLessThan(2000);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void healthDetailsShowTheWriterAndEveryBackgroundTask() {
        Api api = new Api(port);
        api.post("/logs", "{\"service\":\"health\",\"message\":\"m\"}")
                .token(TestTokens.WRITER)
                .json()
                .send();

        JsonNode writer =
                api.get("/health").token(TestTokens.READER).send().json().get("writer");

        assertThat(writer.get("alive").asBoolean()).isTrue();
        assertThat(writer.get("stuck").asBoolean()).isFalse();
        assertThat(writer.get("last_commit").asString()).endsWith("Z");
        assertThat(writer.has("oldest_queued_ms")).isTrue();
        assertThat(writer.get("failed_loop_iterations").asLong()).isZero();
        assertThat(writer.get("failed_deadline_sweeps").asLong()).isZero();
        JsonNode tail =
                api.get("/health").token(TestTokens.READER).send().json().get("live_tail");
        assertThat(tail.get("last_poll").asString()).endsWith("Z");
        assertThat(tail.get("failed_polls").asLong()).isZero();
        JsonNode details = api.get("/health").token(TestTokens.READER).send().json();
        assertThat(details.get("alerts").get("failed_checks").asLong()).isZero();
        assertThat(details.get("token_cache").get("last_poll").asString()).endsWith("Z");
        assertThat(details.get("token_cache").get("failed_polls").asLong()).isZero();
        assertThat(details.get("audit_cleanup").get("failures").asLong()).isZero();
        if (!TestDatabases.postgres()) {
            assertThat(details.get("store").get("block_filters").get("failures").asLong())
                    .isZero();
            assertThat(details.get("store")
                            .get("wal_checkpoints")
                            .get("failures")
                            .asLong())
                    .isZero();
        }
    }
}
