package io.logcentral.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} of a search ({@link SearchText}'s syntax) checked against one message in memory, for callers that see
 * logs before any index does (alert rules): words ANDed, {@code "a phrase"}, {@code -word}, {@code word*}, and terms
 * without a letter or digit matched as substrings. Words are compared as the search index tokenizes them: runs of
 * letters and digits, case and diacritics folded.
 */
public final class MessageMatcher {

    /** A term: an optional minus, then a quoted phrase or a bare word, then an optional star. */
    private static final Pattern TERM = Pattern.compile("(-(?=\\S))?(?:\"([^\"]*)\"?|([^\\s\"]+))(\\*)?");

    private final List<Phrase> required = new ArrayList<>();
    private final List<Phrase> excluded = new ArrayList<>();
    private final List<String> substrings = new ArrayList<>();
    private final List<String> absentSubstrings = new ArrayList<>();

    private MessageMatcher(String q) {
        String cleaned = q.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        Matcher term = TERM.matcher(cleaned);
        while (term.find()) {
            add(
                    term.group(1) != null,
                    term.group(2) != null,
                    term.group(2) != null ? term.group(2) : term.group(3),
                    term.group(4) != null);
        }
    }

    /** A matcher for {@code q}; a blank {@code q} matches every message. */
    public static MessageMatcher of(String q) {
        return new MessageMatcher(q == null ? "" : q);
    }

    public boolean matches(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lacksRequiredText(message, lower)) {
            return false;
        }
        List<String> words = words(message);
        return required.stream().allMatch(p -> p.in(words))
                && excluded.stream().noneMatch(p -> p.in(words))
                && substrings.stream().allMatch(lower::contains)
                && absentSubstrings.stream().noneMatch(lower::contains);
    }

    /**
     * Whether an ASCII message surely lacks a required word: its words are pieces of its lowercased text, so a word
     * not found in that text is in none of them. Alert rules check every message taken in, most of which lack their
     * words; this answers those without cutting them into words (the SQLite store's search does the same check in SQL,
     * with LIKE, before it calls the matcher). Other text folds accents, so it is left to the full check.
     */
    private boolean lacksRequiredText(String message, String lower) {
        if (required.isEmpty()) {
            return false;
        }
        for (int i = 0; i < message.length(); i++) {
            if (message.charAt(i) >= 0x80) {
                return false;
            }
        }
        for (Phrase phrase : required) {
            for (String word : phrase.words()) {
                if (!lower.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void add(boolean negated, boolean quoted, String text, boolean starred) {
        boolean prefix = starred;
        if (!quoted && !starred && text.endsWith("*")) {
            prefix = true;
            text = text.substring(0, text.length() - 1);
        }
        List<String> words = words(text);
        if (negated && !quoted && words.isEmpty()) {
            // An arrow or a dash rule, not an exclusion.
            negated = false;
            text = "-" + text;
        }
        if (!words.isEmpty()) {
            (negated ? excluded : required).add(new Phrase(words, prefix));
        } else if (!text.isBlank()) {
            (negated ? absentSubstrings : substrings).add((text + (prefix ? "*" : "")).toLowerCase(Locale.ROOT));
        }
    }

    /** The terms that must be in a message, each words in a row. */
    public List<Phrase> required() {
        return List.copyOf(required);
    }

    /** The terms that must not be in a message. */
    public List<Phrase> excluded() {
        return List.copyOf(excluded);
    }

    /** Text without a word in it that a message must contain, lowercased. */
    public List<String> substrings() {
        return List.copyOf(substrings);
    }

    /** Text without a word in it that a message must not contain, lowercased. */
    public List<String> absentSubstrings() {
        return List.copyOf(absentSubstrings);
    }

    /** The words of {@code text} as search sees them ({@link Words}). */
    public static List<String> words(String text) {
        return Words.of(text);
    }

    /** Whether all this matcher asks for is words, each whole or a prefix, that must be there. */
    public boolean onlySingleWords() {
        return !required.isEmpty()
                && required.stream().allMatch(phrase -> phrase.words().size() == 1)
                && excluded.isEmpty()
                && substrings.isEmpty()
                && absentSubstrings.isEmpty();
    }

    /** Whether this matcher asks for nothing, and so matches every message. */
    public boolean matchesEverything() {
        return required.isEmpty() && excluded.isEmpty() && substrings.isEmpty() && absentSubstrings.isEmpty();
    }

    /** Words that must follow one another; the last may be a prefix. */
    public record Phrase(List<String> words, boolean prefix) {

        private boolean in(List<String> message) {
            for (int start = 0; start + words.size() <= message.size(); start++) {
                if (at(message, start)) {
                    return true;
                }
            }
            return false;
        }

        private boolean at(List<String> message, int start) {
            int last = words.size() - 1;
            for (int i = 0; i <= last; i++) {
                String word = message.get(start + i);
                boolean same = prefix && i == last ? word.startsWith(words.get(i)) : word.equals(words.get(i));
                if (!same) {
                    return false;
                }
            }
            return true;
        }
    }
}
