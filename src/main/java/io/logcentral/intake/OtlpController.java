package io.logcentral.intake;

import com.google.protobuf.InvalidProtocolBufferException;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.StoredLogs;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenTelemetry's OTLP/HTTP logs at {@code POST /v1/logs}, protobuf or JSON; the answer is an
 * {@code ExportLogsServiceResponse} in the request's encoding, counting rejected records as a partial success.
 */
@RestController
class OtlpController {

    static final String PROTOBUF = "application/x-protobuf";

    private final IngestGate gate;
    private final OtlpLogs logs;

    OtlpController(IngestGate gate) {
        this.gate = gate;
        this.logs = new OtlpLogs(gate);
    }

    @PostMapping("/v1/logs")
    ResponseEntity<?> export(HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(PROTOBUF) || type.startsWith("application/protobuf")) {
            ExportLogsServiceResponse answer = gate.withBody(request, body -> store(protobuf(body), principal));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(PROTOBUF))
                    .body(answer.toByteArray());
        }
        if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            ExportLogsServiceResponse answer =
                    gate.withJsonObject(request, body -> store(OtlpJson.read(body), principal));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OtlpJson.write(answer));
        }
        throw new UnsupportedTypeException(type, PROTOBUF + " or application/json");
    }

    private static ExportLogsServiceRequest protobuf(byte[] body) {
        try {
            return ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new UnreadableBodyException("not an OTLP ExportLogsServiceRequest in protobuf: " + e.getMessage());
        }
    }

    private ExportLogsServiceResponse store(ExportLogsServiceRequest request, TokenPrincipal principal) {
        StoredLogs stored = gate.storeEach(logs.toLogs(request), principal);
        ExportLogsServiceResponse.Builder answer = ExportLogsServiceResponse.newBuilder();
        if (!stored.rejected().isEmpty()) {
            Map.Entry<Integer, String> first =
                    stored.rejected().entrySet().iterator().next();
            answer.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                    .setRejectedLogRecords(stored.rejected().size())
                    .setErrorMessage("log record " + first.getKey() + ": " + first.getValue()));
        }
        return answer.build();
    }
}
