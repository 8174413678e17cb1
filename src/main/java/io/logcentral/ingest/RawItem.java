package io.logcentral.ingest;

import tools.jackson.databind.node.ObjectNode;

/** One item of a request as read: a JSON object to normalise, or the reason it could not be read. */
record RawItem(int index, ObjectNode log, ItemError error) {

    static RawItem of(int index, ObjectNode log) {
        return new RawItem(index, log, null);
    }

    static RawItem unreadable(int index, String field, String error) {
        return new RawItem(index, null, new ItemError(index, field, error));
    }
}
