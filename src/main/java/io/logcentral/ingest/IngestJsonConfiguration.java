package io.logcentral.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IngestJsonConfiguration {

    /**
     * Reads what clients send: nesting bounded, and decimals kept as sent (2.50 stays 2.50), since a double would turn a huge number
     * into Infinity, which is not JSON.
     */
    @Bean(defaultCandidate = false)
    JsonMapper ingestJson(IngestProperties properties) {
        return mapper(properties.maxDepth());
    }

    static JsonMapper mapper(int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                // Items of an array are read one by one from a stream that goes on after each.
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
