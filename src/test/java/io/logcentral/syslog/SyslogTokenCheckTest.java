package io.logcentral.syslog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.LogcentralApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A listener whose token cannot ingest would drop every frame: the server refuses to start, saying what to fix. */
class SyslogTokenCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            reader  | read   | has no ingest scope: add ingest to logcentral.tokens.reader.scopes
            missing | ingest | names no configured token: add logcentral.tokens.missing.token
            """)
    void startWhenTheSyslogTokenCannotIngestFailsNamingTheFix(String name, String scopes, String message) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(LogcentralApplication.class)
                .properties(
                        "server.port=0",
                        "logcentral.data-dir=target/test-data/syslog-token-check-" + name,
                        "logcentral.syslog.port=0",
                        "logcentral.syslog.token=" + name,
                        "logcentral.tokens.reader.token=test-reader-token-for-syslog-0123",
                        "logcentral.tokens.reader.scopes=" + scopes);

        assertThatThrownBy(app::run).rootCause().hasMessageContaining(message);
    }
}
