package io.logcentral.storage.postgres;

import io.logcentral.storage.MessageMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The words of messages and of searches, cut by {@link MessageMatcher} (as SQLite's FTS5 unicode61 index cuts them)
 * and handed to PostgreSQL as {@code tsvector} and {@code tsquery} literals, so no text search configuration or parser
 * of the database's locale decides what a word is: {@code q} finds the same logs on both stores. A lexeme holds only
 * letters and digits, so quoting it can never turn it into an operator.
 */
final class PostgresWords {

    /** PostgreSQL's limits: a lexeme of at most 2047 bytes, positions up to 16383, 256 positions a lexeme. */
    private static final int MAX_LEXEME_BYTES = 2047;

    private static final int MAX_POSITION = 16_383;
    private static final int MAX_POSITIONS = 255;

    /** What a search asks of the message: a {@code tsquery} (null when no word is asked for) and plain substrings. */
    record Search(String tsquery, List<String> substrings, List<String> absentSubstrings) {}

    private PostgresWords() {}

    /** The {@code tsvector} literal of a message: each word with the positions it has. */
    static String vector(String message) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        int position = 0;
        for (String word : MessageMatcher.words(message)) {
            position = Math.min(position + 1, MAX_POSITION);
            List<Integer> at = positions.computeIfAbsent(lexeme(word), w -> new ArrayList<>());
            if (at.size() < MAX_POSITIONS) {
                at.add(position);
            }
        }
        StringJoiner vector = new StringJoiner(" ");
        positions.forEach((lexeme, at) -> {
            StringJoiner list = new StringJoiner(",", "'" + lexeme + "':", "");
            at.forEach(p -> list.add(Integer.toString(p)));
            vector.add(list.toString());
        });
        return vector.toString();
    }

    /** The search {@code q}: words ANDed, phrases in a row, {@code -word} excluded, {@code word*} a prefix. */
    static Search search(String q) {
        MessageMatcher terms = MessageMatcher.of(q);
        List<String> parts = new ArrayList<>();
        for (MessageMatcher.Phrase phrase : terms.required()) {
            parts.add(phrase(phrase));
        }
        for (MessageMatcher.Phrase phrase : terms.excluded()) {
            parts.add("!" + phrase(phrase));
        }
        return new Search(
                parts.isEmpty() ? null : String.join(" & ", parts), terms.substrings(), terms.absentSubstrings());
    }

    private static String phrase(MessageMatcher.Phrase phrase) {
        StringJoiner words = new StringJoiner(" <-> ", "(", ")");
        List<String> list = phrase.words();
        for (int i = 0; i < list.size(); i++) {
            boolean prefix = phrase.prefix() && i == list.size() - 1;
            words.add("'" + lexeme(list.get(i)) + "'" + (prefix ? ":*" : ""));
        }
        return words.toString();
    }

    /** A word cut to the longest lexeme PostgreSQL keeps; messages and searches are cut alike. */
    private static String lexeme(String word) {
        if (word.length() * 3 <= MAX_LEXEME_BYTES || utf8Length(word) <= MAX_LEXEME_BYTES) {
            return word;
        }
        int end = 0;
        int bytes = 0;
        while (end < word.length()) {
            int c = word.codePointAt(end);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_LEXEME_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return word.substring(0, end);
    }

    private static int utf8Length(String word) {
        return word.getBytes(StandardCharsets.UTF_8).length;
    }
}
