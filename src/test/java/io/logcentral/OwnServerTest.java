package io.logcentral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A real server of the test class's own, with a fresh SQLite file and the admin token (ingest and read), for tests that
 * change settings with {@code @TestPropertySource} or break the store, so no other class shares what they do to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "logcentral.data-dir=target/test-data/${random.uuid}",
            "logcentral.tokens.admin.token=" + TestTokens.ADMIN,
            "logcentral.tokens.admin.scopes=ingest,read",
        })
public @interface OwnServerTest {}
