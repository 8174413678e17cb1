package io.logcentral.alert;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 409: a rule or channel of that name exists already. */
class NameTakenException extends ErrorResponseException {

    NameTakenException(String name) {
        super(HttpStatus.CONFLICT, Problems.forField(HttpStatus.CONFLICT, "name", "name: " + name + " is taken"), null);
    }
}
