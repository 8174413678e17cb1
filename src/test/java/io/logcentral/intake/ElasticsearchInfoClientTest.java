package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.StoreIndependent;
import io.logcentral.TestTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official npm {@code @elastic/elasticsearch} client's {@code info()} and {@code ping()}: it refuses any success
 * without {@code X-Elastic-Product} and reads the version from {@code GET /}.
 */
@StoreIndependent
@LogServerTest
class ElasticsearchInfoClientTest {

    @LocalServerPort
    int port;

    @Test
    void officialClientsInfoReadsAn8xVersionAndPingSucceeds() throws Exception {
        Path example = ClientProcess.EXAMPLES.resolve("elasticsearch-node");
        ClientProcess.npmInstall(example);

        String output =
                ClientProcess.run(example, 60, "node", "info.js", "http://127.0.0.1:" + port, TestTokens.WRITER);

        assertThat(output).containsPattern("version 8\\.\\d+\\.\\d+ tagline You Know, for Search");
        assertThat(output).contains("ping true");
    }
}
