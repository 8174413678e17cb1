package io.logcentral.intake;

import java.util.Map;

/**
 * One line of a Loki push as either encoding carries it.
 *
 * @param labels the stream's labels
 * @param nanos nanoseconds since the epoch
 * @param metadata the entry's structured metadata, empty when none
 */
record LokiEntry(Map<String, String> labels, long nanos, String line, Map<String, String> metadata) {}
