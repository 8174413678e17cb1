package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.MovableClock;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import io.logcentral.storage.sqlite.InMemoryAlertThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicInteger held = new AtomicInteger();
    private final MovableClock clock = new MovableClock(T0);
    // The in-memory store keeps every held log it summarises, so nothing is read back.
    private final Throttle throttle =
            new Throttle(new InMemoryAlertThrottle(clock), id -> Optional.empty(), clock, held::incrementAndGet);

    @Test
    void criticalCooldownDefaultsTo60SecondsThenSummarisesTheBurst() {
        CompiledRule rule = rule(Map.of());
        List<Throttle.Fire> fires = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offer(rule, i, "payments", Severity.CRITICAL, T0.plusSeconds(i)).ifPresent(fires::add);
        }

        assertThat(fires).hasSize(1);
        assertThat(held).hasValue(9);
        assertThat(endedAt(rule, T0.plusSeconds(59))).isEmpty();
        List<Throttle.Fire> summary = endedAt(rule, T0.plusSeconds(60));
        assertThat(summary).singleElement().satisfies(fire -> {
            assertThat(fire.match().logId()).isEqualTo(9);
            assertThat(fire.more()).isEqualTo(8);
        });
        assertThat(offer(rule, 10, "payments", Severity.CRITICAL, T0.plusSeconds(61)))
                .isEmpty();
    }

    @Test
    void seedDefaultsAreWarning180InfoAndOthers300() {
        CompiledRule rule = rule(Map.of());

        assertThat(rule.cooldown(Severity.CRITICAL)).isEqualTo(Duration.ofSeconds(60));
        assertThat(rule.cooldown(Severity.WARNING)).isEqualTo(Duration.ofSeconds(180));
        assertThat(rule.cooldown(Severity.INFO)).isEqualTo(Duration.ofSeconds(300));
        assertThat(rule.cooldown(Severity.ERROR)).isEqualTo(Duration.ofSeconds(300));
        assertThat(rule.cooldown(Severity.DEBUG)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void cooldownsAreSeparatePerServiceAndSeverityButNotServiceCase() {
        CompiledRule rule = rule(Map.of());

        assertThat(offer(rule, 1, "a", Severity.CRITICAL, T0)).isPresent();
        assertThat(offer(rule, 2, "b", Severity.CRITICAL, T0)).isPresent();
        assertThat(offer(rule, 3, "a", Severity.ERROR, T0)).isPresent();
        assertThat(offer(rule, 4, "A", Severity.CRITICAL, T0)).isEmpty();
    }

    @Test
    void quietCooldownIsForgottenAndTheNextMatchFiresAtOnce() {
        CompiledRule rule = rule(Map.of("CRITICAL", "10s"));
        offer(rule, 1, "a", Severity.CRITICAL, T0);

        assertThat(endedAt(rule, T0.plusSeconds(10))).isEmpty();
        assertThat(offer(rule, 2, "a", Severity.CRITICAL, T0.plusSeconds(11))).isPresent();
    }

    private Optional<Throttle.Fire> offer(CompiledRule rule, long id, String service, Severity severity, Instant at) {
        NewLog log = new NewLog(at, at, service, severity, "m" + id, null, null, null, null, "{}");
        moveTo(at);
        List<Throttle.Fire> fires = throttle.offer(List.of(new Throttle.Match(rule, id, log)));
        assertThat(fires).hasSizeLessThanOrEqualTo(1);
        return fires.stream().findFirst();
    }

    private List<Throttle.Fire> endedAt(CompiledRule rule, Instant at) {
        moveTo(at);
        return throttle.ended(List.of(rule));
    }

    private void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private static CompiledRule rule(Map<String, String> cooldown) {
        return CompiledRule.of(
                1,
                new RuleDefinition(
                        "r", null, List.of(), List.of(), null, Map.of(), null, null, List.of(), cooldown, true));
    }
}
