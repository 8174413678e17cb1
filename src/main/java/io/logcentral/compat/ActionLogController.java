package io.logcentral.compat;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /log}, as seed 002's gateway and services send it: {@code {service, user_id, action, result, cause?,
 * timestamp?}}. The message is built from action, result and cause; a result other than success is an error.
 */
@RestController
class ActionLogController {

    private static final String[] KEPT = {"user_id", "action", "result", "cause"};

    private final IngestGate gate;

    ActionLogController(IngestGate gate) {
        this.gate = gate;
    }

    @PostMapping("/log")
    Map<String, Object> log(HttpServletRequest request, @AuthenticationPrincipal TokenPrincipal principal) {
        List<Long> ids = gate.withJsonObject(request, action -> gate.store(List.of(toLog(action)), principal));
        return Map.of("status", "success", "log_id", ids.get(0));
    }

    private ObjectNode toLog(ObjectNode action) {
        ObjectNode log = gate.newLog();
        copy(action, "service", log);
        copy(action, "timestamp", log);
        String result = text(action, "result");
        String cause = text(action, "cause");
        String message = text(action, "action") + ": " + result + (cause.isEmpty() ? "" : " (" + cause + ")");
        log.put("message", message);
        log.put("severity", result.equalsIgnoreCase("success") ? "INFO" : "ERROR");
        ObjectNode attributes = log.putObject("attributes");
        for (String field : KEPT) {
            copy(action, field, attributes);
        }
        return log;
    }

    private static void copy(ObjectNode from, String field, ObjectNode to) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value);
        }
    }

    private static String text(ObjectNode from, String field) {
        @Nullable JsonNode value = from.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
