package io.logcentral.intake;

import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 415: a content type the protocol of this path does not have. */
class UnsupportedTypeException extends ErrorResponseException {

    UnsupportedTypeException(String contentType, String supported) {
        super(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Problems.forField(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type",
                        "unsupported content type " + contentType + ": send " + supported),
                null);
    }
}
