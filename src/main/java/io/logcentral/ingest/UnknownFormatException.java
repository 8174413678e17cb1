package io.logcentral.ingest;

import io.logcentral.textformat.TextFormat;
import io.logcentral.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: {@code ?format=} names no format we read. */
class UnknownFormatException extends ErrorResponseException {

    UnknownFormatException(String format) {
        super(
                HttpStatus.BAD_REQUEST,
                Problems.forField(
                        HttpStatus.BAD_REQUEST,
                        "format",
                        "unknown format '" + shown(format) + "': use one of " + TextFormat.names()),
                null);
    }

    private static String shown(String format) {
        return format.length() <= 32 ? format : format.substring(0, 32) + "...";
    }
}
