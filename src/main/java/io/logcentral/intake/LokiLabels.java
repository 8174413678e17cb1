package io.logcentral.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a stream selector as Loki's protobuf push carries the labels: {@code {app="api", env="prod"}}. */
final class LokiLabels {

    private final String text;
    private int at;

    private LokiLabels(String text) {
        this.text = text.trim();
    }

    static Map<String, String> parse(String text) {
        return new LokiLabels(text).labels();
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        expect('{');
        skipSpaces();
        while (peek() != '}') {
            int nameStart = at;
            while (at < text.length() && text.charAt(at) != '=' && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            String name = text.substring(nameStart, at);
            skipSpaces();
            expect('=');
            skipSpaces();
            labels.put(name, quoted());
            skipSpaces();
            if (peek() == ',') {
                at++;
                skipSpaces();
            }
        }
        return labels;
    }

    private String quoted() {
        expect('"');
        StringBuilder value = new StringBuilder();
        for (char c = next(); c != '"'; c = next()) {
            if (c == '\\') {
                char escaped = next();
                value.append(
                        switch (escaped) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> escaped;
                        });
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private char peek() {
        if (at >= text.length()) {
            throw new UnreadableBodyException("stream labels end early: " + text);
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw new UnreadableBodyException("stream labels must look like {name=\"value\", ...}: " + text);
        }
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
