package io.logcentral.alert;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404: no rule with that id, or no channel with that name. */
class AlertNotFoundException extends ErrorResponseException {

    AlertNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, what + " not found"), null);
    }
}
