package io.logcentral.storage.sqlite;

/** Log ids {@code first..last}, both included; empty when {@code last < first}. */
record IdRange(long first, long last) {

    static final IdRange ALL = new IdRange(0, Long.MAX_VALUE);

    IdRange from(long id) {
        return new IdRange(Math.max(first, id), last);
    }
}
