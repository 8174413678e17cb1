package io.logcentral.query;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.StoredLog;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /logs}: a page of logs, newest first, with a {@code Link} to the next; {@code GET /logs/{id}}. */
@RestController
class LogQueryController {

    private final LogReader reader;
    private final QueryBudget budget;
    private final QueryProperties limits;
    private final LogExport export;
    private final LogTail tail;

    LogQueryController(LogReader reader, QueryBudget budget, QueryProperties limits, JsonMapper json, LogTail tail) {
        this.reader = reader;
        this.budget = budget;
        this.limits = limits;
        this.export = new LogExport(reader, budget, json);
        this.tail = tail;
    }

    /** Server-Sent Events of new logs matching the filters; {@code Last-Event-ID} resumes after that log. */
    @GetMapping(value = "/logs/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal TokenPrincipal principal,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        LogQuery filters = QueryParameters.read(params, principal, limits, Instant.now());
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new BadParameterException("Last-Event-ID", "not the id of a log");
            }
        }
        return tail.open(filters, principal.name(), after);
    }

    @GetMapping("/logs")
    ResponseEntity<List<LogView>> find(
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal TokenPrincipal principal,
            @RequestHeader HttpHeaders headers,
            HttpServletResponse servletResponse)
            throws IOException {
        LogQuery query = QueryParameters.read(params, principal, limits, Instant.now());
        MediaType format = exportFormat(headers);
        if (format != null) {
            // Written here, chunk by chunk, rather than returned as a body: an export may be larger than the heap.
            Long limit = QueryParameters.requestedLimit(params);
            export.write(query, limit == null ? Long.MAX_VALUE : limit, format, servletResponse);
            return null;
        }
        List<StoredLog> found = budget.read(() -> reader.find(query));
        int pageSize = query.limit() - 1;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (found.size() > pageSize) {
            found = found.subList(0, pageSize);
            StoredLog last = found.get(pageSize - 1);
            response.header(HttpHeaders.LINK, "<" + nextPage(last) + ">; rel=\"next\"");
        }
        return response.body(found.stream().map(LogView::of).toList());
    }

    @GetMapping("/logs/{id:\\d{1,18}}")
    LogView findOne(@PathVariable long id, @AuthenticationPrincipal TokenPrincipal principal) {
        return reader.findById(id)
                .filter(log -> principal.mayUse(log.service()))
                .map(LogView::of)
                .orElseThrow(() -> new LogNotFoundException(id));
    }

    private static MediaType exportFormat(HttpHeaders headers) {
        try {
            return LogExport.format(headers.getAccept());
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** This request's own URL (as the client reached it, proxies included) with a cursor past the last log. */
    private static String nextPage(StoredLog last) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset")
                .replaceQueryParam("cursor", Cursor.encode(new LogQuery.Position(last.timestamp(), last.id())))
                .build()
                .toUriString();
    }
}
