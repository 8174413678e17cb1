package io.logcentral.intake;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.StoredLogs;
import io.logcentral.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loki's push API at {@code POST /loki/api/v1/push}, JSON or snappy-compressed protobuf: {@code 204} when every entry
 * was stored. Like Loki, a push with rejected entries keeps the others and answers 400 saying how many and why.
 */
@RestController
class LokiController {

    private final IngestGate gate;

    LokiController(IngestGate gate) {
        this.gate = gate;
    }

    @PostMapping("/loki/api/v1/push")
    ResponseEntity<?> push(HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        StoredLogs stored;
        if (type.startsWith("application/x-protobuf")) {
            stored = gate.withBody(request, body -> store(LokiProtobuf.read(body, gate), principal));
        } else if (type.startsWith("application/json")) {
            stored = gate.withJsonObject(request, body -> store(LokiJson.read(body), principal));
        } else {
            throw new UnsupportedTypeException(type, "application/json or application/x-protobuf (snappy)");
        }
        if (stored.rejected().isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        Map.Entry<Integer, String> first =
                stored.rejected().entrySet().iterator().next();
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                stored.rejected().size() + " entries rejected, " + stored.stored() + " stored; entry " + first.getKey()
                        + ": " + first.getValue());
        return ResponseEntity.badRequest().body(problem);
    }

    private StoredLogs store(List<LokiEntry> entries, TokenPrincipal principal) {
        return gate.storeEach(
                entries.stream().map(entry -> LokiLogs.toLog(entry, gate)).toList(), principal);
    }
}
