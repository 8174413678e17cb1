package io.logcentral.compat;

import io.logcentral.auth.LoggerBotCredentials;
import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.ingest.IngestGate;
import io.logcentral.ingest.InvalidLogDataException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 003's LoggerBot server: {@code POST /create_user} (with an admin token as {@code X-Api-Key}) and
 * {@code POST /send_logs} (with {@code X-User-Token}), answering in that server's own {@code {code, message}} shape.
 * Bodies come through ingest's gate, so the size, budget, pace and depth limits hold before anything is parsed.
 */
@RestController
class LoggerBotController {

    private static final Map<String, Object> OK = Map.of("code", 200, "message", "Logs added successfully");
    private static final Map<String, Object> BAD_REQUEST = Map.of("code", 400, "message", "BadRequest");
    private static final Map<String, Object> FORBIDDEN = Map.of("code", 403, "message", "Forbidden");
    private static final String[] PROCESS_FIELDS = {"pid", "p_name", "post_time"};

    private final LoggerBotCredentials credentials;
    private final IngestGate gate;

    LoggerBotController(LoggerBotCredentials credentials, IngestGate gate) {
        this.credentials = credentials;
        this.gate = gate;
    }

    @PostMapping("/create_user")
    ResponseEntity<Map<String, Object>> createUser(
            HttpServletRequest request, @AuthenticationPrincipal @Nullable TokenPrincipal principal) {
        if (!credentials.mayCreateUsers(principal)) {
            return ResponseEntity.status(403).body(FORBIDDEN);
        }
        return seedShaped(() -> gate.withJsonObject(request, body -> {
            String user = text(body, "user");
            String password = text(body, "password");
            if (user == null || user.isBlank() || password == null || password.isEmpty()) {
                return ResponseEntity.badRequest().body(BAD_REQUEST);
            }
            credentials.save(user, password, text(body, "tel_id"));
            return ResponseEntity.ok(OK);
        }));
    }

    @PostMapping("/send_logs")
    ResponseEntity<Map<String, Object>> sendLogs(
            HttpServletRequest request,
            @RequestHeader(name = "X-User-Token", required = false) @Nullable String token) {
        return seedShaped(() -> gate.withJsonObject(request, body -> {
            JsonNode data = body.get("data");
            String user = text(data, "user");
            JsonNode logs = data == null ? null : data.get("logs");
            if (user == null || user.isBlank() || logs == null || !logs.isArray()) {
                return ResponseEntity.badRequest().body(BAD_REQUEST);
            }
            if (!credentials.tokenMatches(user, token)) {
                return ResponseEntity.status(403).body(FORBIDDEN);
            }
            List<ObjectNode> items = new ArrayList<>();
            for (JsonNode log : logs) {
                items.add(toLog(user, (ObjectNode) data, log));
            }
            gate.store(items, new TokenPrincipal("loggerbot:" + user, user, EnumSet.of(Scope.INGEST), 200));
            return ResponseEntity.ok(OK);
        }));
    }

    /** Seed 003's clients read {@code {"code":400}} for any body they got wrong, not a problem document. */
    private static ResponseEntity<Map<String, Object>> seedShaped(Supplier<ResponseEntity<Map<String, Object>>> call) {
        try {
            return call.get();
        } catch (InvalidLogDataException e) {
            return ResponseEntity.badRequest().body(BAD_REQUEST);
        }
    }

    /** The user is the service; the process fields of the request and the log's description become attributes. */
    private ObjectNode toLog(String user, ObjectNode data, JsonNode log) {
        ObjectNode item = log instanceof ObjectNode object ? object.deepCopy() : gate.newLog();
        item.put("service", user);
        ObjectNode attributes = gate.newLog();
        for (String field : PROCESS_FIELDS) {
            JsonNode value = data.get(field);
            if (value != null) {
                attributes.set(field, value);
            }
        }
        JsonNode description = item.remove("p_description");
        if (description != null) {
            attributes.set("p_description", description);
        }
        item.set("attributes", attributes);
        return item;
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
