package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.Words;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BlockFiltersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] KEYS = {"a", "b", "user_id", "a.b", "x y", "é", "", "Status", "0"};

    private final long seed = Long.getLong("filters.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void everyAttributeValueSqliteFindsByPathIsInTheFilterOfItsGranule() throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement extract = sqlite.prepareStatement("SELECT CAST(json_extract(?, ?) AS TEXT)")) {
            for (int i = 0; i < 3000; i++) {
                Map<String, Object> attributes = object(0);
                String json = JSON.writeValueAsString(attributes);
                long block = random.nextInt(1 << 20);
                long id = (block << LogBlocks.BITS) + random.nextInt(1 << LogBlocks.BITS);
                BlockFilters.Builder filters = new BlockFilters.Builder();
                filters.add(id, null, null, null, json);
                List<String> paths = new ArrayList<>();
                paths(attributes, "", paths);
                for (String path : paths) {
                    extract.setString(1, json);
                    extract.setString(2, LogSearchSql.jsonPath(path));
                    String value;
                    try (ResultSet row = extract.executeQuery()) {
                        row.next();
                        value = row.getString(1);
                    }
                    if (value == null) {
                        continue;
                    }
                    List<List<BlockFilters.Probe>> probes = BlockFilters.probes(query(Map.of(path, value)));
                    int granule = (int) (id >> BlockFilters.GRANULE_BITS) & (BlockFilters.GRANULES - 1);
                    for (List<BlockFilters.Probe> condition : probes) {
                        assertThat(condition.stream()
                                        .anyMatch(probe -> (granules(filters, probe, block) & (1 << granule)) != 0))
                                .as("seed %d: attr.%s=%s in %s", seed, path, value, json)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aValueIsHashedOverItsUtf8BytesAsFiltersAlreadyWrittenWere() {
        char[] alphabet = {'a', 'é', '東', '\ud83d', '\ude00', '.', '\0'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            long h = 0xcbf29ce484222325L;
            for (byte b : value.toString().getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            assertThat(BlockFilters.fnv(0xcbf29ce484222325L, value))
                    .as("seed %d: %s", seed, value)
                    .isEqualTo(h);
        }
    }

    @Test
    void aValueNotAddedIsRarelyInTheFilter() {
        BlockFilters.Builder filters = new BlockFilters.Builder();
        for (int id = 0; id < 4096; id++) {
            filters.add(id, null, "req-" + id, "trace-" + id, "{\"user_id\":\"user" + id + "\",\"n\":" + id + "}");
        }
        int granulesHit = 0;
        for (int i = 0; i < 1000; i++) {
            for (List<BlockFilters.Probe> condition : BlockFilters.probes(query(Map.of("user_id", "someone-" + i)))) {
                for (BlockFilters.Probe probe : condition) {
                    granulesHit += Integer.bitCount(granules(filters, probe, 0));
                }
            }
        }
        // 1000 lookups of 2 values over 16 granules of 1,024 values each: a few percent at most.
        assertThat(granulesHit).isLessThan(1000 * 2 * 16 / 50);
    }

    @Test
    void everyWordPhraseAndPrefixAMessageMatchesIsInTheFilterOfItsGranule() {
        for (int i = 0; i < 2000; i++) {
            String message = message();
            long block = random.nextInt(1 << 20);
            long id = (block << LogBlocks.BITS) + random.nextInt(1 << LogBlocks.BITS);
            BlockFilters.Builder filters = new BlockFilters.Builder();
            filters.add(id, message, null, null, null);
            List<String> words = Words.of(message);
            if (words.isEmpty()) {
                continue;
            }
            int from = random.nextInt(words.size());
            int to = from + 1 + random.nextInt(Math.min(3, words.size() - from));
            String phrase = String.join(" ", words.subList(from, to));
            String last = words.get(to - 1);
            String prefixed = "\"" + String.join(" ", words.subList(from, to - 1)) + " "
                    + last.substring(0, 1 + random.nextInt(last.length())) + "\"*";
            String word = words.get(from);
            // Uppercase where it folds back to the word (not ß, which becomes SS).
            String shouted = Words.of(word.toUpperCase(Locale.ROOT)).equals(List.of(word))
                    ? word.toUpperCase(Locale.ROOT)
                    : word;
            for (String q : List.of(shouted, "\"" + phrase + "\"", prefixed)) {
                assertThat(MessageMatcher.of(q).matches(message))
                        .as("seed %d: %s matches %s", seed, q, message)
                        .isTrue();
                int granule = (int) (id >> BlockFilters.GRANULE_BITS) & (BlockFilters.GRANULES - 1);
                for (List<BlockFilters.Probe> condition : BlockFilters.probes(text(q))) {
                    assertThat(condition.stream()
                                    .anyMatch(probe -> (granules(filters, probe, block) & (1 << granule)) != 0))
                            .as("seed %d: q=%s in %s", seed, q, message)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void aWordThatIsNowhereIsRarelyInTheFiltersOfABlockOfVariedMessages() {
        BlockFilters.Builder filters = new BlockFilters.Builder();
        for (int id = 0; id < 4096; id++) {
            filters.add(id, message() + " order " + id + " took " + random.nextInt(100_000) + "ms", null, null, null);
        }
        int granulesHit = 0;
        for (int i = 0; i < 1000; i++) {
            for (List<BlockFilters.Probe> condition : BlockFilters.probes(text("absent" + i))) {
                for (BlockFilters.Probe probe : condition) {
                    granulesHit += Integer.bitCount(granules(filters, probe, 0));
                }
            }
        }
        // About 1,100 distinct words and prefixes a granule: under 2 % of granules may say "maybe".
        assertThat(granulesHit).isLessThan(1000 * 16 / 50);
    }

    @Test
    void aWordMissingFromLogsThatAllShareTheirWordsIsInFewOfTheirGranulesNotAllOrNone() {
        // One message in every granule of 8 blocks, as when every log comes from one template: a filter that set the
        // same bits in each granule would say "maybe" for an absent word in all of them or in none.
        Set<String> template = new HashSet<>();
        while (template.size() < 400) {
            template.add(letters(5 + random.nextInt(5)));
        }
        String message = String.join(" ", template);
        int blocks = 8;
        List<long[]> filters = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            BlockFilters.Builder builder = new BlockFilters.Builder();
            for (int granule = 0; granule < BlockFilters.GRANULES; granule++) {
                builder.add(
                        ((long) block << LogBlocks.BITS) + ((long) granule << BlockFilters.GRANULE_BITS),
                        message,
                        null,
                        null,
                        null);
            }
            filters.add(builder.words());
        }
        int mostHit = 0;
        for (int i = 0; i < 30_000; i++) {
            String absent = letters(10);
            int hit = 0;
            for (BlockFilters.Probe probe : BlockFilters.probes(text(absent)).get(0)) {
                for (int block = 0; block < blocks; block++) {
                    hit += Integer.bitCount(BlockFilters.granules(filters.get(block), probe, block));
                }
            }
            mostHit = Math.max(mostHit, hit);
        }
        assertThat(mostHit).as("seed %d", seed).isLessThan(blocks * BlockFilters.GRANULES / 4);
    }

    private String letters(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void aPrefixShorterThanThreeCharactersAndExcludedWordsAskTheFiltersNothing() {
        assertThat(BlockFilters.probes(text("ab* -timeout \"->\""))).isEmpty();
        assertThat(BlockFilters.probes(text("abc* timeout"))).hasSize(2);
    }

    /** Words of a small vocabulary, numbers, unicode and punctuation, as log lines hold them. */
    private String message() {
        String[] vocabulary = {
            "GET",
            "/api/orders",
            "timeout",
            "Café",
            "naïve",
            "user=alice",
            "ß",
            "ДБ",
            "東京",
            "x-request-id:",
            "->",
            "50%",
            "retry",
            "Connection",
            "reset",
            "by",
            "peer",
            "ÉCHEC",
            "db-1"
        };
        StringBuilder message = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            message.append(
                    random.nextInt(5) == 0
                            ? Integer.toString(random.nextInt(100_000))
                            : vocabulary[random.nextInt(vocabulary.length)]);
            message.append(random.nextInt(4) == 0 ? ", " : " ");
        }
        return message.toString();
    }

    private static LogQuery text(String q) {
        return new LogQuery(null, null, null, null, null, null, q, null, null, Map.of(), null, false, 100, 0);
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            object.put(KEYS[random.nextInt(KEYS.length)], value(depth));
        }
        return object;
    }

    private Object value(int depth) {
        return switch (random.nextInt(depth < 3 ? 12 : 10)) {
            case 0 -> "user" + random.nextInt(100);
            case 1 -> "";
            case 2 -> random.nextInt(2000) - 1000;
            case 3 -> random.nextLong();
            case 4 -> new java.math.BigInteger("123456789012345678901234567890");
            case 5 -> random.nextInt(4) / 2.0;
            case 6 -> random.nextBoolean();
            case 7 -> null;
            case 8 -> "ünïcödé 東京 😀 \"quoted\" \\ back";
            case 9 -> List.of(1, "two");
            default -> object(depth + 1);
        };
    }

    @SuppressWarnings("unchecked")
    private static void paths(Map<String, Object> object, String prefix, List<String> paths) {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String path = prefix + entry.getKey();
            paths.add(path);
            if (entry.getValue() instanceof Map<?, ?> inner) {
                paths((Map<String, Object>) inner, path + ".", paths);
            }
        }
    }

    /** The granules a probe picks, as a reader sees them in the table's row and in memory: the two must agree. */
    private static int granules(BlockFilters.Builder filters, BlockFilters.Probe probe, long block) {
        int fromRow = BlockFilters.granules(BlockFilters.row(filters.words(), probe.segment()), probe, block);
        assertThat(BlockFilters.granules(filters.words(), probe, block)).isEqualTo(fromRow);
        return fromRow;
    }

    private static LogQuery query(Map<String, String> attributes) {
        return new LogQuery(null, null, null, null, null, null, null, null, null, attributes, null, false, 100, 0);
    }
}
