package io.logcentral.textformat;

import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a text line in a format given, or in the first format its shape fits: syslog, an access log, logfmt, else
 * plain. JSON lines are the caller's, who holds the JSON limits.
 */
public final class TextLines {

    private TextLines() {}

    /**
     * @param appNameIsService false for a token bound to a service, whose syslog app names become attributes
     * @throws MalformedLineException when the line is not in that format
     * @throws IllegalArgumentException for {@link TextFormat#JSON}
     */
    public static ObjectNode parse(TextFormat format, String line, boolean appNameIsService) {
        return switch (format) {
            case SYSLOG -> SyslogLine.parse(line, appNameIsService);
            case LOGFMT -> LogfmtLine.parse(line);
            case ACCESS -> AccessLogLine.parse(line);
            case PLAIN -> PlainLine.parse(line);
            case JSON -> throw new IllegalArgumentException("JSON lines are read with the JSON limits");
        };
    }

    /** The line in the first format whose shape it fits; a line that fits none is a plain message. */
    public static ObjectNode detect(String line, boolean appNameIsService) {
        List<Function<String, ObjectNode>> formats =
                List.of(syslog -> SyslogLine.parse(syslog, appNameIsService), AccessLogLine::parse, LogfmtLine::strict);
        for (Function<String, ObjectNode> format : formats) {
            try {
                return format.apply(line);
            } catch (MalformedLineException doesNotFit) {
                // The next format may.
            }
        }
        return PlainLine.parse(line);
    }
}
