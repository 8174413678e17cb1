package io.logcentral.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form fields Python's {@code logging.handlers.HTTPHandler} posts: a {@code LogRecord}'s attributes, with the logger
 * {@code name} as service, {@code levelname}, {@code msg} and {@code created} (epoch seconds) as the log.
 */
final class PythonLogRecord {

    private static final Map<String, String> FIELDS =
            Map.of("name", "service", "levelname", "severity", "msg", "message", "created", "timestamp");
    /** Numbers derived from the fields kept. */
    private static final Set<String> NOISE = Set.of("levelno", "msecs", "relativeCreated");

    private PythonLogRecord() {}

    static ObjectNode parse(byte[] body, JsonMapper json) {
        ObjectNode log = json.createObjectNode();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!NOISE.contains(key) && !value.equals("None")) {
                log.put(FIELDS.getOrDefault(key, key), value);
            }
        }
        return log;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
