package io.logcentral.query;

import io.logcentral.web.Problems;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 422: the query is valid but ran past its time budget; the answer says how to narrow it. */
class QueryTooSlowException extends ErrorResponseException {

    QueryTooSlowException(Duration budget) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.forField(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "logcentral.query.timeout",
                        "the query ran past its time budget of " + budget.toMillis() + " ms: narrow it with a time"
                                + " range (since, timestamp_start, timestamp_end), a service or a severity, or search"
                                + " for words rather than only symbols or exclusions"),
                null);
    }
}
