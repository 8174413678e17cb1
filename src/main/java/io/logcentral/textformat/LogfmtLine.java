package io.logcentral.textformat;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logfmt line ({@code time=... level=info msg="..." user=42}, as Go's logrus, go-kit and Heroku write it): each pair
 * becomes a field of the log, so {@code level}, {@code msg}, {@code ts}/{@code time}, {@code service}/{@code app} take
 * the roles their names have in {@code POST /logs} and the other keys become attributes. Values stay strings, since
 * logfmt has no types. A line without {@code msg} is its own message, so nothing of it is lost.
 */
public final class LogfmtLine {

    private LogfmtLine() {}

    /**
     * Reads a line that may hold bare keys (their value is {@code true}, as in go-logfmt).
     *
     * @throws MalformedLineException when a quote is not closed, a key is empty or quoted, or no key has a value
     */
    public static ObjectNode parse(String line) {
        return read(line, false);
    }

    /** Reads a line only if it is logfmt and nothing else: at least two pairs, every word a {@code key=value}. */
    static ObjectNode strict(String line) {
        return read(line, true);
    }

    private static ObjectNode read(String line, boolean strict) {
        ObjectNode log = JsonNodeFactory.instance.objectNode();
        int pairs = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                i++;
                continue;
            }
            int keyStart = i;
            while (i < n && line.charAt(i) > ' ' && line.charAt(i) != '=' && line.charAt(i) != '"') {
                i++;
            }
            String key = line.substring(keyStart, i);
            if (key.isEmpty()) {
                throw new MalformedLineException("logfmt", "a key is missing at column " + keyStart);
            }
            if (i < n && line.charAt(i) == '=') {
                i++;
                StringBuilder value = new StringBuilder();
                i = i < n && line.charAt(i) == '"' ? quoted(line, i, value) : bare(line, i, value);
                log.put(key, value.toString());
                pairs++;
            } else if (strict || (i < n && line.charAt(i) == '"')) {
                throw new MalformedLineException("logfmt", "'" + key + "' has no '=' at column " + i);
            } else {
                log.put(key, "true");
            }
        }
        if (pairs == 0 || (strict && pairs < 2)) {
            throw new MalformedLineException("logfmt", "no key=value pairs in the line");
        }
        if (!log.has("msg") && !log.has("message")) {
            log.put("message", line);
        }
        return log;
    }

    private static int bare(String line, int start, StringBuilder value) {
        int i = start;
        while (i < line.length() && line.charAt(i) > ' ') {
            if (line.charAt(i) == '"') {
                throw new MalformedLineException("logfmt", "a quote inside an unquoted value at column " + i);
            }
            value.append(line.charAt(i++));
        }
        return i;
    }

    private static int quoted(String line, int start, StringBuilder value) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                value.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                value.append(c);
            }
            i++;
        }
        throw new MalformedLineException("logfmt", "a quoted value is not closed (from column " + start + ")");
    }
}
