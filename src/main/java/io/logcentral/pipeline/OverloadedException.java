package io.logcentral.pipeline;

import io.logcentral.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503 with {@code Retry-After}: the server is full for this request's priority; nothing of it was stored. */
class OverloadedException extends ErrorResponseException {

    OverloadedException(String error) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, error), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
