package io.logcentral.ingest;

import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 003's LoggerBot server: {@code POST /create_user} (with an admin token as {@code X-Api-Key}) and
 * {@code POST /send_logs} (with {@code X-User-Token}), answering in that server's own {@code {code, message}} shape.
 */
@RestController
class LoggerBotController {

    private static final Map<String, Object> OK = Map.of("code", 200, "message", "Logs added successfully");
    private static final Map<String, Object> BAD_REQUEST = Map.of("code", 400, "message", "BadRequest");
    private static final Map<String, Object> FORBIDDEN = Map.of("code", 403, "message", "Forbidden");
    private static final String[] PROCESS_FIELDS = {"pid", "p_name", "post_time"};

    private final LoggerBotUsers users;
    private final IngestService ingest;
    private final JsonMapper json;

    LoggerBotController(LoggerBotUsers users, IngestService ingest, JsonMapper json) {
        this.users = users;
        this.ingest = ingest;
        this.json = json;
    }

    @PostMapping("/create_user")
    ResponseEntity<Map<String, Object>> createUser(
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal TokenPrincipal principal) {
        if (principal == null || !principal.scopes().contains(Scope.ADMIN)) {
            return ResponseEntity.status(403).body(FORBIDDEN);
        }
        String user = text(body, "user");
        String password = text(body, "password");
        if (user == null || user.isBlank() || password == null) {
            return ResponseEntity.badRequest().body(BAD_REQUEST);
        }
        users.save(user, password, text(body, "tel_id"));
        return ResponseEntity.ok(OK);
    }

    @PostMapping("/send_logs")
    ResponseEntity<Map<String, Object>> sendLogs(
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = "X-User-Token", required = false) String token) {
        JsonNode data = body == null ? null : body.get("data");
        String user = text(data, "user");
        JsonNode logs = data == null ? null : data.get("logs");
        if (user == null || user.isBlank() || logs == null || !logs.isArray()) {
            return ResponseEntity.badRequest().body(BAD_REQUEST);
        }
        if (!users.tokenMatches(user, token)) {
            return ResponseEntity.status(403).body(FORBIDDEN);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode log : logs) {
            items.add(toLog(user, (ObjectNode) data, log));
        }
        try {
            ingest.ingest(items, new TokenPrincipal("loggerbot:" + user, user, EnumSet.of(Scope.INGEST), 200));
        } catch (InvalidLogDataException e) {
            return ResponseEntity.badRequest().body(BAD_REQUEST);
        }
        return ResponseEntity.ok(OK);
    }

    /** The user is the service; the process fields of the request and the log's description become attributes. */
    private ObjectNode toLog(String user, ObjectNode data, JsonNode log) {
        ObjectNode item = log instanceof ObjectNode object ? object.deepCopy() : json.createObjectNode();
        item.put("service", user);
        ObjectNode attributes = json.createObjectNode();
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
