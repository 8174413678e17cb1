package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.textformat.TextFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.StringJoiner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /logs}: one log, a batch, NDJSON or text lines. */
@RestController
class IngestController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IngestService ingest;
    private final IngestGate gate;
    private final ObjectWriter answers;
    private final IngestMetrics metrics;

    IngestController(IngestService ingest, IngestGate gate, JsonMapper json, IngestMetrics metrics) {
        this.ingest = ingest;
        this.gate = gate;
        this.answers = json.writerFor(IngestResponse.class);
        this.metrics = metrics;
    }

    /**
     * Reads the body itself rather than through a message converter: the size limit must hold before parsing, and
     * the content type decides how the body splits into logs. A {@code service} query parameter names the service of
     * items that name none (handy for text lines); {@code format} names the format of every text line.
     */
    @PostMapping("/logs")
    ResponseEntity<byte[]> ingest(HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        long start = System.nanoTime();
        try {
            return answer(request, principal);
        } finally {
            metrics.requestTook(System.nanoTime() - start);
        }
    }

    private ResponseEntity<byte[]> answer(HttpServletRequest request, TokenPrincipal principal) {
        TextFormat format = format(queryParameter(request, "format"));
        String idempotencyKey = idempotencyKey(request);
        IngestAnswer answer = gate.withBody(
                request,
                body -> ingest.ingest(
                        body,
                        request.getHeader(HttpHeaders.CONTENT_TYPE),
                        format,
                        principal,
                        queryParameter(request, "service"),
                        idempotencyKey));
        // The logs are stored by now: whatever the client's Accept header says, it gets JSON rather than a 406. Written
        // here by the application's own mapper, as its message converter would: choosing that converter for each answer
        // cost about 6 % of one-log requests a second (JDK 25, virtual threads, 32 connections).
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answers.writeValueAsBytes(answer.body()));
    }

    /**
     * Read here rather than by {@code @RequestHeader}, whose resolver cost 2 % of a one-log request; several headers
     * join with commas as that resolver joined them.
     */
    private static String idempotencyKey(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(IDEMPOTENCY_KEY);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringJoiner all = new StringJoiner(",").add(first);
        values.asIterator().forEachRemaining(all::add);
        return all.toString();
    }

    /** Checked before the body is read: a mistake in the URL costs no upload. */
    private static TextFormat format(String name) {
        if (name == null) {
            return null;
        }
        return TextFormat.named(name).orElseThrow(() -> new UnknownFormatException(name));
    }

    /** From the query string only: asking the request would parse a form body, which must stay unread. */
    private static String queryParameter(HttpServletRequest request, String name) {
        if (request.getQueryString() == null) {
            return null;
        }
        String value = UriComponentsBuilder.newInstance()
                .query(request.getQueryString())
                .build()
                .getQueryParams()
                .getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
