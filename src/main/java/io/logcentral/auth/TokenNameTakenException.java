package io.logcentral.auth;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 409: a static or managed token has that name already. */
class TokenNameTakenException extends ErrorResponseException {

    TokenNameTakenException(String name, String holder) {
        super(
                HttpStatus.CONFLICT,
                Problems.forField(HttpStatus.CONFLICT, "name", "name: " + name + " is taken by " + holder),
                null);
    }
}
