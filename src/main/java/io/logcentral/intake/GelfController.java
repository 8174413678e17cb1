package io.logcentral.intake;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * GELF over HTTP at {@code POST /gelf}, one message per request, plain, gzip or zlib: {@code 202} once stored. The
 * token may come as {@code ?token=} here, since GELF clients cannot send headers.
 */
@RestController
class GelfController {

    private final IngestGate gate;

    GelfController(IngestGate gate) {
        this.gate = gate;
    }

    @PostMapping("/gelf")
    ResponseEntity<Void> gelf(HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        gate.withUndecodedBody(request, body -> {
            ObjectNode message = gate.jsonObject(GelfBody.decompressed(body, gate));
            return gate.store(List.of(GelfLogs.toLog(message)), principal);
        });
        return ResponseEntity.accepted().build();
    }
}
