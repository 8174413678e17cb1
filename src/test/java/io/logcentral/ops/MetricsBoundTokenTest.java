package io.logcentral.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@LogServerTest
class MetricsBoundTokenTest {

    @LocalServerPort
    int port;

    @Test
    void metricsWithATokenBoundToAServiceIs403SayingWhy() {
        Api.Reply reply =
                new Api(port).get("/metrics").token(TestTokens.REPORTS).send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("error").asString()).contains("bound to service 'reports'", "every service");
    }

    @Test
    void metricsWithAnUnboundReadTokenIs200() {
        assertThat(new Api(port).get("/metrics").token(TestTokens.READER).send().status())
                .isEqualTo(200);
    }
}
