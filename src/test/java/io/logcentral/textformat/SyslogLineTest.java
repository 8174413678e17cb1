package io.logcentral.textformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 5424's and RFC 3164's own examples, and lines as logger, rsyslog and /var/log/syslog write them. */
class SyslogLineTest {

    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "null", textBlock = """
            <34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8 \
            | 2003-10-11T22:14:15.003Z | crit | auth | mymachine.example.com | su | 'su root' failed for lonvick on /dev/pts/8
            <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts. \
            | 2003-08-24T05:14:15.000003-07:00 | notice | local4 | 192.0.2.1 | myproc | %% It's time to make the do-nuts.
            <13>1 - - - - - - hello without a header \
            | null | notice | user | null | null | hello without a header
            <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8 \
            | 2026-10-11T22:14:15.000000Z | crit | auth | mymachine | su | 'su root' failed for lonvick on /dev/pts/8
            <13>Feb  5 17:32:18 10.0.0.99 Use the BFG! \
            | 2026-02-05T17:32:18.000000Z | notice | user | 10.0.0.99 | null | Use the BFG!
            <0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks! \
            | null | emerg | kern | null | null | 1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!
            Nov 30 14:59:52 web-1 sshd[2211]: Accepted publickey for deploy from 10.0.0.5 port 52144 ssh2 \
            | 2026-11-30T14:59:52.000000Z | null | null | web-1 | sshd | Accepted publickey for deploy from 10.0.0.5 port 52144 ssh2
            <86>2024-11-08T14:23:30.123456+01:00 web-1 sudo[123]: pam_unix(sudo:session): session opened \
            | 2024-11-08T14:23:30.123456+01:00 | info | authpriv | web-1 | sudo | pam_unix(sudo:session): session opened
            <13>Nov 30 15:00:00 deploy: tag right after the time, no host \
            | 2026-11-30T15:00:00.000000Z | notice | user | null | deploy | tag right after the time, no host
            <11>Nov  3 09:05:01.250 db-2 postgres[77]: FATAL:  the database system is starting up \
            | 2026-11-03T09:05:01.250000Z | err | user | db-2 | postgres | FATAL:  the database system is starting up
            """)
    void parseReadsTimeSeverityHostAppAndMessage(
            String line,
            String timestamp,
            String severity,
            String facility,
            String host,
            String service,
            String message) {
        ObjectNode log = SyslogLine.parse(line, true, NOW);

        assertThat(text(log, "timestamp")).isEqualTo(timestamp);
        assertThat(text(log, "severity")).isEqualTo(severity);
        assertThat(text(log, "facility")).isEqualTo(facility);
        assertThat(text(log, "host")).isEqualTo(host);
        assertThat(text(log, "service")).isEqualTo(service);
        assertThat(text(log, "message")).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <192>1 2003-10-11T22:14:15.003Z host app - - - priority too high           | pri
            <abc>hello                                                                | pri
            <34>1 yesterday host app - - - when                                       | timestamp
            <34>1 2003-10-11T22:14:15.003Z host app - - [open x="1" never closed      | structured_data
            <34>1 2003-10-11T22:14:15.003Z host app - - [a x=1] value not quoted       | structured_data
            <34>1 2003-10-11T22:14:15.003Z host app - - [a x="1"]no space              | structured_data
            <34>1 2003-10-11T22:14:15.003Z host app                                    | syslog
            just a line of text                                                       | syslog
            <13>Feb 30 17:32:18 host tag: no such day                                   | timestamp
            """)
    void parseWhenMalformedNamesThePartAtFault(String line, String field) {
        assertThatThrownBy(() -> SyslogLine.parse(line, true, NOW))
                .isInstanceOfSatisfying(
                        MalformedLineException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void parseKeepsProcessMessageIdAndStructuredDataAsAttributes() {
        ObjectNode log = SyslogLine.parse(
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 42 ID47 [exampleSDID@32473 iut=\"3\""
                        + " eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"hi\\\"gh\\]\"]"
                        + " An application event log entry...",
                true,
                NOW);

        assertThat(text(log, "proc_id")).isEqualTo("42");
        assertThat(text(log, "msg_id")).isEqualTo("ID47");
        JsonNode data = log.get("structured_data");
        assertThat(data.get("exampleSDID@32473").get("eventSource").asString()).isEqualTo("Application");
        assertThat(data.get("exampleSDID@32473").get("iut").asString()).isEqualTo("3");
        assertThat(data.get("examplePriority@32473").get("class").asString()).isEqualTo("hi\"gh]");
        assertThat(text(log, "message")).isEqualTo("An application event log entry...");
    }

    @Test
    void parseForABoundTokenKeepsTheAppNameAsAnAttribute() {
        ObjectNode log = SyslogLine.parse("<14>Nov 30 14:00:00 web-1 nginx[9]: reloaded", false, NOW);

        assertThat(log.has("service")).isFalse();
        assertThat(text(log, "app_name")).isEqualTo("nginx");
    }

    @Test
    void parseOfADecemberTimeInJanuaryIsLastYears() {
        ObjectNode log = SyslogLine.parse(
                "<14>Dec 31 23:59:59 web-1 cron[1]: year end", true, Instant.parse("2027-01-01T00:00:30Z"));

        assertThat(text(log, "timestamp")).isEqualTo("2026-12-31T23:59:59.000000Z");
    }

    private static String text(ObjectNode log, String field) {
        JsonNode value = log.get(field);
        return value == null ? null : value.asString();
    }
}
