package io.logcentral.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        return new IngestResponse(SUCCESS, ids.size(), errors.size(), ids.size(), ids, errors);
    }
}
