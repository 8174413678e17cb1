package io.logcentral.ingest;

/** Why one item of a request was not stored: its place in the request, the field at fault and the problem. */
record ItemError(int index, String field, String error) {}
