package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-08T14:23:30Z      | 2024-11-08T14:23:30Z
            2024-11-08t14:23:30z      | 2024-11-08T14:23:30Z
            2024-11-08T14:23:30+02:00 | 2024-11-08T12:23:30Z
            2024-11-08T14:23:30+0200  | 2024-11-08T12:23:30Z
            2024-11-08T14:23:30+0000  | 2024-11-08T14:23:30Z
            2024-11-08T14:23:30-05    | 2024-11-08T19:23:30Z
            2024-11-08T14:23:30-05:30 | 2024-11-08T19:53:30Z
            2024-11-08T01:00:00+02:00 | 2024-11-07T23:00:00Z
            2024-11-08 14:23:30Z      | 2024-11-08T14:23:30Z
            2024-11-08 14:23:30 +0100 | 2024-11-08T13:23:30Z
            2024-11-08T14:23          | 2024-11-08T14:23:00Z
            '  2024-11-08T14:23:30Z ' | 2024-11-08T14:23:30Z
            """)
    void parseWhenIsoWithOffsetConvertsToUtc(String text, Instant expected) {
        assertThat(Timestamps.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-08T14:23:30", "2024-11-08 14:23:30"})
    void parseWhenOffsetMissingMeansUtc(String text) {
        assertThat(Timestamps.parse(text)).contains(Instant.parse("2024-11-08T14:23:30Z"));
    }

    @Test
    void parseWhenDateAloneMeansMidnightUtc() {
        assertThat(Timestamps.parse("2024-11-08")).contains(Instant.parse("2024-11-08T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-08T14:23:30.1Z            | 2024-11-08T14:23:30.100000Z
            2024-11-08T14:23:30.123Z          | 2024-11-08T14:23:30.123000Z
            2024-11-08T14:23:30.1234Z         | 2024-11-08T14:23:30.123400Z
            2024-11-08T14:23:30.1234          | 2024-11-08T14:23:30.123400Z
            2024-11-08T14:23:30.123456Z       | 2024-11-08T14:23:30.123456Z
            2024-11-08T14:23:30.123456789Z    | 2024-11-08T14:23:30.123456Z
            2024-11-08T14:23:30.123456789012Z | 2024-11-08T14:23:30.123456Z
            2024-11-08T14:23:30.9999999Z      | 2024-11-08T14:23:30.999999Z
            2024-11-08 14:23:30,123           | 2024-11-08T14:23:30.123000Z
            2024-11-08T14:23:30,5+01:00       | 2024-11-08T13:23:30.500000Z
            """)
    void parseWhenFractionOfAnyLengthKeepsMicrosecondsTruncated(String text, String expected) {
        assertThat(Timestamps.parse(text)).map(Timestamps::format).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                   | 1970-01-01T00:00:00Z
            1700000000          | 2023-11-14T22:13:20Z
            1700000000.5        | 2023-11-14T22:13:20.500Z
            1700000000.1234567  | 2023-11-14T22:13:20.123456Z
            99999999999         | 5138-11-16T09:46:39Z
            100000000000        | 1973-03-03T09:46:40Z
            1700000000123       | 2023-11-14T22:13:20.123Z
            99999999999999      | 5138-11-16T09:46:39.999Z
            100000000000000     | 1973-03-03T09:46:40Z
            1700000000123456    | 2023-11-14T22:13:20.123456Z
            99999999999999999   | 5138-11-16T09:46:39.999999Z
            100000000000000000  | 1973-03-03T09:46:40Z
            1700000000123456789 | 2023-11-14T22:13:20.123456Z
            """)
    void parseWhenEpochNumberPicksUnitByMagnitude(String number, Instant expected) {
        assertThat(Timestamps.parse(number)).contains(expected);
        assertThat(Timestamps.fromEpoch(new BigDecimal(number))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "yesterday",
                "14:23:30",
                "2024/11/08",
                "2024-13-01T00:00:00Z",
                "2024-02-30",
                "2024-11-08T24:00:00Z",
                "2024-11-08T14:60:00Z",
                "2024-11-08T14:23:30+25:00",
                "2024-11-08T14:23:30.Z",
                "2024-11-08T14:23:30Z trailing",
                "0000-12-31T23:59:59Z",
                "-1",
                "-1700000000",
                "1700000000.",
                "5000000000000000000000",
                "10000000000000000000000",
                "100000000000000000000000000000",
                "1000000000000000000000000000000"
            })
    void parseWhenUnreadableOrOutOfRangeIsEmpty(String text) {
        assertThat(Timestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "-1700000000000", "1e30"})
    void fromEpochWhenNegativeOrAbsurdlyLargeIsEmpty(String number) {
        assertThat(Timestamps.fromEpoch(new BigDecimal(number))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-08T14:23:30Z          | 2024-11-08T14:23:30.000000Z
            2024-11-08T14:23:30.1234Z     | 2024-11-08T14:23:30.123400Z
            2024-11-08T14:23:30.12345678Z | 2024-11-08T14:23:30.123456Z
            1970-01-01T00:00:00Z          | 1970-01-01T00:00:00.000000Z
            0001-01-01T00:00:00Z          | 0001-01-01T00:00:00.000000Z
            9999-12-31T23:59:59.999999Z   | 9999-12-31T23:59:59.999999Z
            """)
    void formatWritesSixFractionDigitsAndZ(Instant instant, String expected) {
        assertThat(Timestamps.format(instant)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 1_700_000_000_123_456L, -62_135_596_800_000_000L, 253_402_300_799_999_999L})
    void fromMicrosThenToMicrosRoundTrips(long micros) {
        assertThat(Timestamps.toMicros(Timestamps.fromMicros(micros))).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1970-01-01T00:00:00Z           | 0
            2023-11-14T22:13:20.123456789Z | 1700000000123456
            1969-12-31T23:59:59.9999995Z   | -1
            """)
    void toMicrosDropsNanosecondsTowardsThePast(Instant instant, long micros) {
        assertThat(Timestamps.toMicros(instant)).isEqualTo(micros);
    }

    @Test
    void parseReadsWhatFormatWrites() {
        Instant instant = Instant.parse("2024-11-08T14:23:30.123456Z");

        assertThat(Timestamps.parse(Timestamps.format(instant))).contains(instant);
    }

    @Test
    void parseReadsTheCommonUtcFormWithoutThePatternAsThePatternReadsIt() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String fraction = random.nextInt(4) == 0 ? "" : "." + digits(random, 1 + random.nextInt(12));
            String text = String.format(
                    Locale.ROOT,
                    "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                    random.nextInt(4) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(60),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(26),
                    random.nextInt(61),
                    random.nextInt(61),
                    fraction);
            // A lower-case "t" is also ISO-8601, and only the pattern reads it.
            assertThat(Timestamps.parse(text))
                    .as("seed %d: %s", seed, text)
                    .isEqualTo(Timestamps.parse(text.replace('T', 't')));
        }
        assertThat(Timestamps.parse("2024-02-29T23:59:59.9999999Z"))
                .contains(Instant.parse("2024-02-29T23:59:59.999999Z"));
        assertThat(Timestamps.parse("2023-02-29T00:00:00Z")).isEmpty();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
