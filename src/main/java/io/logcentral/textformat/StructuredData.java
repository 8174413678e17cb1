package io.logcentral.textformat;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 5424 structured data, {@code [id name="value" ...][id2 ...]}, as an object of objects:
 * {@code {"id":{"name":"value"}}}. Values may escape {@code "}, {@code \} and {@code ]} with a backslash.
 */
final class StructuredData {

    /** The elements read, and where in the text they ended. */
    record Read(ObjectNode elements, int end) {}

    private StructuredData() {}

    static Read read(String text) {
        ObjectNode elements = JsonNodeFactory.instance.objectNode();
        int i = 0;
        while (i < text.length() && text.charAt(i) == '[') {
            i = element(text, i + 1, elements);
        }
        if (i == 0) {
            throw malformed("expected '-' or '[' where the structured data starts");
        }
        return new Read(elements, i);
    }

    /** Reads one element from just after its {@code [} and returns the index after its {@code ]}. */
    private static int element(String text, int start, ObjectNode elements) {
        int i = name(text, start);
        ObjectNode params = elements.putObject(text.substring(start, i));
        while (i < text.length() && text.charAt(i) == ' ') {
            int nameStart = i + 1;
            int nameEnd = name(text, nameStart);
            if (nameEnd >= text.length() - 1 || text.charAt(nameEnd) != '=' || text.charAt(nameEnd + 1) != '"') {
                throw malformed("expected name=\"value\" at column " + nameStart);
            }
            StringBuilder value = new StringBuilder();
            i = nameEnd + 2;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                    c = text.charAt(++i);
                }
                value.append(c);
                i++;
            }
            if (i >= text.length()) {
                throw malformed("a parameter value is not closed");
            }
            params.put(text.substring(nameStart, nameEnd), value.toString());
            i++;
        }
        if (i >= text.length() || text.charAt(i) != ']') {
            throw malformed("an element is not closed with ']'");
        }
        return i + 1;
    }

    private static int name(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) > ' ' && "=]\"".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i == start) {
            throw malformed("a name is missing at column " + start);
        }
        return i;
    }

    private static MalformedLineException malformed(String error) {
        return new MalformedLineException("structured_data", error);
    }
}
