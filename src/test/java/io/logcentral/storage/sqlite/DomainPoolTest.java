package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The domain's pool (JPA, Flyway) is not the log writer's connection: holding all of it never delays a 201. */
// SQLite only: holds the SQLite store's own domain pools.
@SqliteOnly
@LogServerTest
class DomainPoolTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(SqliteDataSources.DOMAIN_WRITER)
    DataSource domainWrites;

    @Autowired
    @Qualifier(SqliteDataSources.DOMAIN_READER)
    DataSource domainReads;

    private Api.Reply ingest() {
        return new Api(port)
                .post("/logs", Api.write(Api.log("svc-" + UUID.randomUUID(), "INFO", "not queued behind JPA")))
                .token(TestTokens.WRITER)
                .json()
                .send();
    }

    @Test
    void ingestWhileEveryDomainConnectionIsHeldAnswers201Promptly() throws Exception {
        assertThat(ingest().status()).isEqualTo(201);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < SqliteDataSources.DOMAIN_POOL_SIZE; i++) {
                held.add(domainWrites.getConnection());
                held.add(domainReads.getConnection());
            }
            // A reader inside a read transaction, as a JPA read-only transaction would be.
            held.get(1).setAutoCommit(false);
            try (Statement read = held.get(1).createStatement()) {
                read.executeQuery("SELECT COUNT(*) FROM loggerbot_users").close();
            }
            long start = System.nanoTime();

            Api.Reply reply = ingest();

            assertThat(reply.status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Connection connection : held) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                connection.close();
            }
        }
    }
}
