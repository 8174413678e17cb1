package io.logcentral.retention;

import io.logcentral.MovableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The server's clock, moved by the test: retention passes are due when the test says so. */
final class TestClock {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private TestClock() {}

    /** Puts a {@link MovableClock} in place of the server's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock(START);
        }
    }
}
