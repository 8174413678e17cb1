package io.logcentral.auth;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404: no managed token of that name (a static one cannot be rotated or revoked through the API). */
class TokenNotFoundException extends ErrorResponseException {

    TokenNotFoundException(String name, String why) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "token " + name + " " + why), null);
    }
}
