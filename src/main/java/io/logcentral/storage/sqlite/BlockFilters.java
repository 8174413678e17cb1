package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Per-block Bloom filters of the values a log is looked up by without a time range: its request id, its trace id and
 * each attribute's path and value (ClickHouse's token Bloom skip index, VictoriaLogs' per-block filters). Each block of
 * 4096 ids has one filter for each of its 16 granules of 256 ids; a lookup reads only the granules whose filter may
 * hold every value asked for, so it reads some logs it did not need (false positives), never misses one.
 *
 * <p>The filters are blocked Bloom filters: a value sets {@link #BITS_PER_VALUE} bits within one 64-bit word out of
 * {@link #SEGMENTS}, the same word in every granule's filter. So the table {@code log_filters} keeps a row per
 * (segment, block) holding that word of the block's 16 granules, and a lookup reads one row a block for each value:
 * about 2,500 rows of 128 bytes at 10 million logs.
 */
final class BlockFilters {

    static final int SEGMENTS = 512;
    static final int GRANULE_BITS = 8;
    static final int GRANULES = 1 << (LogBlocks.BITS - GRANULE_BITS);
    /** Every granule of a block: what a block without filters may hold. */
    static final int ALL_GRANULES = (1 << GRANULES) - 1;

    private static final int BITS_PER_VALUE = 6;
    private static final JsonFactory JSON = new JsonFactory();

    /** Where a value sets its bits: one segment, a mask of bits within each granule's word of it. */
    record Probe(int segment, long mask) {

        static Probe of(String value) {
            long h = hash(value);
            long mask = 0;
            for (int i = 0; i < BITS_PER_VALUE; i++) {
                mask |= 1L << ((h >>> (6 * i)) & 63);
            }
            return new Probe((int) (h >>> 55), mask);
        }
    }

    /**
     * What a query asks for that the filters know: each inner list holds the values one of the query's conditions may
     * match as (any of them); a log must match every condition. Empty when the filters cannot narrow the query.
     */
    static List<List<Probe>> probes(LogQuery query) {
        List<List<Probe>> probes = new ArrayList<>();
        if (query.requestId() != null) {
            probes.add(List.of(Probe.of(requestId(query.requestId()))));
        }
        if (query.traceId() != null) {
            probes.add(List.of(Probe.of(traceId(query.traceId()))));
        }
        for (Map.Entry<String, String> attribute : query.attributes().entrySet()) {
            // A path SQLite's JSON path syntax could read another way is left to the scan.
            if (attribute.getKey().chars().noneMatch(c -> c == '"' || c == '\\' || c < ' ')) {
                probes.add(List.of(
                        Probe.of(attribute(attribute.getKey(), attribute.getValue())),
                        Probe.of(anyValue(attribute.getKey()))));
            }
        }
        return probes;
    }

    /**
     * For each block that has filters, the granules that may hold a log matching every condition ({@link #probes});
     * blocks without filters yet (the newest, or a store's old blocks until they are filled in) are left out, and
     * must be read whole.
     */
    static Map<Long, Integer> candidates(JdbcClient jdbc, List<List<Probe>> conditions) {
        Map<Long, Integer> all = null;
        for (List<Probe> condition : conditions) {
            Map<Long, Integer> any = new HashMap<>();
            for (Probe probe : condition) {
                jdbc.sql("SELECT block, bits FROM log_filters WHERE segment = ?")
                        .param(probe.segment())
                        .query(rs -> {
                            any.merge(rs.getLong(1), granules(rs.getBytes(2), probe.mask()), (a, b) -> a | b);
                        });
            }
            if (all == null) {
                all = any;
            } else {
                all.keySet().retainAll(any.keySet());
                all.replaceAll((block, granules) -> granules & any.get(block));
            }
        }
        return all == null ? Map.of() : all;
    }

    /** The filter words of one block being built: granule-major, {@link #SEGMENTS} words a granule. */
    static final class Builder {

        private final long[] words = new long[GRANULES * SEGMENTS];

        void add(long id, String requestId, String traceId, String attributesJson) {
            int granule = (int) (id >> GRANULE_BITS) & (GRANULES - 1);
            if (requestId != null) {
                set(granule, requestId(requestId));
            }
            if (traceId != null) {
                set(granule, traceId(traceId));
            }
            if (attributesJson != null) {
                attributes(granule, attributesJson);
            }
        }

        private void set(int granule, String value) {
            Probe probe = Probe.of(value);
            words[granule * SEGMENTS + probe.segment()] |= probe.mask();
        }

        /** The row of {@code segment}: that word of each granule, little-endian. */
        byte[] row(int segment) {
            ByteBuffer row = ByteBuffer.allocate(GRANULES * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int g = 0; g < GRANULES; g++) {
                row.putLong(words[g * SEGMENTS + segment]);
            }
            return row.array();
        }

        void clear() {
            java.util.Arrays.fill(words, 0);
        }

        /**
         * Each leaf of the attributes under its dotted path, as {@code CAST(json_extract(attributes, path) AS TEXT)}
         * reads it: strings as they are, whole numbers in decimal, true and false as 1 and 0. Any other value (a
         * fraction, a huge number, an object, an array) is marked as "any value" at its path, so a lookup of that path
         * reads the granule whatever value it asks for.
         */
        private void attributes(int granule, String json) {
            List<String> path = new ArrayList<>();
            try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    switch (token) {
                        case PROPERTY_NAME -> path.add(parser.currentName());
                        case END_OBJECT -> {
                            if (path.isEmpty()) {
                                return;
                            }
                            path.remove(path.size() - 1);
                        }
                        case START_OBJECT -> set(granule, anyValue(String.join(".", path)));
                        case START_ARRAY -> {
                            set(granule, anyValue(String.join(".", path)));
                            parser.skipChildren();
                            leave(path);
                        }
                        case VALUE_STRING -> leaf(granule, path, parser.getString());
                        case VALUE_NUMBER_INT -> {
                            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                                set(granule, anyValue(String.join(".", path)));
                                leave(path);
                            } else {
                                leaf(granule, path, Long.toString(parser.getLongValue()));
                            }
                        }
                        case VALUE_TRUE -> leaf(granule, path, "1");
                        case VALUE_FALSE -> leaf(granule, path, "0");
                        case VALUE_NULL -> leave(path);
                        default -> {
                            set(granule, anyValue(String.join(".", path)));
                            leave(path);
                        }
                    }
                }
            } catch (JacksonException e) {
                // Stored attributes were written by the server as JSON; text that is not cannot be matched by path.
            }
        }

        private void leaf(int granule, List<String> path, String value) {
            set(granule, attribute(String.join(".", path), value));
            leave(path);
        }

        private static void leave(List<String> path) {
            path.remove(path.size() - 1);
        }
    }

    /** The granules of one block that may hold a match, as a bit set (bit g: ids (block << 12) + g * 256 ..). */
    static int granules(byte[] row, long mask) {
        ByteBuffer words = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
        int granules = 0;
        for (int g = 0; g < GRANULES; g++) {
            if ((words.getLong(g * Long.BYTES) & mask) == mask) {
                granules |= 1 << g;
            }
        }
        return granules;
    }

    private static String requestId(String id) {
        return "r\0" + id;
    }

    private static String traceId(String id) {
        return "t\0" + id;
    }

    private static String attribute(String path, String value) {
        return "a\0" + path + "\0" + value;
    }

    private static String anyValue(String path) {
        return "a\0" + path + "\0\0*";
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's finaliser, so every bit of the 64 depends on every byte. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
