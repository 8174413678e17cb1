package io.logcentral.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertThat(LogSafe.text("a\nERROR forged\r\u0000\u2028z")).isEqualTo("a\\nERROR forged\\r\\u0000\\u2028z");
    }

    @Test
    void longTextIsCut() {
        assertThat(LogSafe.text("x".repeat(5000))).hasSizeLessThan(320).endsWith("...");
    }

    @Test
    void failureKeepsItsStackTraceAndCauseWithSafeMessages() {
        IllegalStateException original =
                new IllegalStateException("bad\nline", new IllegalArgumentException("inner\nline"));

        Throwable safe = LogSafe.failure(original);

        assertThat(safe.toString()).isEqualTo("java.lang.IllegalStateException: bad\\nline");
        assertThat(safe.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(safe.getCause().toString()).isEqualTo("java.lang.IllegalArgumentException: inner\\nline");
    }
}
