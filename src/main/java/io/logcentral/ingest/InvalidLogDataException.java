package io.logcentral.ingest;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Nothing in the request could be stored: 400 with {@code "error":"Invalid log data"} and the ingest fields. */
public class InvalidLogDataException extends ErrorResponseException {

    static final String ERROR = "Invalid log data";

    private final transient List<ItemError> itemErrors;

    InvalidLogDataException(String detail, String field, List<ItemError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(detail, field, errors), null);
        this.itemErrors = List.copyOf(errors);
    }

    /** The rejected items, each with its index in the request. */
    List<ItemError> itemErrors() {
        return itemErrors;
    }

    static InvalidLogDataException unreadable(String detail) {
        return new InvalidLogDataException(detail, "body", List.of());
    }

    private static ProblemDetail problem(String detail, String field, List<ItemError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("error", ERROR);
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("accepted", 0);
        problem.setProperty("rejected", errors.size());
        problem.setProperty("total_logs", 0);
        problem.setProperty("ids", List.of());
        problem.setProperty("errors", errors);
        return problem;
    }
}
