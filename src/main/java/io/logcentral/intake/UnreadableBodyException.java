package io.logcentral.intake;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a body that is not what its protocol says it is. */
class UnreadableBodyException extends ErrorResponseException {

    UnreadableBodyException(String error) {
        super(HttpStatus.BAD_REQUEST, Problems.forField(HttpStatus.BAD_REQUEST, "body", error), null);
    }
}
