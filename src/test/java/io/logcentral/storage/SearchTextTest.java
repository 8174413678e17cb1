package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            timeout                     | "timeout"
            payment timeout             | "payment" AND "timeout"
            '"connection reset"'        | "connection reset"
            '"connection reset" peer'   | "connection reset" AND "peer"
            time*                       | "time" *
            '"gate way"*'               | "gate way" *
            timeout -retry              | ("timeout") NOT "retry"
            timeout -ret*               | ("timeout") NOT "ret" *
            OR                          | "OR"
            a OR b                      | "a" AND "OR" AND "b"
            NEAR(a b)                   | "NEAR(a" AND "b)"
            message:secret              | "message:secret"
            '"unclosed phrase'          | "unclosed phrase"
            'say "hi" now'              | "say" AND "hi" AND "now"
            '  spaced   out  '          | "spaced" AND "out"
            café                        | "café"
            用户                        | "用户"
            user_id=42                  | "user_id=42"
            """)
    void turnsWordsPhrasesPrefixesAndExclusionsIntoQuotedFts5Strings(String q, String match) {
        SearchText text = SearchText.parse(q);

        assertThat(text.match()).isEqualTo(match);
        assertThat(text.excluded()).isNull();
        assertThat(text.substrings()).isEmpty();
    }

    @Test
    void doublesQuotesSoAQueryCannotCloseItsString() {
        assertThat(SearchText.parse("a\"\"b").match()).isEqualTo("\"a\" AND \"b\"");
    }

    @Test
    void foldsEveryExclusionIntoTheMatch() {
        assertThat(SearchText.parse("timeout -retry -\"dead end\"").match())
                .isEqualTo("((\"timeout\") NOT \"retry\") NOT \"dead end\"");
    }

    @Test
    void onlyExclusionsBecomeAQueryOfWhatMustBeAbsent() {
        SearchText text = SearchText.parse("-debug -\"health check\"");

        assertThat(text.match()).isNull();
        assertThat(text.excluded()).isEqualTo("\"debug\" OR \"health check\"");
    }

    @Test
    void termsWithoutLettersOrDigitsAreSubstrings() {
        SearchText text = SearchText.parse("-> timeout -\"::\" \"=>\"");

        assertThat(text.match()).isEqualTo("\"timeout\"");
        assertThat(text.substrings()).isEqualTo(List.of("->", "=>"));
        assertThat(text.absentSubstrings()).isEqualTo(List.of("::"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "*", "\"\"", "\""})
    void aQueryWithNothingToFindIsNoFilter(String q) {
        assertThat(SearchText.parse(q)).isNull();
    }
}
