package io.logcentral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of the SQLite file itself (its lock, its disk, its pools, its SQL), skipped when the suite runs on
 * PostgreSQL ({@code -Dlogcentral.test.store=postgres}). Each use says why in a comment beside it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(
        named = TestDatabases.STORE,
        matches = "(?i)postgres",
        disabledReason = "a test of the SQLite file itself")
public @interface SqliteOnly {}
