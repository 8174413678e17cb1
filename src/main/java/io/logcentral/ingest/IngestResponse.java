package io.logcentral.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/** The answer to an ingest in the shape every client we replace reads: {@code status}, {@code total_logs}, ... */
record IngestResponse(
        String status,
        int accepted,
        int rejected,
        @JsonProperty("total_logs") int totalLogs,
        List<Long> ids,
        List<ItemError> errors) {

    static final String SUCCESS = "Log processed successfully";

    static IngestResponse of(List<Long> ids, List<ItemError> errors) {
        return of(ids, errors.size(), errors);
    }

    static IngestResponse of(List<Long> ids, ItemError[] errors) {
        return of(ids, Arrays.asList(errors));
    }

    /** When only the first of the rejected items' errors were kept. */
    static IngestResponse of(List<Long> ids, int rejected, List<ItemError> errors) {
        return new IngestResponse(SUCCESS, ids.size(), rejected, ids.size(), ids, errors);
    }
}
