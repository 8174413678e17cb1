package io.logcentral.ingest;

import io.logcentral.auth.TokenPrincipal;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /log}, as seed 002's gateway and services send it: {@code {service, user_id, action, result, cause?,
 * timestamp?}}. The message is built from action, result and cause; a result other than success is an error.
 */
@RestController
class ActionLogController {

    private static final String[] KEPT = {"user_id", "action", "result", "cause"};

    private final IngestService ingest;
    private final JsonMapper json;

    ActionLogController(IngestService ingest, JsonMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @PostMapping("/log")
    Map<String, Object> log(@RequestBody ObjectNode body, @AuthenticationPrincipal TokenPrincipal principal) {
        IngestAnswer answer = ingest.ingest(java.util.List.of(toLog(body)), principal);
        return Map.of("status", "success", "log_id", answer.body().ids().get(0));
    }

    private ObjectNode toLog(ObjectNode action) {
        ObjectNode log = json.createObjectNode();
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
        JsonNode value = from.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
