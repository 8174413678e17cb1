package io.logcentral.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.LogcentralApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenBootstrapTest {

    private static final Pattern TOKEN = Pattern.compile("lc_[A-Za-z0-9_-]{43}");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LogcentralApplication.class)
                .properties("server.port=0", "logcentral.data-dir=" + dataDir)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void firstStartWithoutTokensPrintsAnAdminTokenOnceAndKeepsOnlyItsHash(CapturedOutput output) throws IOException {
        String token;
        try (ConfigurableApplicationContext context = start()) {
            Matcher printed = TOKEN.matcher(output.getOut());
            assertThat(printed.find()).isTrue();
            token = printed.group();
            Api api = new Api(port(context));
            assertThat(api.get("/logs").token(token).send().status()).isEqualTo(200);
            assertThat(api.post("/logs", "{\"service\":\"s\",\"message\":\"m\"}")
                            .token(token)
                            .json()
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        String kept = Files.readString(dataDir.resolve("admin-token.sha256"));
        assertThat(kept).doesNotContain(token).matches("[0-9a-f]{64}\\s*");
        assertThat(output.getAll()).containsOnlyOnce(token);

        try (ConfigurableApplicationContext again = start()) {
            assertThat(TOKEN.matcher(output.getOut()).results().count()).isEqualTo(1);
            assertThat(new Api(port(again)).get("/logs").token(token).send().status())
                    .isEqualTo(200);
        }
    }
}
