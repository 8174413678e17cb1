package io.logcentral.query;

/**
 * A chunk of an export ran past the query time budget after the answer had begun: no status can say so any more, so
 * the exception ends the request and the server drops the connection without the last chunk, which every HTTP client
 * reports as a broken transfer (curl: exit 18) rather than taking the export for whole.
 */
class ExportCutShortException extends RuntimeException {

    ExportCutShortException(long written, QueryTooSlowException cause) {
        super("export cut short after " + written + " logs: a chunk ran past logcentral.query.timeout", cause);
    }
}
