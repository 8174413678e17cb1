package io.logcentral.textformat;

/** A line is not in the format it was read as; the field names the part at fault. Cheap: no stack trace. */
public class MalformedLineException extends RuntimeException {

    private final String field;

    MalformedLineException(String field, String error) {
        super(error, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
