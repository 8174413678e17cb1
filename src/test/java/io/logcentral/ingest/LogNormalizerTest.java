package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.NewLog;
import io.logcentral.storage.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LogNormalizerTest {

    private static final Instant NOW = Instant.parse("2024-11-08T15:00:00Z");
    private static final TokenPrincipal FREE = new TokenPrincipal("ci", null, Set.of(Scope.INGEST), 201);
    private static final TokenPrincipal REPORTS = new TokenPrincipal("reports", "reports", Set.of(Scope.INGEST), 201);

    private final JsonMapper json = IngestJsonConfiguration.mapper(64);
    private final LogNormalizer normalizer = new LogNormalizer(json, 32 * 1024, Duration.ofDays(1));

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "@timestamp", "time", "ts", "event_at"})
    void normalizeReadsEveryTimestampAlias(String alias) {
        NewLog log = accept(paid(alias, "2024-11-08T14:23:30.1234Z"));

        assertThat(log.timestamp()).isEqualTo(Instant.parse("2024-11-08T14:23:30.123400Z"));
        assertThat(log.attributesJson()).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "app", "source"})
    void normalizeReadsEveryServiceAlias(String alias) {
        NewLog log = accept(item(alias, "payments", "message", "paid"));

        assertThat(log.service()).isEqualTo("payments");
        assertThat(log.attributesJson()).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"severity", "level"})
    void normalizeReadsEverySeverityAlias(String alias) {
        NewLog log = accept(paid(alias, "warn"));

        assertThat(log.severity()).isEqualTo(Severity.WARNING);
        assertThat(log.attributesJson()).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "msg"})
    void normalizeReadsEveryMessageAlias(String alias) {
        NewLog log = accept(item("service", "payments", alias, "paid"));

        assertThat(log.message()).isEqualTo("paid");
        assertThat(log.attributesJson()).isEqualTo("{}");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            timestamp,  @timestamp
            timestamp,  event_at
            @timestamp, time
            time,       ts
            ts,         event_at
            """)
    void normalizeWhenTwoTimestampAliasesFirstInTableWinsAndOtherGoesToAttributes(String first, String second) {
        NewLog log = accept(paid(second, "2020-01-01T00:00:00Z", first, "2024-11-08T14:23:30Z"));

        assertThat(log.timestamp()).isEqualTo(Instant.parse("2024-11-08T14:23:30Z"));
        assertThat(attributes(log)).isEqualTo(item(second, "2020-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            service, app
            service, source
            app,     source
            """)
    void normalizeWhenTwoServiceAliasesFirstInTableWinsAndOtherGoesToAttributes(String first, String second) {
        NewLog log = accept(item(second, "web", first, "payments", "message", "paid"));

        assertThat(log.service()).isEqualTo("payments");
        assertThat(attributes(log)).isEqualTo(item(second, "web"));
    }

    @Test
    void normalizeWhenSeverityAndLevelBothSentSeverityWins() {
        NewLog log = accept(paid("level", 10, "severity", "error"));

        assertThat(log.severity()).isEqualTo(Severity.ERROR);
        assertThat(attributes(log)).isEqualTo(item("level", 10));
    }

    @Test
    void normalizeWhenMessageAndMsgBothSentMessageWins() {
        NewLog log = accept(item("service", "payments", "msg", "raw %s", "message", "paid"));

        assertThat(log.message()).isEqualTo("paid");
        assertThat(attributes(log)).isEqualTo(item("msg", "raw %s"));
    }

    @Test
    void normalizeWhenFirstAliasIsNullNextAliasIsUsed() {
        NewLog log = accept(item("service", "payments", "message", null, "msg", "paid"));

        assertThat(log.message()).isEqualTo("paid");
    }

    @Test
    void normalizeMergesAttributesWithUnknownTopLevelFieldsKeepingKeyOrder() {
        NewLog log = accept(paid(
                "attributes",
                item("user", "u-1", "cart", item("items", 3), "amount", 1),
                "region",
                "eu",
                "retry",
                true));

        assertThat(log.attributesJson())
                .isEqualTo("{\"user\":\"u-1\",\"cart\":{\"items\":3},\"amount\":1,\"region\":\"eu\",\"retry\":true}");
    }

    @Test
    void normalizeMergesDataLikeAttributes() {
        NewLog log = accept(paid("data", item("z", 1, "a", 2), "region", "eu"));

        assertThat(log.attributesJson()).isEqualTo("{\"z\":1,\"a\":2,\"region\":\"eu\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attributes", "data"})
    void normalizeWhenTopLevelFieldClashesWithAttributeTopLevelWins(String container) {
        NewLog log = accept(paid(container, item("region", "us", "user", "u-1"), "region", "eu"));

        assertThat(attributes(log)).isEqualTo(item("region", "eu", "user", "u-1"));
    }

    @Test
    void normalizeWhenAttributesAndDataBothSentAttributesWinAndDataIsKeptAsAnAttribute() {
        NewLog log = accept(paid("data", item("b", 2), "attributes", item("a", 1)));

        assertThat(attributes(log)).isEqualTo(item("a", 1, "data", item("b", 2)));
    }

    @Test
    void normalizeKeepsDecimalsAsSent() {
        NewLog log = accept(paid("amount", new BigDecimal("12.50"), "huge", new BigDecimal("1E+400")));

        JsonNode attributes = attributes(log);
        assertThat(log.attributesJson()).contains("12.50");
        assertThat(attributes.get("huge").decimalValue()).isEqualByComparingTo("1E+400");
    }

    @Test
    void normalizeKeepsOptionalStringsOutOfAttributes() {
        NewLog log = accept(paid("request_id", "r-1", "trace_id", "t-1", "span_id", 42, "host", "web-1"));

        assertThat(log.requestId()).isEqualTo("r-1");
        assertThat(log.traceId()).isEqualTo("t-1");
        assertThat(log.spanId()).isEqualTo("42");
        assertThat(log.host()).isEqualTo("web-1");
        assertThat(log.attributesJson()).isEqualTo("{}");
    }

    @Test
    void normalizeWhenOptionalStringsAbsentLeavesThemNull() {
        NewLog log = accept(paid());

        assertThat(log.requestId()).isNull();
        assertThat(log.traceId()).isNull();
        assertThat(log.spanId()).isNull();
        assertThat(log.host()).isNull();
    }

    @Test
    void normalizeWhenSeverityAbsentMeansInfo() {
        assertThat(accept(paid()).severity()).isEqualTo(Severity.INFO);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            3,  ERROR
            10, DEBUG
            40, ERROR
            50, CRITICAL
            """)
    void normalizeReadsSeverityNumbers(int sent, Severity expected) {
        assertThat(accept(paid("severity", sent)).severity()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            40,    ERROR
            FATAL, CRITICAL
            Warn,  WARNING
            err,   ERROR
            """)
    void normalizeReadsSeverityNamesAndNumericText(String sent, Severity expected) {
        assertThat(accept(paid("severity", sent)).severity()).isEqualTo(expected);
    }

    @Test
    void normalizeWhenNumericSeverityIsFortyMeansError() {
        assertThat(accept(paid("level", 40)).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void normalizeWhenSeverityUnknownNamesTheFieldSent() {
        ItemError error = reject(paid("level", "LOUD"));

        assertThat(error.field()).isEqualTo("level");
        assertThat(error.error()).startsWith("unknown severity");
    }

    @Test
    void normalizeWhenTimestampAbsentMeansNow() {
        NewLog log = accept(paid());

        assertThat(log.timestamp()).isEqualTo(NOW);
        assertThat(log.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void normalizeReadsEpochNumbers() {
        assertThat(accept(paid("ts", 1_700_000_000_123L)).timestamp())
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(accept(paid("ts", new BigDecimal("1700000000.5"))).timestamp())
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.5Z"));
    }

    @Test
    void normalizeWhenTimestampUnreadableNamesTheFieldSent() {
        ItemError error = reject(paid("event_at", "yesterday"));

        assertThat(error.field()).isEqualTo("event_at");
        assertThat(error.error()).startsWith("unreadable timestamp");
    }

    @Test
    void normalizeWhenTokenBoundAndServiceAbsentFillsIt() {
        NewLog log = accept(item("message", "monthly report done"), REPORTS);

        assertThat(log.service()).isEqualTo("reports");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reports", "Reports", "REPORTS"})
    void normalizeWhenTokenBoundAcceptsItsServiceInAnyCaseStoredAsSent(String sent) {
        NewLog log = accept(item("service", sent, "message", "monthly report done"), REPORTS);

        assertThat(log.service()).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "app", "source"})
    void normalizeWhenTokenBoundToAnotherServiceRejectsTheItem(String alias) {
        ItemError error = reject(item(alias, "payments", "message", "paid"), REPORTS);

        assertThat(error).isEqualTo(new ItemError(0, alias, "service mismatch for token"));
    }

    @Test
    void normalizeWhenServiceMissingAndTokenFreeIsError() {
        assertThat(reject(item("message", "paid"))).isEqualTo(new ItemError(0, "service", "service is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "app"})
    void normalizeWhenServiceIsAnObjectNamesTheFieldSent(String alias) {
        ItemError error = reject(item(alias, item("name", "payments"), "message", "paid"));

        assertThat(error).isEqualTo(new ItemError(0, alias, alias + " must be a string"));
    }

    @Test
    void normalizeWhenMessageMissingNamesTheMessageField() {
        assertThat(reject(item("service", "payments"))).isEqualTo(new ItemError(0, "message", "message is required"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            message, ''
            msg,     ''
            msg,     '   '
            """)
    void normalizeWhenMessageEmptyNamesTheFieldSent(String alias, String message) {
        assertThat(reject(item("service", "payments", alias, message)))
                .isEqualTo(new ItemError(0, alias, "message is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789", "ééééé", "€€€a", "😀😀a"})
    void normalizeWhenMessageExactlyAtByteLimitAcceptsIt(String message) {
        LogNormalizer tenBytes = new LogNormalizer(json, 10, Duration.ofDays(1));

        LogNormalizer.Result result =
                tenBytes.normalize(0, item("service", "payments", "msg", message), FREE, null, NOW);

        assertThat(result.error()).isNull();
        assertThat(result.log().message()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789a", "éééééé", "€€€€", "😀😀😀"})
    void normalizeWhenMessageOverByteLimitCountsUtf8Bytes(String message) {
        LogNormalizer tenBytes = new LogNormalizer(json, 10, Duration.ofDays(1));

        LogNormalizer.Result result =
                tenBytes.normalize(3, item("service", "payments", "msg", message), FREE, null, NOW);

        assertThat(result.log()).isNull();
        assertThat(result.error()).isEqualTo(new ItemError(3, "msg", "message is longer than 10 bytes"));
    }

    @Test
    void normalizeWhenAttributesNotAnObjectIsError() {
        ItemError error = reject(paid("attributes", "user=u-1"));

        assertThat(error).isEqualTo(new ItemError(0, "attributes", "attributes must be a JSON object"));
    }

    @Test
    void normalizeWhenAttributesIsAnArrayIsError() {
        ObjectNode item = paid();
        item.putArray("attributes").add(1);

        assertThat(reject(item)).isEqualTo(new ItemError(0, "attributes", "attributes must be a JSON object"));
    }

    @Test
    void normalizeWhenItemRejectedReportsItsIndex() {
        LogNormalizer.Result result = normalizer.normalize(7, item("service", "payments"), FREE, null, NOW);

        assertThat(result.error().index()).isEqualTo(7);
    }

    @Test
    void normalizeRefusesATimestampMoreThanADayAhead() {
        ItemError error = reject(paid("timestamp", "2024-11-09T15:00:01Z"));

        assertThat(error.field()).isEqualTo("timestamp");
        assertThat(error.error()).contains("in the future", "logcentral.ingest.max-future");
    }

    @Test
    void normalizeAcceptsATimestampWithinADayAhead() {
        assertThat(accept(paid("ts", "2024-11-09T14:59:59Z")).timestamp())
                .isEqualTo(Instant.parse("2024-11-09T14:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31T23:59:59Z", "5138-11-16T09:46:39Z"})
    void normalizeRefusesFarFutureYears(String timestamp) {
        assertThat(reject(paid("time", timestamp)).field()).isEqualTo("time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z"})
    void normalizeRefusesTimestampsBeforeTheEpoch(String timestamp) {
        assertThat(reject(paid("timestamp", timestamp)).error()).contains("before 1970");
    }

    @Test
    void normalizeWhenTimestampHasAScaleBeyondMicrosIsAnItemError() {
        ItemError error = reject(paid("timestamp", new BigDecimal("1e-999999999")));

        assertThat(error.field()).isEqualTo("timestamp");
    }

    @Test
    void normalizeWhenAWrongValueIsHugeTheErrorEchoesItShort() {
        ItemError severity = reject(paid("severity", "x".repeat(100_000)));
        ItemError timestamp = reject(paid("timestamp", "y".repeat(100_000)));

        assertThat(severity.error()).startsWith("unknown severity \"xxx").hasSizeLessThan(100);
        assertThat(timestamp.error()).startsWith("unreadable timestamp \"yyy").hasSizeLessThan(150);
    }

    private NewLog accept(ObjectNode item) {
        return accept(item, FREE);
    }

    private NewLog accept(ObjectNode item, TokenPrincipal principal) {
        LogNormalizer.Result result = normalizer.normalize(0, item, principal, null, NOW);
        assertThat(result.error()).as("item error").isNull();
        return result.log();
    }

    private ItemError reject(ObjectNode item) {
        return reject(item, FREE);
    }

    private ItemError reject(ObjectNode item, TokenPrincipal principal) {
        LogNormalizer.Result result = normalizer.normalize(0, item, principal, null, NOW);
        assertThat(result.log()).as("stored log").isNull();
        return result.error();
    }

    private JsonNode attributes(NewLog log) {
        return json.readTree(log.attributesJson());
    }

    /** A valid log paid by {@code payments}, followed by the given keys and values. */
    private ObjectNode paid(Object... keysAndValues) {
        return item("service", "payments", "message", "paid").setAll(item(keysAndValues));
    }

    /** A JSON object from alternating keys and values, in that order. */
    private ObjectNode item(Object... keysAndValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value == null) {
                node.putNull(key);
            } else {
                node.set(key, value instanceof JsonNode tree ? tree : json.valueToTree(value));
            }
        }
        return node;
    }
}
