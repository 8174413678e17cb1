package io.logcentral.textformat;

import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A syslog message, RFC 5424 or RFC 3164, with or without its {@code <PRI>}: the severity from the priority, the
 * hostname as {@code host}, the app name (or 3164 tag) as the service, facility, process id, message id and
 * structured data as attributes. RFC 3164 times carry neither year nor zone: they are read as UTC, in the year that
 * puts them no more than a day ahead of the server's clock.
 */
public final class SyslogLine {

    private static final Pattern PRI = Pattern.compile("<(\\d{1,3})>");
    private static final Pattern BSD_TIME =
            Pattern.compile("([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?(?: |$)");
    private static final Pattern TAG = Pattern.compile("([^\\s\\[\\]:]{1,64})(?:\\[([^\\]\\s]*)])?:(?: |$)");
    private static final String[] SEVERITIES = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
    private static final String[] FACILITIES = {
        "kern",
        "user",
        "mail",
        "daemon",
        "auth",
        "syslog",
        "lpr",
        "news",
        "uucp",
        "cron",
        "authpriv",
        "ftp",
        "ntp",
        "security",
        "console",
        "solaris-cron",
        "local0",
        "local1",
        "local2",
        "local3",
        "local4",
        "local5",
        "local6",
        "local7"
    };
    private static final String NIL = "-";

    private SyslogLine() {}

    /**
     * @param appNameIsService false for a token bound to a service: the app name is then kept as {@code app_name}
     * @throws MalformedLineException when the line has no {@code <PRI>} and neither RFC's header, a priority over 191,
     *     or an RFC 5424 header or structured data that does not read
     */
    public static ObjectNode parse(String line, boolean appNameIsService) {
        return parse(line, appNameIsService, Instant.now());
    }

    static ObjectNode parse(String line, boolean appNameIsService, Instant now) {
        ObjectNode log = JsonNodeFactory.instance.objectNode();
        String rest = line;
        Matcher pri = PRI.matcher(line);
        boolean hasPri = pri.lookingAt();
        if (hasPri) {
            int priority = Integer.parseInt(pri.group(1));
            if (priority > 191) {
                throw new MalformedLineException("pri", "priority " + priority + " is over 191");
            }
            log.put("severity", SEVERITIES[priority % 8]);
            log.put("facility", FACILITIES[priority / 8]);
            rest = line.substring(pri.end());
        } else if (line.startsWith("<")) {
            throw new MalformedLineException("pri", "a syslog priority is <0> to <191>");
        }
        Fields fields = new Fields(log, appNameIsService);
        if (rest.startsWith("1 ")) {
            rfc5424(rest.substring(2), fields);
        } else if (BSD_TIME.matcher(rest).lookingAt() || (hasPri && startsWithIsoTime(rest))) {
            rfc3164(rest, fields, now);
        } else if (hasPri) {
            log.put("message", rest);
        } else {
            throw new MalformedLineException(
                    "syslog", "not a syslog line: expected <PRI>, an RFC 5424 header or an RFC 3164 time");
        }
        return log;
    }

    /** Puts the parts that are present: syslog writes an absent one as {@code -}. */
    private record Fields(ObjectNode log, boolean appNameIsService) {

        void put(String name, @Nullable String value) {
            if (value != null && !value.isEmpty() && !value.equals(NIL)) {
                log.put(name, value);
            }
        }

        void app(@Nullable String app) {
            put(appNameIsService ? "service" : "app_name", app);
        }
    }

    private static void rfc5424(String header, Fields fields) {
        String[] parts = header.split(" ", 6);
        if (parts.length < 6) {
            throw new MalformedLineException(
                    "syslog", "an RFC 5424 header is TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA");
        }
        if (!parts[0].equals(NIL) && Timestamps.parse(parts[0]).isEmpty()) {
            throw new MalformedLineException("timestamp", "unreadable RFC 5424 time '" + parts[0] + "'");
        }
        fields.put("timestamp", parts[0]);
        fields.put("host", parts[1]);
        fields.app(parts[2]);
        fields.put("proc_id", parts[3]);
        fields.put("msg_id", parts[4]);
        String rest = parts[5];
        if (rest.startsWith(NIL)) {
            rest = rest.substring(1);
        } else {
            StructuredData.Read read = StructuredData.read(rest);
            fields.log().set("structured_data", read.elements());
            rest = rest.substring(read.end());
        }
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            throw new MalformedLineException("structured_data", "expected a space after the structured data");
        }
        String message = rest.isEmpty() ? "" : rest.substring(1);
        fields.put("message", message.startsWith("\uFEFF") ? message.substring(1) : message);
    }

    /** {@code TIME [HOST] [TAG[PID]:] MESSAGE}; a word ending in {@code :} right after the time is a tag, not a host. */
    private static void rfc3164(String text, Fields fields, Instant now) {
        Matcher bsd = BSD_TIME.matcher(text);
        String rest;
        if (bsd.lookingAt()) {
            fields.put("timestamp", Timestamps.format(bsdTime(bsd, now)));
            rest = text.substring(bsd.end());
        } else {
            String[] timeAndRest = text.split(" ", 2);
            fields.put("timestamp", timeAndRest[0]);
            rest = timeAndRest.length == 2 ? timeAndRest[1] : "";
        }
        if (!TAG.matcher(rest).lookingAt()) {
            String[] hostAndRest = rest.split(" ", 2);
            if (hostAndRest.length == 2) {
                fields.put("host", hostAndRest[0]);
                rest = hostAndRest[1];
            }
        }
        Matcher tag = TAG.matcher(rest);
        if (tag.lookingAt()) {
            fields.app(tag.group(1));
            fields.put("proc_id", tag.group(2));
            rest = rest.substring(tag.end());
        }
        fields.log().put("message", rest);
    }

    private static boolean startsWithIsoTime(String text) {
        String first = text.split(" ", 2)[0];
        return first.length() >= 10
                && first.charAt(4) == '-'
                && Timestamps.parse(first).isPresent();
    }

    private static Instant bsdTime(Matcher m, Instant now) {
        Month month = Arrays.stream(Month.values())
                .filter(candidate -> candidate
                        .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        .equals(m.group(1)))
                .findFirst()
                .orElseThrow(() -> new MalformedLineException("timestamp", "unknown month '" + m.group(1) + "'"));
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        Instant time = at(year, month, m);
        // Sent on 31 December, read on 1 January: last year's.
        return time.isAfter(now.plus(1, ChronoUnit.DAYS)) ? at(year - 1, month, m) : time;
    }

    private static Instant at(int year, Month month, Matcher m) {
        String fraction = m.group(6) == null ? "0" : (m.group(6) + "00000").substring(0, 6);
        try {
            return LocalDateTime.of(
                            year,
                            month,
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            Integer.parseInt(fraction) * 1000)
                    .toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new MalformedLineException("timestamp", "unreadable RFC 3164 time: " + e.getMessage());
        }
    }
}
