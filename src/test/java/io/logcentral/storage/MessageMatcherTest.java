package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageMatcherTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "timeout                | Connection TIMEOUT after 5s   | true",
                "timeout                | timeouts everywhere           | false",
                "time*                  | timeouts everywhere           | true",
                "time *                 | time flies                    | true",
                "db timeout             | timeout talking to db-1       | true",
                "db timeout             | timeout talking to redis      | false",
                "\"connection reset\"   | the connection was reset      | false",
                "\"connection reset\"   | tcp: Connection reset by peer | true",
                "\"connection res\"*    | tcp: Connection reset by peer | true",
                "timeout -retry         | timeout, will retry           | false",
                "timeout -retry         | timeout, giving up            | true",
                "-retry                 | giving up                     | true",
                "-retry                 | will retry                    | false",
                "->                     | a -> b                        | true",
                "->                     | a to b                        | false",
                "50%                    | disk at 50% full              | true",
                "-50%                   | disk at 50% full              | false",
                "café                   | Cafe closed                   | true",
                "user.id                | bad user id given             | true",
                "OR                     | this or that                  | true",
                "''                     | anything                      | true",
            })
    void matchesAsSearchWould(String q, String message, boolean expected) {
        assertThat(MessageMatcher.of(q).matches(message)).isEqualTo(expected);
    }
}
