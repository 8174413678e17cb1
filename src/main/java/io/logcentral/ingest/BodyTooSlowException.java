package io.logcentral.ingest;

import io.logcentral.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 408: the body arrived slower than the configured minimum rate; nothing of it was stored. */
class BodyTooSlowException extends ErrorResponseException {

    BodyTooSlowException(long minBytesPerSecond) {
        super(
                HttpStatus.REQUEST_TIMEOUT,
                Problems.forField(
                        HttpStatus.REQUEST_TIMEOUT,
                        "logcentral.ingest.body-min-rate",
                        "request body arrived slower than " + minBytesPerSecond + " bytes per second"),
                null);
        // The rest of a trickling body is not worth waiting for.
        getHeaders().set(HttpHeaders.CONNECTION, "close");
    }
}
