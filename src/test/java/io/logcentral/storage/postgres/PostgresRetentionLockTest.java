package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.PostgresOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.Expiry;
import io.logcentral.storage.LogWriter;
import io.logcentral.storage.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Retention runs on one replica at a time: while another holds retention's lock, a replica deletes nothing. */
@PostgresOnly
@LogServerTest
class PostgresRetentionLockTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    @Autowired
    LogWriter writer;

    @Test
    void whileAnotherReplicaHoldsRetentionsLockThisOneDeletesNothing() throws Exception {
        // A service of its own: the rule below must not take other tests' logs from the shared server.
        String service = "lock-" + UUID.randomUUID();
        Instant old = Instant.now().minus(Duration.ofDays(3));
        Api.Reply stored = new Api(port)
                .post(
                        "/logs",
                        "{\"service\":\"" + service + "\",\"message\":\"old\",\"timestamp\":\"" + Timestamps.format(old)
                                + "\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        List<Expiry> rules = List.of(new Expiry(service, null, Instant.now().minus(Duration.ofDays(1))));

        try (Connection other = database.getConnection()) {
            advisory(other, "pg_advisory_lock");
            assertThat(writer.deleteExpired(rules, 100))
                    .as("the other replica is deleting")
                    .isZero();
            advisory(other, "pg_advisory_unlock");
        }

        assertThat(writer.deleteExpired(rules, 100)).isEqualTo(1);
    }

    private static void advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, PostgresLogWriter.RETENTION_LOCK);
            lock.execute();
        }
    }
}
