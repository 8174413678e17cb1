package io.logcentral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A test of the PostgreSQL store itself, run when the suite runs on it ({@code -Dlogcentral.test.store=postgres}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(
        named = TestDatabases.STORE,
        matches = "(?i)postgres",
        disabledReason = "a test of the PostgreSQL store; run with -Dlogcentral.test.store=postgres")
public @interface PostgresOnly {}
