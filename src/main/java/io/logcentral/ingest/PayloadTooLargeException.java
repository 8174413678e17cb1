package io.logcentral.ingest;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 413: the body or the batch is over its configured limit, which the answer names. */
public class PayloadTooLargeException extends ErrorResponseException {

    PayloadTooLargeException(String limit, String error) {
        super(HttpStatus.CONTENT_TOO_LARGE, Problems.forField(HttpStatus.CONTENT_TOO_LARGE, limit, error), null);
    }

    static PayloadTooLargeException batch(int maxBatch) {
        return new PayloadTooLargeException(
                "logcentral.ingest.max-batch", "more than " + maxBatch + " logs in one request: split the batch");
    }
}
