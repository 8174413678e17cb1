package io.logcentral.query;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a query parameter that cannot mean anything; the answer names it. */
class BadParameterException extends ErrorResponseException {

    BadParameterException(String parameter, String error) {
        super(
                HttpStatus.BAD_REQUEST,
                Problems.forField(HttpStatus.BAD_REQUEST, parameter, parameter + ": " + error),
                null);
    }
}
