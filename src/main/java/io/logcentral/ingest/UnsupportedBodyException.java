package io.logcentral.ingest;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 415: a content type or encoding we cannot read. */
class UnsupportedBodyException extends ErrorResponseException {

    UnsupportedBodyException(String header, String error) {
        super(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Problems.forField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, header, error),
                null);
    }
}
