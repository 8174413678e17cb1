package io.logcentral.audit;

import io.logcentral.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/audit}: the admin actions, newest first. */
@RestController
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditEventRepository events;

    AuditController(AuditEventRepository events) {
        this.events = events;
    }

    /** {@code limit}: how many, 1 to 1000 (clamped, as for logs); not a whole number is a 400. */
    @GetMapping("/admin/audit")
    List<AuditView> list(@RequestParam(required = false) String limit) {
        return events.findNewest(limit(limit)).stream().map(AuditView::of).toList();
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return (int) Math.max(1, Math.min(MAX_LIMIT, Long.parseLong(text.trim())));
        } catch (NumberFormatException e) {
            throw new BadLimitException();
        }
    }

    /** 400: {@code limit} is not a whole number. */
    static class BadLimitException extends ErrorResponseException {

        BadLimitException() {
            super(
                    HttpStatus.BAD_REQUEST,
                    Problems.forField(HttpStatus.BAD_REQUEST, "limit", "limit must be a whole number"),
                    null);
        }
    }
}
