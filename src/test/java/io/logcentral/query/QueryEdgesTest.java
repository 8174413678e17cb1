package io.logcentral.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Parameters at the edge of what a query can mean, and what an export may carry to a spreadsheet. */
@LogServerTest
class QueryEdgesTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "svc-" + UUID.randomUUID();
    }

    private Api.Reply get(String path) {
        return api.get(path).token(TestTokens.READER).send();
    }

    private static void assertRefused(Api.Reply reply, String field, String says) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("field").asString()).isEqualTo(field);
        assertThat(reply.json().get("error").asString()).contains(says);
    }

    @Test
    void offsetPastTheMaximumIs400NamingItAndTheCursor() {
        assertRefused(get("/logs?offset=999999999999"), "offset", "logcentral.query.max-offset");
        assertRefused(
                api.get("/logs?offset=10001")
                        .token(TestTokens.READER)
                        .header("Accept", "text/csv")
                        .send(),
                "offset",
                "cursor");
        assertThat(get("/logs?service=" + service + "&offset=10000").status()).isEqualTo(200);
    }

    @Test
    void sinceReachingBeforeTheYearOneIs400NamingSince() {
        assertRefused(get("/logs?since=999999999d"), "since", "before the year 1");
        assertRefused(get("/logs/stats?since=999999999w"), "since", "before the year 1");
        assertRefused(get("/logs/services?since=999999999d"), "since", "before the year 1");
        assertThat(get("/logs?service=" + service + "&since=3650d").status()).isEqualTo(200);
    }

    @Test
    void extremeYearsAreAnsweredWithoutOverflow() {
        String whole = "timestamp_start=0001-01-01&timestamp_end=9999-12-31T23:59:59.999999Z";

        assertThat(get("/logs?service=" + service + "&" + whole).status()).isEqualTo(200);
        assertThat(get("/logs/services?service=" + service + "&" + whole).status())
                .isEqualTo(200);
        assertRefused(get("/logs/stats?service=" + service + "&" + whole), "interval", "buckets");
        assertRefused(get("/logs?timestamp_start=%2B999999999-01-01"), "timestamp_start", "unreadable");
        assertRefused(get("/logs?timestamp_end=99999999999999999999999"), "timestamp_end", "unreadable");
    }

    @Test
    void csvExportNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        List<String> messages = List.of("=1+2", "+SUM(A1)", "-2+3", "@cmd", "=a,\\\"b\\\"", "plain - text");
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            logs.append(i == 0 ? "[" : ",")
                    .append("{\"service\":\"")
                    .append(service)
                    .append("\",\"timestamp\":\"2024-01-01T00:00:0")
                    .append(i)
                    .append("Z\",\"message\":\"")
                    .append(messages.get(i))
                    .append("\",\"host\":\"=HYPERLINK(1)\"}");
        }
        assertThat(api.post("/logs", logs + "]")
                        .token(TestTokens.ADMIN)
                        .json()
                        .send()
                        .status())
                .isEqualTo(201);

        Api.Reply reply = api.get("/logs?order=asc&service=" + service)
                .token(TestTokens.READER)
                .header("Accept", "text/csv")
                .send();

        String[] lines = reply.body().split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).contains(",INFO,\"'=1+2\",,,,\"'=HYPERLINK(1)\",{}");
        assertThat(lines[2]).contains(",INFO,\"'+SUM(A1)\",");
        assertThat(lines[3]).contains(",INFO,\"'-2+3\",");
        assertThat(lines[4]).contains(",INFO,\"'@cmd\",");
        assertThat(lines[5]).contains(",INFO,\"'=a,\"\"b\"\"\",");
        assertThat(lines[6]).contains(",INFO,plain - text,");
    }
}
