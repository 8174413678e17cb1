package io.logcentral.storage.sqlite;

/** Log ids {@code first..last}, both included; empty when {@code last < first}. */
record IdRange(long first, long last) {}
