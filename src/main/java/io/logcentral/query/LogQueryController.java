package io.logcentral.query;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.LogReader;
import io.logcentral.storage.StoredLog;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /logs}: a page of logs, newest first, with a {@code Link} to the next; {@code GET /logs/{id}}. */
@RestController
class LogQueryController {

    private final LogReader reader;
    private final QueryProperties limits;

    LogQueryController(LogReader reader, QueryProperties limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @GetMapping("/logs")
    ResponseEntity<List<LogView>> find(
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal TokenPrincipal principal) {
        LogQuery query = QueryParameters.read(params, principal, limits, Instant.now());
        List<StoredLog> found = reader.find(query);
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

    /** This request's own URL (as the client reached it, proxies included) with a cursor past the last log. */
    private static String nextPage(StoredLog last) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset")
                .replaceQueryParam("cursor", Cursor.encode(new LogQuery.Position(last.timestamp(), last.id())))
                .build()
                .toUriString();
    }
}
