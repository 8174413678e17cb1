package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.PostgresOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Retention drops a day past the max-age whole: its partition and its counts. */
@PostgresOnly
@OwnServerTest
@TestPropertySource(properties = {"logcentral.retention.max-age=7d", "logcentral.retention.check-every=100ms"})
class PostgresRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    @Test
    void retentionDropsTheWholePartitionOfADayPastTheMaxAgeWithItsCounts() throws Exception {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        long old = PostgresPartitionsTest.store(port, tenDaysAgo, "ten days old");
        long fresh = PostgresPartitionsTest.store(port, Instant.now(), "fresh");

        await(
                () -> !PostgresPartitionsTest.partitions(database)
                        .contains(PostgresPartitionsTest.partitionOf(tenDaysAgo)),
                "the partition of ten days ago to go");

        Api api = new Api(port);
        assertThat(api.get("/logs/" + old).token(TestTokens.ADMIN).send().status())
                .isEqualTo(404);
        assertThat(api.get("/logs/" + fresh).token(TestTokens.ADMIN).send().status())
                .isEqualTo(200);
        long minute = Math.floorDiv(Timestamps.toMicros(tenDaysAgo), PostgresCounts.MINUTE);
        assertThat(JdbcClient.create(database)
                        .sql("SELECT count(*) FROM log_counts WHERE minute = ?")
                        .param(minute)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("waiting for " + what).isNegative();
            Thread.sleep(100);
        }
    }
}
