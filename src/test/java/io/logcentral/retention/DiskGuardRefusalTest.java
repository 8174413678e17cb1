package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.StorageProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

// SQLite only: the disk guard watches the SQLite file's disk.
@SqliteOnly
@OwnServerTest
@Import(TestDisk.Config.class)
@TestPropertySource(properties = "logcentral.storage.min-free=64MB")
class DiskGuardRefusalTest {

    @LocalServerPort
    int port;

    @Autowired
    TestDisk disk;

    @Autowired
    StorageProperties storage;

    @Test
    void belowTheReserveIngestIsAnswered503WithRetryAfterAndRecoversWhenSpaceIsBack() throws Exception {
        Api api = new Api(port);
        Store store = new Store(api, storage.databaseFile());
        store.ingest(DiskGuardTest.logs("app", "INFO", Instant.now(), 10));

        disk.leaveFree(1L << 20);
        Api.Reply[] refused = new Api.Reply[1];
        Store.await(
                () -> {
                    refused[0] = ingestOne(api);
                    return refused[0].status() == 503;
                },
                "ingest to be refused");
        assertThat(refused[0].header("Retry-After")).isEqualTo("1");
        Api.Reply health = api.get("/health").token(TestTokens.ADMIN).send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("disk_guard").get("refusing_writes").asBoolean())
                .isTrue();

        disk.leaveFree(1L << 30);
        Store.await(() -> ingestOne(api).status() == 201, "ingest to be taken again");
    }

    private static Api.Reply ingestOne(Api api) {
        return api.post("/logs", Api.write(DiskGuardTest.logs("app", "INFO", Instant.now(), 1)))
                .token(TestTokens.ADMIN)
                .json()
                .send();
    }
}
