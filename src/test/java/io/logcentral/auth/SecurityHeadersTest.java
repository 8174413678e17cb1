package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void everyAnswerCarriesSecurityHeadersAndNoServerBanner() {
        List<Api.Reply> replies = List.of(
                api.get("/health").send(),
                api.get("/logs").send(),
                api.get("/logs").token(TestTokens.WRITER).send(),
                api.get("/logs").token(TestTokens.READER).send(),
                api.get("/no-such-path").token(TestTokens.READER).send(),
                api.post("/logs", "{\"service\":\"headers\",\"message\":\"m\"}")
                        .json()
                        .token(TestTokens.WRITER)
                        .send(),
                api.get("/admin/tokens").token(TestTokens.ADMIN).send(),
                api.get("/a/%2e%2e/b").token(TestTokens.READER).send());
        assertThat(replies).extracting(Api.Reply::status).containsExactly(200, 401, 403, 200, 404, 201, 200, 400);
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Server")).isNull();
            assertThat(reply.header("Strict-Transport-Security"))
                    .as("only over TLS")
                    .isNull();
        });
    }

    /** The security filters are not observed (they cost more than parsing a log); requests still are, as a whole. */
    @Test
    void securityFiltersLeaveNoMetricsButRequestsAreStillTimed() {
        api.post("/logs", "{\"service\":\"observed\",\"message\":\"m\"}")
                .json()
                .token(TestTokens.WRITER)
                .send();

        String metrics =
                api.get("/actuator/prometheus").token(TestTokens.READER).send().body();

        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
    }

    @Test
    void webPageKeepsItsOwnContentSecurityPolicy() {
        Api.Reply page = api.get("/").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.headers("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
