package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    @Test
    void foldReplacesNumbersIdsAndHexButKeepsWords() {
        assertThat(MessageTemplates.fold("user 42 got 3f2a9c1d7e and 0xff for 123e4567-e89b-12d3-a456-426614174000"))
                .isEqualTo("user <n> got <hex> and <hex> for <id>");
        assertThat(MessageTemplates.fold("cache added deadbeef")).isEqualTo("cache added deadbeef");
    }

    @Test
    void topCountsTemplatesMostFrequentFirst() {
        List<MessageTemplates.Template> top = MessageTemplates.top(List.of("a 1", "b", "a 2", "a 3", "b", "c"), 2);

        assertThat(top)
                .containsExactly(new MessageTemplates.Template("a <n>", 3), new MessageTemplates.Template("b", 2));
    }
}
