package io.logcentral.textformat;

import io.logcentral.storage.Timestamps;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Apache or nginx access log line, combined or common format: the line is the message, the status sets the
 * severity (5xx {@code ERROR}, 4xx {@code WARNING}, else {@code INFO}), the request's parts become attributes. What a
 * server adds after the user agent (nginx's {@code $request_time}, a forwarded-for) stays in the message.
 */
public final class AccessLogLine {

    private static final String QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern LINE = Pattern.compile("(\\S+) (\\S+) (\\S+) \\[([^\\]]+)] " + QUOTED
            + " (\\d{3}) (\\d+|-)(?: " + QUOTED + " " + QUOTED + ")?(?:\\s.*)?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private AccessLogLine() {}

    /** @throws MalformedLineException when the line is not an access log line, or its time cannot be read */
    public static ObjectNode parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new MalformedLineException(
                    "access", "not an access log line: expected the combined or common format of Apache and nginx");
        }
        ObjectNode log = JsonNodeFactory.instance.objectNode();
        log.put("timestamp", time(m.group(4)));
        int status = Integer.parseInt(m.group(6));
        log.put("severity", status >= 500 ? "ERROR" : status >= 400 ? "WARNING" : "INFO");
        log.put("message", line);
        log.put("remote_addr", m.group(1));
        putUnlessDash(log, "remote_user", m.group(3));
        request(log, unescape(m.group(5)));
        log.put("status", status);
        if (!m.group(7).equals("-")) {
            log.put("bytes", Long.parseLong(m.group(7)));
        }
        putUnlessDash(log, "referer", unescape(m.group(8)));
        putUnlessDash(log, "user_agent", unescape(m.group(9)));
        return log;
    }

    private static String time(String text) {
        try {
            return Timestamps.format(OffsetDateTime.parse(text, TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedLineException(
                    "timestamp", "unreadable access log time [" + text + "]: expected 10/Oct/2000:13:55:36 -0700");
        }
    }

    /** {@code "GET /path HTTP/1.1"}; what is not (nginx logs a TLS handshake on a plain port as bytes) stays whole. */
    private static void request(ObjectNode log, String request) {
        String[] parts = request.split(" ");
        if (parts.length == 3) {
            log.put("method", parts[0]);
            log.put("path", parts[1]);
            log.put("protocol", parts[2]);
        } else {
            putUnlessDash(log, "request", request);
        }
    }

    private static void putUnlessDash(ObjectNode log, String name, @Nullable String value) {
        if (value != null && !value.isEmpty() && !value.equals("-")) {
            log.put(name, value);
        }
    }

    private static @Nullable String unescape(@Nullable String quoted) {
        return quoted == null ? null : quoted.replaceAll("\\\\([\"\\\\])", "$1");
    }
}
