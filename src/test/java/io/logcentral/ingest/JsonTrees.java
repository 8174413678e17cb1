package io.logcentral.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** JSON texts for property tests, weighted toward what breaks parsers: the ingest aliases, odd numbers, deep nesting. */
final class JsonTrees {

    private JsonTrees() {}

    static Arbitrary<String> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar()),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(v -> "[" + String.join(",", v) + "]")),
                net.jqwik.api.Tuple.of(2, object(inner)));
    }

    static Arbitrary<String> object(Arbitrary<String> values) {
        return Combinators.combine(key(), values)
                .as((k, v) -> k + ":" + v)
                .list()
                .ofMaxSize(6)
                .map(fields -> "{" + String.join(",", fields) + "}");
    }

    /** Arrays and objects nested up to well past the depth limit, optionally inside a log. */
    static Arbitrary<String> deep() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 200),
                        Arbitraries.of("[", "{\"a\":"),
                        Arbitraries.of(true, false))
                .as((depth, open, inLog) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    return inLog
                            ? "{\"service\":\"s\",\"message\":\"m\",\"attributes\":{\"x\":" + nested + "}}"
                            : nested;
                });
    }

    private static Arbitrary<String> key() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "timestamp",
                                "@timestamp",
                                "time",
                                "ts",
                                "event_at",
                                "service",
                                "app",
                                "source",
                                "severity",
                                "level",
                                "message",
                                "msg",
                                "attributes",
                                "data",
                                "logs",
                                "request_id",
                                "trace_id",
                                "span_id",
                                "host",
                                ""),
                        Arbitraries.strings().ofMaxLength(6))
                .map(JsonTrees::quoted);
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(JsonTrees::quoted),
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-0",
                        "-1",
                        "1e999999999",
                        "1e-999999999",
                        "-1e999999999",
                        "1E+2147483647",
                        "1e-2147483648",
                        "123456789012345678901234567890123456789012345678901234567890",
                        "9223372036854775808",
                        "1731075810.123456789",
                        "1.5e300",
                        "\"2024-11-08T14:23:30.1234Z\"",
                        "\"2024-02-30\"",
                        "\"99999999999999999999\"",
                        "\"\\u0000\"",
                        "\"\\ud800\"",
                        "\"WARN\"",
                        "\"x\"",
                        "\"" + "y".repeat(2000) + "\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I")));
    }

    /** A JSON string literal: every character escaped as \\uXXXX so any code unit, lone surrogates too, survives. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }
}
