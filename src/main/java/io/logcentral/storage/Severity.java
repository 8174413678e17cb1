package io.logcentral.storage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The canonical severities, ordered from least to most severe; the ordinal is what the store keeps. */
public enum Severity {
    TRACE,
    DEBUG,
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    private static final Map<String, Severity> NAMES = Map.ofEntries(
            Map.entry("TRACE", TRACE),
            Map.entry("FINER", TRACE),
            Map.entry("FINEST", TRACE),
            Map.entry("DEBUG", DEBUG),
            Map.entry("FINE", DEBUG),
            Map.entry("VERBOSE", DEBUG),
            Map.entry("INFO", INFO),
            Map.entry("NOTICE", INFO),
            Map.entry("INFORMATION", INFO),
            Map.entry("INFORMATIONAL", INFO),
            Map.entry("WARNING", WARNING),
            Map.entry("WARN", WARNING),
            Map.entry("ERROR", ERROR),
            Map.entry("ERR", ERROR),
            Map.entry("SEVERE", ERROR),
            Map.entry("CRITICAL", CRITICAL),
            Map.entry("CRIT", CRITICAL),
            Map.entry("FATAL", CRITICAL),
            Map.entry("EMERGENCY", CRITICAL),
            Map.entry("EMERG", CRITICAL),
            Map.entry("ALERT", CRITICAL));

    /** Syslog's 0 (emergency) to 7 (debug). */
    private static final Severity[] SYSLOG = {CRITICAL, CRITICAL, CRITICAL, ERROR, WARNING, INFO, INFO, DEBUG};

    /** A level name in any case, or a whole number written as text. */
    public static Optional<Severity> parse(String text) {
        String trimmed = text.trim();
        Severity named = NAMES.get(trimmed.toUpperCase(Locale.ROOT));
        if (named != null) {
            return Optional.of(named);
        }
        if (!trimmed.isEmpty() && trimmed.length() <= 18 && trimmed.chars().allMatch(Character::isDigit)) {
            return fromNumber(Long.parseLong(trimmed));
        }
        return Optional.empty();
    }

    /** Syslog's 0–7, then 8–9 as debug, then Python's scale (10 debug ... 50 critical). */
    public static Optional<Severity> fromNumber(long level) {
        if (level < 0) {
            return Optional.empty();
        }
        if (level < SYSLOG.length) {
            return Optional.of(SYSLOG[(int) level]);
        }
        if (level < 20) {
            return Optional.of(DEBUG);
        }
        if (level < 30) {
            return Optional.of(INFO);
        }
        if (level < 40) {
            return Optional.of(WARNING);
        }
        return Optional.of(level < 50 ? ERROR : CRITICAL);
    }
}
