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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A commit that waits past {@code write-timeout}: a request the writer has not taken yet is taken out of the queue and
 * answered 503 (nothing stored), one the writer has taken waits for the real outcome; {@code /health} says stuck.
 */
// SQLite only: another connection holds the SQLite file's write lock.
@SqliteOnly
@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.storage.busy-timeout-ms=20000",
            "logcentral.pipeline.write-timeout=1s",
        })
class WriteTimeoutTest {

    @LocalServerPort
    int port;

    @Autowired
    StorageProperties storage;

    private CompletableFuture<Api.Reply> sendLater(Api api, String message) {
        return CompletableFuture.supplyAsync(() -> api.post(
                        "/logs", "{\"service\":\"timeouts\",\"message\":\"" + message + "\",\"level\":\"ERROR\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send());
    }

    @Test
    void timedOutRequestIsEitherNeverStoredOrAnsweredWithItsRealOutcome() throws Exception {
        Api api = new Api(port);
        assertThat(sendLater(api, "warm").get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        // Lets the writer's first maintenance pass (retention, the disk guard) end before the store is locked, so the
        // next request finds the writer waiting for requests, not for the lock.
        Thread.sleep(1500);
        CompletableFuture<Api.Reply> taken;
        CompletableFuture<Api.Reply> queued;
        int healthWhileLocked;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + storage.databaseFile());
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            taken = sendLater(api, "taken");
            Thread.sleep(300);
            queued = sendLater(api, "queued");
            Thread.sleep(2500);
            healthWhileLocked = api.get("/health").send().status();
            statement.execute("ROLLBACK");
        }

        Api.Reply takenReply = taken.get(30, TimeUnit.SECONDS);
        Api.Reply queuedReply = queued.get(30, TimeUnit.SECONDS);
        assertThat(healthWhileLocked).isEqualTo(503);
        assertThat(takenReply.status()).as(takenReply.toString()).isEqualTo(201);
        assertThat(queuedReply.status()).as(queuedReply.toString()).isEqualTo(503);
        assertThat(queuedReply.json().get("detail").asString()).contains("nothing was stored");
        // Give a wrongly kept request every chance to be committed before looking.
        assertThat(sendLater(api, "later").get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        var stored = api.get("/logs?service=timeouts&order=asc")
                .token(TestTokens.ADMIN)
                .send()
                .json();
        assertThat(stored.valueStream().map(log -> log.get("message").asString()))
                .containsExactly("warm", "taken", "later");
        assertThat(api.get("/health").send().status()).isEqualTo(200);
    }
}
