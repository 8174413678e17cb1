package io.logcentral.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.logcentral.Api;
import io.logcentral.LogServerTest;
import io.logcentral.TestTokens;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/logs}: OTLP/HTTP in JSON and protobuf, partial success, malformed bodies and bound tokens. */
@LogServerTest
class OtlpApiTest {

    @LocalServerPort
    int port;

    Api api;
    String service;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        service = "otlp-" + UUID.randomUUID();
    }

    /** The shape of opentelemetry-proto's examples/logs.json, as the JS and collector exporters send it. */
    private String otlpJson(String record) {
        return """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
                 "scopeLogs":[{"scope":{"name":"my.library","version":"1.0.0",
                   "attributes":[{"key":"my.scope.attribute","value":{"stringValue":"some scope attribute"}}]},
                  "logRecords":[%s]}]}]}""".formatted(service, record);
    }

    private JsonNode logs() {
        return api.get("/logs?service=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
    }

    private Api.Reply postJson(String body, String token) {
        return api.post("/v1/logs", body).token(token).json().send();
    }

    private Api.Reply postProtobuf(ExportLogsServiceRequest request, String token) {
        return api.request("POST", "/v1/logs")
                .token(token)
                .header("Content-Type", "application/x-protobuf")
                .body(request.toByteArray())
                .send();
    }

    @Test
    void jsonExampleIsStoredWithHexIdsNumbersAsStringsAndFlattenedAttributes() {
        Api.Reply reply = postJson(otlpJson("""
                {"timeUnixNano":"1544712660300000000","observedTimeUnixNano":"1544712660300000000",
                 "severityNumber":10,"severityText":"Information","traceId":"5B8EFFF798038103D269B633813FC60C",
                 "spanId":"EEE19B7EC3C1B174","body":{"stringValue":"Example log record"},
                 "attributes":[{"key":"string.attribute","value":{"stringValue":"some string"}},
                  {"key":"boolean.attribute","value":{"boolValue":true}},
                  {"key":"int.attribute","value":{"intValue":"10"}},
                  {"key":"double.attribute","value":{"doubleValue":637.704}},
                  {"key":"array.attribute","value":{"arrayValue":{"values":[{"stringValue":"many"},{"stringValue":"values"}]}}},
                  {"key":"map.attribute","value":{"kvlistValue":{"values":[{"key":"some.map.key","value":{"stringValue":"some value"}}]}}}]}"""), TestTokens.WRITER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().has("partialSuccess")).isFalse();
        JsonNode log = logs().get(0);
        assertThat(log.get("message").asString()).isEqualTo("Example log record");
        assertThat(log.get("severity").asString()).isEqualTo("INFO");
        assertThat(log.get("timestamp").asString()).isEqualTo("2018-12-13T14:51:00.300000Z");
        assertThat(log.get("trace_id").asString()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(log.get("span_id").asString()).isEqualTo("eee19b7ec3c1b174");
        assertThat(log.get("attributes")).isEqualTo(Api.json("""
                {"otel.scope.name":"my.library","otel.scope.version":"1.0.0",
                 "my.scope.attribute":"some scope attribute","string.attribute":"some string",
                 "boolean.attribute":true,"int.attribute":10,"double.attribute":637.704,
                 "array.attribute":["many","values"],"map.attribute":{"some.map.key":"some value"},
                 "severity_text":"Information"}"""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"severityNumber\":1 | TRACE",
                "\"severityNumber\":8 | DEBUG",
                "\"severityNumber\":\"SEVERITY_NUMBER_WARN\" | WARNING",
                "\"severity_number\":17 | ERROR",
                "\"severityNumber\":24 | CRITICAL",
                "\"severityText\":\"fatal\" | CRITICAL",
                "\"severityText\":\"chatty\" | INFO",
                "\"severityNumber\":0 | INFO"
            })
    void severityComesFromTheOtelNumberElseTheText(String severity, String expected) {
        Api.Reply reply = postJson(otlpJson("{" + severity + ",\"body\":{\"stringValue\":\"m\"}}"), TestTokens.WRITER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(logs().get(0).get("severity").asString()).isEqualTo(expected);
    }

    @Test
    void structuredBodyIsTheMessageAsJsonText() {
        postJson(
                otlpJson("{\"body\":{\"kvlistValue\":{\"values\":[{\"key\":\"event\",\"value\":{\"stringValue\":"
                        + "\"login\"}},{\"key\":\"ok\",\"value\":{\"boolValue\":false}}]}}}"),
                TestTokens.WRITER);

        assertThat(logs().get(0).get("message").asString()).isEqualTo("{\"event\":\"login\",\"ok\":false}");
    }

    @Test
    void recordsThatFailAreCountedAsPartialSuccessAndTheRestStored() {
        Api.Reply reply = postJson(
                otlpJson("{\"body\":{\"stringValue\":\"kept\"}},{\"severityNumber\":9},"
                        + "{\"timeUnixNano\":\"9999999999000000000\",\"body\":{\"stringValue\":\"far future\"}}"),
                TestTokens.WRITER);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode partial = reply.json().get("partialSuccess");
        assertThat(partial.get("rejectedLogRecords").asString()).isEqualTo("2");
        assertThat(partial.get("errorMessage").asString())
                .contains("log record 1")
                .contains("message");
        assertThat(logs()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all",
                "[1,2,3]",
                "{\"resourceLogs\":\"nope\"}",
                "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"traceId\":\"xyz\"}]}]}]}"
            })
    void malformedJsonIs400NeverA500(String body) {
        Api.Reply reply = postJson(body, TestTokens.WRITER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).isNotBlank();
    }

    @Test
    void protobufIsAnsweredInProtobuf() throws Exception {
        Api.Reply reply = postProtobuf(request(service, "hello from protobuf"), TestTokens.WRITER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/x-protobuf");
        assertThat(ExportLogsServiceResponse.parseFrom(reply.body().getBytes(StandardCharsets.ISO_8859_1))
                        .hasPartialSuccess())
                .isFalse();
        assertThat(logs().get(0).get("message").asString()).isEqualTo("hello from protobuf");
    }

    @Test
    void protobufGarbageIs400() {
        Api.Reply reply = api.request("POST", "/v1/logs")
                .token(TestTokens.WRITER)
                .header("Content-Type", "application/x-protobuf")
                .body(new byte[] {(byte) 0x0a, (byte) 0xff, 0x01, 0x02})
                .send();

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void otherContentTypeIs415() {
        Api.Reply reply = api.post("/v1/logs", "hello")
                .token(TestTokens.WRITER)
                .header("Content-Type", "text/plain")
                .send();

        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void boundTokenCannotWriteAnotherServiceButWritesItsOwn() throws Exception {
        Api.Reply other = postProtobuf(request(service, "not mine"), TestTokens.REPORTS);
        Api.Reply own = postProtobuf(request(null, "mine " + service), TestTokens.REPORTS);

        assertThat(other.status()).isEqualTo(200);
        ExportLogsServiceResponse answer =
                ExportLogsServiceResponse.parseFrom(other.body().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
        assertThat(answer.getPartialSuccess().getErrorMessage()).contains("service mismatch");
        assertThat(logs()).isEmpty();
        assertThat(own.status()).isEqualTo(200);
        JsonNode reports = api.get("/logs?service=reports&q=" + service)
                .token(TestTokens.ADMIN)
                .send()
                .json();
        assertThat(reports).hasSize(1);
    }

    @Test
    void readerTokenIsRefusedAndNoTokenIs401() {
        assertThat(postJson(otlpJson(""), TestTokens.READER).status()).isEqualTo(403);
        assertThat(api.post("/v1/logs", otlpJson("")).json().send().status()).isEqualTo(401);
    }

    private static ExportLogsServiceRequest request(String service, String message) {
        Resource.Builder resource = Resource.newBuilder();
        if (service != null) {
            resource.addAttributes(KeyValue.newBuilder()
                    .setKey("service.name")
                    .setValue(AnyValue.newBuilder().setStringValue(service)));
        }
        LogRecord record = LogRecord.newBuilder()
                .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
                .setTraceId(ByteString.copyFrom(new byte[16]))
                .setBody(AnyValue.newBuilder().setStringValue(message))
                .build();
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(ResourceLogs.newBuilder()
                        .setResource(resource)
                        .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record)))
                .build();
    }
}
