package io.logcentral.retention;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: retention rules that cannot work as sent; the answer names the field at fault. */
class InvalidRetentionException extends ErrorResponseException {

    InvalidRetentionException(String field, String error) {
        super(HttpStatus.BAD_REQUEST, Problems.forField(HttpStatus.BAD_REQUEST, field, field + ": " + error), null);
    }
}
