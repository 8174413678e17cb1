package io.logcentral.textformat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Each line in the format its shape fits, the plain lines of before included; a format given wins. */
class TextLinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <34>Oct 11 22:14:15 mymachine su: 'su root' failed                                   | SYSLOG
            Nov 30 14:59:52 web-1 sshd[2211]: Accepted publickey                                 | SYSLOG
            <165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - do-nuts            | SYSLOG
            127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326 "-" "curl/8.0"  | ACCESS
            level=info msg="user signed in" user=42                                             | LOGFMT
            2024-11-08T14:23:30Z ERROR payment failed                                           | PLAIN
            INFO: service started                                                               | PLAIN
            user=bob logged in                                                                  | PLAIN
            <not a priority> said the line                                                      | PLAIN
            1 apple a day                                                                       | PLAIN
            """)
    void detectFindsTheFormatALinesShapeFits(String line, TextFormat expected) {
        ObjectNode detected = TextLines.detect(line, true);

        assertThat(detected).isEqualTo(TextLines.parse(expected, line, true));
    }
}
