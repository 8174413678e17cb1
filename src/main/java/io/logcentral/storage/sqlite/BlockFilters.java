package io.logcentral.storage.sqlite;

import io.logcentral.storage.LogQuery;
import io.logcentral.storage.MessageMatcher;
import io.logcentral.storage.Words;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Per-block Bloom filters of the values a log is looked up by: the words of its message (and the first three letters of
 * each, for prefix searches), its request id, its trace id and each attribute's path and value (ClickHouse's token
 * Bloom skip index, VictoriaLogs' per-block filters). Each block of
 * 4096 ids has one filter for each of its 16 granules of 256 ids; a lookup reads only the granules whose filter may
 * hold every value asked for, so it reads some logs it did not need (false positives), never misses one.
 *
 * <p>The filters are blocked Bloom filters: a value sets {@link #BITS_PER_VALUE} bits within one 64-bit word out of
 * {@link #SEGMENTS}, the same word in every granule's filter. So the table {@code log_filters} keeps a row per
 * (segment, block) holding that word of the block's 16 granules, and a lookup reads one row a block for each value:
 * about 2,500 rows of 128 bytes at 10 million logs. Which bits of the word a value sets is drawn anew for each granule
 * (salted by the granule's number): the words of a message template are in nearly every granule, and with the same
 * bits everywhere a rare word whose bits they happened to cover was "maybe" in nearly every granule (one such word at
 * 10 M logs: 1,009 granules read for its 83 logs).
 */
final class BlockFilters {

    private static final int SEGMENT_BITS = 9;
    /**
     * Words and prefixes set their bits in segments of their own, after those of ids and attributes: a block's words
     * far outnumber its ids, and sharing the segments would make a lookup by id read more granules for nothing.
     */
    static final int SEGMENTS = 2 << SEGMENT_BITS;

    /** The bit of a value's hash that marks a word or prefix (the segment is read from bits 55-63). */
    private static final long WORD_BIT = 1L << 54;

    static final int GRANULE_BITS = 8;
    static final int GRANULES = 1 << (LogBlocks.BITS - GRANULE_BITS);
    /** Every granule of a block: what a block without filters may hold. */
    static final int ALL_GRANULES = (1 << GRANULES) - 1;

    private static final int BITS_PER_VALUE = 6;
    /** A prefix search ({@code word*}) is narrowed by the filters when it gives at least this many characters. */
    static final int PREFIX = 3;

    private static final long WORD_SEED = 0x9e3779b97f4a7c15L;
    private static final long PREFIX_SEED = 0xc2b2ae3d27d4eb4fL;
    private static final long GRANULE_SALT = 0xd6e8feb86659fd93L;
    private static final JsonFactory JSON = new JsonFactory();
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** What an attribute's hashed text is made of: {@code a\0<path>\0<value>}, or {@code a\0<path>\0\0*}. */
    private static final String ATTRIBUTE = "a\0";

    private static final String VALUE = "\0";
    private static final String ANY_VALUE = "\0\0*";

    /** Where a value sets its bits: one segment, and in each granule's word of it the bits {@link #mask} draws. */
    record Probe(long valueHash, int segment) {

        static Probe of(String value) {
            return ofHash(hash(value));
        }

        /** A word of a message, as {@link Words} cuts and folds it. */
        static Probe word(String word) {
            return ofHash(hash(word.toCharArray(), 0, word.length(), WORD_SEED));
        }

        /** The first {@link #PREFIX} characters of a word at least that long. */
        static Probe prefix(String word) {
            return ofHash(hash(word.toCharArray(), 0, PREFIX, PREFIX_SEED));
        }

        private static Probe ofHash(long h) {
            return new Probe(h, segmentOf(h));
        }

        /** The bits this value sets in the word of granule {@code granule} (a log's id shifted by GRANULE_BITS). */
        long mask(long granule) {
            return maskOf(valueHash, granule);
        }
    }

    private static int segmentOf(long h) {
        return (int) (h >>> (64 - SEGMENT_BITS)) + ((h & WORD_BIT) != 0 ? 1 << SEGMENT_BITS : 0);
    }

    private static long maskOf(long h, long granule) {
        long salted = finish(h ^ granule * GRANULE_SALT);
        long mask = 0;
        for (int i = 0; i < BITS_PER_VALUE; i++) {
            mask |= 1L << ((salted >>> (6 * i)) & 63);
        }
        return mask;
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
        if (query.text() != null) {
            words(MessageMatcher.of(query.text()), probes);
        }
        return probes;
    }

    /**
     * The words every match must hold: those of each required phrase, and the first letters of a prefix at its end.
     * Excluded words and substrings are not in the filters; the check of each log read sees to them.
     */
    private static void words(MessageMatcher matcher, List<List<Probe>> probes) {
        for (MessageMatcher.Phrase phrase : matcher.required()) {
            List<String> words = phrase.words();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!(phrase.prefix() && i == words.size() - 1)) {
                    probes.add(List.of(Probe.word(word)));
                } else if (word.length() >= PREFIX) {
                    probes.add(List.of(Probe.prefix(word)));
                }
            }
        }
    }

    /**
     * For each block that has filters, in the table or still in memory ({@link UnwrittenFilters}), the granules that
     * may hold a log matching every condition ({@link #probes}); blocks without filters yet (the newest, or a store's
     * old blocks until they are filled in) are left out, and must be read whole. So is a block that has rows for only
     * some of a condition's probes (its filter write was cut short, {@code SqliteLogWriter#writing}): the rows it has
     * would narrow it to the granules of those probes alone.
     */
    static Map<Long, Integer> candidates(JdbcClient jdbc, List<List<Probe>> conditions, Map<Long, long[]> unwritten) {
        Map<Long, Integer> all = null;
        for (List<Probe> condition : conditions) {
            Map<Long, Integer> any = new HashMap<>();
            Map<Long, Integer> probesFound = new HashMap<>();
            for (int i = 0; i < condition.size(); i++) {
                Probe probe = condition.get(i);
                int found = 1 << i;
                jdbc.sql("SELECT block, bits FROM log_filters WHERE segment = ?")
                        .param(probe.segment())
                        .query(rs -> {
                            long block = rs.getLong(1);
                            any.merge(block, granules(rs.getBytes(2), probe, block), (a, b) -> a | b);
                            probesFound.merge(block, found, (a, b) -> a | b);
                        });
                unwritten.forEach((block, words) -> {
                    any.merge(block, granules(words, probe, block), (a, b) -> a | b);
                    probesFound.merge(block, found, (a, b) -> a | b);
                });
            }
            int everyProbe = (1 << condition.size()) - 1;
            any.keySet().removeIf(block -> probesFound.get(block) != everyProbe);
            if (all == null) {
                all = any;
            } else {
                all.keySet().retainAll(any.keySet());
                all.replaceAll((block, granules) -> granules & any.get(block));
            }
        }
        return all == null ? Map.of() : all;
    }

    /**
     * The hashes of everything one log is looked up by, worked out apart from the block it goes into: the writer has
     * them computed on another thread while SQLite inserts the batch.
     */
    static long[] values(String message, String requestId, String traceId, String attributesJson) {
        Values values = new Values();
        if (message != null) {
            Words.each(message, (chars, start, end) -> {
                values.add(hash(chars, start, end, WORD_SEED));
                if (end - start >= PREFIX) {
                    values.add(hash(chars, start, start + PREFIX, PREFIX_SEED));
                }
            });
        }
        if (requestId != null) {
            values.add(hash(requestId(requestId)));
        }
        if (traceId != null) {
            values.add(hash(traceId(traceId)));
        }
        if (attributesJson != null) {
            values.attributes(attributesJson);
        }
        return values.toArray();
    }

    /**
     * Where the {@link #values} of the log with this id set their bits in its block's filter words: pairs of an index
     * into {@link Builder#words} and the bits. Worked out on the writer's second thread for the ids the batch will get,
     * so the writer's own thread only ORs them in: drawing the bits took it about 0.4 µs a log.
     */
    static long[] marks(long id, long[] values) {
        long granule = id >> GRANULE_BITS;
        int offset = ((int) granule & (GRANULES - 1)) * SEGMENTS;
        long[] marks = new long[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            marks[2 * i] = offset + segmentOf(values[i]);
            marks[2 * i + 1] = maskOf(values[i], granule);
        }
        return marks;
    }

    /** The filter words of one block being built: granule-major, {@link #SEGMENTS} words a granule. */
    static final class Builder {

        private final long[] words = new long[GRANULES * SEGMENTS];

        void add(long id, String message, String requestId, String traceId, String attributesJson) {
            add(id, values(message, requestId, traceId, attributesJson));
        }

        /** Adds the {@link #values} of the log with this id. */
        void add(long id, long[] values) {
            mark(marks(id, values));
        }

        /** Adds one log's {@link #marks}. */
        void mark(long[] marks) {
            for (int i = 0; i < marks.length; i += 2) {
                words[(int) marks[i]] |= marks[i + 1];
            }
        }

        /** A copy of the block's filter words, granule-major. */
        long[] words() {
            return words.clone();
        }

        void clear() {
            Arrays.fill(words, 0);
        }
    }

    /** A growing list of value hashes, and the walk of a log's attributes that adds theirs. */
    private static final class Values {

        private long[] hashes = new long[32];
        private int size;

        void add(long hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }

        long[] toArray() {
            return Arrays.copyOf(hashes, size);
        }

        /**
         * Each leaf of the attributes under its dotted path, as {@code CAST(json_extract(attributes, path) AS TEXT)}
         * reads it: strings as they are, whole numbers in decimal, true and false as 1 and 0. Any other value (a
         * fraction, a huge number, an object, an array) is marked as "any value" at its path, so a lookup of that path
         * reads the granule whatever value it asks for. The path is kept as it grows and shrinks, and each leaf hashed
         * from it where it lies: making a string of each path and value cost half of the writer's second thread.
         */
        void attributes(String json) {
            Path path = new Path();
            try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    switch (token) {
                        case PROPERTY_NAME -> path.enter(parser.currentName());
                        case END_OBJECT -> {
                            if (path.depth() == 0) {
                                return;
                            }
                            path.leave();
                        }
                        case START_OBJECT -> add(path.anyValue());
                        case START_ARRAY -> {
                            add(path.anyValue());
                            parser.skipChildren();
                            path.leave();
                        }
                        case VALUE_STRING -> leaf(path, parser.getString());
                        case VALUE_NUMBER_INT -> {
                            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                                add(path.anyValue());
                                path.leave();
                            } else {
                                leaf(path, Long.toString(parser.getLongValue()));
                            }
                        }
                        case VALUE_TRUE -> leaf(path, "1");
                        case VALUE_FALSE -> leaf(path, "0");
                        case VALUE_NULL -> path.leave();
                        default -> {
                            add(path.anyValue());
                            path.leave();
                        }
                    }
                }
            } catch (JacksonException e) {
                // Stored attributes were written by the server as JSON; text that is not cannot be matched by path.
            }
        }

        private void leaf(Path path, String value) {
            add(path.value(value));
            path.leave();
        }
    }

    /**
     * The dotted path to an attribute being read, and the hashes of {@link #attribute} and {@link #anyValue} at it,
     * equal to {@link #hash(String)} of those strings.
     */
    private static final class Path {

        private final StringBuilder dotted = new StringBuilder();
        private int[] lengths = new int[8];
        private int depth;

        void enter(String key) {
            if (depth == lengths.length) {
                lengths = Arrays.copyOf(lengths, depth * 2);
            }
            lengths[depth] = dotted.length();
            if (depth++ > 0) {
                dotted.append('.');
            }
            dotted.append(key);
        }

        void leave() {
            dotted.setLength(lengths[--depth]);
        }

        int depth() {
            return depth;
        }

        long value(String value) {
            return finish(fnv(fnv(fnv(fnv(FNV_OFFSET, ATTRIBUTE), dotted), VALUE), value)) & ~WORD_BIT;
        }

        long anyValue() {
            return finish(fnv(fnv(fnv(FNV_OFFSET, ATTRIBUTE), dotted), ANY_VALUE)) & ~WORD_BIT;
        }
    }

    /** The row of {@code segment} of a block's filter words ({@link Builder#words}): that word of each granule, little-endian. */
    static byte[] row(long[] words, int segment) {
        ByteBuffer row = ByteBuffer.allocate(GRANULES * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int g = 0; g < GRANULES; g++) {
            row.putLong(words[g * SEGMENTS + segment]);
        }
        return row.array();
    }

    /** The granules of a block that may hold a match, from its filter words ({@link Builder#words}). */
    static int granules(long[] words, Probe probe, long block) {
        int granules = 0;
        for (int g = 0; g < GRANULES; g++) {
            long mask = probe.mask(block * GRANULES + g);
            if ((words[g * SEGMENTS + probe.segment()] & mask) == mask) {
                granules |= 1 << g;
            }
        }
        return granules;
    }

    /** The granules of one block that may hold a match, as a bit set (bit g: ids (block << 12) + g * 256 ..). */
    static int granules(byte[] row, Probe probe, long block) {
        ByteBuffer words = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
        int granules = 0;
        for (int g = 0; g < GRANULES; g++) {
            long mask = probe.mask(block * GRANULES + g);
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
        return ATTRIBUTE + path + VALUE + value;
    }

    private static String anyValue(String path) {
        return ATTRIBUTE + path + ANY_VALUE;
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's finaliser, so every bit of the 64 depends on every byte. */
    static long hash(String value) {
        return finish(fnv(FNV_OFFSET, value)) & ~WORD_BIT;
    }

    /**
     * FNV-1a from {@code h} on over the UTF-8 bytes of {@code text}, as {@link String#getBytes} encodes them (a lone
     * surrogate as {@code ?}).
     */
    static long fnv(long h, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                h = fnvByte(h, c);
            } else if (c < 0x800) {
                h = fnvByte(fnvByte(h, 0xc0 | c >> 6), 0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                h = fnvByte(
                        fnvByte(fnvByte(fnvByte(h, 0xf0 | cp >> 18), 0x80 | cp >> 12 & 0x3f), 0x80 | cp >> 6 & 0x3f),
                        0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                h = fnvByte(h, '?');
            } else {
                h = fnvByte(fnvByte(fnvByte(h, 0xe0 | c >> 12), 0x80 | c >> 6 & 0x3f), 0x80 | c & 0x3f);
            }
        }
        return h;
    }

    private static long fnvByte(long h, int b) {
        return (h ^ b) * FNV_PRIME;
    }

    /**
     * The same over the characters {@code chars[start..end)} from {@code seed}: a word is hashed where it lies, with
     * no string made of it, and the seed keeps words, prefixes and the other values apart.
     */
    static long hash(char[] chars, int start, int end, long seed) {
        long h = FNV_OFFSET ^ seed;
        for (int i = start; i < end; i++) {
            h = (h ^ chars[i]) * FNV_PRIME;
        }
        return finish(h) | WORD_BIT;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
