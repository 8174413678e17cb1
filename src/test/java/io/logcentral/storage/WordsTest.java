package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{Co}]+");

    private final long seed = Long.getLong("words.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void theAsciiLoopCutsAndFoldsAsTheUnicodeDefinitionDoes() {
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0, n = random.nextInt(40); j < n; j++) {
                text.append((char) random.nextInt(0x80));
            }
            assertThat(Words.of(text.toString()))
                    .as("seed %d: %s", seed, text)
                    .isEqualTo(byDefinition(text.toString()));
        }
    }

    @Test
    void unicodeTextIsFoldedOfCaseAndDiacritics() {
        assertThat(Words.of("Ünïcode CAFÉ: naïve-ДБ 東京 x2"))
                .containsExactly("unicode", "cafe", "naive", "дб", "東京", "x2");
    }

    /** Runs of letters, digits and private-use characters after NFD, marks removed and lowercasing. */
    private static List<String> byDefinition(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(folded);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
