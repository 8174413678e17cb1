package io.logcentral.retention;

import io.logcentral.web.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503: the storage report did not finish within its read budget; a later try may, when the store is less busy. */
class StorageReportTooSlowException extends ErrorResponseException {

    StorageReportTooSlowException(Duration budget) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "the storage report took longer than " + budget.toSeconds() + " s, retry later"),
                null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
    }
}
