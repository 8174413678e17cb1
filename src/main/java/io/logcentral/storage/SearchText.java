package io.logcentral.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code q} of a search, turned into an FTS5 query that cannot be anything but a list of quoted strings: words
 * are ANDed, {@code "a phrase"} matches those words in a row, {@code -word} excludes, {@code word*} matches a prefix.
 * FTS5's own operators typed by a user ({@code OR}, {@code NEAR}, {@code col:}, brackets) are searched as words.
 *
 * <p>A term with no letter or digit in it (say {@code ->} or {@code 50%}) has no words for the index to find, so it
 * is matched as a substring of the message instead.
 *
 * @param match FTS5 query for the terms that must be there, exclusions folded in with NOT; null when none must be
 * @param excluded FTS5 query for the excluded words when nothing must be there (FTS5 has no query for "not x" alone)
 * @param substrings substrings the message must contain
 * @param absentSubstrings substrings the message must not contain
 */
public record SearchText(String match, String excluded, List<String> substrings, List<String> absentSubstrings) {

    /** The query for {@code q}, or null when {@code q} asks for nothing. */
    public static SearchText parse(String raw) {
        // FTS5 ends a string at NUL; no control character is worth searching for.
        String q = raw.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> substrings = new ArrayList<>();
        List<String> absentSubstrings = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            boolean negated = q.charAt(i) == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            if (negated) {
                i++;
            }
            String text;
            boolean quoted = q.charAt(i) == '"';
            if (quoted) {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? q.length() : close;
                text = q.substring(i + 1, end);
                i = close < 0 ? end : end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
                    end++;
                }
                text = q.substring(i, end);
                i = end;
            }
            boolean prefix = i < q.length() && q.charAt(i) == '*';
            if (prefix) {
                i++;
            } else if (text.endsWith("*")) {
                prefix = true;
                text = text.substring(0, text.length() - 1);
            }
            if (negated && !quoted && !hasWordCharacter(text)) {
                // An arrow or a dash rule, not an exclusion.
                negated = false;
                text = "-" + text;
            }
            if (hasWordCharacter(text)) {
                (negated ? excluded : required).add(quoted(text) + (prefix ? " *" : ""));
            } else if (!text.isBlank()) {
                (negated ? absentSubstrings : substrings).add(text + (prefix ? "*" : ""));
            }
        }
        if (required.isEmpty() && excluded.isEmpty() && substrings.isEmpty() && absentSubstrings.isEmpty()) {
            return null;
        }
        if (required.isEmpty()) {
            return new SearchText(
                    null, excluded.isEmpty() ? null : String.join(" OR ", excluded), substrings, absentSubstrings);
        }
        StringBuilder match = new StringBuilder(String.join(" AND ", required));
        for (String word : excluded) {
            match.insert(0, '(').append(") NOT ").append(word);
        }
        return new SearchText(match.toString(), null, substrings, absentSubstrings);
    }

    /** A string FTS5 reads as one phrase, whatever it holds. */
    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Whether the unicode61 tokenizer finds a word in it: letters, numbers and private-use characters. */
    private static boolean hasWordCharacter(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.PRIVATE_USE -> true;
            default -> false;
        });
    }
}
