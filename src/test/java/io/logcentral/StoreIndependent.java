package io.logcentral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of what happens before the store: a real client's wire format, or the web page in a browser. The API tests
 * of the same way in or the same endpoint run on both stores, so these run in the SQLite pass only
 * ({@code -Dlogcentral.test.store=postgres} skips them): they are a quarter of the suite's time, and CI has 20 minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DisabledIfSystemProperty(
        named = TestDatabases.STORE,
        matches = "(?i)postgres",
        disabledReason = "what it pins happens before the store; its API tests run on both stores")
public @interface StoreIndependent {}
