package io.logcentral.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@OwnServerTest
@TestPropertySource(
        properties = {
            "logcentral.audit.max-age=1s",
            "logcentral.audit.cleanup-interval=200ms",
            "logcentral.tokens.boss.token=" + AuditCleanupTest.BOSS,
            "logcentral.tokens.boss.scopes=admin",
        })
class AuditCleanupTest {

    static final String BOSS = "audit-boss-token-0123456789";

    @LocalServerPort
    int port;

    @Test
    void auditEventsOlderThanMaxAgeAreDeleted() throws InterruptedException {
        Api api = new Api(port);
        api.post("/admin/tokens", Api.write(Map.of("name", "short-lived", "scopes", List.of("read"))))
                .json()
                .token(BOSS)
                .send();
        assertThat(api.get("/admin/audit").token(BOSS).send().json().values()).hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!api.get("/admin/audit").token(BOSS).send().json().isEmpty()) {
            assertThat(System.nanoTime())
                    .as("audit event still there after 5 s")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
