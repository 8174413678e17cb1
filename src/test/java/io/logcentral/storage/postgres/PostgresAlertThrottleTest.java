package io.logcentral.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.PostgresOnly;
import io.logcentral.storage.AlertThrottleStore.Claim;
import io.logcentral.storage.AlertThrottleStore.Ended;
import io.logcentral.storage.AlertThrottleStore.Offer;
import io.logcentral.storage.AlertThrottleStore.WindowAdd;
import io.logcentral.storage.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared alert throttle as two replicas use it: two instances on one database, on the database's clock, asked at
 * the same moment. Rule ids are random and far above the server's own, whose evaluator shares these tables.
 */
@PostgresOnly
@LogServerTest
class PostgresAlertThrottleTest {

    private static final Duration LONG = Duration.ofHours(1);

    @Autowired
    DataSource database;

    private final ExecutorService replicas = Executors.newFixedThreadPool(2);
    private final long rule = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    @AfterEach
    void stopReplicas() {
        replicas.shutdownNow();
    }

    private PostgresAlertThrottle replica() {
        return new PostgresAlertThrottle(database, Clock.systemUTC());
    }

    private Offer offer(String service, int count, long latest, Duration cooldown) {
        return new Offer(rule, service, Severity.CRITICAL, count, latest, cooldown);
    }

    /** Runs both at once, released together, and returns what each answered. */
    private <T> List<T> together(Callable<T> first, Callable<T> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        for (Callable<T> each : List.of(first, second)) {
            answers.add(replicas.submit(() -> {
                start.await();
                return each.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void twoReplicasOfferingTheSameBurstAtOnceTellItOnceAndHoldTheRest() throws Exception {
        PostgresAlertThrottle a = replica();
        PostgresAlertThrottle b = replica();
        List<String> services = IntStream.range(0, 20).mapToObj(i -> "svc-" + i).toList();

        // Each offers every service 50 times, one match at a time, the two in opposite key orders.
        List<String> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        List<List<Claim>> claims = together(() -> offerEach(a, services, 0), () -> offerEach(b, reversed, 1));

        long told = claims.stream().flatMap(List::stream).filter(Claim::told).count();
        assertThat(told).as("one told per service").isEqualTo(services.size());
        for (String service : services) {
            assertThat(held(service)).as("held for " + service).isEqualTo(99);
        }
    }

    private List<Claim> offerEach(PostgresAlertThrottle replica, List<String> services, int parity) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long id = 2L * i + parity;
            claims.addAll(replica.offer(
                    services.stream().map(s -> offer(s, 1, id, LONG)).toList()));
        }
        return claims;
    }

    @Test
    void heldCountsFromBothReplicasAddUpAndOneOfThemTakesTheSummary() throws Exception {
        PostgresAlertThrottle a = replica();
        PostgresAlertThrottle b = replica();
        Duration cooldown = Duration.ofSeconds(1);

        assertThat(a.offer(List.of(offer("pay", 3, 103, cooldown)))).containsExactly(new Claim(true, 0));
        assertThat(b.offer(List.of(offer("pay", 4, 110, cooldown)))).containsExactly(new Claim(false, 0));
        assertThat(a.offer(List.of(offer("pay", 2, 107, cooldown)))).containsExactly(new Claim(false, 0));
        Thread.sleep(cooldown.plusMillis(200).toMillis());

        List<List<Ended>> taken = together(() -> a.takeEnded(Set.of(rule)), () -> b.takeEnded(Set.of(rule)));

        assertThat(taken.stream().flatMap(List::stream).toList())
                .as("one summary of 2 + 4 + 2 held, the latest being the highest id")
                .containsExactly(new Ended(rule, "pay", Severity.CRITICAL, 8, 110));
        assertThat(b.offer(List.of(offer("pay", 1, 111, cooldown))))
                .as("the summary started a cooldown of its own")
                .containsExactly(new Claim(false, 0));
    }

    @Test
    void aMatchAfterTheCooldownEndedSpeaksForWhatItHeldWhenNoSummaryWasTaken() throws Exception {
        PostgresAlertThrottle a = replica();
        Duration cooldown = Duration.ofSeconds(1);
        a.offer(List.of(offer("late", 5, 5, cooldown)));
        Thread.sleep(cooldown.plusMillis(200).toMillis());

        assertThat(replica().offer(List.of(offer("late", 1, 6, cooldown)))).containsExactly(new Claim(true, 4));
        assertThat(a.takeEnded(Set.of(rule))).isEmpty();
    }

    @Test
    void windowsCountWhatBothReplicasAdd() throws Exception {
        PostgresAlertThrottle a = replica();
        PostgresAlertThrottle b = replica();
        WindowAdd one = new WindowAdd(rule, "thr", 1, Duration.ofMinutes(1));

        together(() -> addEach(a, one), () -> addEach(b, one));

        assertThat(a.addToWindows(List.of(new WindowAdd(rule, "thr", 5, Duration.ofMinutes(1)))))
                .as("the 100 added at once by both, and these 5")
                .containsExactly(105);
        assertThat(b.addToWindows(List.of(new WindowAdd(rule, "other", 2, Duration.ofMinutes(1)))))
                .as("windows are per service")
                .containsExactly(2);
    }

    private static Void addEach(PostgresAlertThrottle replica, WindowAdd add) {
        for (int i = 0; i < 50; i++) {
            replica.addToWindows(List.of(add));
        }
        return null;
    }

    @Test
    void forgettingARuleDropsItsState() {
        PostgresAlertThrottle a = replica();
        a.offer(List.of(offer("gone", 3, 3, LONG)));
        a.addToWindows(List.of(new WindowAdd(rule, "gone", 1, LONG)));

        a.forget(Set.of(rule));

        assertThat(rows("alert_cooldowns") + rows("alert_windows")).isZero();
        assertThat(a.offer(List.of(offer("gone", 1, 4, LONG)))).containsExactly(new Claim(true, 0));
    }

    private int held(String service) {
        return JdbcClient.create(database)
                .sql("SELECT held FROM alert_cooldowns WHERE rule_id = ? AND service = ?")
                .params(rule, service)
                .query(Integer.class)
                .single();
    }

    private long rows(String table) {
        return JdbcClient.create(database)
                .sql("SELECT count(*) FROM " + table + " WHERE rule_id = ?")
                .param(rule)
                .query(Long.class)
                .single();
    }
}
