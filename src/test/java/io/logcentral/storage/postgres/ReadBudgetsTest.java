package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.PostgresOnly;
import io.logcentral.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A read past its budget is ended by PostgreSQL itself, and the connection serves the next read without one. */
@PostgresOnly
class ReadBudgetsTest {

    private static String url;
    private static SingleConnectionDataSource pool;

    @BeforeAll
    static void connect() {
        url = TestDatabases.create();
        pool = new SingleConnectionDataSource(url, "postgres", "", true);
    }

    @AfterAll
    static void disconnect() {
        pool.destroy();
        TestDatabases.drop(url);
    }

    @Test
    void aStatementPastItsBudgetIsCanceledAndReportedAsATimeout() {
        ReadBudgets budgets = new ReadBudgets(pool);
        JdbcClient jdbc = JdbcClient.create(budgets);
        long start = System.nanoTime();

        assertThatThrownBy(() -> budgets.within(
                        Duration.ofMillis(200),
                        () -> jdbc.sql("SELECT pg_sleep(60)").query().singleValue()))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("budget");

        // Far sooner than the statement would end; a loaded machine may take seconds to say so.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(jdbc.sql("SELECT current_setting('statement_timeout')")
                        .query(String.class)
                        .single())
                .isEqualTo("0");
    }

    @Test
    void aReadWithinItsBudgetAnswers() {
        ReadBudgets budgets = new ReadBudgets(pool);
        JdbcClient jdbc = JdbcClient.create(budgets);

        assertThat(budgets.within(
                        Duration.ofSeconds(5),
                        () -> jdbc.sql("SELECT 41 + 1").query(Integer.class).single()))
                .isEqualTo(42);
    }
}
