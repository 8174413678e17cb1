package io.logcentral.ops;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 403: the metrics count every service's logs, which a token bound to one service may not see. */
class BoundTokenMetricsException extends ErrorResponseException {

    BoundTokenMetricsException(String service) {
        super(
                HttpStatus.FORBIDDEN,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "this token is bound to service '" + service
                                + "' and /metrics counts every service's logs: use a token not bound to a service"),
                null);
    }
}
