package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.StorageProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Another process holding the SQLite file's write lock: ingest answers 503 meanwhile, and recovers by itself. */
// SQLite only: another connection holds the SQLite file's write lock.
@SqliteOnly
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.storage.busy-timeout-ms=200",
        })
class LockedStoreTest {

    private static final String LOG = "{\"service\":\"locked\",\"message\":\"m\",\"level\":\"ERROR\"}";

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    @Test
    void ingestWhileAnotherProcessHoldsTheLockReturns503ThenRecovers() throws Exception {
        Api api = new Api(port);
        assertThat(api.post("/logs", LOG).token(TestTokens.ADMIN).json().send().status())
                .isEqualTo(201);

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + storage.databaseFile());
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            Api.Reply refused =
                    api.post("/logs", LOG).token(TestTokens.ADMIN).json().send();

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("error").asString()).contains("storage unavailable");
            statement.execute("ROLLBACK");
        }

        Api.Reply recovered =
                api.post("/logs", LOG).token(TestTokens.ADMIN).json().send();
        assertThat(recovered.status()).isEqualTo(201);
        long id = recovered.json().get("ids").get(0).asLong();
        assertThat(api.get("/logs/" + id).token(TestTokens.ADMIN).send().status())
                .isEqualTo(200);
    }
}
