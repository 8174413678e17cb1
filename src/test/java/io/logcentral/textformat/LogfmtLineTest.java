package io.logcentral.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Lines as Go's logrus, go-kit, log15 and Heroku's router write them. */
class LogfmtLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            time="2015-03-26T01:27:38-04:00" level=debug msg="Started observing beach" animal=walrus number=8 \
            | time | 2015-03-26T01:27:38-04:00 | debug | Started observing beach | animal=walrus
            ts=2024-11-08T14:23:30.123Z caller=main.go:42 level=error msg="connect failed" err="dial tcp: i/o timeout" \
            | ts | 2024-11-08T14:23:30.123Z | error | connect failed | err=dial tcp: i/o timeout
            t=2024-11-08T14:23:30+0000 lvl=warn msg="disk almost full" app=indexer free=3% \
            | t | 2024-11-08T14:23:30+0000 | null | disk almost full | lvl=warn
            level=info msg="quote \\" and backslash \\\\ kept" service=api \
            | null | null | info | quote " and backslash \\ kept | service=api
            """)
    void parseMakesEachPairAFieldAndKeepsValuesAsText(
            String line, String timeKey, String time, String level, String message, String attribute) {
        ObjectNode log = LogfmtLine.parse(line);

        if (timeKey != null) {
            assertThat(log.get(timeKey).asString()).isEqualTo(time);
        }
        assertThat(text(log, "level")).isEqualTo(level);
        assertThat(text(log, "msg")).isEqualTo(message);
        String[] pair = attribute.split("=", 2);
        assertThat(log.get(pair[0]).asString()).isEqualTo(pair[1]);
    }

    @Test
    void parseOfAHerokuRouterLineMakesTheLineItsMessage() {
        String line = "at=info method=GET path=\"/\" host=myapp.herokuapp.com request_id=8601b555-6a83-4c12-8269"
                + " fwd=\"204.204.204.204\" dyno=web.1 connect=1ms service=18ms status=200 bytes=13 protocol=https";

        ObjectNode log = LogfmtLine.parse(line);

        assertThat(text(log, "message")).isEqualTo(line);
        assertThat(text(log, "path")).isEqualTo("/");
        assertThat(text(log, "status")).isEqualTo("200");
        assertThat(text(log, "fwd")).isEqualTo("204.204.204.204");
    }

    @Test
    void parseOfABareKeyGivesItTrue() {
        ObjectNode log = LogfmtLine.parse("msg=cached hit level=debug");

        assertThat(LogfmtLine.parse("msg=done retried").get("retried").asString())
                .isEqualTo("true");
        assertThat(text(log, "msg")).isEqualTo("cached");
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg=\"never closed level=info", "=value level=info", "just words, no pairs", "a=b\"c d=e"})
    void parseWhenMalformedIsALogfmtError(String line) {
        assertThatThrownBy(() -> LogfmtLine.parse(line))
                .isInstanceOfSatisfying(
                        MalformedLineException.class, e -> assertThat(e.field()).isEqualTo("logfmt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user=bob logged in", "x=1", "retry after=5s"})
    void strictRefusesLinesThatAreNotPairsAlone(String line) {
        assertThatThrownBy(() -> LogfmtLine.strict(line)).isInstanceOf(MalformedLineException.class);
    }

    private static String text(JsonNode log, String field) {
        JsonNode value = log.get(field);
        return value == null ? null : value.asString();
    }
}
