package io.logcentral.storage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text as search sees them: runs of letters, digits and private-use characters, case and diacritics
 * folded. One definition for the three that must agree: the words a search asks for, the words of a message it is
 * checked against ({@link MessageMatcher}), and the words the block filters hold, so a filter never says "no" to a log
 * the check would match.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{Co}]+");

    /** Takes one word: {@code chars[start..end)}. The array is only valid during the call. */
    @FunctionalInterface
    public interface Sink {
        void accept(char[] chars, int start, int end);
    }

    private Words() {}

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        each(text, (chars, start, end) -> words.add(new String(chars, start, end - start)));
        return words;
    }

    /**
     * Each word of {@code text} in order. Most log lines are ASCII, where folding is lowercasing and a word is a run of
     * {@code [a-z0-9]}: that case is a loop over the characters, as the writer calls this for every log it stores.
     */
    public static void each(String text, Sink sink) {
        char[] chars = asciiLowercased(text);
        if (chars == null) {
            for (String word : unicode(text)) {
                sink.accept(word.toCharArray(), 0, word.length());
            }
            return;
        }
        int start = -1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sink.accept(chars, start, i);
                start = -1;
            }
        }
        if (start >= 0) {
            sink.accept(chars, start, chars.length);
        }
    }

    /** The text lowercased, or null when it holds a character outside ASCII. */
    private static char[] asciiLowercased(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return chars;
    }

    private static List<String> unicode(String text) {
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
