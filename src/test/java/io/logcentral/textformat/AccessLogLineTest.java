package io.logcentral.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Apache's documented examples and lines as nginx's default {@code combined} format writes them. */
class AccessLogLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)" \
            | 2000-10-10T20:55:36.000000Z | INFO | GET | /apache_pb.gif | 200 | 2326 | http://www.example.com/start.html | Mozilla/4.08 [en] (Win98; I ;Nav)
            127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 \
            | 2000-10-10T20:55:36.000000Z | INFO | GET | /apache_pb.gif | 200 | 2326 | null | null
            203.0.113.7 - - [30/Nov/2026:14:02:11 +0000] "POST /api/orders HTTP/1.1" 502 157 "-" "curl/7.88.1" \
            | 2026-11-30T14:02:11.000000Z | ERROR | POST | /api/orders | 502 | 157 | null | curl/7.88.1
            2001:db8::1 - - [30/Nov/2026:14:02:12 +0100] "GET /missing?q=a%20b HTTP/2.0" 404 0 "https://shop.example/" "Mozilla/5.0 (X11; Linux x86_64)" "198.51.100.2" 0.004 \
            | 2026-11-30T13:02:12.000000Z | WARNING | GET | /missing?q=a%20b | 404 | 0 | https://shop.example/ | Mozilla/5.0 (X11; Linux x86_64)
            192.0.2.9 - - [30/Nov/2026:14:02:13 +0000] "HEAD / HTTP/1.1" 304 - "-" "Go-http-client/1.1" \
            | 2026-11-30T14:02:13.000000Z | INFO | HEAD | / | 304 | null | null | Go-http-client/1.1
            """)
    void parseReadsTimeSeverityAndTheRequestsParts(
            String line,
            String timestamp,
            String severity,
            String method,
            String path,
            String status,
            String bytes,
            String referer,
            String userAgent) {
        ObjectNode log = AccessLogLine.parse(line);

        assertThat(text(log, "timestamp")).isEqualTo(timestamp);
        assertThat(text(log, "severity")).isEqualTo(severity);
        assertThat(text(log, "message")).isEqualTo(line);
        assertThat(text(log, "method")).isEqualTo(method);
        assertThat(text(log, "path")).isEqualTo(path);
        assertThat(text(log, "status")).isEqualTo(status);
        assertThat(text(log, "bytes")).isEqualTo(bytes);
        assertThat(text(log, "referer")).isEqualTo(referer);
        assertThat(text(log, "user_agent")).isEqualTo(userAgent);
        assertThat(log.get("remote_addr").asString()).isNotBlank();
    }

    @Test
    void parseOfARequestThatIsNotOneKeepsItWhole() {
        ObjectNode log = AccessLogLine.parse(
                "198.51.100.4 - - [30/Nov/2026:14:05:00 +0000] \"\\x16\\x03\\x01\\x00\\xFC\\x01\" 400 157 \"-\" \"-\"");

        assertThat(log.has("method")).isFalse();
        assertThat(text(log, "request")).isEqualTo("\\x16\\x03\\x01\\x00\\xFC\\x01");
        assertThat(text(log, "severity")).isEqualTo("WARNING");
        assertThat(log.has("user_agent")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1 - - \"GET / HTTP/1.1\" 200 12",
                "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" OK 12",
                "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1 200 12",
                "a plain line"
            })
    void parseWhenNotAnAccessLineIsAnAccessError(String line) {
        assertThatThrownBy(() -> AccessLogLine.parse(line))
                .isInstanceOfSatisfying(
                        MalformedLineException.class, e -> assertThat(e.field()).isEqualTo("access"));
    }

    @Test
    void parseWhenTheTimeIsUnreadableNamesTheTimestamp() {
        assertThatThrownBy(() ->
                        AccessLogLine.parse("127.0.0.1 - - [99/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1"))
                .isInstanceOfSatisfying(
                        MalformedLineException.class, e -> assertThat(e.field()).isEqualTo("timestamp"));
    }

    private static String text(JsonNode log, String field) {
        JsonNode value = log.get(field);
        return value == null ? null : value.asString();
    }
}
