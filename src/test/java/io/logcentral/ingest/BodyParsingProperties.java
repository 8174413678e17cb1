package io.logcentral.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a client sends, the parsers and the normaliser answer with items, item errors or one of the named refusals
 * (400, 413, 415): never another exception, which would be a 500 for something the client sent.
 */
class BodyParsingProperties {

    private static final TokenPrincipal FREE = new TokenPrincipal("ci", null, Set.of(Scope.INGEST), 201);
    private static final TokenPrincipal REPORTS = new TokenPrincipal("reports", "reports", Set.of(Scope.INGEST), 201);
    private static final Instant NOW = Instant.parse("2024-11-08T15:00:00Z");
    private static final int MAX_DEPTH = 64;
    private static final int MAX_BATCH = 50;
    private static final int MAX_MESSAGE = 256;

    private final JsonMapper json = IngestJsonConfiguration.mapper(MAX_DEPTH);
    private final RequestItems items = new RequestItems(json, MAX_BATCH);
    private final LogNormalizer normalizer = new LogNormalizer(json, MAX_MESSAGE, java.time.Duration.ofDays(1));

    @Property(tries = 500)
    void anyBytesUnderAnyContentTypeGiveItemsOrANamedRefusal(
            @ForAll("bytes") byte[] body, @ForAll("contentTypes") String contentType) {
        assertNamedOutcome(body, contentType);
    }

    @Property(tries = 500)
    void anyJsonDocumentGivesItemsOrANamedRefusal(
            @ForAll("documents") String document, @ForAll("jsonTypes") String contentType) {
        assertNamedOutcome(document.getBytes(StandardCharsets.UTF_8), contentType);
    }

    @Property(tries = 300)
    void anyLinesGiveItemsOrANamedRefusal(@ForAll("lines") List<String> lines, @ForAll("lineTypes") String type) {
        assertNamedOutcome(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), type);
    }

    @Property(tries = 300)
    void anyFormRecordGivesAnItemOrANamedRefusal(@ForAll("formRecords") String record) {
        assertNamedOutcome(record.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    @Property(tries = 200)
    void anyJsonWithInvalidUtf8GivesItemsOrANamedRefusal(
            @ForAll("documents") String document, @ForAll("invalidUtf8") byte[] garbage, @ForAll int position) {
        byte[] text = document.getBytes(StandardCharsets.UTF_8);
        int at = Math.floorMod(position, text.length + 1);
        byte[] body = new byte[text.length + garbage.length];
        System.arraycopy(text, 0, body, 0, at);
        System.arraycopy(garbage, 0, body, at, garbage.length);
        System.arraycopy(text, at, body, at + garbage.length, text.length - at);
        assertNamedOutcome(body, "application/json");
        assertNamedOutcome(body, "application/x-ndjson");
        assertNamedOutcome(body, "text/plain");
    }

    @Property(tries = 300)
    void anyObjectNormalisesToALogOrOneItemError(
            @ForAll("objects") String object, @ForAll boolean bound, @ForAll boolean defaultService) {
        TokenPrincipal principal = bound ? REPORTS : FREE;
        LogNormalizer.Result result;
        try {
            result = normalizer.normalize(
                    0, (ObjectNode) json.readTree(object), principal, defaultService ? "reports" : null, NOW);
        } catch (JacksonException | NumberFormatException unreadable) {
            return;
        }
        assertThat(result.log() == null).isNotEqualTo(result.error() == null);
        if (result.log() != null) {
            assertThat(result.log().message()).isNotBlank();
            assertThat(json.readTree(result.log().attributesJson()).isObject()).isTrue();
        }
    }

    /** Every item is normalised as ingest would; the errors each item gets stay short whatever it sent. */
    private void assertNamedOutcome(byte[] body, String contentType) {
        List<ItemError> errors = new ArrayList<>();
        try {
            items.read(body, contentType, new RequestItems.Text(null, true), item -> {
                ItemError error = item.error() != null
                        ? item.error()
                        : normalizer
                                .normalize(item.index(), item.log(), FREE, null, NOW)
                                .error();
                if (error != null) {
                    errors.add(error);
                }
            });
        } catch (InvalidLogDataException | PayloadTooLargeException | UnsupportedBodyException refused) {
            return;
        }
        assertThat(errors).allSatisfy(error -> assertThat(error.error()).hasSizeLessThan(400));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of((byte) 0x80, (byte) 0xC0, (byte) 0xFF, (byte) 0xED, (byte) 0xF8, (byte) 0x00)
                .array(byte[].class)
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "application/json",
                        "application/x-ndjson",
                        "application/jsonl",
                        "text/plain",
                        "text/plain; charset=nonsense",
                        "application/x-www-form-urlencoded",
                        "application/vnd.x+json",
                        "*/*",
                        "",
                        "image/png",
                        "application/json; charset=\"",
                        ";;;"),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> jsonTypes() {
        return Arbitraries.of(
                "application/json", "application/x-ndjson", "text/plain", "application/x-www-form-urlencoded");
    }

    @Provide
    Arbitrary<String> lineTypes() {
        return Arbitraries.of("text/plain", "application/x-ndjson");
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "2024-11-08",
                        "14:23:30,123",
                        "2024-11-08T14:23:30.1234+99:99",
                        "9999-12-31T23:59:59Z",
                        "0000-00-00",
                        "[ERROR]",
                        "WARN:",
                        "99999999999999999999",
                        "1e999999999",
                        "{",
                        "{\"level\":",
                        "\u0000",
                        "\uD800"));
        return word.list()
                .ofMaxSize(6)
                .map(words -> String.join(" ", words))
                .list()
                .ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> formRecords() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("name", "levelname", "msg", "created", "levelno", "msecs", "args"),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("%", "%zz", "%FF%FE", "None", "1e400", "-1", "ERROR", "1731075810.123"));
        return Combinators.combine(key, value)
                .as((k, v) -> k + "=" + v)
                .list()
                .ofMaxSize(8)
                .map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> objects() {
        return JsonTrees.object(JsonTrees.value(3));
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> log = JsonTrees.object(JsonTrees.value(4));
        return Arbitraries.oneOf(
                log,
                log.list().ofMaxSize(5).map(logs -> "[" + String.join(",", logs) + "]"),
                log.list().ofMaxSize(5).map(logs -> "{\"logs\":[" + String.join(",", logs) + "]}"),
                log.list().ofMaxSize(5).map(logs -> String.join("\n", logs)),
                JsonTrees.value(3),
                JsonTrees.deep());
    }
}
