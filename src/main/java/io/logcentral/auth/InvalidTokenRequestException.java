package io.logcentral.auth;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a field of a token request is missing or wrong; the answer names it. */
class InvalidTokenRequestException extends ErrorResponseException {

    InvalidTokenRequestException(String field, String error) {
        super(HttpStatus.BAD_REQUEST, Problems.forField(HttpStatus.BAD_REQUEST, field, error), null);
    }
}
