package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The label strings Loki's protobuf push carries, as Promtail, Alloy and winston-loki write them. */
class LokiLabelsTest {

    @Test
    void readsLabelsWithSpacesAndEscapes() {
        assertThat(LokiLabels.parse("{app=\"api\", env=\"prod\",msg=\"say \\\"hi\\\"\\n\", path=\"C:\\\\x\"}"))
                .containsExactly(
                        Map.entry("app", "api"),
                        Map.entry("env", "prod"),
                        Map.entry("msg", "say \"hi\"\n"),
                        Map.entry("path", "C:\\x"));
    }

    @Test
    void emptySelectorHasNoLabels() {
        assertThat(LokiLabels.parse("{}")).isEmpty();
        assertThat(LokiLabels.parse(" { } ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "app=\"api\"", "{app=api}", "{app=\"api\"", "{app\"api\"}", "{app=\"unterminated}"})
    void malformedSelectorIsABadBody(String labels) {
        assertThatThrownBy(() -> LokiLabels.parse(labels)).isInstanceOf(UnreadableBodyException.class);
    }
}
