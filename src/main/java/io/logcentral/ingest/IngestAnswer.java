package io.logcentral.ingest;

/** The status and body of an ingest; {@code replayed} when it is the kept answer to an earlier try of the request. */
record IngestAnswer(int status, IngestResponse body, boolean replayed) {}
