package io.logcentral.auth;

import io.logcentral.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 429 with {@code Retry-After}: this token went over its requests or logs a second; nothing of the request was kept. */
public class RateLimitedException extends ErrorResponseException {

    private final long retryAfterSeconds;

    RateLimitedException(String what, long limit, long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate limit: this token may send " + limit + " " + what + " a second; retry after "
                                + retryAfterSeconds + " s"),
                null);
        this.retryAfterSeconds = retryAfterSeconds;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
