package io.logcentral.alert;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a rule or channel that cannot work as sent; the answer names the field at fault. */
class InvalidAlertException extends ErrorResponseException {

    InvalidAlertException(String field, String error) {
        super(HttpStatus.BAD_REQUEST, Problems.forField(HttpStatus.BAD_REQUEST, field, field + ": " + error), null);
    }
}
