package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.storage.LogQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
                long id = random.nextInt(1 << LogBlocks.BITS);
                BlockFilters.Builder filters = new BlockFilters.Builder();
                filters.add(id, null, null, json);
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
                    int granule = (int) (id >> BlockFilters.GRANULE_BITS);
                    for (List<BlockFilters.Probe> condition : probes) {
                        assertThat(condition.stream()
                                        .anyMatch(probe ->
                                                (BlockFilters.granules(filters.row(probe.segment()), probe.mask())
                                                                & (1 << granule))
                                                        != 0))
                                .as("seed %d: attr.%s=%s in %s", seed, path, value, json)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aValueNotAddedIsRarelyInTheFilter() {
        BlockFilters.Builder filters = new BlockFilters.Builder();
        for (int id = 0; id < 4096; id++) {
            filters.add(id, "req-" + id, "trace-" + id, "{\"user_id\":\"user" + id + "\",\"n\":" + id + "}");
        }
        int granulesHit = 0;
        for (int i = 0; i < 1000; i++) {
            for (List<BlockFilters.Probe> condition : BlockFilters.probes(query(Map.of("user_id", "someone-" + i)))) {
                for (BlockFilters.Probe probe : condition) {
                    granulesHit += Integer.bitCount(BlockFilters.granules(filters.row(probe.segment()), probe.mask()));
                }
            }
        }
        // 1000 lookups of 2 values over 16 granules of 1,024 values each: a few percent at most.
        assertThat(granulesHit).isLessThan(1000 * 2 * 16 / 50);
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
            case 8 -> "ünïcödé \"quoted\" \\ back";
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

    private static LogQuery query(Map<String, String> attributes) {
        return new LogQuery(null, null, null, null, null, null, null, null, null, attributes, null, false, 100, 0);
    }
}
