package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logcentral.storage.Timestamps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RequestItemsTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String TEXT = "text/plain";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_BATCH = 3;
    private static final int MAX_DEPTH = 64;

    private final JsonMapper json = IngestJsonConfiguration.mapper(MAX_DEPTH);
    private final RequestItems requestItems = new RequestItems(json, MAX_BATCH);

    private List<RawItem> read(byte[] body, String contentType) {
        List<RawItem> items = new ArrayList<>();
        requestItems.read(body, contentType, new RequestItems.Text(null, true), items::add);
        return items;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {JSON, "application/json; charset=utf-8", "application/vnd.logcentral+json", "*/*"})
    void readWhenSingleObjectReturnsOneItem(String contentType) {
        List<RawItem> items = read(bytes(log("paid")), contentType);

        assertThat(items).containsExactly(RawItem.of(0, log("paid")));
    }

    @Test
    void readWhenANumberIsBeyondBigDecimalsRangeIsUnreadable() {
        byte[] body = "{\"message\":\"m\",\"x\":1e-2147483648}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(body, JSON)).isInstanceOf(InvalidLogDataException.class);
        assertThat(read(body, NDJSON))
                .singleElement()
                .satisfies(item -> assertThat(item.error()).isNotNull());
    }

    @Test
    void readWhenArrayOfOneReturnsIt() {
        assertThat(read(bytes(array(log("a"))), JSON)).containsExactly(RawItem.of(0, log("a")));
    }

    @Test
    void readWhenArrayEmptyReturnsNoItems() {
        assertThat(read(bytes(array()), JSON)).isEmpty();
    }

    @Test
    void readWhenArrayReturnsEachObjectWithItsIndex() {
        List<RawItem> items = read(bytes(array(log("a"), log("b"), log("c"))), JSON);

        assertThat(items).containsExactly(RawItem.of(0, log("a")), RawItem.of(1, log("b")), RawItem.of(2, log("c")));
    }

    @Test
    void readWhenArrayHoldsSomethingElseThanAnObjectThatItemIsAnError() {
        ArrayNode body = array(log("a"), log("c"));
        body.insert(1, 42);

        List<RawItem> items = read(bytes(body), JSON);

        assertThat(items)
                .containsExactly(
                        RawItem.of(0, log("a")),
                        RawItem.unreadable(1, "log", "log must be a JSON object"),
                        RawItem.of(2, log("c")));
    }

    @Test
    void readWhenLogsWrapperReturnsEachLog() {
        ObjectNode body = json.createObjectNode();
        body.set("logs", array(log("a"), log("b")));

        List<RawItem> items = read(bytes(body), JSON);

        assertThat(items).containsExactly(RawItem.of(0, log("a")), RawItem.of(1, log("b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "msg"})
    void readWhenObjectHasLogsAndMessageItIsOneLog(String messageField) {
        ObjectNode body = json.createObjectNode().put("service", "payments").put(messageField, "paid");
        body.set("logs", array(log("a"), log("b")));

        List<RawItem> items = read(bytes(body), JSON);

        assertThat(items).containsExactly(RawItem.of(0, body));
    }

    @Test
    void readWhenLogsIsNotAnArrayItIsOneLog() {
        ObjectNode body = log("paid").put("logs", "three");

        assertThat(read(bytes(body), JSON)).containsExactly(RawItem.of(0, body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {NDJSON, "application/jsonl", "application/x-jsonlines", "application/x-ndjson; charset=utf-8"})
    void readWhenNdjsonLineMalformedOthersAreStillRead(String contentType) {
        byte[] body = lines(string(log("a")), "{\"message\": ", string(log("c")));

        List<RawItem> items = read(body, contentType);

        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isEqualTo(RawItem.of(0, log("a")));
        assertThat(items.get(1).log()).isNull();
        assertThat(items.get(1).error().index()).isEqualTo(1);
        assertThat(items.get(1).error().field()).isEqualTo("json");
        assertThat(items.get(1).error().error()).startsWith("malformed JSON line");
        assertThat(items.get(2)).isEqualTo(RawItem.of(2, log("c")));
    }

    @Test
    void readWhenNdjsonSkipsBlankLinesAndCarriageReturns() {
        byte[] body = (string(log("a")) + "\r\n\r\n  \n" + string(log("b")) + "\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(read(body, NDJSON)).containsExactly(RawItem.of(0, log("a")), RawItem.of(1, log("b")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-08T14:23:30Z ERROR payment failed | 2024-11-08T14:23:30Z    | ERROR | payment failed
            2024-11-08 14:23:30,123 [WARN] disk low   | 2024-11-08 14:23:30,123 | WARN  | disk low
            2024-11-08T14:23:30Z payment failed       | 2024-11-08T14:23:30Z    |       | payment failed
            INFO: service started                     |                         | INFO  | service started
            disk full on /var                         |                         |       | disk full on /var
            404 not found                             |                         |       | 404 not found
            """)
    void readWhenTextLineSplitsTimestampLevelAndMessage(
            String line, String timestamp, String severity, String message) {
        ObjectNode expected = json.createObjectNode();
        if (timestamp != null) {
            expected.put("timestamp", timestamp);
        }
        if (severity != null) {
            expected.put("severity", severity);
        }
        expected.put("message", message);

        assertThat(read(lines(line), TEXT)).containsExactly(RawItem.of(0, expected));
    }

    @Test
    void readWhenTextHasSeveralLinesEachIsALogAndJsonLinesAreJson() {
        byte[] body = lines("2024-11-08T14:23:30Z ERROR payment failed", "", string(log("a")), "a bare message");

        List<RawItem> items = read(body, "text/plain; charset=utf-8");

        assertThat(items).extracting(RawItem::index).containsExactly(0, 1, 2);
        assertThat(items)
                .extracting(item -> item.log().get("message").stringValue())
                .containsExactly("payment failed", "a", "a bare message");
        assertThat(items.get(1)).isEqualTo(RawItem.of(1, log("a")));
    }

    @Test
    void readWhenFormEncodedPythonRecordMapsItsFields() {
        byte[] body = form(
                "name", "payments",
                "msg", "card declined for café",
                "args", "()",
                "levelname", "ERROR",
                "levelno", "40",
                "created", "1700000000.5",
                "msecs", "500.0",
                "relativeCreated", "1234.5",
                "funcName", "charge",
                "exc_info", "None");

        List<RawItem> items = read(body, FORM);

        ObjectNode expected = json.createObjectNode()
                .put("service", "payments")
                .put("message", "card declined for café")
                .put("args", "()")
                .put("severity", "ERROR")
                .put("timestamp", "1700000000.5")
                .put("funcName", "charge");
        assertThat(items).containsExactly(RawItem.of(0, expected));
        assertThat(Timestamps.parse(items.get(0).log().get("timestamp").stringValue()))
                .contains(Instant.parse("2023-11-14T22:13:20.500Z"));
    }

    @Test
    void readWhenJsonObjectSentAsFormEncodedReadsItAsJson() {
        assertThat(read(bytes(log("paid")), FORM)).containsExactly(RawItem.of(0, log("paid")));
    }

    @Test
    void readWhenJsonArraySentAsFormEncodedReadsItAsJson() {
        assertThat(read(bytes(array(log("a"), log("b"))), FORM + "; charset=utf-8"))
                .containsExactly(RawItem.of(0, log("a")), RawItem.of(1, log("b")));
    }

    @Test
    void readWhenBatchAtLimitReadsAll() {
        assertThat(read(bytes(array(logs(MAX_BATCH))), JSON)).hasSize(MAX_BATCH);
    }

    @Test
    void readWhenArrayOverBatchLimitIsTooLarge() {
        assertTooLarge(bytes(array(logs(MAX_BATCH + 1))), JSON);
    }

    @Test
    void readWhenWrapperOverBatchLimitIsTooLarge() {
        ObjectNode body = json.createObjectNode();
        body.set("logs", array(logs(MAX_BATCH + 1)));

        assertTooLarge(bytes(body), JSON);
    }

    @Test
    void readWhenLinesOverBatchLimitAreTooLarge() {
        String[] lines = logs(MAX_BATCH + 1).stream().map(this::string).toArray(String[]::new);

        assertTooLarge(lines(lines), NDJSON);
        assertTooLarge(lines(lines), TEXT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"message\": \"paid\"",
                "{\"message\": paid}",
                "[{\"message\": \"a\"},",
                "[{\"message\": \"a\"}] [",
                "{\"message\": \"a\"} {\"message\": \"b\"}",
                "42",
                "\"paid\"",
                "not json"
            })
    void readWhenJsonMalformedIsInvalidLogData(String body) {
        assertThatThrownBy(() -> read(body.getBytes(StandardCharsets.UTF_8), JSON))
                .isInstanceOfSatisfying(InvalidLogDataException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getProperties()).containsEntry("field", "body");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "multipart/form-data", "image/png", "not a type"})
    void readWhenContentTypeUnsupportedIsUnsupportedBody(String contentType) {
        assertThatThrownBy(() -> read(bytes(log("paid")), contentType))
                .isInstanceOfSatisfying(
                        UnsupportedBodyException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void readWhenNestingWithinLimitReadsIt() {
        assertThat(read(nested(MAX_DEPTH), JSON)).hasSize(1);
    }

    @Test
    void readWhenNestingDeeperThanLimitIsInvalidLogData() {
        assertThatThrownBy(() -> read(nested(MAX_DEPTH + 1), JSON)).isInstanceOf(InvalidLogDataException.class);
        assertThatThrownBy(() -> read(nested(1000), JSON)).isInstanceOf(InvalidLogDataException.class);
    }

    private void assertTooLarge(byte[] body, String contentType) {
        assertThatThrownBy(() -> read(body, contentType))
                .isInstanceOfSatisfying(
                        PayloadTooLargeException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    private ObjectNode log(String message) {
        return json.createObjectNode().put("service", "payments").put("message", message);
    }

    private List<ObjectNode> logs(int count) {
        return IntStream.range(0, count).mapToObj(i -> log("log " + i)).toList();
    }

    private ArrayNode array(ObjectNode... logs) {
        return array(List.of(logs));
    }

    private ArrayNode array(List<ObjectNode> logs) {
        ArrayNode array = json.createArrayNode();
        logs.forEach(array::add);
        return array;
    }

    private String string(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private byte[] bytes(JsonNode node) {
        return json.writeValueAsBytes(node);
    }

    private static byte[] lines(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A form body from alternating names and values, as Python's HTTPHandler posts a LogRecord. */
    private static byte[] form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs).getBytes(StandardCharsets.US_ASCII);
    }

    /** One log object whose attribute nests arrays so that the whole body is {@code depth} levels deep. */
    private static byte[] nested(int depth) {
        int arrays = depth - 1;
        return ("{\"service\":\"payments\",\"message\":\"deep\",\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
