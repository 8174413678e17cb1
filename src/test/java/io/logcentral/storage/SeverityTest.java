package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            trace,         TRACE
            TRACE,         TRACE
            finer,         TRACE
            Finer,         TRACE
            FINEST,        TRACE
            finest,        TRACE
            debug,         DEBUG
            Debug,         DEBUG
            fine,          DEBUG
            FINE,          DEBUG
            verbose,       DEBUG
            VERBOSE,       DEBUG
            info,          INFO
            INFO,          INFO
            notice,        INFO
            NOTICE,        INFO
            information,   INFO
            Information,   INFO
            informational, INFO
            INFORMATIONAL, INFO
            warning,       WARNING
            WARNING,       WARNING
            warn,          WARNING
            Warn,          WARNING
            WARN,          WARNING
            error,         ERROR
            ERROR,         ERROR
            err,           ERROR
            ERR,           ERROR
            severe,        ERROR
            SEVERE,        ERROR
            critical,      CRITICAL
            CRITICAL,      CRITICAL
            crit,          CRITICAL
            CRIT,          CRITICAL
            fatal,         CRITICAL
            Fatal,         CRITICAL
            FATAL,         CRITICAL
            emergency,     CRITICAL
            EMERGENCY,     CRITICAL
            emerg,         CRITICAL
            EMERG,         CRITICAL
            alert,         CRITICAL
            ALERT,         CRITICAL
            """)
    void parseWhenNameInAnyCaseReturnsCanonicalSeverity(String name, Severity expected) {
        assertThat(Severity.parse(name)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,  CRITICAL
            1,  CRITICAL
            2,  CRITICAL
            3,  ERROR
            4,  WARNING
            5,  INFO
            6,  INFO
            7,  DEBUG
            8,  DEBUG
            9,  DEBUG
            10, DEBUG
            15, DEBUG
            19, DEBUG
            20, INFO
            25, INFO
            29, INFO
            30, WARNING
            35, WARNING
            39, WARNING
            40, ERROR
            45, ERROR
            49, ERROR
            50, CRITICAL
            99, CRITICAL
            1000, CRITICAL
            """)
    void fromNumberFollowsSyslogThenPythonScale(long level, Severity expected) {
        assertThat(Severity.fromNumber(level)).contains(expected);
        assertThat(Severity.parse(Long.toString(level))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ' warn ',  WARNING
            ' 40 ',    ERROR
            '040',     ERROR
            '7',       DEBUG
            '50',      CRITICAL
            """)
    void parseWhenPaddedOrNumericTextReadsIt(String text, Severity expected) {
        assertThat(Severity.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "LOUD", "warnings", "in fo", "-1", "-40", "4.5", "99999999999999999999"})
    void parseWhenUnknownNameOrNegativeOrNotWholeNumberIsEmpty(String text) {
        assertThat(Severity.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -10, -50, Long.MIN_VALUE})
    void fromNumberWhenNegativeIsEmpty(long level) {
        assertThat(Severity.fromNumber(level)).isEmpty();
    }
}
