/**
 * The ways in that other systems' senders already speak: OpenTelemetry OTLP/HTTP, Loki push, Elasticsearch bulk and
 * GELF over HTTP. Each reads its body through ingest's gate and stores through ingest's normaliser, so the limits,
 * scopes and bound services of {@code POST /logs} hold here too.
 */
@NullMarked
package io.logcentral.intake;

import org.jspecify.annotations.NullMarked;
