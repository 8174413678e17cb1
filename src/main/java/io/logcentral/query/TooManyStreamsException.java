package io.logcentral.query;

import io.logcentral.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 429: the token already holds as many live tails as it may. */
class TooManyStreamsException extends ErrorResponseException {

    TooManyStreamsException(int limit) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                Problems.forField(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "logcentral.query.max-streams-per-token",
                        "this token already has " + limit + " live tails open"),
                null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "15");
    }
}
