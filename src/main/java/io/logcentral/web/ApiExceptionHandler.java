package io.logcentral.web;

import io.logcentral.storage.StoreFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place exceptions become answers. Named exceptions carry their own status as {@code ErrorResponse}s; this
 * adds the {@code error} sentence to each, maps what a client can break (bad encoding, a broken body) to a 4xx, and
 * turns anything unexpected into a 500 that is logged, never shown. Client text reaches the log only made safe.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
            problem.setProperty("error", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A locked, full or unreachable store is the server's trouble of the moment, not the client's mistake. */
    @ExceptionHandler({
        TransientDataAccessException.class,
        RecoverableDataAccessException.class,
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, HttpServletRequest request) {
        log.warn(
                "Store unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                LogSafe.text(e.getMessage()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage unavailable, retry later"));
    }

    /**
     * What Spring could not classify is a 503 only when the store itself says it cannot serve (busy, full, I/O); a
     * statement the store refuses for any other reason is a bug of ours, and stays a visible 500.
     */
    @ExceptionHandler(UncategorizedDataAccessException.class)
    ResponseEntity<ProblemDetail> uncategorized(UncategorizedDataAccessException e, HttpServletRequest request) {
        return StoreFailures.isUnavailable(e) ? storeUnavailable(e, request) : unexpected(e, request);
    }

    /**
     * Tomcat drops query parameters it cannot read (not valid UTF-8, too many of them) and says so when the
     * parameters are read.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "the query parameters could not be read: encode names and values as percent-encoded UTF-8,"
                                + " and send at most 1000 of them"));
    }

    /** The firewall refuses what could forge a header or a log line: a line break in a parameter name, say. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), LogSafe.text(e.getMessage()));
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "the request holds characters that are not allowed (control characters in a parameter"
                                + " name or a header)"));
    }

    /**
     * A body that stops arriving or breaks off (a malformed chunk, a reset) fails while it is read: the client's
     * request is at fault, and whatever it sent was not stored.
     */
    @ExceptionHandler(IOException.class)
    ResponseEntity<ProblemDetail> unreadable(IOException e, HttpServletRequest request) {
        log.debug(
                "Unreadable request {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                LogSafe.text(e.getMessage()));
        if (causedBy(e, SocketTimeoutException.class)) {
            return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT)
                    .body(Problems.of(HttpStatus.REQUEST_TIMEOUT, "the request body did not arrive in time"));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "the request body could not be read: it broke off"));
    }

    /**
     * A failure after the answer began (an export cut short) cannot change the status any more: it is thrown on, so
     * the connection ends without the last chunk and the client sees a broken transfer, not a complete answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (response.isCommitted()) {
            log.warn(
                    "Answer to {} {} cut short: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    LogSafe.text(e.getMessage()));
            throw e;
        }
        return unexpected(e, request);
    }

    private ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), LogSafe.failure(e));
        return ResponseEntity.internalServerError()
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error"));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
