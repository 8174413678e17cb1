package io.logcentral.query;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class LogNotFoundException extends ErrorResponseException {

    LogNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "no log with id " + id), null);
    }
}
