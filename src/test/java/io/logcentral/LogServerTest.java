package io.logcentral;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The real server on a random port with a fresh SQLite file, and one token per role. Test classes that share it share
 * one running server, so each test makes its own data (a service name of its own) instead of expecting an empty store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "logcentral.data-dir=target/test-data/${random.uuid}",
            "logcentral.tokens.admin.token=" + TestTokens.ADMIN,
            "logcentral.tokens.admin.scopes=ingest,read,admin",
            "logcentral.tokens.reader.token=" + TestTokens.READER,
            "logcentral.tokens.reader.scopes=read",
            "logcentral.tokens.writer.token=" + TestTokens.WRITER,
            "logcentral.tokens.reports.token=" + TestTokens.REPORTS,
            "logcentral.tokens.reports.service=reports",
            "logcentral.tokens.reports.scopes=ingest,read",
            "logcentral.tokens.seed000.token=" + TestTokens.SEED_000,
            "logcentral.tokens.seed000.success-status=200",
        })
public @interface LogServerTest {}
