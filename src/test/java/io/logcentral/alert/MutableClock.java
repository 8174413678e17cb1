package io.logcentral.alert;

import io.logcentral.MovableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock that moves only when told, so cooldowns and windows are tested without waiting for them. */
final class MutableClock {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private MutableClock() {}

    /** Puts a {@link MovableClock} in place of the server's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MovableClock mutableClock() {
            return new MovableClock(START);
        }
    }
}
