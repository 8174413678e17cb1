package io.logcentral.storage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: the store refused a write (locked, disk full, gone); nothing of the request was stored, so a retry is safe. */
public class StoreUnavailableException extends ErrorResponseException {

    public StoreUnavailableException(String reason, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(reason), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, reason);
        problem.setProperty("error", "storage unavailable, retry later");
        return problem;
    }
}
