package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.PostgresOnly;
import io.logcentral.TestTokens;
import io.logcentral.storage.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Day partitions: made for the days logs arrive on and ahead; the days of old logs are kept together apart. */
@PostgresOnly
@LogServerTest
class PostgresPartitionsTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    static long store(int port, Instant timestamp, String message) {
        Api.Reply reply = new Api(port)
                .post(
                        "/logs",
                        "{\"service\":\"partitions\",\"message\":\"" + message + "\",\"timestamp\":\""
                                + Timestamps.format(timestamp) + "\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("ids").get(0).asLong();
    }

    static List<String> partitions(DataSource database) {
        return JdbcClient.create(database)
                .sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'logs'::regclass ORDER BY 1")
                .query(String.class)
                .list();
    }

    static String partitionOf(Instant day) {
        return PostgresPartitions.name(LocalDate.ofInstant(day, ZoneOffset.UTC).toEpochDay());
    }

    @Test
    void aLogMakesThePartitionOfItsDayAndOfTheTwoDaysAfterToday() {
        Instant now = Instant.now();
        store(port, now, "today");

        assertThat(partitions(database))
                .contains(
                        partitionOf(now),
                        partitionOf(now.plus(Duration.ofDays(1))),
                        partitionOf(now.plus(Duration.ofDays(2))),
                        "logs_default");
    }

    @Test
    void aLogOfLastYearGoesToTheDefaultPartitionAndIsFoundThere() {
        Instant lastYear = Instant.now().minus(Duration.ofDays(400));
        long id = store(port, lastYear, "from last year");

        assertThat(partitions(database)).doesNotContain(partitionOf(lastYear));
        assertThat(JdbcClient.create(database)
                        .sql("SELECT count(*) FROM logs_default WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(new Api(port)
                        .get("/logs/" + id)
                        .token(TestTokens.ADMIN)
                        .send()
                        .status())
                .isEqualTo(200);
    }
}
